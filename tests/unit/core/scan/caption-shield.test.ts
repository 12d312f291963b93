import { describe, expect, it } from 'vitest';
import { rosterCaption } from '../../../../src-main/core/filings/caption';
import { LeakScanner, type ScanIdentity } from '../../../../src-main/core/scan';

// Synthetic people: plaintiffs whose given names are the pseudonym scheme's own words.
const PEOPLE: ScanIdentity[] = [
  { plaintiffId: 'p1', caseId: 'c1', pseudonym: 'Jane Doe 1', legalName: 'Jane Quillfeather', aliases: [], idNumbers: [] },
  { plaintiffId: 'p2', caseId: 'c1', pseudonym: 'John Doe 2', legalName: 'John Marlowby', aliases: [], idNumbers: [] },
  { plaintiffId: 'p3', caseId: 'c1', pseudonym: 'Jane Doe 3', legalName: 'Ottilie Brandvold', aliases: [], idNumbers: [] },
];
const scanner = LeakScanner.build(PEOPLE);

describe('the roster caption is the pseudonyms, not a name', () => {
  it('finds no plaintiff in the caption written from the roster', () => {
    const caption = rosterCaption(PEOPLE.map((p) => p.pseudonym));
    expect(caption).toBe('JANE DOES 1, 3 and JOHN DOE 2');
    expect(scanner.scan(caption)).toEqual([]);
    expect(scanner.scan('JANE DOES 1 through 70 and JOHN DOES 71 through 140')).toEqual([]);
    expect(scanner.scan('Jane Does 1 and 3, and John Does 2, allege')).toEqual([]);
  });

  it('still finds the given name of a plaintiff named Jane or John outside the caption form', () => {
    for (const text of ['JOHN arrived first.', 'Jane said so.', 'John Marlowby', 'the Does and Jane']) {
      expect(scanner.scan(text).length, text).toBeGreaterThan(0);
    }
  });
});

describe('"Jane Does" and "John Does" are placeholders in any case, whatever its scheme', () => {
  // A neutral scheme ("Doe 1") gives no "Jane Doe" pseudonym, yet the case is titled as the
  // practice titles every such case.
  const NEUTRAL: ScanIdentity[] = [
    { plaintiffId: 'n1', caseId: 'c2', pseudonym: 'Doe 1', legalName: 'Jane Quillfeather', aliases: [], idNumbers: [] },
    { plaintiffId: 'n2', caseId: 'c2', pseudonym: 'Doe 2', legalName: 'John Marlowby', aliases: [], idNumbers: [] },
  ];
  const neutral = LeakScanner.build(NEUTRAL);

  it('finds no plaintiff in a placeholder caption', () => {
    for (const text of ['Jane Does 1 through 40 v. City of Springfield', 'JOHN DOES 1-5, Defendants']) {
      expect(neutral.scan(text), text).toEqual([]);
    }
  });

  it('still finds the plaintiffs named Jane and John everywhere else', () => {
    for (const text of ['Jane said so.', 'JOHN arrived first.', 'Jane Quillfeather', 'John Marlowby v. City', 'Jane, Doe 1, said so', 'a Jane Doe plaintiff']) {
      expect(neutral.scan(text).length, text).toBeGreaterThan(0);
    }
  });
});
