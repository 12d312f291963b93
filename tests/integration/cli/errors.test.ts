import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCase,
  addPlaintiff,
  expectFailure,
  failJson,
  flipBlobBit,
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
  type CliVault,
  type Sandbox,
} from './helpers';

const COMMANDS = [
  'init', 'passwd', 'recover', 'backup', 'restore', 'case add', 'case list', 'case update', 'case delete',
  'plaintiff add', 'plaintiff update', 'plaintiff withdraw', 'roster', 'audit list', 'audit verify',
];

describe('usage errors: exit 1, one line on stderr', () => {
  let box: Sandbox;
  let vault: string[];
  beforeAll(() => {
    box = sandbox();
    // Usage errors are found before the vault is opened: it need not exist.
    vault = ['--vault', box.path('absent.doevault'), '--passphrase-file', secretFile(box.path('passphrase'), PASSPHRASE)];
  });
  afterAll(() => box.cleanup());

  const usage: [string, string[], RegExp][] = [
    ['no command', [], /^no command given\. Run `doe-vault --help` for usage\.$/],
    ['an unknown command', ['frobnicate'], /^unknown command "frobnicate"/],
    ['a command family without its command', ['case'], /^unknown command "case"/],
    ['an unknown option', ['case', 'list', '--colour'], /^unknown option --colour/],
    ['an option of another command', ['case', 'list', '--sealed'], /^`case list` does not take --sealed/],
    ['a missing required option', ['roster'], /^`roster` needs --case/],
    ['another missing required option', ['plaintiff', 'withdraw', '--case', 'x'], /^`plaintiff withdraw` needs --pseudonym/],
    ['an option without its value', ['case', 'add', '--title'], /--title/],
    ['an extra argument', ['case', 'list', 'extra'], /^unexpected argument "extra" for `case list`/],
    ['delete without --confirm', ['case', 'delete', '--case', 'x'], /--confirm/],
    ['a bad --kdf', ['init', '--kdf', 'fast'], /^--kdf must be interactive, moderate or sensitive/],
  ];

  it('no command, unknown commands and options, missing options and values, extra arguments', async () => {
    // Usage errors cost no key derivation: run them all at once, the even ones with --json.
    const json = (i: number) => i % 2 === 0;
    const results = await Promise.all(usage.map(([, args], i) => runCli([...vault, ...args, ...(json(i) ? ['--json'] : [])])));
    usage.forEach(([what, , expected], i) => {
      const result = results[i]!;
      expect(json(i) ? expectFailure(result, 1, 'USAGE') : expectFailure(result, 1), what).toMatch(expected);
      expect(result.stdout, what).toBe('');
    });
    // The no-command case both ways: --json alone is still no command.
    expectFailure(await runCli([...vault, '--json']), 1, 'USAGE');
    expect(existsSync(box.path('absent.doevault'))).toBe(false);
  });

  it('the passphrase is never taken from an argument: --passphrase X and --passphrase=X are usage errors', async () => {
    for (const args of [
      ['init', '--kdf', 'interactive', '--passphrase', PASSPHRASE],
      ['init', '--kdf', 'interactive', `--passphrase=${PASSPHRASE}`],
    ]) {
      const result = await runCli(['--vault', box.path('argv.doevault'), ...args]);
      expect(expectFailure(result, 1)).toMatch(/passphrase/);
      // Not echoed back either.
      expect(result.stderr).not.toContain(PASSPHRASE);
    }
    expect(existsSync(box.path('argv.doevault'))).toBe(false);
  });

  it('the passphrase is never taken from the environment', async () => {
    const env = Object.fromEntries(
      ['DOE_VAULT_PASSPHRASE', 'DOEVAULT_PASSPHRASE', 'DOE_PASSPHRASE', 'PASSPHRASE', 'VAULT_PASSPHRASE'].map((name) => [name, PASSPHRASE]),
    );
    const path = box.path('env.doevault');
    const message = await failJson(['--vault', path, 'init', '--kdf', 'interactive'], 1, 'USAGE', { env });
    expect(message).toMatch(/^no passphrase: give --passphrase-file FILE, or one line on standard input/);
    expect(existsSync(path)).toBe(false);
  });

  it('a passphrase file that is missing or empty is a usage error', async () => {
    const path = box.path('files.doevault');
    expect(await failJson(['--vault', path, '--passphrase-file', box.path('missing'), 'init'], 1, 'USAGE')).toMatch(/ENOENT/);
    const empty = box.path('empty');
    writeFileSync(empty, '\n', { mode: 0o600 });
    expect(await failJson(['--vault', path, '--passphrase-file', empty, 'init'], 1, 'USAGE')).toMatch(/is empty/);
    expect(existsSync(path)).toBe(false);
  });
});

