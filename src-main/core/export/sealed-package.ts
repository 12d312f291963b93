import { chmod, mkdir, mkdtemp, open as openFile, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  BOX_PUBLIC_KEY_BYTES,
  BOX_SECRET_KEY_BYTES,
  DEFAULT_KDF,
  deriveKek,
  initCrypto,
  isPlausibleKdf,
  newSalt,
  openSealedBox,
  randomKey,
  sealToRecipient,
  STREAM_CHUNK_OVERHEAD,
  streamDecryptor,
  streamEncryptor,
  unwrapKey,
  wipe,
  wrapKey,
  type KdfParams,
} from '../crypto';
import { VaultError } from '../errors';
import { checkNewPassphrase, passphraseBytes } from '../vault/passphrase-policy';
import { exists, placeNewFile, syncFolder, writeNewFile } from '../files/new-file';
import {
  CHUNK_BYTES,
  damagedPackage,
  encodeHeader,
  encodeIndex,
  FORMAT_VERSION,
  fileNameProblem,
  MAX_FILES,
  notAPackage,
  parseHeader,
  parseIndex,
  passphrasePrelude,
  sameFileName,
  type KeyProtection,
  type PackageHeader,
  type ProtectionKind,
} from './sealed-package-format';

export { writeKeypair, readPublicKey, readSecretKey, type KeypairFiles } from './recipient-keys';

/**
 * Sealed packages (.doesealed): several files encrypted into one, for co-counsel or the court.
 * A fresh random file key encrypts the content with secretstream; the file key is wrapped under
 * a passphrase (Argon2id) or sealed to a recipient's X25519 public key. Format: sealed-package-format.ts
 * and docs/ARCHITECTURE.md ("Sealed packages").
 */

export interface PackageFile {
  name: string;
  bytes: Uint8Array;
}

/** How a new package is protected. `kdf` defaults to DEFAULT_KDF (MODERATE); tests pass TEST_ONLY_INSECURE_KDF. */
export type PackageProtection = { passphrase: string; kdf?: KdfParams | undefined } | { recipientPublicKey: Uint8Array };

/** What opens a package: its passphrase, or the recipient's secret key (wiped by the caller). */
export type PackageSecret = { passphrase: string } | { secretKey: Uint8Array };

export interface WrittenPackage {
  path: string;
  sha256: string;
  size: number;
}

const PACKAGE_FILE_MODE = 0o600;

/**
 * A package's file key, already protected: the slow part of writing a package (Argon2id, for a
 * passphrase), done before the files exist. Use it once, for one package; dispose() wipes it.
 */
export interface PackageKey {
  readonly protection: KeyProtection;
  readonly fileKey: Uint8Array;
  dispose(): void;
}

/** Checks `protection` and protects a fresh file key with it (VALIDATION for a weak passphrase). */
export async function preparePackageKey(protection: PackageProtection): Promise<PackageKey> {
  await initCrypto();
  checkProtection(protection);
  const fileKey = randomKey();
  try {
    return { protection: protectKey(fileKey, protection), fileKey, dispose: () => wipe(fileKey) };
  } catch (error) {
    wipe(fileKey);
    throw error;
  }
}

/**
 * Writes a new package at `destination` (mode 0600), all or nothing, never over an existing
 * file (CONFLICT). Names must be plain file names, unique regardless of case. `protection` may
 * be a key from preparePackageKey (the caller disposes of it).
 */
export async function writeSealedPackage(
  destination: string,
  files: PackageFile[],
  protection: PackageProtection | PackageKey,
): Promise<WrittenPackage> {
  await initCrypto();
  checkFiles(files);
  if (!('fileKey' in protection)) checkProtection(protection);
  const path = resolve(destination);
  if (await exists(path)) {
    throw new VaultError('CONFLICT', `${path} already exists. Choose another path; DoeVault never overwrites a file.`);
  }
  const key = 'fileKey' in protection ? protection : await preparePackageKey(protection);
  const stream = streamEncryptor(key.fileKey);
  try {
    const header = encodeHeader(key.protection, stream.header);
    const written = await writeNewFile(path, encryptedChunks(header, files, stream), PACKAGE_FILE_MODE);
    return { path, ...written };
  } finally {
    stream.dispose();
    if (key !== protection) key.dispose();
  }
}

/** Decrypts a whole package and returns its files; any failure returns nothing at all. */
export async function openSealedPackage(path: string, secret: PackageSecret): Promise<PackageFile[]> {
  await initCrypto();
  const file = await readPackage(path);
  const header = parseHeader(file, path);
  const fileKey = unlockFileKey(header, secret, path);
  let content: Uint8Array;
  try {
    content = decryptContent(file, header, fileKey, path);
  } finally {
    wipe(fileKey);
  }
  try {
    return unpack(content, path);
  } finally {
    wipe(content);
  }
}

/**
 * Which secret a package needs, read from its header (checked for damage) without any secret:
 * so a caller can ask for the right one.
 */
