import fc from 'fast-check';
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

describe('a pseudonym shields its words only where they are written as the pseudonym is', () => {
  // "Jane. Does the City …" reads as the words "jane does", the plural stem of "Jane Doe 1":
  // taken for it, they hid the given name before the full stop and any full name ending there.
  const surname = fc.stringMatching(/^[a-z]{4,10}$/).map((w) => w[0]!.toUpperCase() + w.slice(1));
  const punctuation = fc.constantFrom('.', ',', ';', ':', '!', '?', ')', '"', '”', '…', '/', '.)', '."');
  const space = fc.constantFrom('', ' ', '  ', '\n', ' \n ');
  const gap = fc.constantFrom(' ', '  ', '\n', ' #', '-', ' – ', '\u00a0');

  it('a full name or given name before punctuation and "Does" / "Doe n" is found', () => {
    fc.assert(
      fc.property(surname, punctuation, space, fc.constantFrom('Does', 'Doe 1', 'DOES', 'does'), (family, mark, after, next) => {
        fc.pre(!['Does', 'Doe'].includes(family));
        const jane: ScanIdentity = { plaintiffId: 'p1', caseId: 'c1', pseudonym: 'Jane Doe 1', legalName: `Jane ${family}`, aliases: [], idNumbers: [] };
        const scanner = LeakScanner.build([jane]);
        const full = `${family}, Jane`;
        const text = `The officer was ${full}${mark}${after || ' '}${next} the City dispute it?`;
        expect(scanner.scan(text).find((h) => h.kind === 'full-name')?.text, text).toBe(full);
        const alone = `I spoke with Jane${mark}${after || ' '}${next} she remember?`;
        expect(scanner.scan(alone).map((h) => [h.kind, h.text]), alone).toEqual([['given-name', 'Jane']]);
      }),
      { numRuns: 150 },
    );
  });

  it('the pseudonym and its plural, spaced, numbered with "#" or a dash, are no hit', () => {
    fc.assert(
      fc.property(gap, gap, fc.integer({ min: 1, max: 140 }), (first, second, n) => {
        for (const text of [`Jane${first}Doe${second}1 testified.`, `JANE${first}DOES${second}1 through ${n}, Plaintiffs`]) {
          expect(scanner.scan(text).filter((h) => h.targets.some((t) => t.plaintiffId === 'p1')), text).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a pseudonym with punctuation of its own (the initials scheme\'s "M.R. 2") shields it as written', () => {
    const initials = LeakScanner.build([
      { plaintiffId: 'i1', caseId: 'c3', pseudonym: 'M.R.', legalName: 'Marta Rybak', aliases: [], idNumbers: [] },
      { plaintiffId: 'i2', caseId: 'c3', pseudonym: 'M.R. 2', legalName: 'Mateusz Rybak', aliases: [], idNumbers: [] },
    ]);
    for (const text of ['M.R. 2 testified.', 'M. R. 2 testified.', 'Then M.R. 2, and M.R. testified.']) {
      expect(initials.scan(text), text).toEqual([]);
    }
  });
});
