import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  concat,
  DEFAULT_KDF,
  initCrypto,
  newBoxKeypair,
  randomKey,
  sealToRecipient,
  STREAM_CHUNK_OVERHEAD,
  streamEncryptor,
  TEST_ONLY_INSECURE_KDF,
  utf8,
  type BoxKeypair,
} from '../../../../src-main/core/crypto';
import { isVaultError } from '../../../../src-main/core/errors';
import {
  describeSealedPackage,
  extractSealedPackage,
  openSealedPackage,
  writeSealedPackage,
  type PackageFile,
  type PackageSecret,
} from '../../../../src-main/core/export/sealed-package';
import { CHUNK_BYTES, encodeHeader, encodeIndex } from '../../../../src-main/core/export/sealed-package-format';
import { codeOf, sha256 } from '../../../fixtures/checks';

// Placing extracted files goes through fs.link; a test makes one call fail to prove the rollback.
const linkFailures = vi.hoisted(() => ({ failOnCall: 0, calls: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const link: typeof actual.link = async (from, to) => {
    linkFailures.calls++;
    if (linkFailures.calls === linkFailures.failOnCall) {
      throw Object.assign(new Error(`EEXIST: file already exists, link '${String(from)}' -> '${String(to)}'`), { code: 'EEXIST' });
    }
    return actual.link(from, to);
  };
  return { ...actual, link, default: { ...actual, link } };
});

/** Synthetic test passphrases only. */
const PASSPHRASE = 'correct horse battery staple';
const FAST = { passphrase: PASSPHRASE, kdf: TEST_ONLY_INSECURE_KDF };
const FULL_CHUNK = CHUNK_BYTES + STREAM_CHUNK_OVERHEAD;
const RECIPIENT_HEADER = 12 + 80 + 24 + 32;
const PASSPHRASE_HEADER = 12 + 25 + 72 + 24 + 32;

const randomBytes = (size: number) => new Uint8Array(nodeRandomBytes(size));

/** Every byte value, in a pattern that differs from chunk to chunk. */
function binary(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 17 + (i >> 8)) & 0xff;
  return bytes;
}

/** sealed.pdf, declaration-of-identities.pdf and manifest.json as stand-ins: 2 full chunks and a partial one. */
const FILES: PackageFile[] = [
  { name: 'sealed.pdf', bytes: binary(100_000, 1) },
  { name: 'declaration-of-identities.pdf', bytes: binary(50_000, 2) },
  { name: 'manifest.json', bytes: utf8('{"format":"doevault-export/1","files":[]}\n') },
];

let temp: { dir: string; cleanup: () => void };
function tempDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
let counter = 0;
const fresh = (name = 'package.doesealed') => join(temp.dir, `${counter++}-${name}`);

async function expectCode(run: () => unknown, code: string, context?: string): Promise<void> {
  expect(await codeOf(run), context).toBe(code);
}

async function messageOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (isVaultError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a VaultError');
}

/** Writes `bytes` to a new file and opens it as a package. */
async function openBytes(bytes: Uint8Array, secret: PackageSecret): Promise<PackageFile[]> {
  const path = fresh('variant.doesealed');
  writeFileSync(path, bytes);
  return openSealedPackage(path, secret);
}

/**
 * A package assembled by hand from the format's own pieces, without the writer's checks: what
 * anyone holding the recipient's public key could make.
 */
function forge(recipient: Uint8Array, files: PackageFile[], index?: Uint8Array): Uint8Array {
  const fileKey = randomKey();
  const stream = streamEncryptor(fileKey);
  const header = encodeHeader({ kind: 'recipient', sealedKey: sealToRecipient(fileKey, recipient) }, stream.header);
  const content = concat(index ?? encodeIndex(files.map((f) => ({ name: f.name, size: f.bytes.length }))), ...files.map((f) => f.bytes));
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < content.length; at += CHUNK_BYTES) {
    const end = Math.min(at + CHUNK_BYTES, content.length);
    chunks.push(stream.push(content.subarray(at, end), header, end === content.length));
  }
  stream.dispose();
  return concat(header, ...chunks);
}