export async function describeSealedPackage(path: string): Promise<{ protection: ProtectionKind; formatVersion: number }> {
  await initCrypto();
  const start = await readPackage(path, 4096);
  return { protection: parseHeader(start, path).protection.kind, formatVersion: FORMAT_VERSION };
}

/**
 * Opens a package and writes its files into `outDir` (created 0700 if missing), all or
 * nothing: first into a private temporary folder inside it, then each linked into place.
 * Refuses (CONFLICT) if any of the files exists; never overwrites. Returns the paths written.
 */
export async function extractSealedPackage(path: string, secret: PackageSecret, outDir: string): Promise<string[]> {
  const files = await openSealedPackage(path, secret);
  const folder = resolve(outDir);
  const targets = files.map((file) => join(folder, file.name));
  try {
    for (const target of targets) {
      if (await exists(target)) {
        throw new VaultError('CONFLICT', `${target} already exists; nothing was extracted. Choose an empty folder, or move that file away.`);
      }
    }
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const temp = await mkdtemp(join(folder, '.doesealed-extract-'));
    const placed: string[] = [];
    try {
      await chmod(temp, 0o700);
      for (const file of files) {
        const handle = await openFile(join(temp, file.name), 'wx', PACKAGE_FILE_MODE);
        try {
          await handle.write(file.bytes);
          await handle.chmod(PACKAGE_FILE_MODE);
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
      for (const [i, file] of files.entries()) {
        await placeNewFile(join(temp, file.name), targets[i]!);
        placed.push(targets[i]!);
      }
      await syncFolder(folder);
    } catch (error) {
      await Promise.all(placed.map((target) => rm(target, { force: true })));
      throw error;
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
    return targets;
  } finally {
    for (const file of files) wipe(file.bytes);
  }
}

// Writing ---------------------------------------------------------------------------------

function checkFiles(files: PackageFile[]): void {
  if (!Array.isArray(files) || files.length === 0) throw new VaultError('VALIDATION', 'A sealed package needs at least one file.');
  if (files.length > MAX_FILES) throw new VaultError('VALIDATION', `A sealed package holds at most ${MAX_FILES} files.`);
  files.forEach((file, i) => {
    const problem = typeof file.name === 'string' ? fileNameProblem(file.name) : 'it is not text';
    if (problem) {
      throw new VaultError('VALIDATION', `File ${i + 1} cannot go into a sealed package: its name is not a plain file name (${problem}).`, {
        field: `files.${i}.name`,
      });
    }
    if (!(file.bytes instanceof Uint8Array)) throw new VaultError('VALIDATION', `File ${i + 1} has no bytes.`, { field: `files.${i}.bytes` });
    if (files.slice(0, i).some((other) => sameFileName(other.name, file.name))) {
      throw new VaultError('VALIDATION', `Two files in the package would have the same name (${file.name}).`, { field: `files.${i}.name` });
    }
  });
}

function checkProtection(protection: PackageProtection): void {
  if ('recipientPublicKey' in protection) {
    if (!(protection.recipientPublicKey instanceof Uint8Array) || protection.recipientPublicKey.length !== BOX_PUBLIC_KEY_BYTES) {
      throw new VaultError('VALIDATION', 'The recipient public key is not a DoeVault recipient public key (32 bytes).', { field: 'recipientPublicKey' });
    }
    return;
  }
  checkNewPassphrase(protection.passphrase);
  if (protection.kdf !== undefined && !isPlausibleKdf(protection.kdf)) {
    throw new VaultError('VALIDATION', 'The key derivation settings for the package are out of range.', { field: 'kdf' });
  }
}

function protectKey(fileKey: Uint8Array, protection: PackageProtection): KeyProtection {
  if ('recipientPublicKey' in protection) {
    return { kind: 'recipient', sealedKey: sealToRecipient(fileKey, protection.recipientPublicKey) };
  }
  const kdf = protection.kdf ?? DEFAULT_KDF;
  const salt = newSalt();
  const secret = passphraseBytes(protection.passphrase);
  const kek = deriveKek(secret, salt, kdf);
  try {
    return { kind: 'passphrase', kdf, salt, wrappedKey: wrapKey(kek, fileKey, passphrasePrelude(kdf, salt)) };
  } finally {
    wipe(kek, secret);
  }
}

/** The header, then the content (index and files) in chunks of CHUNK_BYTES, the last one final. */
function* encryptedChunks(header: Uint8Array, files: PackageFile[], stream: ReturnType<typeof streamEncryptor>): Generator<Uint8Array> {
  yield header;
  const segments = [encodeIndex(files.map((file) => ({ name: file.name, size: file.bytes.length }))), ...files.map((file) => file.bytes)];
  const total = segments.reduce((n, segment) => n + segment.length, 0);
  const piece = new Uint8Array(CHUNK_BYTES);
  let segment = 0;
  let offset = 0;
  for (let start = 0; start < total; start += CHUNK_BYTES) {
    const length = Math.min(CHUNK_BYTES, total - start);
    for (let filled = 0; filled < length; ) {
      const source = segments[segment]!;
      const take = Math.min(length - filled, source.length - offset);
      piece.set(source.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (offset === source.length) {
        segment++;
        offset = 0;
      }
    }
    yield stream.push(piece.subarray(0, length), header, start + length === total);
  }
  wipe(piece);
}

// Opening ---------------------------------------------------------------------------------

async function readPackage(path: string, limit?: number): Promise<Uint8Array> {
  try {
    if ((await stat(path)).isDirectory()) throw notAPackage(path);
    if (limit === undefined) return new Uint8Array(await readFile(path));
    const handle = await openFile(path, 'r');
    try {
      const buffer = new Uint8Array(limit);
      const { bytesRead } = await handle.read(buffer, 0, limit, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new VaultError('NOT_FOUND', `${path} does not exist. Check the path.`);
    }
    throw error;
  }
}

function unlockFileKey(header: PackageHeader, secret: PackageSecret, path: string): Uint8Array {
  const { protection } = header;
  if (protection.kind === 'recipient') {
    if (!('secretKey' in secret)) {
      throw new VaultError(
        'VALIDATION',
        `${path} is sealed to a recipient key, not protected by a passphrase: open it with the recipient's secret key file (.key).`,
      );
    }
    if (!(secret.secretKey instanceof Uint8Array) || secret.secretKey.length !== BOX_SECRET_KEY_BYTES) {
      throw new VaultError('VALIDATION', 'The secret key is not a DoeVault recipient secret key (32 bytes).');
    }
    const key = openSealedBox(protection.sealedKey, secret.secretKey);
    if (!key) {
      throw new VaultError(
        'WRONG_PASSPHRASE',
        `This secret key does not open ${path}: the package was sealed to another recipient key. Use the .key file made together with the .pub file the sender used.`,
      );
    }
    return key;
  }
  if (!('passphrase' in secret)) {
    throw new VaultError(
      'VALIDATION',
      `${path} is protected by a passphrase, not sealed to a recipient key: open it with the passphrase the sender chose.`,
    );
  }
  const bytes = passphraseBytes(secret.passphrase);
  const kek = deriveKek(bytes, protection.salt, protection.kdf);
  try {
    const key = unwrapKey(kek, protection.wrappedKey, passphrasePrelude(protection.kdf, protection.salt));
    if (!key) throw new VaultError('WRONG_PASSPHRASE', `Wrong passphrase for ${path}. Check it and try again.`);
    return key;
  } finally {
    wipe(kek, bytes);
  }
}

/**
 * The decrypted content. Every chunk but the last is full size; the last is the only one
 * tagged final, and nothing may follow it: cut short, extended or altered anywhere, it is DAMAGED.
 */
function decryptContent(file: Uint8Array, header: PackageHeader, fileKey: Uint8Array, path: string): Uint8Array {
  const body = file.subarray(header.bytes.length);
  const fullChunk = CHUNK_BYTES + STREAM_CHUNK_OVERHEAD;
  const rest = body.length % fullChunk;
  if (body.length === 0 || (rest > 0 && rest < STREAM_CHUNK_OVERHEAD)) throw damagedPackage(path);
  // The most the chunks can hold; a chunk shorter than full size can only be the last one.
  const capacity = Math.floor(body.length / fullChunk) * CHUNK_BYTES + (rest > 0 ? rest - STREAM_CHUNK_OVERHEAD : 0);
  const content = new Uint8Array(capacity);
  const stream = streamDecryptor(fileKey, header.streamHeader);
  try {
    let at = 0;
    let filled = 0;
    let final = false;
    while (at < body.length) {
      if (final) throw damagedPackage(path);
      const chunk = body.subarray(at, Math.min(at + fullChunk, body.length));
      const result = stream.pull(chunk, header.bytes);
      if (!result) throw damagedPackage(path);
      if (filled + result.message.length > capacity) {
        wipe(result.message);
        throw damagedPackage(path);
      }
      content.set(result.message, filled);
      filled += result.message.length;
      wipe(result.message);
      at += chunk.length;
      final = result.final;
    }
    if (!final || filled !== capacity) throw damagedPackage(path);
    return content;
  } catch (error) {
    wipe(content);
    throw error;
  } finally {
    stream.dispose();
  }
}

function unpack(content: Uint8Array, path: string): PackageFile[] {
  const index = parseIndex(content);
  if (!index) throw damagedPackage(path);
  const files: PackageFile[] = [];
  let at = index.dataOffset;
  index.entries.forEach(({ name }, i) => {
    const problem = fileNameProblem(name);
    const duplicate = index.entries.slice(0, i).some((other) => sameFileName(other.name, name));
    if (problem || duplicate) {
      throw new VaultError(
        'VALIDATION',
        `${path} holds a file name DoeVault does not accept (file ${i + 1}: ${problem ?? 'the same name as another file'}); ` +
          'it was not made by DoeVault. Nothing was opened.',
      );
    }
  });
  for (const { name, size } of index.entries) {
    files.push({ name, bytes: content.slice(at, at + size) });
    at += size;
  }
  return files;
}
