import { readFile, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  BOX_PUBLIC_KEY_BYTES,
  concat,
  constantTimeEqual,
  decodeBase32,
  digest,
  encodeBase32,
  framed,
  initCrypto,
  newBoxKeypair,
  utf8,
  wipe,
} from '../crypto';
import { VaultError } from '../errors';
import { exists, writeNewFile } from '../files/new-file';

/**
 * Recipient key files for sealed packages, as short text that survives email and printing:
 *
 *   DoeVault recipient public key            (PREFIX.pub: give it to senders)
 *   DoeVault recipient secret key            (PREFIX.key: mode 0600, never sent anywhere)
 *
 * The key itself is one line of 14 groups of 4 Crockford base32 characters: 32 key bytes and a
 * 3-byte checksum over the file's title and the key, so a typo, or a key copied from one kind
 * of file into the other, is caught.
 */

type KeyKind = 'public' | 'secret';
const TITLE: Record<KeyKind, string> = {
  public: 'DoeVault recipient public key',
  secret: 'DoeVault recipient secret key',
};
const KEY_BYTES = BOX_PUBLIC_KEY_BYTES;
const CHECK_BYTES = 3;
const KEY_LINE = /^[0-9A-Za-z]{4}(?:-[0-9A-Za-z]{4}){13}$/u;
const MAX_KEY_FILE_BYTES = 16 * 1024;

export interface KeypairFiles {
  publicKeyPath: string;
  secretKeyPath: string;
}

/**
 * Writes a new key pair to PREFIX.pub and PREFIX.key (0600), refusing (CONFLICT) if either
 * exists; both or neither are left.
 */
export async function writeKeypair(prefix: string): Promise<KeypairFiles> {
  await initCrypto();
  if (/\.(pub|key)$/iu.test(prefix)) {
    throw new VaultError('VALIDATION', `Give the prefix without .pub or .key (e.g. ${prefix.replace(/\.(pub|key)$/iu, '')}); both files are written.`, {
      field: 'prefix',
    });
  }
  const publicKeyPath = resolve(`${prefix}.pub`);
  const secretKeyPath = resolve(`${prefix}.key`);
  for (const path of [publicKeyPath, secretKeyPath]) {
    if (await exists(path)) throw new VaultError('CONFLICT', `${path} already exists. Choose another prefix; DoeVault never overwrites a key file.`);
  }
  const { publicKey, secretKey } = newBoxKeypair();
  const secretText = utf8(keyFileText('secret', secretKey));
  try {
    await writeNewFile(secretKeyPath, [secretText], 0o600);
    try {
      await writeNewFile(publicKeyPath, [utf8(keyFileText('public', publicKey))], 0o644);
    } catch (error) {
      await rm(secretKeyPath, { force: true });
      throw error;
    }
  } finally {
    wipe(secretKey, secretText);
  }
  return { publicKeyPath, secretKeyPath };
}

/** The public key in a .pub file; clear errors for a .key file, another file, or a typo. */
export async function readPublicKey(path: string): Promise<Uint8Array> {
  return readKeyFile(path, 'public');
}

/** The secret key in a .key file (wipe it after use); clear errors for a .pub file, another file, or a typo. */
export async function readSecretKey(path: string): Promise<Uint8Array> {
  return readKeyFile(path, 'secret');
}

export function keyFileText(kind: KeyKind, key: Uint8Array): string {
  const line = encodeBase32(concat(key, checksum(kind, key)))
    .match(/.{4}/gu)!
    .join('-');
  return kind === 'public'
    ? [
        TITLE.public,
        line,
        '',
        'Give this file to whoever will send you sealed packages (.doesealed): it lets them seal',
        'packages that only you can open. It cannot open them. Keep the matching .key file private.',
        '',
      ].join('\n')
    : [
        TITLE.secret,
        'SECRET — keep private. Anyone who has this file can open every package sealed to its public key.',
        line,
        '',
        'It opens the sealed packages (.doesealed) made for the matching .pub file. Never send it to',
        'anyone; keep a copy offline, since packages sealed to it cannot be opened without it.',
        '',
      ].join('\n');
}

async function readKeyFile(path: string, expected: KeyKind): Promise<Uint8Array> {
  await initCrypto();
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_KEY_FILE_BYTES) throw notAKeyFile(path, expected);
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new VaultError('NOT_FOUND', `${path} does not exist. Check the path.`);
    throw error;
  }
  try {
    const lines = bytes
      .toString('utf8')
      .replace(/^\uFEFF/u, '')
      .split(/\r?\n/u)
      .map((line) => line.trim());
    const title = lines.find((line) => line.length > 0);
    const kind = (Object.keys(TITLE) as KeyKind[]).find((k) => TITLE[k] === title);
    if (!kind) throw notAKeyFile(path, expected);
    if (kind !== expected) throw wrongKind(path, expected);
    const line = lines.find((candidate) => KEY_LINE.test(candidate));
    const decoded = line === undefined ? undefined : decodeBase32(line.replace(/-/gu, ''), KEY_BYTES + CHECK_BYTES);
    if (!decoded) throw damagedKeyFile(path, kind);
    const key = decoded.slice(0, KEY_BYTES);
    const valid = constantTimeEqual(decoded.subarray(KEY_BYTES), checksum(kind, key));
    wipe(decoded);
    if (!valid) {
      wipe(key);
      throw damagedKeyFile(path, kind);
    }
    return key;
  } finally {
    wipe(bytes);
  }
}

function checksum(kind: KeyKind, key: Uint8Array): Uint8Array {
  return digest(framed(TITLE[kind], key)).slice(0, CHECK_BYTES);
}

function notAKeyFile(path: string, expected: KeyKind): VaultError {
  return new VaultError(
    'VALIDATION',
    `${path} is not a DoeVault recipient ${expected} key file (${expected === 'public' ? '.pub' : '.key'}). Check the path.`,
  );
}

function wrongKind(path: string, expected: KeyKind): VaultError {
  return new VaultError(
    'VALIDATION',
    expected === 'public'
      ? `${path} is a secret key file (.key), not a public key: give the recipient's .pub file. Keep the .key file private; never send it.`
      : `${path} is a public key file (.pub), which cannot open packages: give the secret key file (.key) made together with it.`,
  );
}

function damagedKeyFile(path: string, kind: KeyKind): VaultError {
  return new VaultError(
    'DAMAGED',
    `The key in ${path} is damaged or has a typo (its checksum does not match). ` +
      (kind === 'public' ? 'Ask the recipient to send the .pub file again.' : 'Use an undamaged copy of the .key file.'),
  );
}