describe('sealed packages', () => {
  let alice: BoxKeypair;
  let recipientPackage: { path: string; bytes: Uint8Array };
  let passphrasePackage: { path: string; bytes: Uint8Array };

  beforeAll(async () => {
    await initCrypto();
    temp = tempDir('doevault-package-');
    alice = newBoxKeypair();
    const r = await writeSealedPackage(fresh(), FILES, { recipientPublicKey: alice.publicKey });
    recipientPackage = { path: r.path, bytes: new Uint8Array(readFileSync(r.path)) };
    const p = await writeSealedPackage(fresh(), FILES, FAST);
    passphrasePackage = { path: p.path, bytes: new Uint8Array(readFileSync(p.path)) };
  });
  afterAll(() => temp.cleanup());

  describe('round trips', () => {
    it('sealed to a recipient: several binary files, one larger than a chunk, come back byte for byte', async () => {
      const content = 4 + FILES.reduce((n, f) => n + 2 + utf8(f.name).length + 8 + f.bytes.length, 0);
      expect(content).toBeGreaterThan(2 * CHUNK_BYTES);
      expect(recipientPackage.bytes.length).toBe(RECIPIENT_HEADER + content + 3 * STREAM_CHUNK_OVERHEAD);
      expect(await openSealedPackage(recipientPackage.path, { secretKey: alice.secretKey })).toEqual(FILES);
    });

    it('under a passphrase (the KDF parameters travel in the header)', async () => {
      expect(passphrasePackage.bytes.length).toBe(recipientPackage.bytes.length - RECIPIENT_HEADER + PASSPHRASE_HEADER);
      expect(await openSealedPackage(passphrasePackage.path, { passphrase: PASSPHRASE })).toEqual(FILES);
    });

    it('the passphrase matches however its accents were typed (NFC)', async () => {
      const typed = 'crème brûlée à la carte';
      const path = (await writeSealedPackage(fresh(), FILES.slice(2), { passphrase: typed.normalize('NFD'), kdf: TEST_ONLY_INSECURE_KDF })).path;
      expect(await openSealedPackage(path, { passphrase: typed.normalize('NFC') })).toEqual(FILES.slice(2));
    });

    it.each([
      ['content of exactly one chunk', CHUNK_BYTES - 15],
      ['content of exactly two chunks', 2 * CHUNK_BYTES - 15],
      ['content one byte over a chunk', CHUNK_BYTES - 14],
      ['an empty file', 0],
    ])('%s', async (_, size) => {
      const files = [{ name: 'a', bytes: randomBytes(size) }];
      const { path } = await writeSealedPackage(fresh(), files, { recipientPublicKey: alice.publicKey });
      expect(await openSealedPackage(path, { secretKey: alice.secretKey })).toEqual(files);
    });

    it('reports what it wrote: the path, size and SHA-256 of the file, mode 0600', async () => {
      const result = await writeSealedPackage(fresh(), FILES, { recipientPublicKey: alice.publicKey });
      expect(result.size).toBe(statSync(result.path).size);
      expect(result.sha256).toBe(sha256(result.path));
      if (process.platform !== 'win32') expect(statSync(result.path).mode & 0o777).toBe(0o600);
    });

    it('never writes the same bytes twice (fresh file key, salt and nonces)', async () => {
      const again = await writeSealedPackage(fresh(), FILES, FAST);
      expect(readFileSync(again.path).equals(passphrasePackage.bytes)).toBe(false);
    });

    it('tells which secret a package needs without one', async () => {
      expect(await describeSealedPackage(recipientPackage.path)).toEqual({ protection: 'recipient', formatVersion: 1 });
      expect(await describeSealedPackage(passphrasePackage.path)).toEqual({ protection: 'passphrase', formatVersion: 1 });
    });

    it('uses the MODERATE key derivation unless told otherwise', async () => {
      const { path } = await writeSealedPackage(fresh(), FILES.slice(2), { passphrase: PASSPHRASE });
      const header = new DataView(new Uint8Array(readFileSync(path)).buffer);
      expect({ opslimit: header.getUint32(13), memlimit: header.getUint32(17) }).toEqual({
        opslimit: DEFAULT_KDF.opslimit,
        memlimit: DEFAULT_KDF.memlimit,
      });
    });
  });

  describe('refuses to write', () => {
    it('over an existing file (CONFLICT), leaving it as it was and no temporary file', async () => {
      const path = fresh();
      writeFileSync(path, 'someone else\'s file');
      const before = sha256(path);
      const listing = readdirSync(temp.dir).length;
      expect(await messageOf(() => writeSealedPackage(path, FILES, FAST))).toMatch(/already exists.*never overwrites/);
      expect(sha256(path)).toBe(before);
      expect(readdirSync(temp.dir).length).toBe(listing);
    });

    it.each([
      ['no files', [], /at least one file/],
      ['a path', [{ name: '../sealed.pdf', bytes: utf8('x') }], /not a plain file name/],
      ['a folder', [{ name: 'docs/sealed.pdf', bytes: utf8('x') }], /not a plain file name/],
      ['a hidden name', [{ name: '.bashrc', bytes: utf8('x') }], /not a plain file name/],
      ['the same name twice, in another case', [{ name: 'a.pdf', bytes: utf8('x') }, { name: 'A.PDF', bytes: utf8('y') }], /same name/],
    ])('%s (VALIDATION)', async (_, files, message) => {
      const path = fresh();
      expect(await messageOf(() => writeSealedPackage(path, files as PackageFile[], { recipientPublicKey: alice.publicKey }))).toMatch(message);
      expect(existsSync(path)).toBe(false);
    });

    it('a short or weak passphrase, a bad public key or out-of-range KDF settings (VALIDATION)', async () => {
      await expectCode(() => writeSealedPackage(fresh(), FILES, { passphrase: 'too short' }), 'VALIDATION');
      const weak = fresh();
      expect(await messageOf(() => writeSealedPackage(weak, FILES, { passphrase: 'aaaaaaaaaaaa' }))).toMatch(/too easy to guess.*Repeated characters/);
      expect(existsSync(weak)).toBe(false);
      await expectCode(() => writeSealedPackage(fresh(), FILES, { recipientPublicKey: new Uint8Array(31) }), 'VALIDATION');
      await expectCode(() => writeSealedPackage(fresh(), FILES, { passphrase: PASSPHRASE, kdf: { ...TEST_ONLY_INSECURE_KDF, opslimit: 0 } }), 'VALIDATION');
    });
  });

  describe('the wrong secret', () => {
    it('a wrong passphrase is WRONG_PASSPHRASE', async () => {
      expect(await messageOf(() => openSealedPackage(passphrasePackage.path, { passphrase: 'violet kettle under nine moons' }))).toMatch(/^Wrong passphrase for /);
      await expectCode(() => openSealedPackage(passphrasePackage.path, { passphrase: 'violet kettle under nine moons' }), 'WRONG_PASSPHRASE');
    });

    it("another recipient's secret key is WRONG_PASSPHRASE, saying the package was sealed to another key", async () => {
      const bob = newBoxKeypair();
      await expectCode(() => openSealedPackage(recipientPackage.path, { secretKey: bob.secretKey }), 'WRONG_PASSPHRASE');
      expect(await messageOf(() => openSealedPackage(recipientPackage.path, { secretKey: bob.secretKey }))).toMatch(/sealed to another recipient key/);
    });

    it('a passphrase for a package sealed to a key, and a key for a passphrase package, say which secret is needed', async () => {
      await expectCode(() => openSealedPackage(recipientPackage.path, { passphrase: PASSPHRASE }), 'VALIDATION');
      expect(await messageOf(() => openSealedPackage(recipientPackage.path, { passphrase: PASSPHRASE }))).toMatch(/sealed to a recipient key.*secret key file \(\.key\)/);
      await expectCode(() => openSealedPackage(passphrasePackage.path, { secretKey: alice.secretKey }), 'VALIDATION');
      expect(await messageOf(() => openSealedPackage(passphrasePackage.path, { secretKey: alice.secretKey }))).toMatch(/protected by a passphrase/);
    });
  });

  describe('damage and tampering: DAMAGED, and nothing returned', () => {
    const DAMAGED = /the package is damaged or was altered; ask the sender for a new copy/;

    /** Every header byte, then the first, second, middle, MAC and last bytes of each chunk (the first is the chunk's tag). */
    function positions(headerLength: number, total: number): number[] {
      const list = Array.from({ length: headerLength }, (_, i) => i);
      for (let start = headerLength; start < total; start += FULL_CHUNK) {
        const end = Math.min(start + FULL_CHUNK, total);
        list.push(start, start + 1, Math.floor((start + end) / 2), end - 16, end - 1);
      }
      return list;
    }

    it('one flipped bit anywhere in a package sealed to a key: magic, version, key, stream header, checksum, every chunk, the final tag', async () => {
      const { bytes } = recipientPackage;
      const finalTag = RECIPIENT_HEADER + 2 * FULL_CHUNK;
      const all = positions(RECIPIENT_HEADER, bytes.length);
      expect(all).toContain(finalTag);
      for (const at of all) {
        const altered = bytes.slice();
        altered[at]! ^= 1 << (at % 8);
        await expectCode(() => openBytes(altered, { secretKey: alice.secretKey }), 'DAMAGED', `bit ${at % 8} of byte ${at}`);
      }
      expect(await messageOf(() => openBytes(bytes.map((b, i) => (i === finalTag ? b ^ 1 : b)), { secretKey: alice.secretKey }))).toMatch(DAMAGED);
    });

    it('one flipped bit anywhere in a passphrase package: KDF settings, salt, wrapped key, every chunk', async () => {
      const { bytes } = passphrasePackage;
      for (const at of positions(PASSPHRASE_HEADER, bytes.length)) {
        const altered = bytes.slice();
        altered[at]! ^= 0x80 >> (at % 8);
        await expectCode(() => openBytes(altered, { passphrase: PASSPHRASE }), 'DAMAGED', `byte ${at}`);
      }
    });

    it('cut short at any length', async () => {
      const { bytes } = recipientPackage;
      const lengths = new Set<number>();
      for (let n = 1; n <= RECIPIENT_HEADER + 40; n++) lengths.add(n);
      for (let boundary = RECIPIENT_HEADER; boundary < bytes.length; boundary += FULL_CHUNK) {
        for (const n of [boundary - 1, boundary, boundary + 1, boundary + 16, boundary + 17]) lengths.add(n);
      }
      for (let n = RECIPIENT_HEADER; n < bytes.length; n += 4099) lengths.add(n);
      for (const n of [RECIPIENT_HEADER + 2 * FULL_CHUNK, bytes.length - 17, bytes.length - 16, bytes.length - 1]) lengths.add(n);
      for (const n of lengths) {
        await expectCode(() => openBytes(bytes.subarray(0, n), { secretKey: alice.secretKey }), 'DAMAGED', `first ${n} bytes`);
      }
      expect(await messageOf(() => openBytes(bytes.subarray(0, bytes.length - 1), { secretKey: alice.secretKey }))).toMatch(DAMAGED);
    });

    it('cut short at a chunk boundary, where the remaining chunks all authenticate (no final tag)', async () => {
      const files = [{ name: 'a', bytes: randomBytes(2 * CHUNK_BYTES - 15) }];
      const { path } = await writeSealedPackage(fresh(), files, { recipientPublicKey: alice.publicKey });
      const bytes = new Uint8Array(readFileSync(path));
      expect(bytes.length).toBe(RECIPIENT_HEADER + 2 * FULL_CHUNK);
      await expectCode(() => openBytes(bytes.subarray(0, RECIPIENT_HEADER + FULL_CHUNK), { secretKey: alice.secretKey }), 'DAMAGED');
    });

    it('anything appended after the final chunk', async () => {
      const { bytes } = recipientPackage;
      const lastChunk = bytes.subarray(RECIPIENT_HEADER + 2 * FULL_CHUNK);
      const exactChunks = new Uint8Array(readFileSync((await writeSealedPackage(fresh(), [{ name: 'a', bytes: randomBytes(CHUNK_BYTES - 15) }], { recipientPublicKey: alice.publicKey })).path));
      for (const [what, base, extra] of [
        ['one zero byte', bytes, new Uint8Array(1)],
        ['a newline', bytes, utf8('\n')],
        ['17 bytes', bytes, randomBytes(17)],
        ['a full chunk of garbage', bytes, randomBytes(FULL_CHUNK)],
        ['the final chunk again', bytes, lastChunk],
        ['a whole second package', bytes, passphrasePackage.bytes],
        ['one byte after a full final chunk', exactChunks, new Uint8Array(1)],
        ['a chunk after a full final chunk', exactChunks, randomBytes(FULL_CHUNK)],
      ] as const) {
        await expectCode(() => openBytes(concat(base, extra), { secretKey: alice.secretKey }), 'DAMAGED', what);
      }
    });

    it('a chunk from another package with the same header is refused (chunks are bound to their stream)', async () => {
      const other = new Uint8Array(readFileSync((await writeSealedPackage(fresh(), FILES, { recipientPublicKey: alice.publicKey })).path));
      const spliced = concat(recipientPackage.bytes.subarray(0, RECIPIENT_HEADER + FULL_CHUNK), other.subarray(RECIPIENT_HEADER + FULL_CHUNK));
      await expectCode(() => openBytes(spliced, { secretKey: alice.secretKey }), 'DAMAGED');
      const swappedHeader = concat(other.subarray(0, RECIPIENT_HEADER), recipientPackage.bytes.subarray(RECIPIENT_HEADER));
      await expectCode(() => openBytes(swappedHeader, { secretKey: alice.secretKey }), 'DAMAGED');
    });
  });

  describe('files that are not packages, or from a newer DoeVault', () => {
    it.each([
      ['an empty file', new Uint8Array(0)],
      ['a text file', utf8('Dear counsel,\nplease find the filing attached.\n')],
      ['a SQLite file', concat(utf8('SQLite format 3\u0000'), randomBytes(200))],
      ['a PDF', concat(utf8('%PDF-1.7\n'), randomBytes(300))],
    ])('%s is VALIDATION: not a DoeVault sealed package (.doesealed)', async (_, bytes) => {
      await expectCode(() => openBytes(bytes, { passphrase: PASSPHRASE }), 'VALIDATION');
      expect(await messageOf(() => openBytes(bytes, { passphrase: PASSPHRASE }))).toMatch(/is not a DoeVault sealed package \(\.doesealed\)/);
    });

    it('a folder is not a package, and a missing file is NOT_FOUND', async () => {
      await expectCode(() => openSealedPackage(temp.dir, { passphrase: PASSPHRASE }), 'VALIDATION');
      await expectCode(() => openSealedPackage(join(temp.dir, 'absent.doesealed'), { passphrase: PASSPHRASE }), 'NOT_FOUND');
    });

    it('a newer format version is UNSUPPORTED_VERSION, asking for a newer DoeVault', async () => {
      const newer = recipientPackage.bytes.slice();
      newer[9] = 2;
      newer[10] = 2 ^ 0xff;
      await expectCode(() => openBytes(newer, { secretKey: alice.secretKey }), 'UNSUPPORTED_VERSION');
      expect(await messageOf(() => openBytes(newer, { secretKey: alice.secretKey }))).toMatch(/newer version of DoeVault.*Update DoeVault/);
    });
  });

  describe('forged packages (made by hand with a valid key)', () => {
    it('a hand-made package in the same format opens (the forger below is faithful)', async () => {
      const forged = forge(alice.publicKey, FILES);
      expect(await openBytes(forged, { secretKey: alice.secretKey })).toEqual(FILES);
    });

    it.each([
      ['a parent path', '../escaped.pdf'],
      ['an absolute path', '/tmp/escaped.pdf'],
      ['a sub-folder', 'sub/escaped.pdf'],
      ['a Windows path', 'C:\\Windows\\escaped.pdf'],
      ['a Windows separator', '..\\escaped.pdf'],
      ['the parent folder', '..'],
      ['the folder itself', '.'],
      ['an empty name', ''],
      ['a hidden file', '.profile'],
      ['a control character', 'sealed\u0000.pdf'],
      ['a newline', 'sealed\n.pdf'],
      ['a Windows device name', 'NUL.txt'],
      ['a trailing dot', 'sealed.'],
      ['a name in NFD', 'Zoe\u0308.pdf'],
    ])('refuses %s as a file name (VALIDATION), extracting nothing', async (_, name) => {
      const path = fresh('forged.doesealed');
      writeFileSync(path, forge(alice.publicKey, [{ name: 'fine.pdf', bytes: utf8('ok') }, { name, bytes: utf8('payload') }]));
      const out = join(temp.dir, `out-${counter++}`);
      await expectCode(() => extractSealedPackage(path, { secretKey: alice.secretKey }, out), 'VALIDATION');
      expect(await messageOf(() => openSealedPackage(path, { secretKey: alice.secretKey }))).toMatch(/file 2: .*not made by DoeVault\. Nothing was opened\./);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(temp.dir, 'escaped.pdf'))).toBe(false);
    });

    it('refuses two files with the same name, in any case', async () => {
      const forged = forge(alice.publicKey, [{ name: 'sealed.pdf', bytes: utf8('a') }, { name: 'Sealed.PDF', bytes: utf8('b') }]);
      await expectCode(() => openBytes(forged, { secretKey: alice.secretKey }), 'VALIDATION');
    });

    it('an index whose sizes do not match the content is DAMAGED', async () => {
      const files = [{ name: 'a.pdf', bytes: utf8('abc') }];
      for (const index of [
        encodeIndex([{ name: 'a.pdf', size: 2 }]),
        encodeIndex([{ name: 'a.pdf', size: 4 }]),
        encodeIndex([{ name: 'a.pdf', size: 3 }, { name: 'b.pdf', size: 0 }]).subarray(0, 20),
        encodeIndex([]),
        concat(Uint8Array.of(0xff, 0xff, 0xff, 0xff), encodeIndex(files.map((f) => ({ name: f.name, size: 3 }))).subarray(4)),
      ]) {
        await expectCode(() => openBytes(forge(alice.publicKey, files, index), { secretKey: alice.secretKey }), 'DAMAGED');
      }
    });
  });

  describe('extracting', () => {
    it('writes every file into a new folder (0700), each 0600, and nothing else', async () => {
      const out = join(temp.dir, `out-${counter++}`, 'nested');
      const written = await extractSealedPackage(recipientPackage.path, { secretKey: alice.secretKey }, out);
      expect(written).toEqual(FILES.map((f) => join(out, f.name)));
      expect(readdirSync(out).sort()).toEqual(FILES.map((f) => f.name).sort());
      for (const file of FILES) expect(new Uint8Array(readFileSync(join(out, file.name)))).toEqual(file.bytes);
      if (process.platform !== 'win32') {
        expect(statSync(out).mode & 0o777).toBe(0o700);
        for (const path of written) expect(statSync(path).mode & 0o777).toBe(0o600);
      }
    });

    it('into an existing folder with other files, leaving them alone', async () => {
      const out = join(temp.dir, `out-${counter++}`);
      mkdirSync(out);
      writeFileSync(join(out, 'notes.txt'), 'mine');
      await extractSealedPackage(passphrasePackage.path, { passphrase: PASSPHRASE }, out);
      expect(readdirSync(out).sort()).toEqual(['declaration-of-identities.pdf', 'manifest.json', 'notes.txt', 'sealed.pdf']);
    });

    it('never over an existing file (CONFLICT): the file is unchanged and nothing else is written', async () => {
      const out = join(temp.dir, `out-${counter++}`);
      mkdirSync(out);
      writeFileSync(join(out, 'manifest.json'), 'an earlier manifest');
      const before = sha256(join(out, 'manifest.json'));
      await expectCode(() => extractSealedPackage(recipientPackage.path, { secretKey: alice.secretKey }, out), 'CONFLICT');
      expect(await messageOf(() => extractSealedPackage(recipientPackage.path, { secretKey: alice.secretKey }, out))).toMatch(
        /manifest\.json already exists; nothing was extracted/,
      );
      expect(readdirSync(out)).toEqual(['manifest.json']);
      expect(sha256(join(out, 'manifest.json'))).toBe(before);
    });

    it('a damaged package or a wrong secret creates nothing, not even the folder', async () => {
      const damaged = fresh('damaged.doesealed');
      writeFileSync(damaged, recipientPackage.bytes.subarray(0, recipientPackage.bytes.length - 5));
      const out = join(temp.dir, `out-${counter++}`);
      await expectCode(() => extractSealedPackage(damaged, { secretKey: alice.secretKey }, out), 'DAMAGED');
      await expectCode(() => extractSealedPackage(recipientPackage.path, { secretKey: newBoxKeypair().secretKey }, out), 'WRONG_PASSPHRASE');
      expect(existsSync(out)).toBe(false);
    });

    it('a file appearing while the files are moved into place: the ones already placed are removed again', async () => {
      const out = join(temp.dir, `out-${counter++}`);
      mkdirSync(out);
      linkFailures.calls = 0;
      linkFailures.failOnCall = 2;
      try {
        await expectCode(() => extractSealedPackage(recipientPackage.path, { secretKey: alice.secretKey }, out), 'CONFLICT');
      } finally {
        linkFailures.failOnCall = 0;
      }
      expect(linkFailures.calls).toBe(2);
      expect(readdirSync(out)).toEqual([]);
    });
  });
});

// Keep the mocked module honest: everything but link is the real thing.
it('the fs mock changes only link', () => {
  expect(fsPromises.readFile).toBeTypeOf('function');
});
