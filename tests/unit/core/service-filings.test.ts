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
    caseId = vault.cases.create({ title: 'Does v. Courier', court: 'Superior Court', number: 'MCV-1' }).id;
    vault.plaintiffs.addMany(caseId, [MARIA, ZOE, ROBERTO]);
  });
  afterEach(() => cleanup());

  it('creates, lists, reads, updates and deletes filings; creation and deletion are audited', () => {
    const filing = vault.filings.create(caseId, { title: 'Complaint', documentType: 'Complaint', body: 'Draft.' });
    expect(vault.filings.list(caseId)).toEqual([
      { id: filing.id, caseId, title: 'Complaint', documentType: 'Complaint', format: 'california', createdAt: filing.createdAt, updatedAt: filing.updatedAt },
    ]);
    const updated = vault.filings.update(caseId, filing.id, { ...filing.details, body: 'Second draft.', format: 'federal' });
    expect(vault.filings.get(caseId, filing.id).details).toMatchObject({ body: 'Second draft.', format: 'federal' });
    expect(updated.format).toBe('federal');
    vault.filings.delete(caseId, filing.id);
    expect(vault.filings.list(caseId)).toEqual([]);
    const actions = vault.audit.list().map((entry) => entry.action);
    expect(actions).toContain('filing.created');
    expect(actions).toContain('filing.deleted');
  });

  it('refuses a filing of another case, and bad input naming the field', async () => {
    const filing = vault.filings.create(caseId, { title: 'Complaint', body: '' });
    const other = vault.cases.create({ title: 'Other' }).id;
    expect(await codeOf(() => vault.filings.get(other, filing.id))).toBe('NOT_FOUND');
    expect(await codeOf(() => vault.filings.create(caseId, { title: '', body: '' }))).toBe('VALIDATION');
    expect(await codeOf(() => vault.filings.create(caseId, { title: 'x', body: '', format: 'texas' }))).toBe('VALIDATION');
    expect(await codeOf(() => vault.filings.create(caseId, { title: 'x', body: '', orderDate: '2026-02-30' }))).toBe('VALIDATION');
  });

  it('deleting the case deletes its filings with it (the rows go by cascade, the key with the case)', async () => {
    const filing = vault.filings.create(caseId, { title: 'Complaint', body: '' });
    vault.cases.delete(caseId);
    expect(await codeOf(() => vault.filings.get(caseId, filing.id))).toBe('NOT_FOUND');
    const db = new Database(vault.path, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM filings').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('a draft with real names: unique names become tokens, a shared surname becomes a question', () => {
    const prepared = vault.filings.prepareDraft(caseId, 'Maria Elena Ramírez met Castellanos.');
    expect(prepared.text).toMatch(/^\{\{Jane Doe 1\}\} met Castellanos\.$/);
    expect(prepared.questions).toHaveLength(1);
    expect(prepared.questions[0]!.targets.map((t) => t.pseudonym).sort()).toEqual(['Jane Doe 2', 'John Doe 3']);
  });

  it('resolves a question in place; refuses a stale one and "not a plaintiff" on a full name', async () => {
    const text = 'Castellanos met Maria Elena Ramírez.';
    const [surname, full] = vault.filings.scan(caseId, text);
    expect(vault.filings.resolve(caseId, text, surname!, { kind: 'plaintiff', pseudonym: 'John Doe 3' })).toBe('{{John Doe 3|Castellanos}} met Maria Elena Ramírez.');
    expect(await codeOf(() => vault.filings.resolve(caseId, `x${text}`, surname!, { kind: 'redact' }))).toBe('CONFLICT');
    expect(await codeOf(() => vault.filings.resolve(caseId, text, full!, { kind: 'not-a-plaintiff' }))).toBe('VALIDATION');
    expect(await codeOf(() => vault.filings.resolve(caseId, text, surname!, { kind: 'plaintiff', pseudonym: 'Jane Doe 99' }))).toBe('VALIDATION');
  });

  it('a real name written as a token is her name, not a token: found, then replaced whole by her token', () => {
    const text = 'Per {{Maria Elena Ramírez}}, {{Jane Doe 2}} met {{ Castellanos }} first.';
    const found = vault.filings.scan(caseId, text);
    expect(found.map((f) => [text.slice(f.start, f.end), f.text, f.action])).toEqual([
      ['{{Maria Elena Ramírez}}', 'Maria Elena Ramírez', { kind: 'plaintiff', pseudonym: 'Jane Doe 1' }],
      ['{{ Castellanos }}', 'Castellanos', { kind: 'ask', why: 'several' }],
    ]);
    const prepared = vault.filings.prepareDraft(caseId, text);
    expect(prepared.text).toBe('Per {{Jane Doe 1}}, {{Jane Doe 2}} met {{ Castellanos }} first.');
    const [shared] = prepared.questions;
    expect(vault.filings.resolve(caseId, prepared.text, shared!, { kind: 'plaintiff', pseudonym: 'John Doe 3' })).toBe(
      'Per {{Jane Doe 1}}, {{Jane Doe 2}} met {{John Doe 3|Castellanos}} first.',
    );
    // Before the answer the export waits on the question; it never prints the head as a pseudonym.
    expect(vault.filings.check(caseId, { title: 'Complaint', body: text }).questions).toEqual([
      expect.objectContaining({ field: 'body', text: 'Castellanos', action: { kind: 'ask', why: 'several' } }),
    ]);
  });

  it('a real name written as a token with its own wording keeps that wording for the sealed version', () => {
    const text = 'Per {{Maria Elena Ramírez|Maria}}, the posts went up. Later {{Maria Elena Ramírez|Maria}} moved.';
    const prepared = vault.filings.prepareDraft(caseId, text);
    expect(prepared.text).toBe('Per {{Jane Doe 1|Maria}}, the posts went up. Later {{Jane Doe 1|Maria}} moved.');
    const [first] = vault.filings.scan(caseId, text);
    expect(vault.filings.resolve(caseId, text, first!, { kind: 'redact' })).toBe('Per {{redacted|Maria}}, the posts went up. Later {{Maria Elena Ramírez|Maria}} moved.');
    // Under seal: the legal name at the first mention (with the pseudonym), the wording after.
    const sealed = JSON.stringify(vault.filings.preview(caseId, { title: 'Complaint', body: prepared.text }, 'sealed'));
    expect(sealed).toContain('Maria Elena Ramírez (Jane Doe 1)');
    expect(sealed).toContain('Later Maria moved');
  });

  it('the scanner follows the roster: a plaintiff added later is found at once', () => {
    expect(vault.filings.scan(caseId, 'Quentin Marlowe-Hart filed.')).toEqual([]);
    vault.plaintiffs.add(caseId, { legalName: 'Quentin Marlowe-Hart', gender: 'male' });
    expect(vault.filings.scan(caseId, 'Quentin Marlowe-Hart filed.').map((f) => f.action)).toEqual([{ kind: 'plaintiff', pseudonym: 'John Doe 4' }]);
  });

  it('previewing the sealed version is audited; the public one is not', () => {
    const input = { title: 'Complaint', body: 'Plaintiff {{Jane Doe 1}} sued.' };
    const before = vault.audit.list().length;
    expect(JSON.stringify(vault.filings.preview(caseId, input, 'public'))).not.toContain('Ramírez');
    expect(vault.audit.list()).toHaveLength(before);
    expect(JSON.stringify(vault.filings.preview(caseId, input, 'sealed'))).toContain('Maria Elena Ramírez (Jane Doe 1)');
    expect(vault.audit.list().at(-1)).toMatchObject({ action: 'filing.previewed', details: { caseId, version: 'sealed' } });
  });

  it('opening a sealed package while unlocked is recorded in the audit log', async () => {
    const packagePath = join(dir, 'p.doesealed');
    await writeSealedPackage(packagePath, [{ name: 'sealed.pdf', bytes: new Uint8Array([1, 2, 3]) }], { passphrase: 'one-time package passphrase', kdf: TEST_ONLY_INSECURE_KDF });
    const written = await vault.packages.openPackage(packagePath, { passphrase: 'one-time package passphrase' }, join(dir, 'opened'));
    expect(written).toHaveLength(1);
    expect(vault.audit.list().at(-1)).toMatchObject({ action: 'package.opened', details: { file: packagePath, files: 1 } });
  });

  it('everything about filings needs the vault unlocked', async () => {
    vault.vault.lock();
    expect(await codeOf(() => vault.filings.list(caseId))).toBe('LOCKED');
    expect(await codeOf(() => vault.filings.scan(caseId, 'x'))).toBe('LOCKED');
    expect(await codeOf(() => vault.filings.scanText('all', { text: 'x' }))).toBe('LOCKED');
  });
});