describe('--help: exit 0', () => {
  it('doe-vault --help and doe-vault help print the usage of every command on stdout', async () => {
    for (const args of [['--help'], ['help']]) {
      const result = await runCli(args);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^doe-vault: /);
      expect(result.stdout).toContain('Usage: doe-vault [--vault PATH] [--passphrase-file FILE] [--json] <command> [options]');
      for (const command of COMMANDS) expect(result.stdout).toContain(`\n  ${command}`);
      expect(result.stdout).toMatch(/Exit codes: 0 ok, 1 usage, 2 wrong passphrase/);
    }
  });

  it('<command> --help prints that command’s usage, even without its required options', async () => {
    const results = await Promise.all(COMMANDS.map((command) => runCli([...command.split(' '), '--help'])));
    results.forEach((result, i) => {
      expect(result, COMMANDS[i]).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout, COMMANDS[i]).toMatch(new RegExp(`^Usage: doe-vault ${COMMANDS[i]}\\b`));
    });
    expect(results[COMMANDS.indexOf('plaintiff add')]!.stdout).toMatch(/--id-number TEXT\s+badge, serial or ID number; repeatable/);
  });
});

describe('exit 2: a wrong passphrase', () => {
  let box: Sandbox;
  let vault: CliVault;
  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('vault.doevault'));
    await addCase(vault, '--title', 'Wrong passphrase case');
  });
  afterAll(() => box.cleanup());

  it('any command with a wrong passphrase: exit 2 WRONG_PASSPHRASE, and the data is unchanged', async () => {
    const wrong = ['--vault', vault.path, '--passphrase-file', secretFile(box.path('wrong'), OTHER_PASSPHRASE)];
    const plain = await runCli([...wrong, 'case', 'add', '--title', 'Should not exist']);
    expect(expectFailure(plain, 2)).toMatch(/^Wrong passphrase\./);
    expect(plain.stdout).toBe('');
    await failJson([...wrong, 'roster', '--case', 'whatever', '--sealed'], 2, 'WRONG_PASSPHRASE');
    await failJson(['--vault', vault.path, 'audit', 'verify'], 2, 'WRONG_PASSPHRASE', { stdin: `${OTHER_PASSPHRASE}\n` });
    expect(await okJson([...vault.auth, 'case', 'list'])).toEqual([expect.objectContaining({ title: 'Wrong passphrase case' })]);
  });

  it('a passphrase file others can read still works, with a one-line warning (JSON with --json)', async () => {
    const loose = box.path('loose-passphrase');
    writeFileSync(loose, `${PASSPHRASE}\n`);
    chmodSync(loose, 0o644);
    const warning = `warning: ${loose} can be read by other users of this computer; restrict it with \`chmod 600 ${loose}\``;
    const plain = await runCli(['--vault', vault.path, '--passphrase-file', loose, 'case', 'list']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe(`${warning}\n`);
    const json = await runCli(['--vault', vault.path, '--passphrase-file', loose, 'case', 'list', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveLength(1);
    expect(json.stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([{ warning }]);
  });
});

describe('exit 4: a damaged or tampered vault', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('vault.doevault'));
    caseId = await addCase(vault, '--title', 'Doe v. Bit Rot');
    await addPlaintiff(vault, caseId, '--name', 'Zoë Ramírez', '--gender', 'female', '--email', 'zoe@example.org');
    await addPlaintiff(vault, caseId, '--name', 'Mateo Lindqvist', '--gender', 'male');
  });
  afterAll(() => box.cleanup());

  let copies = 0;
  /** A copy of the vault to damage, with the same passphrase. */
  function copyOfVault(): { path: string; auth: string[] } {
    const path = box.path(`copy-${++copies}.doevault`);
    copyFileSync(vault.path, path);
    if (existsSync(`${vault.path}-wal`)) copyFileSync(`${vault.path}-wal`, `${path}-wal`);
    return { path, auth: ['--vault', path, '--passphrase-file', vault.passphraseFile] };
  }

  /** DAMAGED, exit 4, and the message names nobody. */
  async function expectDamaged(args: string[]): Promise<void> {
    const result = await runCli([...args, '--json']);
    expectFailure(result, 4, 'DAMAGED');
    expect(result.stdout).toBe('');
    for (const secret of ['Zoë', 'Ramírez', 'Mateo', 'zoe@example.org']) expect(result.stderr).not.toContain(secret);
  }

  const second = 'seq = 2';

  it('one flipped bit in a plaintiff’s identity ciphertext', async () => {
    const { path, auth } = copyOfVault();
    flipBlobBit(path, 'plaintiffs', 'identity', second);
    await expectDamaged([...auth, 'roster', '--case', caseId, '--sealed']);
    const plain = await runCli([...auth, 'roster', '--case', caseId, '--sealed']);
    expect(expectFailure(plain, 4)).toMatch(/damaged|altered|tampered/i);
    expect(plain.stdout).toBe('');
  });

  it('one flipped bit in a plaintiff’s public part (pseudonym and status)', async () => {
    const { path, auth } = copyOfVault();
    flipBlobBit(path, 'plaintiffs', 'public', second, [], 30);
    await expectDamaged([...auth, 'roster', '--case', caseId]);
  });

  it('one flipped bit in a case’s details or its wrapped key', async () => {
    const details = copyOfVault();
    flipBlobBit(details.path, 'cases', 'details', 'id = ?', [caseId]);
    await expectDamaged([...details.auth, 'case', 'list']);
    const key = copyOfVault();
    flipBlobBit(key.path, 'cases', 'wrapped_key', 'id = ?', [caseId]);
    await expectDamaged([...key.auth, 'roster', '--case', caseId]);
  });

  it('a ciphertext copied into another row, or into another field of its row', async () => {
    const row = copyOfVault();
    withDatabase(row.path, (db) =>
      db.prepare('UPDATE plaintiffs SET identity = (SELECT identity FROM plaintiffs WHERE seq = 1) WHERE seq = 2').run(),
    );
    await expectDamaged([...row.auth, 'roster', '--case', caseId, '--sealed']);
    const field = copyOfVault();
    withDatabase(field.path, (db) => db.prepare('UPDATE plaintiffs SET public = identity WHERE seq = 1').run());
    await expectDamaged([...field.auth, 'roster', '--case', caseId]);
  });

  it('a damaged passphrase keyslot: exit 4, not 2 (even with a wrong passphrase); the recovery key still opens it', async () => {
    const { path, auth } = copyOfVault();
    flipBlobBit(path, 'keyslots', 'wrapped_key', "kind = 'passphrase'");
    const message = await failJson([...auth, 'case', 'list'], 4, 'DAMAGED');
    expect(message).toMatch(/passphrase keyslot .* damaged.*doe-vault recover/);
    await failJson(['--vault', path, 'case', 'list'], 4, 'DAMAGED', { stdin: `${OTHER_PASSPHRASE}\n` });
    const key = secretFile(box.path('recovery-key'), vault.recoveryKey);
    await ok(['--vault', path, 'recover', '--recovery-key-file', key, '--new-passphrase-file', vault.passphraseFile]);
    expect(await okJson<unknown[]>([...auth, 'case', 'list'])).toHaveLength(1);
  });

  it('a truncated vault file: exit 4, the file left as it was', async () => {
    const { path, auth } = copyOfVault();
    truncateSync(path, Math.floor(statSync(path).size / 2));
    const before = sha256(path);
    expect(await failJson([...auth, 'case', 'list'], 4, 'DAMAGED')).toMatch(/truncated/);
    expect(sha256(path)).toBe(before);
  });
});

