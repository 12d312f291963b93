import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVaultError } from '../../../../src-main/core/errors';
import { VaultService } from '../../../../src-main/core/service';
import type { Counsel } from '../../../../src-main/core/shared/counsel';
import { codeOf } from '../../../fixtures/checks';
import { syntheticPlaintiffs } from '../../../fixtures/synthetic';
import { PASSPHRASE, tempVault } from '../../../fixtures/temp-vault';

/**
 * cases.update: a case whose own title names a plaintiff cannot be exported (every export prints
 * it), and deleting the case would shred its plaintiffs. The update corrects title, court and
 * number in place and keeps everything pseudonyms and filings depend on.
 */

const COUNSEL: Counsel[] = [{ name: 'Wren Halloway', barNumber: '271828', firm: 'Halloway Sample LLP' }];
const DRAFT = { title: 'Complaint', body: '1. Plaintiffs bring this action.\n' };

let vault: VaultService;
let path: string;
let cleanup: () => void;

beforeEach(async () => {
  ({ vault, path, cleanup } = await tempVault());
});
afterEach(() => cleanup());

async function reopen(): Promise<void> {
  vault.close();
  vault = await VaultService.open(path);
  vault.vault.unlock(PASSPHRASE);
}

function thrown(run: () => unknown): { code?: string; field?: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isVaultError(error)) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a VaultError');
}

/** A case titled with its plaintiff's surname, with counsel and three plaintiffs. */
function namedCase() {
  const created = vault.cases.create({ title: 'Quillfeather v. City of Springfield', court: 'Superior Court', number: '24-cv-0042', scheme: 'prefix:Officer Doe' });
  vault.plaintiffs.add(created.id, { legalName: 'Ottilie Quillfeather' });
  vault.plaintiffs.addMany(created.id, syntheticPlaintiffs(2, 7));
  vault.counsel.set({ caseId: created.id, counsel: COUNSEL });
  return created;
}

