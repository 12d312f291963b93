import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCase,
  addPlaintiff,
  auditActions,
  expectFailure,
  failJson,
  initVault,
  ok,
  okJson,
  OTHER_PASSPHRASE,
  PASSPHRASE,
  runCli,
  sandbox,
  secretFile,
  sha256,
  withDatabase,
  type AuditEntryJson,
  type CliVault,
  type Sandbox,
} from './helpers';

const RECOVERY_KEY = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){13}$/;
const MiB = 1024 * 1024;

function isPrivate(path: string): boolean {
  return (statSync(path).mode & 0o077) === 0;
}

describe('doe-vault init', () => {
  let box: Sandbox;
  let passphraseFile: string;
  beforeAll(() => {
    box = sandbox();
    passphraseFile = secretFile(box.path('passphrase'), PASSPHRASE);
  });
  afterAll(() => box.cleanup());

  it('creates the vault, readable by its owner only, and prints the recovery key exactly once', async () => {
    const path = box.path('human.doevault');
    const stdout = await ok(['--vault', path, '--passphrase-file', passphraseFile, 'init', '--kdf', 'interactive']);
    expect(stdout).toContain(`Created vault ${path}`);
    const keys = stdout.match(/[0-9A-Z]{4}(?:-[0-9A-Z]{4}){13}/g) ?? [];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(RECOVERY_KEY);
    expect(stdout).toMatch(/shown this once/);
    expect(isPrivate(path)).toBe(true);
    // The recovery key is not stored: its text appears nowhere in the file.
    expect(readFileSync(path).includes(keys[0]!)).toBe(false);
    // And the passphrase opens it.
    expect(await okJson(['--vault', path, '--passphrase-file', passphraseFile, 'case', 'list'])).toEqual([]);
  });

  it('--json prints {"recoveryKey": …}; --kdf interactive is stored in the keyslots', async () => {
    const path = box.path('json.doevault');
    const out = await okJson<{ recoveryKey: string; vault: string }>([
      '--vault', path, '--passphrase-file', passphraseFile, 'init', '--kdf', 'interactive',
    ]);
    expect(out.recoveryKey).toMatch(RECOVERY_KEY);
    expect(out.vault).toBe(path);
    const slots = withDatabase(path, (db) => db.prepare('SELECT kind, opslimit, memlimit FROM keyslots ORDER BY kind').all());
    expect(slots).toEqual([
      { kind: 'passphrase', opslimit: 2, memlimit: 64 * MiB },
      { kind: 'recovery', opslimit: 2, memlimit: 64 * MiB },
    ]);
  });

  it('refuses a PATH that exists, a vault or any other file: exit 5, the file unchanged', async () => {
    const path = box.path('existing.doevault');
    await initVault(path);
    const before = sha256(path);
    const plain = await runCli(['--vault', path, '--passphrase-file', passphraseFile, 'init', '--kdf', 'interactive']);
    expect(expectFailure(plain, 5)).toMatch(/already exists/);
    expect(plain.stdout).toBe('');
    expect(sha256(path)).toBe(before);

    const other = box.path('notes.txt');
    writeFileSync(other, 'not a vault\n');
    await failJson(['--vault', other, '--passphrase-file', passphraseFile, 'init', '--kdf', 'interactive'], 5, 'CONFLICT');
    expect(readFileSync(other, 'utf8')).toBe('not a vault\n');
  });

  it('--kdf bogus is a usage error (exit 1); nothing is created', async () => {
    const path = box.path('bogus-kdf.doevault');
    const message = await failJson(['--vault', path, '--passphrase-file', passphraseFile, 'init', '--kdf', 'bogus'], 1, 'USAGE');
    expect(message).toMatch(/--kdf/);
    expect(existsSync(path)).toBe(false);
  });

  it('a passphrase shorter than 12 characters: exit 5 VALIDATION, no file and no leftovers', async () => {
    const folder = box.path('short');
    const path = join(folder, 'vault.doevault');
    const short = secretFile(box.path('short-passphrase'), 'eleven char');
    const message = await failJson(['--vault', path, '--passphrase-file', short, 'init', '--kdf', 'interactive'], 5, 'VALIDATION');
    expect(message).toMatch(/passphrase/i);
    expect(message).toMatch(/12/);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });

  it('a weak passphrase (issue 11): exit 5 VALIDATION with the meter’s reason, no file', async () => {
    const path = box.path('weak.doevault');
    const weak = secretFile(box.path('weak-passphrase'), 'password1234');
    const message = await failJson(['--vault', path, '--passphrase-file', weak, 'init', '--kdf', 'interactive'], 5, 'VALIDATION');
    expect(message).toMatch(/too easy to guess.*similar to a commonly used password/);
    expect(existsSync(path)).toBe(false);
  });

  it('reads the passphrase from one line of standard input when there is no --passphrase-file', async () => {
    const path = box.path('stdin.doevault');
    // Only the first line counts.
    const out = await okJson<{ recoveryKey: string }>(['--vault', path, 'init', '--kdf', 'interactive'], {
      stdin: `${OTHER_PASSPHRASE}\nsecond line is ignored\n`,
    });
    expect(out.recoveryKey).toMatch(RECOVERY_KEY);
    const file = secretFile(box.path('other-passphrase'), OTHER_PASSPHRASE);
    expect(await okJson(['--vault', path, '--passphrase-file', file, 'case', 'list'])).toEqual([]);
  });

  it('with no passphrase at all (empty standard input) is a usage error; nothing is created', async () => {
    const path = box.path('no-passphrase.doevault');
    const message = await failJson(['--vault', path, 'init', '--kdf', 'interactive'], 1, 'USAGE');
    expect(message).toMatch(/passphrase/);
    expect(existsSync(path)).toBe(false);
  });
});

