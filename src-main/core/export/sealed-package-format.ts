import {
  concat,
  constantTimeEqual,
  digest,
  isPlausibleKdf,
  SALT_BYTES,
  SEALED_BOX_OVERHEAD,
  STREAM_HEADER_BYTES,
  STREAM_KEY_BYTES,
  wrappedKeyLength,
  type KdfParams,
} from '../crypto';
import { VaultError } from '../errors';

/**
 * The byte layout of a sealed package (.doesealed), without any cryptography beyond a damage
 * checksum: the header, the index at the start of the encrypted content, and the rule for file
 * names. The spec is in docs/ARCHITECTURE.md ("Sealed packages").
 */
export const MAGIC = new TextEncoder().encode('DOESEALED');
export const FORMAT_VERSION = 1;
/** Plaintext bytes per encrypted chunk (every chunk but the last is exactly this long). */
export const CHUNK_BYTES = 64 * 1024;
export const MAX_FILES = 1000;
const MAX_NAME_BYTES = 255;
const CHECKSUM_BYTES = 32;
const KDF_ARGON2ID13 = 1;

export type ProtectionKind = 'passphrase' | 'recipient';
const KIND_BYTE: Record<ProtectionKind, number> = { passphrase: 1, recipient: 2 };

export type KeyProtection =
  | { kind: 'passphrase'; kdf: KdfParams; salt: Uint8Array; wrappedKey: Uint8Array }
  | { kind: 'recipient'; sealedKey: Uint8Array };

export interface PackageHeader {
  protection: KeyProtection;
  streamHeader: Uint8Array;
  /** Every header byte, checksum included: the additional data of every chunk. */
  bytes: Uint8Array;
}

const PREFIX_BYTES = MAGIC.length + 3; // magic, version, version complement, protection kind
const PASSPHRASE_FIELDS = 1 + 4 + 4 + SALT_BYTES; // kdf algorithm, opslimit, memlimit, salt
const WRAPPED_KEY_BYTES = wrappedKeyLength(STREAM_KEY_BYTES);
const SEALED_KEY_BYTES = STREAM_KEY_BYTES + SEALED_BOX_OVERHEAD;

function headerLength(kind: ProtectionKind): number {
  const protection = kind === 'passphrase' ? PASSPHRASE_FIELDS + WRAPPED_KEY_BYTES : SEALED_KEY_BYTES;
  return PREFIX_BYTES + protection + STREAM_HEADER_BYTES + CHECKSUM_BYTES;
}

/** magic, version, kind and (for a passphrase) the KDF fields: the additional data of the key wrapping. */
export function passphrasePrelude(kdf: KdfParams, salt: Uint8Array): Uint8Array {
  const fields = new Uint8Array(PASSPHRASE_FIELDS);
  const view = new DataView(fields.buffer);
  view.setUint8(0, KDF_ARGON2ID13);
  view.setUint32(1, kdf.opslimit);
  view.setUint32(5, kdf.memlimit);
  fields.set(salt, 9);
  return concat(prefix('passphrase'), fields);
}

function prefix(kind: ProtectionKind): Uint8Array {
  return concat(MAGIC, Uint8Array.of(FORMAT_VERSION, FORMAT_VERSION ^ 0xff, KIND_BYTE[kind]));
}

export function encodeHeader(protection: KeyProtection, streamHeader: Uint8Array): Uint8Array {
  const body =
    protection.kind === 'passphrase'
      ? concat(passphrasePrelude(protection.kdf, protection.salt), protection.wrappedKey, streamHeader)
      : concat(prefix('recipient'), protection.sealedKey, streamHeader);
  const bytes = concat(body, digest(body));
  if (bytes.length !== headerLength(protection.kind)) throw new Error('sealed package header has the wrong length');
  return bytes;
}

/**
 * Reads the header at the start of `file`. A file that is not a package is VALIDATION; one
 * from a newer DoeVault UNSUPPORTED_VERSION; anything cut short, altered or inconsistent DAMAGED.
 */
export function parseHeader(file: Uint8Array, path: string): PackageHeader {
  if (!startsLikePackage(file)) throw notAPackage(path);
  if (file.length < PREFIX_BYTES) throw damagedPackage(path);
  const version = file[MAGIC.length]!;
  // The version is stored with its complement, so one flipped bit reads as damage, never as a newer format.
  if ((version ^ file[MAGIC.length + 1]!) !== 0xff || version === 0) throw damagedPackage(path);
  if (version > FORMAT_VERSION) {
    throw new VaultError(
      'UNSUPPORTED_VERSION',
      `${path} was made by a newer version of DoeVault (package format ${version}; this version reads format ${FORMAT_VERSION}). Update DoeVault to open it.`,
    );
  }
  const kindByte = file[MAGIC.length + 2]!;
  const kind = (Object.keys(KIND_BYTE) as ProtectionKind[]).find((k) => KIND_BYTE[k] === kindByte);
  if (!kind || file.length < headerLength(kind)) throw damagedPackage(path);

  const bytes = file.slice(0, headerLength(kind));
  const body = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
  if (!constantTimeEqual(digest(body), bytes.subarray(body.length))) throw damagedPackage(path);
  const streamHeader = body.slice(body.length - STREAM_HEADER_BYTES);
  if (kind === 'recipient') {
    return { protection: { kind, sealedKey: body.slice(PREFIX_BYTES, PREFIX_BYTES + SEALED_KEY_BYTES) }, streamHeader, bytes };
  }
  const view = new DataView(body.buffer, body.byteOffset + PREFIX_BYTES, PASSPHRASE_FIELDS);
  const kdf: KdfParams = { alg: 'argon2id13', opslimit: view.getUint32(1), memlimit: view.getUint32(5) };
  // The checksum matched, so these were written this way: a forged header, refused before any key derivation.
  if (view.getUint8(0) !== KDF_ARGON2ID13 || !isPlausibleKdf(kdf)) throw damagedPackage(path);
  const at = PREFIX_BYTES + PASSPHRASE_FIELDS;
  return {
    protection: {
      kind,
      kdf,
      salt: body.slice(PREFIX_BYTES + 9, at),
      wrappedKey: body.slice(at, at + WRAPPED_KEY_BYTES),
    },
    streamHeader,
    bytes,
  };
}