describe('exit 5: not a vault, no vault, a newer vault', () => {
  let box: Sandbox;
  let passphraseFile: string;
  beforeAll(() => {
    box = sandbox();
    passphraseFile = secretFile(box.path('passphrase'), PASSPHRASE);
  });
  afterAll(() => box.cleanup());

  const auth = (path: string) => ['--vault', path, '--passphrase-file', passphraseFile];

  it('a random file: exit 5 NOT_A_VAULT, the file untouched', async () => {
    const path = box.path('random.bin');
    writeFileSync(path, Buffer.from(Array.from({ length: 16_384 }, (_, i) => (i * 7919 + 13) % 251)));
    const before = sha256(path);
    const plain = await runCli([...auth(path), 'case', 'list']);
    expect(expectFailure(plain, 5)).toBe(`${path} is not a DoeVault vault. Check the path.`);
    await failJson([...auth(path), 'audit', 'verify'], 5, 'NOT_A_VAULT');
    expect(sha256(path)).toBe(before);
    expect(readdirSync(box.dir).sort()).toEqual(['passphrase', 'random.bin']);
  });

  it('another SQLite database: exit 5 NOT_A_VAULT, the file untouched', async () => {
    const path = box.path('other.sqlite');
    const db = new Database(path);
    db.exec("CREATE TABLE plaintiffs (name TEXT); INSERT INTO plaintiffs VALUES ('Zoë Ramírez');");
    db.close();
    const before = sha256(path);
    expect(await failJson([...auth(path), 'roster', '--case', 'x'], 5, 'NOT_A_VAULT')).toMatch(/not a DoeVault vault/);
    expect(sha256(path)).toBe(before);
  });

  it('no vault at the path: exit 5 NOT_FOUND, and nothing is created', async () => {
    const path = box.path('nowhere/vault.doevault');
    const plain = await runCli([...auth(path), 'case', 'list']);
    expect(expectFailure(plain, 5)).toMatch(/^No vault at .*doe-vault init/);
    await failJson([...auth(path), 'backup', '--out', box.path('backup.doevault')], 5, 'NOT_FOUND');
    expect(existsSync(box.path('nowhere'))).toBe(false);
    expect(existsSync(box.path('backup.doevault'))).toBe(false);
  });

  it('a vault written by a newer DoeVault: exit 5 UNSUPPORTED_VERSION, the file untouched', async () => {
    const { path } = await initVault(box.path('newer.doevault'));
    withDatabase(path, (db) => db.pragma('user_version = 99'));
    chmodSync(path, 0o600);
    const before = sha256(path);
    const message = await failJson([...auth(path), 'case', 'list'], 5, 'UNSUPPORTED_VERSION');
    expect(message).toMatch(/newer version of DoeVault/);
    expect(sha256(path)).toBe(before);
  });
});