describe('the vault path: --vault, else $DOE_VAULT, else the desktop app’s vault', () => {
  let box: Sandbox;
  let passphraseFile: string;
  beforeAll(() => {
    box = sandbox();
    passphraseFile = secretFile(box.path('passphrase'), PASSPHRASE);
  });
  afterAll(() => box.cleanup());

  it.runIf(process.platform === 'linux')('defaults to $XDG_CONFIG_HOME/DoeVault/vault.doevault ($DOE_VAULT empty)', async () => {
    const env = { HOME: box.path('home1'), XDG_CONFIG_HOME: box.path('xdg'), DOE_VAULT: '' };
    await okJson(['--passphrase-file', passphraseFile, 'init', '--kdf', 'interactive'], { env });
    const expected = join(box.path('xdg'), 'DoeVault', 'vault.doevault');
    expect(existsSync(expected)).toBe(true);
    expect(existsSync(box.path('home1'))).toBe(false);
    // Later commands find it the same way.
    await okJson(['--passphrase-file', passphraseFile, 'case', 'add', '--title', 'Default path'], { env });
  });

  it.runIf(process.platform === 'linux')('without $XDG_CONFIG_HOME, defaults to $HOME/.config/DoeVault/vault.doevault', async () => {
    const env = { HOME: box.path('home2'), XDG_CONFIG_HOME: undefined };
    await okJson(['--passphrase-file', passphraseFile, 'init', '--kdf', 'interactive'], { env });
    expect(existsSync(join(box.path('home2'), '.config', 'DoeVault', 'vault.doevault'))).toBe(true);
  });

  it('uses $DOE_VAULT when there is no --vault, and --vault over $DOE_VAULT', async () => {
    const fromEnv = box.path('from-env.doevault');
    const fromFlag = box.path('from-flag.doevault');
    const env = { DOE_VAULT: fromEnv, HOME: box.path('home3'), XDG_CONFIG_HOME: box.path('xdg3') };
    await okJson(['--passphrase-file', passphraseFile, 'init', '--kdf', 'interactive'], { env });
    expect(existsSync(fromEnv)).toBe(true);
    // Were $DOE_VAULT used here, init would refuse the existing file.
    await okJson(['--vault', fromFlag, '--passphrase-file', passphraseFile, 'init', '--kdf', 'interactive'], { env });
    expect(existsSync(fromFlag)).toBe(true);
    expect(existsSync(box.path('xdg3'))).toBe(false);
    expect(existsSync(box.path('home3'))).toBe(false);
    // Later commands too (there is no other vault they could have found).
    await okJson(['--passphrase-file', passphraseFile, 'case', 'add', '--title', 'Env case'], { env });
  });
});

