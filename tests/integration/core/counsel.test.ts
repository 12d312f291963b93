import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../src-main/core/service';
import type { Counsel } from '../../../src-main/core/shared/counsel';
import { tempVault } from '../../fixtures/temp-vault';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { openUnlocked, withDb } from './helpers/raw';

/**
 * Issue 12, item 1: counsel stored once. The firm's is a vault setting sealed under its own
 * subkey and covered by the vault head; a case's is in its sealed details. Tampering with either
 * with the file and no keys opens the vault DAMAGED.
 */

const FIRM: Counsel[] = [
  { name: 'Rowan Ashdown', barNumber: '0271828', firm: 'Ashdown Veil LLP', address: '12 Sample Row, Suite 9\nExample City, CA 90000', phone: '(555) 010-2222', email: 'rowan@ashdown.test', attorneysFor: 'Plaintiffs' },
  { name: 'Sable Merriweather', barNumber: '314159', email: 'sable@ashdown.test' },
];
const CASE_COUNSEL: Counsel[] = [{ name: 'Quill Fenmore', barNumber: '161803', firm: 'Fenmore Partners', attorneysFor: 'Jane Does 1 through 3' }];

const DRAFT = { title: 'Complaint', body: '1. Plaintiffs bring this action.\n' };

let vault: VaultService;
let path: string;
let cleanup: () => void;
let caseId: string;

beforeEach(async () => {
  ({ vault, path, cleanup } = await tempVault());
  caseId = vault.cases.create({ title: 'Does v. Sample County' }).id;
  vault.plaintiffs.addMany(caseId, syntheticPlaintiffs(3, 41));
});
afterEach(() => cleanup());

const publicPage = (v: VaultService, body = DRAFT.body) => v.filings.preview(caseId, { ...DRAFT, body }, 'public');
const signer = (doc: ReturnType<VaultService['filings']['preview']>) =>
  doc.blocks.flatMap((block) => (block.type === 'signature' ? [block.signature.signer] : []));

async function reopen(): Promise<VaultService> {
  vault.close();
  vault = await openUnlocked(path);
  return vault;
}

describe('firm counsel and case counsel', () => {
  it('a filing without counsel of its own prints the firm counsel, then the case counsel once it has one, then the front matter over both', () => {
    expect(publicPage(vault).counsel).toEqual([]);
    vault.counsel.set({ counsel: FIRM });
    let doc = publicPage(vault);
    expect(doc.counsel.slice(0, 3)).toEqual(['Rowan Ashdown (State Bar No. 0271828)', 'rowan@ashdown.test', 'Sable Merriweather (State Bar No. 314159)']);
    expect(doc.counsel).toContain('Ashdown Veil LLP');
    expect(doc.counsel).toContain('Attorneys for Plaintiffs');
    expect(signer(doc)).toEqual(['Rowan Ashdown']);

    vault.counsel.set({ caseId, counsel: CASE_COUNSEL });
    doc = publicPage(vault);
    expect(doc.counsel[0]).toBe('Quill Fenmore (State Bar No. 161803)');
    expect(doc.counsel.join('\n')).not.toContain('Rowan Ashdown');
    expect(signer(doc)).toEqual(['Quill Fenmore']);

    doc = publicPage(vault, '---\ncounsel:\n  - name: Linden Hale\n    barNumber: "999"\n---\n1. Plaintiffs bring this action.\n');
    expect(doc.counsel[0]).toBe('Linden Hale (State Bar No. 999)');
    expect(signer(doc)).toEqual(['Linden Hale']);

    vault.counsel.clear({ caseId });
    expect(publicPage(vault).counsel[0]).toBe('Rowan Ashdown (State Bar No. 0271828)');
  });

  it('get, set and clear per scope; the case view shows the firm counsel it falls back to; each change is audited without names', async () => {
    expect(vault.counsel.get()).toEqual({ scope: 'vault', counsel: [], firm: [] });
    const saved = vault.counsel.set({ counsel: FIRM });
    expect(saved.counsel).toEqual(FIRM);
    expect(vault.counsel.get({ caseId })).toEqual({ scope: 'case', counsel: [], firm: FIRM });
    vault.counsel.set({ caseId, counsel: CASE_COUNSEL });
    expect((await reopen()).counsel.get({ caseId }).counsel).toEqual(CASE_COUNSEL);
    expect(vault.cases.list()[0]).not.toHaveProperty('counsel');
    expect(vault.counsel.clear()).toEqual({ cleared: true });
    expect(vault.counsel.clear()).toEqual({ cleared: false });
    expect(vault.counsel.get({ caseId })).toEqual({ scope: 'case', counsel: CASE_COUNSEL, firm: [] });

    const entries = vault.audit.list().filter((e) => e.action.startsWith('counsel.'));
    expect(entries.map((e) => [e.action, e.details])).toEqual([
      ['counsel.set', { scope: 'vault', attorneys: 2 }],
      ['counsel.set', { scope: 'case', caseId, attorneys: 1 }],
      ['counsel.cleared', { scope: 'vault' }],
    ]);
  });

  it('bad counsel is refused naming the field, and nothing is written', () => {
    vault.counsel.set({ counsel: FIRM });
    const attempts: [unknown, RegExp][] = [
      [{ counsel: [] }, /at least one attorney/],
      [{ counsel: [{ name: '' }] }, /Counsel name is required/],
      [{ counsel: [{ name: 'A. Person', email: 'not-an-email' }] }, /Email must look like/],
      [{ counsel: [{ name: 'A. Person', address: '1\n2\n3\n4\n5\n6\n7' }] }, /at most 6 lines/],
      [{ counsel: [{ name: 'A. Person', nickname: 'x' }] }, /nickname/],
      [{ caseId: 'nope', counsel: FIRM }, /No case with id "nope"/],
    ];
    for (const [input, message] of attempts) {
      expect(() => vault.counsel.set(input), JSON.stringify(input)).toThrow(message);
    }
    expect(vault.counsel.get().counsel).toEqual(FIRM);
    expect(vault.audit.list().filter((e) => e.action === 'counsel.set')).toHaveLength(1);
  });

  it('the counsel is ciphertext on disk', async () => {
    vault.counsel.set({ counsel: FIRM });
    vault.counsel.set({ caseId, counsel: CASE_COUNSEL });
    vault.close();
    const bytes = readFileSync(path);
    for (const word of ['Rowan Ashdown', 'Ashdown Veil', 'Quill Fenmore', 'ashdown.test']) expect(bytes.includes(Buffer.from(word))).toBe(false);
    vault = await openUnlocked(path);
  });
});

