import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, TEST_ONLY_INSECURE_KDF, utf8 } from '../../../src-main/core/crypto';
import { readPublicKey, writeSealedPackage, type PackageFile } from '../../../src-main/core/export/sealed-package';
import { expectFailure, failJson, ok, okJson, OTHER_PASSPHRASE, PASSPHRASE, runCli, sandbox, secretFile, sha256, type Sandbox } from './helpers';

/**
 * `doe-vault keypair` and `doe-vault package open`, run as child processes. Packages are made
 * in the test process (the CLI only opens them); passphrase packages use the test-only KDF,
 * whose parameters travel in the package header, so the CLI needs no test switch.
 */

const FILES: PackageFile[] = [
  { name: 'sealed.pdf', bytes: new Uint8Array(randomBytes(150_000)) },
  { name: 'declaration-of-identities.pdf', bytes: new Uint8Array(randomBytes(3_000)) },
  { name: 'manifest.json', bytes: utf8('{"format":"doevault-export/1"}\n') },
];

interface OpenJson {
  package: string;
  out: string;
  files: { path: string; bytes: number }[];
}

describe('doe-vault keypair and package open', () => {
  let box: Sandbox;
  let n = 0;
  const path = (name: string) => box.path(`${n++}-${name}`);
  let passphraseFile: string;
  let passphrasePackage: string;
  let keyPrefix: string;
  let recipientPackage: string;

  beforeAll(async () => {
    await initCrypto();
    box = sandbox();
    passphraseFile = secretFile(box.path('package-passphrase'), PASSPHRASE);
    passphrasePackage = (await writeSealedPackage(path('passphrase.doesealed'), FILES, { passphrase: PASSPHRASE, kdf: TEST_ONLY_INSECURE_KDF })).path;
    keyPrefix = path('court');
    await ok(['keypair', '--out', keyPrefix]);
    recipientPackage = (await writeSealedPackage(path('recipient.doesealed'), FILES, { recipientPublicKey: await readPublicKey(`${keyPrefix}.pub`) })).path;
  });
  afterAll(() => box.cleanup());

  function expectExtracted(dir: string): void {
    expect(readdirSync(dir).sort()).toEqual(FILES.map((f) => f.name).sort());
    for (const file of FILES) expect(new Uint8Array(readFileSync(join(dir, file.name)))).toEqual(file.bytes);
  }

  describe('keypair', () => {
    it('writes PREFIX.pub and PREFIX.key (0600) without any vault, and says which is which', async () => {
      const prefix = path('alice');
      const stdout = await ok(['keypair', '--out', prefix]);
      expect(stdout).toMatch(new RegExp(`Public key: ${prefix}\\.pub\\n.*cannot open them`));
      expect(stdout).toMatch(new RegExp(`Secret key: ${prefix}\\.key\\n.*keep it private`));
      expect(readFileSync(`${prefix}.pub`, 'utf8')).toMatch(/^DoeVault recipient public key\n/);
      expect(readFileSync(`${prefix}.key`, 'utf8')).toMatch(/^DoeVault recipient secret key\nSECRET — keep private/);
      if (process.platform !== 'win32') expect(statSync(`${prefix}.key`).mode & 0o777).toBe(0o600);
    });

    it('--json gives both paths', async () => {
      const prefix = path('bob');
      expect(await okJson(['keypair', '--out', prefix])).toEqual({ publicKey: `${prefix}.pub`, secretKey: `${prefix}.key` });
    });

    it('never overwrites a key file: exit 5, CONFLICT, the file unchanged', async () => {
      const before = sha256(`${keyPrefix}.key`);
      const message = await failJson(['keypair', '--out', keyPrefix], 5, 'CONFLICT');
      expect(message).toMatch(/already exists.*never overwrites a key file/);
      expect(sha256(`${keyPrefix}.key`)).toBe(before);
    });

    it('needs --out (exit 1)', async () => {
      expect(expectFailure(await runCli(['keypair']), 1)).toMatch(/^`keypair` needs --out/);
    });
  });

  describe('package open', () => {
    it('with --passphrase-file: writes the files and lists them with their sizes', async () => {
      const out = path('out');
      const stdout = await ok(['package', 'open', passphrasePackage, '--out', out, '--passphrase-file', passphraseFile]);
      expectExtracted(out);
      expect(stdout).toMatch(/^Opened .*passphrase\.doesealed: 3 files written/);
      for (const file of FILES) expect(stdout).toMatch(new RegExp(`${join(out, file.name)}\\s+${file.bytes.length}\\n`));
    });

    it('with the passphrase on standard input, as other commands read it', async () => {
      const out = path('out');
      await ok(['package', 'open', passphrasePackage, '--out', out], { stdin: `${PASSPHRASE}\n` });
      expectExtracted(out);
    });

    it('with --secret-key; --json gives the package, the folder and each file with its size', async () => {
      const out = path('out');
      const result = await okJson<OpenJson>(['package', 'open', recipientPackage, '--out', out, '--secret-key', `${keyPrefix}.key`]);
      expect(result).toEqual({
        package: recipientPackage,
        out,
        files: FILES.map((f) => ({ path: join(out, f.name), bytes: f.bytes.length })),
      });
      expectExtracted(out);
      if (process.platform !== 'win32') for (const f of result.files) expect(statSync(f.path).mode & 0o777).toBe(0o600);
    });

    it('needs no vault: the default vault path does not exist and is never created', async () => {
      const out = path('out');
      await ok(['package', 'open', recipientPackage, '--out', out, '--secret-key', `${keyPrefix}.key`], { env: { DOE_VAULT: box.path('no-such.doevault') } });
      expect(existsSync(box.path('no-such.doevault'))).toBe(false);
    });

    it('a wrong passphrase: exit 2, WRONG_PASSPHRASE, nothing written', async () => {
      const out = path('out');
      const message = await failJson(
        ['package', 'open', passphrasePackage, '--out', out, '--passphrase-file', secretFile(path('other'), OTHER_PASSPHRASE)],
        2,
        'WRONG_PASSPHRASE',
      );
      expect(message).toMatch(/^Wrong passphrase for /);
      expect(existsSync(out)).toBe(false);
    });

    it("another recipient's secret key: exit 2, saying the package was sealed to another key", async () => {
      const other = path('other');
      await ok(['keypair', '--out', other]);
      const out = path('out');
      const message = await failJson(['package', 'open', recipientPackage, '--out', out, '--secret-key', `${other}.key`], 2, 'WRONG_PASSPHRASE');
      expect(message).toMatch(/sealed to another recipient key/);
      expect(existsSync(out)).toBe(false);
    });

    it('the wrong kind of secret says which one the package needs', async () => {
      const out = path('out');
      // A passphrase for a package sealed to a key: VALIDATION (exit 5).
      expect(await failJson(['package', 'open', recipientPackage, '--out', out, '--passphrase-file', passphraseFile], 5, 'VALIDATION')).toMatch(
        /sealed to a recipient key.*secret key file \(\.key\)/,
      );
      // No secret for a package sealed to a key: a usage error before any prompt (exit 1).
      expect(expectFailure(await runCli(['package', 'open', recipientPackage, '--out', out]), 1)).toMatch(/sealed to a recipient key: give --secret-key FILE/);
      // A secret key for a passphrase package.
      expect(await failJson(['package', 'open', passphrasePackage, '--out', out, '--secret-key', `${keyPrefix}.key`], 5, 'VALIDATION')).toMatch(
        /protected by a passphrase/,
      );
      expect(existsSync(out)).toBe(false);
    });

    it('a .pub given as --secret-key: exit 5, saying to give the .key', async () => {
      const message = await failJson(['package', 'open', recipientPackage, '--out', path('out'), '--secret-key', `${keyPrefix}.pub`], 5, 'VALIDATION');
      expect(message).toMatch(/is a public key file \(\.pub\), which cannot open packages: give the secret key file \(\.key\)/);
    });

    it.skipIf(process.platform === 'win32')('warns when the .key file can be read by other users', async () => {
      const loose = path('loose');
      await ok(['keypair', '--out', loose]);
      const sealed = (await writeSealedPackage(path('loose.doesealed'), FILES, { recipientPublicKey: await readPublicKey(`${loose}.pub`) })).path;
      chmodSync(`${loose}.key`, 0o644);
      const result = await runCli(['package', 'open', sealed, '--out', path('out'), '--secret-key', `${loose}.key`]);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/can be read by other users.*chmod 600/);
    });

    describe('damaged packages: exit 4, DAMAGED, ask the sender for a new copy; nothing written', () => {
      const damaged = /the package is damaged or was altered; ask the sender for a new copy/;

      it.each([
        ['one flipped bit in the header', (b: Buffer) => flip(b, 20)],
        ['one flipped bit in the first chunk', (b: Buffer) => flip(b, 500)],
        ['one flipped bit in the final chunk', (b: Buffer) => flip(b, b.length - 3)],
        ['cut short', (b: Buffer) => b.subarray(0, b.length - 100)],
        ['cut short in the header', (b: Buffer) => b.subarray(0, 60)],
        ['bytes appended', (b: Buffer) => Buffer.concat([b, Buffer.from('\n')])],
      ])('%s', async (_, damage) => {
        const file = path('damaged.doesealed');
        writeFileSync(file, damage(readFileSync(recipientPackage)));
        const out = path('out');
        const message = await failJson(['package', 'open', file, '--out', out, '--secret-key', `${keyPrefix}.key`], 4, 'DAMAGED');
        expect(message).toMatch(damaged);
        expect(existsSync(out)).toBe(false);
      });

      it('without --json: one line, exit 4', async () => {
        const file = path('damaged.doesealed');
        writeFileSync(file, flip(readFileSync(passphrasePackage), 1000));
        const result = await runCli(['package', 'open', file, '--out', path('out'), '--passphrase-file', passphraseFile]);
        expect(expectFailure(result, 4)).toMatch(damaged);
      });
    });

    it('a file that is not a package: exit 5, VALIDATION, before any passphrase is asked for', async () => {
      const file = path('notes.txt');
      writeFileSync(file, 'Meeting notes, nothing sealed here.\n');
      const message = await failJson(['package', 'open', file, '--out', path('out')], 5, 'VALIDATION');
      expect(message).toMatch(/is not a DoeVault sealed package \(\.doesealed\)/);
    });

    it('a package from a newer DoeVault: exit 5, UNSUPPORTED_VERSION', async () => {
      const bytes = readFileSync(passphrasePackage);
      bytes[9] = 2;
      bytes[10] = 0xfd;
      const file = path('newer.doesealed');
      writeFileSync(file, bytes);
      expect(await failJson(['package', 'open', file, '--out', path('out'), '--passphrase-file', passphraseFile], 5, 'UNSUPPORTED_VERSION')).toMatch(
        /newer version of DoeVault/,
      );
    });

    it('never overwrites: an existing file in --out is CONFLICT (exit 5), unchanged, and nothing else is written', async () => {
      const out = path('out');
      mkdirSync(out);
      writeFileSync(join(out, 'sealed.pdf'), 'an earlier copy');
      const before = sha256(join(out, 'sealed.pdf'));
      const message = await failJson(['package', 'open', recipientPackage, '--out', out, '--secret-key', `${keyPrefix}.key`], 5, 'CONFLICT');
      expect(message).toMatch(/sealed\.pdf already exists; nothing was extracted/);
      expect(readdirSync(out)).toEqual(['sealed.pdf']);
      expect(sha256(join(out, 'sealed.pdf'))).toBe(before);
    });

    it('usage errors (exit 1): no FILE, no --out, both secrets, an extra argument', async () => {
      const cases: [string[], RegExp][] = [
        [['package', 'open', '--out', path('out')], /^`package open` needs FILE/],
        [['package', 'open', recipientPackage], /^`package open` needs --out/],
        [['package', 'open', recipientPackage, '--out', path('out'), '--passphrase-file', passphraseFile, '--secret-key', `${keyPrefix}.key`], /not both/],
        [['package', 'open', recipientPackage, 'extra', '--out', path('out')], /^unexpected argument "extra"/],
        [['package'], /^unknown command "package"/],
      ];
      for (const [args, expected] of cases) expect(expectFailure(await runCli(args), 1), args.join(' ')).toMatch(expected);
    });

    it('a missing package file: exit 5 with the path', async () => {
      const missing = box.path('absent.doesealed');
      expect(await failJson(['package', 'open', missing, '--out', path('out')], 5, 'NOT_FOUND')).toMatch(/absent\.doesealed does not exist/);
    });
  });

  it('both commands are in the general help and have their own --help', async () => {
    const help = await ok(['--help']);
    expect(help).toMatch(/\n {2}keypair --out PREFIX\n {6}recipient keys for sealed packages/);
    expect(help).toMatch(/\n {2}package open FILE\.doesealed --out DIR \[--passphrase-file FILE \| --secret-key FILE\] \[--json\]\n {6}decrypt a sealed package/);
    expect(await ok(['package', 'open', '--help'])).toMatch(/^Usage: doe-vault package open FILE\.doesealed[^]*--secret-key FILE/);
    expect(await ok(['keypair', '--help'])).toMatch(/^Usage: doe-vault keypair --out PREFIX/);
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at]! ^= 0x04;
  return copy;
}