describe('doe-vault passwd', () => {
  let box: Sandbox;
  let vault: CliVault;
  let newFile: string;
  let wrongFile: string;
  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('vault.doevault'));
    newFile = secretFile(box.path('new-passphrase'), OTHER_PASSPHRASE);
    wrongFile = secretFile(box.path('wrong-passphrase'), 'not the passphrase at all');
  });
  afterAll(() => box.cleanup());

  const withPassphrase = (file: string) => ['--vault', vault.path, '--passphrase-file', file];

  // Nothing changes after these failures: the next test changes the passphrase with the first one.
  it('with a wrong current passphrase: exit 2', async () => {
    await failJson([...withPassphrase(wrongFile), 'passwd', '--new-passphrase-file', newFile], 2, 'WRONG_PASSPHRASE');
  });

  it('with a new passphrase shorter than 12 characters: exit 5 VALIDATION', async () => {
    const short = secretFile(box.path('short'), 'too short');
    const message = await failJson([...vault.auth, 'passwd', '--new-passphrase-file', short], 5, 'VALIDATION');
    expect(message).toMatch(/12/);
  });

  it('with a weak new passphrase (issue 11): exit 5 VALIDATION naming the reason', async () => {
    const weak = secretFile(box.path('weak'), 'aaaaaaaaaaaa');
    const message = await failJson([...vault.auth, 'passwd', '--new-passphrase-file', weak], 5, 'VALIDATION');
    expect(message).toMatch(/too easy to guess.*Repeated characters/);
  });

  it('needs --new-passphrase-file (exit 1)', async () => {
    await failJson([...vault.auth, 'passwd'], 1, 'USAGE');
  });

  it('changes the passphrase: the old one then fails with exit 2, the new one works', async () => {
    const stdout = await ok([...vault.auth, 'passwd', '--new-passphrase-file', newFile]);
    expect(stdout).toMatch(/^Passphrase changed\./);
    const failed = await runCli([...vault.auth, 'case', 'list']);
    expect(expectFailure(failed, 2)).toMatch(/wrong passphrase/i);
    const entries = await okJson<AuditEntryJson[]>([...withPassphrase(newFile), 'audit', 'list']);
    expect(entries).toContainEqual(expect.objectContaining({ action: 'passphrase.changed', details: { with: 'passphrase' } }));
    // The failed unlocks are recorded too.
    expect(auditActions(entries).filter((a) => a === 'unlock.failed').length).toBeGreaterThanOrEqual(2);
  });

  it('--json prints {"changed": true}; the current passphrase may come from standard input', async () => {
    const out = await okJson(['--vault', vault.path, 'passwd', '--new-passphrase-file', vault.passphraseFile], {
      stdin: `${OTHER_PASSPHRASE}\n`,
    });
    expect(out).toEqual({ changed: true });
    await okJson([...vault.auth, 'case', 'list']);
    await failJson([...withPassphrase(newFile), 'case', 'list'], 2, 'WRONG_PASSPHRASE');
  });
});

