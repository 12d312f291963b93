import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { TEST_ONLY_INSECURE_KDF } from '../../../src-main/core/crypto';
import { writeSealedPackage } from '../../../src-main/core/export/sealed-package';
import type { VaultService } from '../../../src-main/core/service';
import { codeOf } from '../../fixtures/checks';
import { tempVault } from '../../fixtures/temp-vault';

// Invented people.
const MARIA = { legalName: 'Maria Elena Ramírez', gender: 'female', email: 'maria.ramirez@example.org' } as const;
const ZOE = { legalName: 'Zoë Castellanos', gender: 'female' } as const;
const ROBERTO = { legalName: 'Roberto Castellanos', gender: 'male' } as const;

describe('VaultService: filings', () => {
  let vault: VaultService;
  let cleanup: () => void;
  let dir: string;
  let caseId: string;

  beforeEach(async () => {
    ({ vault, cleanup, dir } = await tempVault());
    caseId = vault.createCase({ title: 'Does v. Courier', court: 'Superior Court', number: 'MCV-1' }).id;
    vault.addPlaintiffs(caseId, [MARIA, ZOE, ROBERTO]);
  });
  afterEach(() => cleanup());

  it('creates, lists, reads, updates and deletes filings; creation and deletion are audited', () => {
    const filing = vault.createFiling(caseId, { title: 'Complaint', documentType: 'Complaint', body: 'Draft.' });
    expect(vault.listFilings(caseId)).toEqual([
      { id: filing.id, caseId, title: 'Complaint', documentType: 'Complaint', format: 'california', createdAt: filing.createdAt, updatedAt: filing.updatedAt },
    ]);
    const updated = vault.updateFiling(caseId, filing.id, { ...filing.details, body: 'Second draft.', format: 'federal' });
    expect(vault.getFiling(caseId, filing.id).details).toMatchObject({ body: 'Second draft.', format: 'federal' });
    expect(updated.format).toBe('federal');
    vault.deleteFiling(caseId, filing.id);
    expect(vault.listFilings(caseId)).toEqual([]);
    const actions = vault.auditLog().map((entry) => entry.action);
    expect(actions).toContain('filing.created');
    expect(actions).toContain('filing.deleted');
  });

  it('refuses a filing of another case, and bad input naming the field', async () => {
    const filing = vault.createFiling(caseId, { title: 'Complaint', body: '' });
    const other = vault.createCase({ title: 'Other' }).id;
    expect(await codeOf(() => vault.getFiling(other, filing.id))).toBe('NOT_FOUND');
    expect(await codeOf(() => vault.createFiling(caseId, { title: '', body: '' }))).toBe('VALIDATION');
    expect(await codeOf(() => vault.createFiling(caseId, { title: 'x', body: '', format: 'texas' }))).toBe('VALIDATION');
    expect(await codeOf(() => vault.createFiling(caseId, { title: 'x', body: '', orderDate: '2026-02-30' }))).toBe('VALIDATION');
  });

  it('deleting the case deletes its filings with it (the rows go by cascade, the key with the case)', async () => {
    const filing = vault.createFiling(caseId, { title: 'Complaint', body: '' });
    vault.deleteCase(caseId);
    expect(await codeOf(() => vault.getFiling(caseId, filing.id))).toBe('NOT_FOUND');
    const db = new Database(vault.path, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM filings').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('a draft with real names: unique names become tokens, a shared surname becomes a question', () => {
    const prepared = vault.prepareDraft(caseId, 'Maria Elena Ramírez met Castellanos.');
    expect(prepared.text).toMatch(/^\{\{Jane Doe 1\}\} met Castellanos\.$/);
    expect(prepared.questions).toHaveLength(1);
    expect(prepared.questions[0]!.targets.map((t) => t.pseudonym).sort()).toEqual(['Jane Doe 2', 'John Doe 3']);
  });

  it('resolves a question in place; refuses a stale one and "not a plaintiff" on a full name', async () => {
    const text = 'Castellanos met Maria Elena Ramírez.';
    const [surname, full] = vault.scanDraft(caseId, text);
    expect(vault.resolveFinding(caseId, text, surname!, { kind: 'plaintiff', pseudonym: 'John Doe 3' })).toBe('{{John Doe 3|Castellanos}} met Maria Elena Ramírez.');
    expect(await codeOf(() => vault.resolveFinding(caseId, `x${text}`, surname!, { kind: 'redact' }))).toBe('CONFLICT');
    expect(await codeOf(() => vault.resolveFinding(caseId, text, full!, { kind: 'not-a-plaintiff' }))).toBe('VALIDATION');
    expect(await codeOf(() => vault.resolveFinding(caseId, text, surname!, { kind: 'plaintiff', pseudonym: 'Jane Doe 99' }))).toBe('VALIDATION');
  });

  it('the scanner follows the roster: a plaintiff added later is found at once', () => {
    expect(vault.scanDraft(caseId, 'Quentin Marlowe-Hart filed.')).toEqual([]);
    vault.addPlaintiff(caseId, { legalName: 'Quentin Marlowe-Hart', gender: 'male' });
    expect(vault.scanDraft(caseId, 'Quentin Marlowe-Hart filed.').map((f) => f.action)).toEqual([{ kind: 'plaintiff', pseudonym: 'John Doe 4' }]);
  });

  it('previewing the sealed version is audited; the public one is not', () => {
    const input = { title: 'Complaint', body: 'Plaintiff {{Jane Doe 1}} sued.' };
    const before = vault.auditLog().length;
    expect(JSON.stringify(vault.previewFiling(caseId, input, 'public'))).not.toContain('Ramírez');
    expect(vault.auditLog()).toHaveLength(before);
    expect(JSON.stringify(vault.previewFiling(caseId, input, 'sealed'))).toContain('Maria Elena Ramírez (Jane Doe 1)');
    expect(vault.auditLog().at(-1)).toMatchObject({ action: 'filing.previewed', details: { caseId, version: 'sealed' } });
  });

  it('opening a sealed package while unlocked is recorded in the audit log', async () => {
    const packagePath = join(dir, 'p.doesealed');
    await writeSealedPackage(packagePath, [{ name: 'sealed.pdf', bytes: new Uint8Array([1, 2, 3]) }], { passphrase: 'one-time package passphrase', kdf: TEST_ONLY_INSECURE_KDF });
    const written = await vault.extractSealedPackage(packagePath, { passphrase: 'one-time package passphrase' }, join(dir, 'opened'));
    expect(written).toHaveLength(1);
    expect(vault.auditLog().at(-1)).toMatchObject({ action: 'package.opened', details: { file: packagePath, files: 1 } });
  });

  it('everything about filings needs the vault unlocked', async () => {
    vault.lock();
    expect(await codeOf(() => vault.listFilings(caseId))).toBe('LOCKED');
    expect(await codeOf(() => vault.scanDraft(caseId, 'x'))).toBe('LOCKED');
    expect(await codeOf(() => vault.scanText('all', { text: 'x' }))).toBe('LOCKED');
  });
});