/**
 * True when the file starts with the magic, or with something so close to it (a prefix of it,
 * or at most four flipped bits) that it is a damaged package rather than some other file.
 */
function startsLikePackage(file: Uint8Array): boolean {
  if (file.length === 0) return false;
  if (file.length < MAGIC.length) return MAGIC.subarray(0, file.length).every((byte, i) => byte === file[i]);
  let differentBits = 0;
  for (let i = 0; i < MAGIC.length; i++) {
    let x = MAGIC[i]! ^ file[i]!;
    for (; x !== 0; x &= x - 1) differentBits++;
  }
  return differentBits <= 4;
}

// The index: what the encrypted content starts with ---------------------------------------

export interface IndexEntry {
  name: string;
  size: number;
}

/** u32 count, then per file: u16 name length, UTF-8 name, u64 size (all big-endian). */
export function encodeIndex(entries: IndexEntry[]): Uint8Array {
  const parts: Uint8Array[] = [u32(entries.length)];
  for (const { name, size } of entries) {
    const nameBytes = new TextEncoder().encode(name);
    const head = new Uint8Array(2);
    new DataView(head.buffer).setUint16(0, nameBytes.length);
    const sizeBytes = new Uint8Array(8);
    new DataView(sizeBytes.buffer).setBigUint64(0, BigInt(size));
    parts.push(head, nameBytes, sizeBytes);
  }
  return concat(...parts);
}

/**
 * Parses the index at the start of the decrypted content and checks that the sizes account for
 * every remaining byte. Returns undefined if it is malformed (the caller reports DAMAGED).
 * Names are returned as stored; check them with `fileNameProblem`.
 */
export function parseIndex(content: Uint8Array): { entries: IndexEntry[]; dataOffset: number } | undefined {
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (content.length < 4) return undefined;
  const count = view.getUint32(0);
  if (count === 0 || count > MAX_FILES) return undefined;
  let at = 4;
  const entries: IndexEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 2 > content.length) return undefined;
    const nameLength = view.getUint16(at);
    at += 2;
    if (at + nameLength + 8 > content.length) return undefined;
    let name: string;
    try {
      name = decoder.decode(content.subarray(at, at + nameLength));
    } catch {
      return undefined;
    }
    at += nameLength;
    const size = view.getBigUint64(at);
    at += 8;
    if (size > BigInt(content.length)) return undefined;
    entries.push({ name, size: Number(size) });
    total += Number(size);
  }
  if (at + total !== content.length) return undefined;
  return { entries, dataOffset: at };
}

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

// File names -------------------------------------------------------------------------------

const FORBIDDEN_CHARACTERS = /[/\\:*?"<>|]/u;
const hasControlCharacter = (name: string) => [...name].some((char) => char.codePointAt(0)! < 0x20 || char === '\u007f');
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/iu;

/**
 * Why `name` cannot be a file in a package, or undefined if it can: a plain file name, the same
 * on every operating system, that cannot point outside the folder it is extracted into.
 */
export function fileNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name === '.' || name === '..') return 'it names a folder';
  if (FORBIDDEN_CHARACTERS.test(name) || hasControlCharacter(name)) return 'it contains a path separator or a character not allowed in file names';
  if (name.startsWith('.')) return 'it starts with a dot';
  if (/[. ]$/u.test(name) || name.trim() !== name) return 'it starts or ends with a space or ends with a dot';
  if (WINDOWS_RESERVED.test(name)) return 'it is a reserved device name on Windows';
  if (name.normalize('NFC') !== name) return 'it is not in Unicode normal form C';
  if (new TextEncoder().encode(name).length > MAX_NAME_BYTES) return `it is longer than ${MAX_NAME_BYTES} bytes`;
  return undefined;
}

/** Two names that one file system could take for the same file (case-insensitive file systems). */
export function sameFileName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// Errors -----------------------------------------------------------------------------------

export function notAPackage(path: string): VaultError {
  return new VaultError('VALIDATION', `${path} is not a DoeVault sealed package (.doesealed). Check the path.`);
}

export function damagedPackage(path: string): VaultError {
  return new VaultError('DAMAGED', `${path}: the package is damaged or was altered; ask the sender for a new copy.`);
}
