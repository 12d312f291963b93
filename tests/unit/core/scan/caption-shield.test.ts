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
