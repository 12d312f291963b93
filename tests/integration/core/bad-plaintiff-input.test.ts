import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultError } from '../../../src-main/core/errors';
import type { VaultService } from '../../../src-main/core/service';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { tempVault } from '../../fixtures/temp-vault';
import { snapshot } from './helpers/raw';

/** Bad plaintiff input is refused as VALIDATION naming the field, and nothing is written. */
describe('bad plaintiff input', () => {
  let vault: VaultService;
  let path: string;
  let cleanup: () => void;
  let caseId: string;

  beforeAll(async () => {
    ({ vault, path, cleanup } = await tempVault());
    caseId = vault.cases.create({ title: 'Doe v. Example Corp' }).id;
    vault.plaintiffs.addMany(caseId, syntheticPlaintiffs(3, 21));
  });
  afterAll(() => cleanup());

  function refusal(run: () => unknown): VaultError {
    const rosterBefore = vault.plaintiffs.roster(caseId).length;
    const auditBefore = vault.audit.list().length;
    const fileBefore = snapshot(path);
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'VALIDATION' });
    expect(vault.plaintiffs.roster(caseId)).toHaveLength(rosterBefore);
    expect(vault.audit.list()).toHaveLength(auditBefore);
    expect(snapshot(path)).toBe(fileBefore);
    return caught as VaultError;
  }

  const good = { legalName: 'Jane Roe', gender: 'female', dob: '1984-03-07', email: 'jane.roe@example.org' } as const;

  it.each([
    ['an empty name', { legalName: '' }, 'legalName'],
    ['a name of 10,000 characters', { legalName: 'Jane '.repeat(2000) }, 'legalName'],
    ['a bell character in the name', { legalName: 'Jane\u0007 Roe' }, 'legalName'],
    ['a right-to-left override in the name', { legalName: 'Jane \u202eeoR' }, 'legalName'],
    ['a right-to-left override in an alias', { aliases: ['J. Roe', 'x\u202ey'] }, 'aliases.1'],
    ['a bell character in the notes', { notes: 'call\u0007 later' }, 'notes'],
    ['an impossible date (2023-02-30)', { dob: '2023-02-30' }, 'dob'],
    ['a date written 1984/03/07', { dob: '1984/03/07' }, 'dob'],
    ['an invalid email', { email: 'jane.roe at example.org' }, 'email'],
    ['an email without a domain', { email: 'jane.roe@' }, 'email'],
    ['an unknown gender', { gender: 'x' }, 'gender'],
  ])('%s: VALIDATION on the field, nothing written', (_, change, field) => {
    const error = refusal(() => vault.plaintiffs.add(caseId, { ...good, ...change }));
    expect(error.field).toBe(field);
  });

  it('the message says what to fix without repeating the value', () => {
    const error = refusal(() => vault.plaintiffs.add(caseId, { ...good, legalName: 'Zephyrine\u202e Quillfeather' }));
    expect(error.message).toMatch(/Legal name contains control or formatting characters/);
    expect(error.message).not.toMatch(/Zephyrine|Quillfeather/);
  });

  it.each([
    ['at the start', 0],
    ['in the middle', 250],
    ['at the end', 499],
  ])('one bad row among 500 (%s): VALIDATION naming row and field, none of the 500 written', (_, at) => {
    const rows: unknown[] = syntheticPlaintiffs(500, 22);
    rows[at] = { ...(rows[at] as object), dob: '2023-02-30' };
    const error = refusal(() => vault.plaintiffs.addMany(caseId, rows));
    expect(error.field).toBe(`${at}.dob`);
    expect(error.message).toMatch(new RegExp(`^Plaintiff ${at + 1}: `));
  });

  it('a bulk addition with a row that is not even an object writes nothing', () => {
    const rows: unknown[] = [...syntheticPlaintiffs(10, 23), 'Jane Roe'];
    const error = refusal(() => vault.plaintiffs.addMany(caseId, rows));
    expect(error.field).toMatch(/^10\./);
  });

  it('after all the refusals, a good plaintiff gets the next number', () => {
    expect(vault.plaintiffs.add(caseId, good)).toMatchObject({ seq: 4, pseudonym: 'Jane Doe 4' });
  });
});