describe('cases.update', () => {
  it('changes the title, court and number that list() returns, and keeps pseudonyms, scheme, counsel and creation time', async () => {
    const created = namedCase();
    const other = vault.cases.create({ title: 'Roe v. Example Corp', court: 'District Court' });
    const rosterBefore = vault.plaintiffs.roster(created.id);

    const updated = vault.cases.update({ caseId: created.id, title: '  Officer Does 1-3 v. City of Springfield ', court: 'Court of Appeal', number: 'A-17' });
    expect(updated).toEqual({ ...created, title: 'Officer Does 1-3 v. City of Springfield', court: 'Court of Appeal', number: 'A-17', plaintiffs: 3 });

    await reopen();
    const listed = vault.cases.list();
    expect(listed.find((c) => c.id === created.id)).toEqual(updated);
    expect(listed.find((c) => c.id === other.id)).toEqual(other);
    expect(listed.find((c) => c.id === created.id)?.createdAt).toBe(created.createdAt);
    expect(vault.plaintiffs.roster(created.id)).toEqual(rosterBefore);
    expect(vault.counsel.get({ caseId: created.id }).counsel).toEqual(COUNSEL);
    // The next plaintiff still gets the next pseudonym of the kept scheme.
    expect(vault.plaintiffs.add(created.id, syntheticPlaintiffs(1, 9)[0]).pseudonym).toBe('Officer Doe 4');
  });

  it("changes only what is given; '' clears the court or the number, and the title cannot be cleared", () => {
    const { id } = vault.cases.create({ title: 'Doe v. Roe', court: 'District Court', number: '24-cv-1' });
    expect(vault.cases.update({ caseId: id, number: '' })).toMatchObject({ title: 'Doe v. Roe', court: 'District Court' });
    expect(vault.cases.list()[0]?.number).toBeUndefined();
    expect(vault.cases.update({ caseId: id, court: '   ' }).court).toBeUndefined();
    expect(vault.cases.update({ caseId: id, court: 'Court of Claims' })).toMatchObject({ title: 'Doe v. Roe', court: 'Court of Claims' });

    for (const title of ['', '   ', 'Doe v. Roe\u202e', 'x'.repeat(301)]) {
      const error = thrown(() => vault.cases.update({ caseId: id, title }));
      expect(error, JSON.stringify(title)).toMatchObject({ code: 'VALIDATION', field: 'title' });
    }
    expect(thrown(() => vault.cases.update({ caseId: id, number: 'n'.repeat(101) }))).toMatchObject({ code: 'VALIDATION', field: 'number' });
    expect(vault.cases.list()[0]).toMatchObject({ title: 'Doe v. Roe', court: 'Court of Claims' });
  });

  it('writes an audit entry naming the fields changed and none of their values; nothing when nothing differs', () => {
    const { id } = namedCase();
    vault.cases.update({ caseId: id, title: 'Officer Does v. City of Springfield', court: 'Superior Court', number: '' });
    const entries = vault.audit.list().filter((e) => e.action === 'case.updated');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toEqual({ caseId: id, fields: ['title', 'number'] });
    const logged = JSON.stringify(vault.audit.list());
    for (const value of ['Quillfeather', 'Officer Does v.', 'Springfield', '24-cv-0042']) expect(logged).not.toContain(value);

    const audited = vault.audit.list().length;
    vault.cases.update({ caseId: id, title: 'Officer Does v. City of Springfield' });
    expect(vault.audit.list()).toHaveLength(audited);
  });

  it('refuses a change of scheme, naming it, and an update with nothing to change; neither writes anything', () => {
    const { id } = vault.cases.create({ title: 'Doe v. Roe' });
    const audited = vault.audit.list().length;
    const scheme = thrown(() => vault.cases.update({ caseId: id, title: 'Roe v. Doe', scheme: 'letters' }));
    expect(scheme).toMatchObject({ code: 'VALIDATION', field: 'scheme' });
    expect(scheme.message).toMatch(/scheme cannot be changed/);
    expect(scheme.message).toMatch(/new case/);
    expect(thrown(() => vault.cases.update({ caseId: id }))).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/title, court or case number/) });
    expect(thrown(() => vault.cases.update({ caseId: id, plaintiffs: 4 })).code).toBe('VALIDATION');
    expect(thrown(() => vault.cases.update({ title: 'Roe v. Doe' }))).toMatchObject({ code: 'VALIDATION', field: 'caseId' });
    expect(vault.cases.list()[0]).toMatchObject({ title: 'Doe v. Roe', scheme: { kind: 'gendered' } });
    expect(vault.audit.list()).toHaveLength(audited);
  });

  it('is NOT_FOUND for an unknown or deleted case', async () => {
    expect(await codeOf(() => vault.cases.update({ caseId: 'aaaaaaaaaaaaaaaa', title: 'Doe v. Roe' }))).toBe('NOT_FOUND');
    const { id } = vault.cases.create({ title: 'Doe v. Roe' });
    vault.cases.delete(id);
    expect(await codeOf(() => vault.cases.update({ caseId: id, title: 'Roe v. Doe' }))).toBe('NOT_FOUND');
  });

  it("lets the export's check pass once the title no longer names the plaintiff", () => {
    const { id } = namedCase();
    expect(vault.filings.check(id, DRAFT).questions).toEqual([expect.objectContaining({ field: 'case', text: 'Quillfeather' })]);
    vault.cases.update({ caseId: id, title: 'Officer Does 1-3 v. City of Springfield' });
    expect(vault.filings.check(id, DRAFT).questions).toEqual([]);
    expect(vault.filings.preview(id, DRAFT, 'public').parties.join('\n')).toContain('Officer Does 1-3 v. City of Springfield');
  });

  it('leaves a vault that verifies at its next unlock, and an edited details blob is still DAMAGED', async () => {
    const { id } = namedCase();
    vault.cases.update({ caseId: id, title: 'Officer Does v. City of Springfield', number: '' });
    await reopen();
    expect(vault.vault.integrity()).toMatchObject({ damaged: false, problems: [] });
    expect(vault.audit.verify()).toMatchObject({ ok: true });

    // Someone with the file and no keys puts back the details from before the update.
    vault.close();
    const db = new Database(path);
    const current = (db.prepare('SELECT details FROM cases WHERE id = ?').get(id) as { details: Buffer }).details;
    const edited = Buffer.from(current);
    edited[edited.length - 1]! ^= 1;
    db.prepare('UPDATE cases SET details = ? WHERE id = ?').run(edited, id);
    db.close();
    vault = await VaultService.open(path);
    vault.vault.unlock(PASSPHRASE);
    expect(vault.vault.integrity().problems.join('; ')).toContain(`case ${id}: its key or details were changed outside DoeVault`);
    expect(await codeOf(() => vault.cases.update({ caseId: id, title: 'Roe v. Doe' }))).toBe('DAMAGED');
  });

  it('keeps list() equal to the last values given, whatever valid lines they are', () => {
    const { id } = vault.cases.create({ title: 'Doe v. Roe', court: 'District Court', number: '24-cv-1', scheme: 'letters' });
    const lineOf = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' }).filter((s) => !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(s));
    const expected = { title: 'Doe v. Roe', court: 'District Court', number: '24-cv-1' } as Record<'title' | 'court' | 'number', string>;
    fc.assert(
      fc.property(
        fc.record({ title: lineOf(60).filter((s) => s.trim() !== ''), court: lineOf(60), number: lineOf(30) }, { requiredKeys: [] }),
        (changes) => {
          fc.pre(Object.keys(changes).length > 0);
          const updated = vault.cases.update({ caseId: id, ...changes });
          for (const [field, value] of Object.entries(changes) as [keyof typeof expected, string][]) expected[field] = value.normalize('NFC').trim();
          const listed = vault.cases.list()[0]!;
          expect(listed).toEqual(updated);
          expect({ title: listed.title, court: listed.court ?? '', number: listed.number ?? '' }).toEqual(expected);
          expect(listed.scheme).toEqual({ kind: 'letters' });
        },
      ),
      { numRuns: 60, seed: 14 },
    );
    expect(vault.audit.verify()).toMatchObject({ ok: true });
  });
});
