import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterCaption } from '../../../../src-main/core/filings/caption';
import type { VaultService } from '../../../../src-main/core/service';
import { tempVault } from '../../../fixtures/temp-vault';

// Invented people; only their gender matters here.
type Gender = 'female' | 'male' | 'unspecified';
const person = (gender: Gender, n: number) => ({ legalName: `Quill Person${String.fromCharCode(65 + (n % 26))}${n}`, gender });
const STEM: Record<Gender, string> = { female: 'Jane Doe', male: 'John Doe', unspecified: 'Doe' };

describe('the gendered-separate scheme: a number sequence per name', () => {
  let vault: VaultService;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ vault, cleanup } = await tempVault());
  });
  afterAll(() => cleanup());

  it('numbers Jane Does, John Does and Does each from 1, across batches, never reusing a withdrawn number', () => {
    const caseId = vault.cases.create({ title: 'Does v. Example', scheme: 'gendered-separate' }).id;
    const first = vault.plaintiffs.addMany(caseId, [person('female', 1), person('male', 2), person('female', 3)]);
    expect(first.map((p) => p.pseudonym)).toEqual(['Jane Doe 1', 'John Doe 1', 'Jane Doe 2']);
    vault.plaintiffs.withdraw(caseId, { plaintiffId: first[1]!.id });
    const second = vault.plaintiffs.addMany(caseId, [person('male', 4), person('unspecified', 5), person('female', 6)]);
    expect(second.map((p) => p.pseudonym)).toEqual(['John Doe 2', 'Doe 1', 'Jane Doe 3']);
    expect(rosterCaption(vault.plaintiffs.roster(caseId).map((p) => p.pseudonym))).toBe('JANE DOES 1 through 3, JOHN DOES 1, 2, and DOE 1');
  });

  it('gives each name the numbers 1..n in the order added, for any order of genders and batches', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom<Gender>('female', 'male', 'unspecified'), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (batches) => {
        const caseId = vault.cases.create({ title: 'Does v. Property', scheme: 'gendered-separate' }).id;
        let n = 0;
        const added = batches.flatMap((genders) => vault.plaintiffs.addMany(caseId, genders.map((g) => person(g, n++))).map((p, i) => [genders[i]!, p.pseudonym] as const));
        const counts = new Map<Gender, number>();
        for (const [gender, pseudonym] of added) {
          const k = (counts.get(gender) ?? 0) + 1;
          counts.set(gender, k);
          expect(pseudonym).toBe(`${STEM[gender]} ${k}`);
        }
      }),
      { numRuns: 25 },
    );
  });
});
