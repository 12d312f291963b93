import { copyFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCase,
  addPlaintiff,
  auditActions,
  expectFailure,
  failJson,
  flipBlobBit,
  initVault,
  ok,
  okJson,
  runCli,
  sandbox,
  secretFile,
  withDatabase,
  type AuditEntryJson,
  type CliVault,
  type Sandbox,
} from './helpers';

describe('doe-vault audit', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('vault.doevault'));
    caseId = await addCase(vault, '--title', 'Doe v. Audit Trail LLC');
    await addPlaintiff(vault, caseId, '--name', 'Zoë Ramírez', '--gender', 'female');
    await okJson([...vault.auth, 'roster', '--case', caseId, '--sealed']);
    const wrong = secretFile(box.path('wrong'), 'not the right passphrase');
    await failJson(['--vault', vault.path, '--passphrase-file', wrong, 'case', 'list'], 2, 'WRONG_PASSPHRASE');
  });
  afterAll(() => box.cleanup());

  /** A copy of the vault (same passphrase) to damage. */
  function copyOfVault(name: string): string[] {
    const path = box.path(name);
    copyFileSync(vault.path, path);
    if (existsSync(`${vault.path}-wal`)) copyFileSync(`${vault.path}-wal`, `${path}-wal`);
    return ['--vault', path, '--passphrase-file', vault.passphraseFile];
  }

  it('audit list --json: every event oldest first, numbered from 1, naming nobody', async () => {
    const entries = await okJson<AuditEntryJson[]>([...vault.auth, 'audit', 'list']);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    for (const entry of entries) expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(auditActions(entries)).toEqual([
      'vault.created',
      'vault.unlocked',
      'case.created',
      'vault.unlocked',
      'plaintiffs.added',
      'vault.unlocked',
      'roster.revealed',
      'unlock.failed', // recorded while locked, folded in at the next unlock
      'vault.unlocked',
    ]);
    expect(entries[0]!.details).toEqual({ kdf: `argon2id ops=2 mem=${64 * 1024 * 1024}`, integrity: 'heads' });
    expect(entries[4]!.details).toEqual({ caseId, count: 1, pseudonyms: ['Jane Doe 1'] });
    expect(entries[6]!.details).toEqual({ caseId, count: 1 });
    expect(entries[7]!.details).toEqual({ attemptedAt: expect.any(String) });
    expect(JSON.stringify(entries)).not.toContain('Ramírez');
  });

  it('audit list prints a table', async () => {
    const rows = (await ok([...vault.auth, 'audit', 'list'])).trimEnd().split('\n');
    expect(rows[0]).toMatch(/^#\s+TIME \(UTC\)\s+ACTION\s+DETAILS$/);
    expect(rows[1]).toMatch(/^1\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+vault\.created\s+kdf=argon2id ops=2 mem=67108864 integrity=heads$/);
    expect(rows.find((row) => row.includes('plaintiffs.added'))).toMatch(
      new RegExp(`plaintiffs\\.added\\s+caseId=${caseId} count=1 pseudonyms=Jane Doe 1$`),
    );
    expect(rows.length).toBeGreaterThanOrEqual(11);
  });

  it('audit verify: exit 0 with the entry count; --json prints {"ok": true, "entries"}', async () => {
    expect(await ok([...vault.auth, 'audit', 'verify'])).toMatch(
      /^Audit log intact: \d+ entries, hash chain and MACs verified\.\n$/,
    );
    const result = await okJson<{ ok: boolean; entries: number }>([...vault.auth, 'audit', 'verify']);
    expect(result).toEqual({ ok: true, entries: expect.any(Number) });
    expect(result.entries).toBeGreaterThanOrEqual(12);
  });

  it('an edited entry: audit verify exits 4 naming it; audit list refuses it too', async () => {
    const auth = copyOfVault('edited.doevault');
    withDatabase(auth[1]!, (db) => db.exec('DROP TRIGGER audit_log_no_update'));
    flipBlobBit(auth[1]!, 'audit_log', 'entry', 'seq = 3', [], 20);
    const plain = await runCli([...auth, 'audit', 'verify']);
    expect(expectFailure(plain, 4)).toMatch(/^audit log check failed at entry #3: entry #3 was edited/);
    expect(plain.stdout).toBe('');

    const json = await runCli([...auth, 'audit', 'verify', '--json']);
    expect(expectFailure(json, 4, 'DAMAGED')).toMatch(/entry #3/);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, entries: expect.any(Number), firstBadEntry: 3, problem: expect.stringMatching(/#3/) });

    expect(await failJson([...auth, 'audit', 'list'], 4, 'DAMAGED')).toMatch(/#3/);
  });

  it('an edited timestamp: audit verify exits 4 naming the entry', async () => {
    const auth = copyOfVault('retimed.doevault');
    withDatabase(auth[1]!, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare("UPDATE audit_log SET at = '2001-01-01T00:00:00.000Z' WHERE seq = 5").run();
    });
    expect(await failJson([...auth, 'audit', 'verify'], 4, 'DAMAGED')).toMatch(/entry #5/);
  });

  it('a removed entry: audit verify exits 4 naming it', async () => {
    const auth = copyOfVault('removed.doevault');
    withDatabase(auth[1]!, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE seq = 7').run();
    });
    const plain = await runCli([...auth, 'audit', 'verify']);
    expect(expectFailure(plain, 4)).toMatch(/entry #7 is missing/);
  });

  it('reordered entries: audit verify exits 4 naming the first', async () => {
    const auth = copyOfVault('reordered.doevault');
    withDatabase(auth[1]!, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      type Row = { seq: number; at: string; entry: Buffer; prev_hash: Buffer; mac: Buffer };
      const get = db.prepare('SELECT * FROM audit_log WHERE seq = ?');
      const put = db.prepare('UPDATE audit_log SET at = @at, entry = @entry, prev_hash = @prev_hash, mac = @mac WHERE seq = @seq');
      const [a, b] = [get.get(4) as Row, get.get(5) as Row];
      db.transaction(() => {
        put.run({ ...b, seq: 4 });
        put.run({ ...a, seq: 5 });
      })();
    });
    expect(await failJson([...auth, 'audit', 'verify'], 4, 'DAMAGED')).toMatch(/entry #4/);
  });

  // Someone with the file deletes the last entries, e.g. to hide that the sealed roster was
  // revealed. Every command unlocks first, and the unlock appends an entry: that entry must not
  // paper over the removal (it did before 959b780, which numbers new entries from the sealed head).
  it('entries removed from the end (hiding a reveal): audit verify exits 4', async () => {
    const auth = copyOfVault('truncated.doevault');
    const reveals = withDatabase(auth[1]!, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      const revealedAt = (db.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number }).seq;
      // Remove everything from the sealed roster's reveal (entry #7) onwards.
      db.prepare('DELETE FROM audit_log WHERE seq >= 7').run();
      return revealedAt;
    });
    expect(reveals).toBeGreaterThan(7);
    const result = await runCli([...auth, 'audit', 'verify', '--json']);
    expect(result.stdout).not.toMatch(/"ok": true/);
    expectFailure(result, 4, 'DAMAGED');
  });
});