describe('doe-vault recover', () => {
  let box: Sandbox;
  let vault: CliVault;
  let stranger: CliVault;
  let newFile: string;
  beforeAll(async () => {
    box = sandbox();
    [vault, stranger] = await Promise.all([initVault(box.path('vault.doevault')), initVault(box.path('stranger.doevault'))]);
    newFile = secretFile(box.path('new-passphrase'), OTHER_PASSPHRASE);
  });
  afterAll(() => box.cleanup());

  const recover = (keyFile: string, passphraseFile = newFile) => [
    '--vault', vault.path, 'recover', '--recovery-key-file', keyFile, '--new-passphrase-file', passphraseFile,
  ];

  it('a recovery key with a typo: exit 2, and the passphrase is unchanged', async () => {
    const key = vault.recoveryKey;
    const typo = `${key.slice(0, 5)}${key[5] === 'A' ? 'B' : 'A'}${key.slice(6)}`;
    const plain = await runCli(recover(secretFile(box.path('typo-key'), typo)));
    expect(expectFailure(plain, 2)).toMatch(/recovery key has a typo/);
    await okJson([...vault.auth, 'case', 'list']);
  });

  it('another vault’s recovery key: exit 2 WRONG_PASSPHRASE', async () => {
    const message = await failJson(recover(secretFile(box.path('stranger-key'), stranger.recoveryKey)), 2, 'WRONG_PASSPHRASE');
    expect(message).toMatch(/recovery key/i);
  });

  it('a new passphrase shorter than 12 characters: exit 5 VALIDATION', async () => {
    const key = secretFile(box.path('key'), vault.recoveryKey);
    await failJson(recover(key, secretFile(box.path('short'), 'short')), 5, 'VALIDATION');
  });

  it('needs both --recovery-key-file and --new-passphrase-file (exit 1)', async () => {
    await failJson(['--vault', vault.path, 'recover', '--new-passphrase-file', newFile], 1, 'USAGE');
    await failJson(['--vault', vault.path, 'recover', '--recovery-key-file', newFile], 1, 'USAGE');
  });

  it('with the key printed by init, sets a new passphrase; the old one then fails', async () => {
    const stdout = await ok(recover(secretFile(box.path('key'), vault.recoveryKey)));
    expect(stdout).toMatch(/^New passphrase set with the recovery key\./);
    await failJson([...vault.auth, 'case', 'list'], 2, 'WRONG_PASSPHRASE');
    const entries = await okJson<AuditEntryJson[]>(['--vault', vault.path, '--passphrase-file', newFile, 'audit', 'list']);
    expect(auditActions(entries)).toEqual(expect.arrayContaining(['recovery.used', 'passphrase.changed']));
    expect(entries).toContainEqual(expect.objectContaining({ action: 'passphrase.changed', details: { with: 'recovery key' } }));
  });

  it('--json prints {"recovered": true}; the key still works, typed in lower case with spaces', async () => {
    const sloppy = vault.recoveryKey.toLowerCase().replaceAll('-', ' ');
    const out = await okJson(recover(secretFile(box.path('sloppy-key'), sloppy), vault.passphraseFile));
    expect(out).toEqual({ recovered: true });
    await okJson([...vault.auth, 'case', 'list']);
  });
});

