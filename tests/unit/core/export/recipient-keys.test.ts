import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxPublicKeyOf, initCrypto, TEST_ONLY_INSECURE_KDF, utf8 } from '../../../../src-main/core/crypto';
import { isVaultError } from '../../../../src-main/core/errors';
import {
  openSealedPackage,
  readPublicKey,
  readSecretKey,
  writeKeypair,
  writeSealedPackage,
} from '../../../../src-main/core/export/sealed-package';
import { codeOf, sha256 } from '../../../fixtures/checks';

let dir: string;
let n = 0;
const prefix = () => join(dir, `recipient-${n++}`);

async function failure(run: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    if (isVaultError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a VaultError');
}

describe('recipient key files', () => {
  beforeAll(async () => {
    await initCrypto();
    dir = mkdtempSync(join(tmpdir(), 'doevault-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes PREFIX.pub and PREFIX.key as short text; the .key readable by its owner only', async () => {
    const p = prefix();
    const { publicKeyPath, secretKeyPath } = await writeKeypair(p);
    expect([publicKeyPath, secretKeyPath]).toEqual([`${p}.pub`, `${p}.key`]);
    const pub = readFileSync(publicKeyPath, 'utf8').split('\n');
    const key = readFileSync(secretKeyPath, 'utf8').split('\n');
    expect(pub[0]).toBe('DoeVault recipient public key');
    expect(pub[1]).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){13}$/);
    expect(key[0]).toBe('DoeVault recipient secret key');
    expect(key[1]).toMatch(/^SECRET — keep private/);
    expect(key[2]).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){13}$/);
    if (process.platform !== 'win32') expect(statSync(secretKeyPath).mode & 0o777).toBe(0o600);
    const secretKey = await readSecretKey(secretKeyPath);
    expect(boxPublicKeyOf(secretKey)).toEqual(await readPublicKey(publicKeyPath));
  });

  it('the pair seals and opens a package', async () => {
    const p = prefix();
    await writeKeypair(p);
    const files = [{ name: 'sealed.pdf', bytes: utf8('%PDF-1.7 synthetic') }];
    const { path } = await writeSealedPackage(join(dir, `p${n++}.doesealed`), files, { recipientPublicKey: await readPublicKey(`${p}.pub`) });
    expect(await openSealedPackage(path, { secretKey: await readSecretKey(`${p}.key`) })).toEqual(files);
  });

  it('reads a key file that went through email: CRLF line endings, a byte-order mark, lower case, indentation', async () => {
    const p = prefix();
    await writeKeypair(p);
    const original = await readPublicKey(`${p}.pub`);
    const mangled = readFileSync(`${p}.pub`, 'utf8')
      .split('\n')
      .map((line, i) => (i === 1 ? `   ${line.toLowerCase()}` : line))
      .join('\r\n');
    writeFileSync(`${p}-mailed.pub`, `\uFEFF${mangled}`);
    expect(await readPublicKey(`${p}-mailed.pub`)).toEqual(original);
  });

  it('never overwrites: an existing .pub or .key is CONFLICT, and no new file is left', async () => {
    for (const existing of ['pub', 'key']) {
      const p = prefix();
      writeFileSync(`${p}.${existing}`, 'earlier');
      const before = sha256(`${p}.${existing}`);
      expect(await codeOf(() => writeKeypair(p))).toBe('CONFLICT');
      expect(sha256(`${p}.${existing}`)).toBe(before);
      expect(existsSync(`${p}.${existing === 'pub' ? 'key' : 'pub'}`)).toBe(false);
    }
  });

  it('refuses a prefix that already ends in .pub or .key (VALIDATION)', async () => {
    const p = prefix();
    expect(await codeOf(() => writeKeypair(`${p}.pub`))).toBe('VALIDATION');
    expect(existsSync(`${p}.pub.pub`) || existsSync(`${p}.pub.key`)).toBe(false);
  });

  describe('mix-ups, with a message saying what to give instead', () => {
    let p: string;
    beforeAll(async () => {
      p = prefix();
      await writeKeypair(p);
    });

    it('a .key where the public key is expected', async () => {
      expect(await failure(() => readPublicKey(`${p}.key`))).toEqual({
        code: 'VALIDATION',
        message: expect.stringMatching(/is a secret key file \(\.key\), not a public key: give the recipient's \.pub file.*never send it/),
      });
    });

    it('a .pub where the secret key is expected', async () => {
      expect(await failure(() => readSecretKey(`${p}.pub`))).toEqual({
        code: 'VALIDATION',
        message: expect.stringMatching(/is a public key file \(\.pub\), which cannot open packages: give the secret key file \(\.key\)/),
      });
    });

    it('a package, a passphrase file or any other file', async () => {
      const { path } = await writeSealedPackage(join(dir, `p${n++}.doesealed`), [{ name: 'a', bytes: utf8('x') }], {
        passphrase: 'correct horse battery staple',
        kdf: TEST_ONLY_INSECURE_KDF,
      });
      writeFileSync(join(dir, 'passphrase.txt'), 'correct horse battery staple\n');
      for (const other of [path, join(dir, 'passphrase.txt')]) {
        expect(await failure(() => readPublicKey(other))).toEqual({ code: 'VALIDATION', message: expect.stringMatching(/is not a DoeVault recipient public key file \(\.pub\)/) });
        expect(await failure(() => readSecretKey(other))).toEqual({ code: 'VALIDATION', message: expect.stringMatching(/is not a DoeVault recipient secret key file \(\.key\)/) });
      }
    });

    it('a folder, or a file that is not there', async () => {
      expect((await failure(() => readPublicKey(dir))).code).toBe('VALIDATION');
      expect((await failure(() => readSecretKey(join(dir, 'absent.key')))).code).toBe('NOT_FOUND');
    });

    it('a typo in the key, or the key line of a .key pasted into a .pub: DAMAGED (checksum)', async () => {
      const lines = readFileSync(`${p}.pub`, 'utf8').split('\n');
      const typo = lines[1]!.startsWith('0') ? `1${lines[1]!.slice(1)}` : `0${lines[1]!.slice(1)}`;
      writeFileSync(`${p}-typo.pub`, [lines[0], typo, ...lines.slice(2)].join('\n'));
      expect(await failure(() => readPublicKey(`${p}-typo.pub`))).toEqual({ code: 'DAMAGED', message: expect.stringMatching(/damaged or has a typo/) });
      const secretLine = readFileSync(`${p}.key`, 'utf8').split('\n')[2]!;
      writeFileSync(`${p}-pasted.pub`, [lines[0], secretLine].join('\n'));
      expect((await failure(() => readPublicKey(`${p}-pasted.pub`))).code).toBe('DAMAGED');
      writeFileSync(`${p}-nokey.pub`, `${lines[0]}\n`);
      expect((await failure(() => readPublicKey(`${p}-nokey.pub`))).code).toBe('DAMAGED');
    });

    it('error messages show no key material', async () => {
      const secretLine = readFileSync(`${p}.key`, 'utf8').split('\n')[2]!;
      const { message } = await failure(() => readPublicKey(`${p}.key`));
      expect(message).not.toContain(secretLine.slice(0, 9));
    });
  });
});
