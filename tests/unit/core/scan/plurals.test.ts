import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeakScanner, type LeakHit, type ScanIdentity } from '../../../../src-main/core/scan';

// Synthetic people only: faker with a fixed seed, letters-only names, surnames distinct.
faker.seed(20_261_211);
const PEOPLE: ScanIdentity[] = [];
const surnames = new Set<string>();
while (PEOPLE.length < 40) {
  const given = faker.person.firstName();
  const surname = faker.person.lastName();
  if (!/^[A-Z][a-z]{2,}$/.test(given) || !/^[A-Z][a-z]{3,}$/.test(surname) || surnames.has(surname)) continue;
  surnames.add(surname);
  const n = PEOPLE.length + 1;
  PEOPLE.push({ plaintiffId: `p${n}`, caseId: 'c1', pseudonym: `Jane Doe ${n}`, legalName: `${given} ${surname}`, aliases: [], idNumbers: [] });
}
const scanner = LeakScanner.build(PEOPLE);
const surnameOf = (p: ScanIdentity) => p.legalName.split(' ')[1]!;
const givenOf = (p: ScanIdentity) => p.legalName.split(' ')[0]!;

/** English plural of a family name: "-es" after s, x, z, ch, sh; "-s" otherwise. */
const plural = (surname: string) => surname + (/(?:s|x|z|ch|sh)$/i.test(surname) ? 'es' : 's');

/** The ways a draft writes a family by its plural, possessive or not, in any case. */
const FORMS: readonly ((surname: string) => string)[] = [
  (s) => `the ${plural(s)} moved`,
  (s) => `the ${plural(s)}' house`,
  (s) => `the ${plural(s)}’ house`,
  (s) => `both ${plural(s)}`,
  (s) => `${plural(s).toUpperCase()}'`,
  (s) => `${plural(s).toUpperCase()}’ CLAIMS`,
  (s) => `the ${plural(s)}'s lawyer`,
];

const filler = fc.array(fc.constantFrom('the', 'court', 'motion', 'of', 'and', '12', 'filed', 'under', 'seal', ',', '.', '\n', '(', ')', '—'), {
  maxLength: 8,
});
const around = (before: string[], form: string, after: string[]) => `${before.join(' ')} ${form} ${after.join(' ')}`;

function hitOn(found: readonly LeakHit[], text: string, word: string): LeakHit | undefined {
  const at = text.indexOf(word);
  return found.find((hit) => hit.start <= at && hit.end >= at + word.length);
}

describe('LeakScanner: plural surnames (issue 11)', () => {
  it('finds every plural and plural possessive of a surname, for the right plaintiff, as a surname alone is found', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PEOPLE), fc.nat(FORMS.length - 1), filler, filler, (person, f, before, after) => {
        const surname = surnameOf(person);
        const text = around(before, FORMS[f]!(surname), after);
        const written = new RegExp(plural(surname), 'i').exec(text)![0];
        const hit = hitOn(scanner.scan(text), text, written);
        expect(hit, text).toBeDefined();
        expect(hit!.text.toLowerCase()).toBe(plural(surname).toLowerCase());
        expect(hit!.targets.map((t) => t.plaintiffId)).toEqual([person.plaintiffId]);
        // The same decision as the bare surname: kind, confidence and reasons.
        const bare = scanner.scan(`Ms. ${surname} left.`)[0]!;
        expect([hit!.kind, hit!.confidence, hit!.reasons]).toEqual([bare.kind, bare.confidence, bare.reasons]);
      }),
      { seed: 1211, numRuns: 300 },
    );
  });

  it('finds the full name with a plural last word ("Marta Quillfeathers") as the full name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PEOPLE), filler, (person, before) => {
        const text = around(before, `${givenOf(person)} ${plural(surnameOf(person))}'`, []);
        const hit = hitOn(scanner.scan(text), text, givenOf(person));
        expect(hit?.kind, text).toBe('full-name');
        expect(hit!.text).toBe(`${givenOf(person)} ${plural(surnameOf(person))}`);
        expect(hit!.targets.map((t) => t.plaintiffId)).toEqual([person.plaintiffId]);
      }),
      { seed: 1212, numRuns: 100 },
    );
  });

  it('does not read a longer word that merely starts with a surname as that surname', () => {
    const tail = fc.stringMatching(/^[a-z]{1,6}$/).filter((t) => !['s', 'es'].includes(t));
    fc.assert(
      fc.property(fc.constantFrom(...PEOPLE), tail, filler, (person, rest, before) => {
        const word = surnameOf(person) + rest;
        // A tail that spells another plaintiff's name, or the plural of one, is a name after all.
        fc.pre(!PEOPLE.some((p) => [surnameOf(p), plural(surnameOf(p)), givenOf(p)].some((n) => n.toLowerCase() === word.toLowerCase())));
        const text = around(before, `${word} Street`, []);
        expect(hitOn(scanner.scan(text), text, word), text).toBeUndefined();
      }),
      { seed: 1213, numRuns: 300 },
    );
  });

  it('keeps the common-word rule: "the Youngs" is a question like "Young", "Youngstown" is nothing', () => {
    const young = LeakScanner.build([{ plaintiffId: 'y', caseId: 'c1', pseudonym: 'John Doe 1', legalName: 'Tom Young', aliases: [], idNumbers: [] }]);
    const [bare] = young.scan('Young left.');
    const [plain] = young.scan('the Youngs left.');
    expect(plain).toMatchObject({ text: 'Youngs', kind: 'surname', confidence: 'low' });
    expect(plain!.reasons).toEqual(bare!.reasons);
    expect(young.scan('He moved to Youngstown.')).toEqual([]);
  });

  it('does not pluralise a given name nor a surname of two letters ("has" is not the Ha family)', () => {
    const people: ScanIdentity[] = [
      { plaintiffId: 'a', caseId: 'c1', pseudonym: 'Jane Doe 1', legalName: 'Linh Ha', aliases: [], idNumbers: [] },
      { plaintiffId: 'b', caseId: 'c1', pseudonym: 'Jane Doe 2', legalName: 'Morgan Quillfeather', aliases: [], idNumbers: [] },
    ];
    const two = LeakScanner.build(people);
    expect(two.scan('She has filed; he was there.')).toEqual([]);
    expect(two.scan('both Morgans')).toEqual([]);
  });
});
