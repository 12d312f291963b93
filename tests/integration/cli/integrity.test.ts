import { copyFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase, addPlaintiff, expectFailure, initVault, runCli, sandbox, withDatabase, type CliVault, type Sandbox } from './helpers';

/**
 * Issue 11, leaks 2 and 3, through the built CLI: a vault tampered with the file and no keys
 * makes `scan` exit 4 (DAMAGED) naming the problem, while backup, the public roster and
 * `audit verify` still run, with the damage said on stderr.
 */

// Invented people.
const PEOPLE = [
  ['--name', 'Maria Elena Ramírez', '--gender', 'female'],
  ['--name', 'Łukasz Wiśniewski', '--gender', 'male'],
  ['--name', 'Zoë Castellanos', '--gender', 'female'],
];

describe('doe-vault on a vault damaged outside DoeVault', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  let draft: string;
  let copies = 0;

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Courier');
    for (const person of PEOPLE) await addPlaintiff(vault, caseId, ...person);
    draft = box.path('draft.md');
    writeFileSync(draft, '# Motion\n\nPlaintiffs move for leave.\n');
  });
  afterAll(() => box.cleanup());

  /** A copy of the vault (closed: the CLI leaves no WAL behind), damaged by `tamper`. */
  function damaged(tamper: (db: import('better-sqlite3').Database) => void): string[] {
    const path = box.path(`copy-${++copies}.doevault`);
    copyFileSync(vault.path, path);
    withDatabase(path, tamper);
    return ['--vault', path, '--passphrase-file', vault.passphraseFile];
  }

  it.each([
    {
      name: 'a plaintiff row deleted',
      problem: /case "Does v\. Courier" \(\w+\): a plaintiff row is missing/,
      tamper: (db: import('better-sqlite3').Database) => db.exec('DELETE FROM plaintiffs WHERE seq = 2'),
      auditOk: true,
    },
    {
      name: 'the recovery keyslot deleted',
      problem: /the recovery keyslot was removed/,
      tamper: (db: import('better-sqlite3').Database) => db.exec("DELETE FROM keyslots WHERE kind = 'recovery'"),
      auditOk: true,
    },
    {
      name: 'the last audit entries deleted',
      // Each command's unlock is itself audited, numbered on past the gap: after the first, the
      // gap is in the middle.
      problem: /the audit log's last entries are missing|entries are missing from the audit log/,
      tamper: (db: import('better-sqlite3').Database) =>
        db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)'),
      auditOk: false,
    },
  ])('$name: scan exits 4 naming it; backup, roster and audit verify still run', async ({ tamper, problem, auditOk }) => {
    const auth = damaged(tamper);

    const scan = await runCli([...auth, 'scan', '--case', caseId, draft]);
    const message = expectFailure(scan, 4);
    expect(message).toMatch(problem);
    expect(message).toMatch(/Restore a backup/);
    const json = await runCli([...auth, 'scan', '--case', caseId, draft, '--json']);
    expect(expectFailure(json, 4, 'DAMAGED')).toMatch(problem);
    expect(expectFailure(await runCli([...auth, 'roster', '--case', caseId, '--sealed']), 4)).toMatch(problem);

    const roster = await runCli([...auth, 'roster', '--case', caseId]);
    expect(roster.code, roster.stderr).toBe(0);
    expect(roster.stdout).toMatch(/Doe 1/);
    expect(roster.stderr).toMatch(problem);

    const backup = await runCli([...auth, 'backup', '--out', box.path(`backup-${copies}.doevault`)]);
    expect(backup.code, backup.stderr).toBe(0);

    const verify = await runCli([...auth, 'audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(auditOk ? 0 : 4);
  });

  it('an intact vault scans with nothing on stderr', async () => {
    const result = await runCli([...vault.auth, 'scan', '--case', caseId, draft]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});