describe('tampering with stored counsel, with the file and no keys', () => {
  const damage = async () => {
    const v = await reopen();
    return v.vault.integrity();
  };

  it('the firm counsel row deleted: DAMAGED, and export refuses', async () => {
    vault.counsel.set({ counsel: FIRM });
    vault.close();
    withDb(path, (db) => db.exec('DELETE FROM settings'));
    vault = await openUnlocked(path);
    const integrity = vault.vault.integrity();
    expect(integrity.damaged).toBe(true);
    expect(integrity.problems.join('; ')).toMatch(/the firm-counsel setting was removed outside DoeVault/);
    expect(() => vault.counsel.set({ counsel: FIRM })).toThrow(/damaged/);
    await expect(vault.filings.export(caseId, DRAFT, { destination: `${path}-out` })).rejects.toMatchObject({ code: 'DAMAGED' });
  });

  it('the firm counsel rolled back to an older sealed value: DAMAGED', async () => {
    vault.counsel.set({ counsel: FIRM });
    vault.close();
    const older = withDb(path, (db) => (db.prepare('SELECT value FROM settings').get() as { value: Buffer }).value);
    vault = await openUnlocked(path);
    vault.counsel.set({ counsel: CASE_COUNSEL });
    vault.close();
    withDb(path, (db) => db.prepare('UPDATE settings SET value = ?').run(older));
    vault = await openUnlocked(path);
    expect(vault.vault.integrity().problems.join('; ')).toMatch(/the firm-counsel setting was changed or put back from an older copy/);
  });

  it("a case's counsel rolled back (its older details put back): DAMAGED", async () => {
    vault.close();
    const older = withDb(path, (db) => (db.prepare('SELECT details FROM cases WHERE id = ?').get(caseId) as { details: Buffer }).details);
    vault = await openUnlocked(path);
    vault.counsel.set({ caseId, counsel: CASE_COUNSEL });
    vault.close();
    withDb(path, (db) => db.prepare('UPDATE cases SET details = ? WHERE id = ?').run(older, caseId));
    vault = await openUnlocked(path);
    expect((await damage()).problems.join('; ')).toMatch(new RegExp(`case ${caseId}: its key or details were changed outside DoeVault`));
  });

  it('a settings row added outside DoeVault (copied from another vault): DAMAGED', async () => {
    vault.close();
    withDb(path, (db) => db.prepare("INSERT INTO settings (key, value) VALUES ('firm-counsel', ?)").run(Buffer.alloc(300, 7)));
    vault = await openUnlocked(path);
    expect(vault.vault.integrity().problems.join('; ')).toMatch(/a firm-counsel setting was added outside DoeVault/);
  });
});