describe('doe-vault backup and restore', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  let backupFile: string;
  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('vault.doevault'));
    caseId = await addCase(vault, '--title', 'Roe v. Backup', '--court', 'D. Synth.', '--number', '1:26-cv-00042');
    await addPlaintiff(vault, caseId, '--name', 'Zoë Ramírez', '--gender', 'female');
    await addPlaintiff(vault, caseId, '--name', 'Björn Ångström', '--gender', 'male');
    backupFile = box.path('backup.doevault');
  });
  afterAll(() => box.cleanup());

  it('backup --out writes a verified backup, readable by its owner only, and audits it', async () => {
    const stdout = await ok([...vault.auth, 'backup', '--out', backupFile]);
    expect(stdout).toBe(`Backup written and verified: ${backupFile} (${statSync(backupFile).size} bytes, 1 cases)\n`);
    expect(isPrivate(backupFile)).toBe(true);
    const entries = await okJson<AuditEntryJson[]>([...vault.auth, 'audit', 'list']);
    expect(entries).toContainEqual(expect.objectContaining({ action: 'backup.created', details: { file: backupFile, cases: 1 } }));
  });

  it('backup --json prints the report; a relative --out is resolved against the working directory', async () => {
    const report = await okJson<{ path: string; bytes: number; cases: number }>(
      [...vault.auth, 'backup', '--out', 'relative.doevault'],
      { cwd: box.dir },
    );
    expect(report).toEqual({ path: box.path('relative.doevault'), bytes: statSync(box.path('relative.doevault')).size, cases: 1 });
  });

  it('backup --out into a folder that does not exist yet creates it', async () => {
    const out = box.path('usb-stick/2026/backup.doevault');
    await okJson([...vault.auth, 'backup', '--out', out]);
    expect(isPrivate(out)).toBe(true);
  });

  it('a --vault that is a folder, or below a file, is named in a one-line error (exit 5)', async () => {
    expect(await failJson([...vault.auth.slice(2), '--vault', box.dir, 'case', 'list'], 5, 'NOT_A_VAULT')).toBe(
      `${box.dir} is a folder, not a vault file. Give the path of the vault file.`,
    );
    const underFile = `${vault.path}/inside.doevault`;
    expect(await failJson(['--vault', underFile, '--passphrase-file', vault.passphraseFile, 'init'], 5, 'INTERNAL')).toMatch(
      /part of the path .* is a file where a folder is needed/,
    );
  });

  it('backup refuses an existing --out: exit 5 CONFLICT, the file unchanged', async () => {
    const before = sha256(backupFile);
    await failJson([...vault.auth, 'backup', '--out', backupFile], 5, 'CONFLICT');
    expect(sha256(backupFile)).toBe(before);
    await failJson([...vault.auth, 'backup'], 1, 'USAGE');
  });

  it('restore --from with a wrong passphrase: exit 2, no file created and nothing left behind', async () => {
    const target = box.path('restored-wrong.doevault');
    const wrong = secretFile(box.path('wrong-passphrase'), OTHER_PASSPHRASE);
    const before = sha256(backupFile);
    const files = readdirSync(box.dir).sort();
    await failJson(['--vault', target, '--passphrase-file', wrong, 'restore', '--from', backupFile], 2, 'WRONG_PASSPHRASE');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(box.dir).sort()).toEqual(files);
    expect(sha256(backupFile)).toBe(before);
  });

  // init creates the missing folders of --vault PATH; restore must too, e.g. to restore a
  // backup into the desktop app's default path on a new computer.
  it('restore --from into a folder that does not exist yet creates it, as init does', async () => {
    const target = box.path('new-computer/DoeVault/vault.doevault');
    await okJson(['--vault', target, '--passphrase-file', vault.passphraseFile, 'restore', '--from', backupFile]);
    expect(existsSync(target)).toBe(true);
  });

  it('restore --from into a new --vault path: the data is there and the restore is audited', async () => {
    const target = box.path('restored.doevault');
    const stdout = await ok(['--vault', target, '--passphrase-file', vault.passphraseFile, 'restore', '--from', backupFile]);
    expect(stdout).toBe(`Restored ${backupFile} to ${target}.\n`);
    expect(isPrivate(target)).toBe(true);
    const restored = ['--vault', target, '--passphrase-file', vault.passphraseFile];
    const cases = await okJson<{ id: string; title: string; plaintiffs: number }[]>([...restored, 'case', 'list']);
    expect(cases).toEqual([expect.objectContaining({ id: caseId, title: 'Roe v. Backup', plaintiffs: 2 })]);
    const sealed = await okJson<{ pseudonym: string; legalName: string }[]>([...restored, 'roster', '--case', caseId, '--sealed']);
    expect(sealed.map((p) => [p.pseudonym, p.legalName])).toEqual([
      ['Jane Doe 1', 'Zoë Ramírez'],
      ['John Doe 2', 'Björn Ångström'],
    ]);
    const entries = await okJson<AuditEntryJson[]>([...restored, 'audit', 'list']);
    expect(entries).toContainEqual(expect.objectContaining({ action: 'vault.restored', details: { from: backupFile } }));
  });

  it('restore --json prints where it restored; the passphrase may come from standard input', async () => {
    const target = box.path('restored-json.doevault');
    const out = await okJson(['--vault', target, 'restore', '--from', backupFile], { stdin: `${PASSPHRASE}\n` });
    expect(out).toEqual({ restored: target, from: backupFile });
  });

  it('restore refuses an existing --vault path: exit 5 CONFLICT, the file unchanged', async () => {
    const before = sha256(vault.path);
    const plain = await runCli([...vault.auth, 'restore', '--from', backupFile]);
    expect(expectFailure(plain, 5)).toMatch(/already exists/);
    expect(sha256(vault.path)).toBe(before);
  });

  it('restore refuses a --from that is not a vault (NOT_A_VAULT) or does not exist (NOT_FOUND): exit 5', async () => {
    const junk = box.path('junk.bin');
    writeFileSync(junk, Buffer.alloc(8192, 0x5a));
    const target = box.path('never.doevault');
    await failJson(['--vault', target, '--passphrase-file', vault.passphraseFile, 'restore', '--from', junk], 5, 'NOT_A_VAULT');
    await failJson(['--vault', target, '--passphrase-file', vault.passphraseFile, 'restore', '--from', box.path('missing')], 5, 'NOT_FOUND');
    await failJson(['--vault', target, '--passphrase-file', vault.passphraseFile, 'restore'], 1, 'USAGE');
    expect(existsSync(target)).toBe(false);
  });
});
