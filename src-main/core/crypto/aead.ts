import { VaultError } from '../errors';
import { concat, framed, fromUtf8, publicRandomBytes, utf8 } from './bytes';
import { sodium } from './sodium';

/**
 * Version of the encrypted-record format. It is the first byte of every ciphertext and part of
 * its additional data, so a future format can be introduced without ambiguity.
 */
export const RECORD_FORMAT = 1;
/**
 * Format 2: the plaintext is padded (ISO/IEC 7816-4, libsodium's sodium_pad) to a size bucket
 * before encryption, so a stored size tells only the bucket, not the action of an audit entry
 * or the length of a name (issue 11). Buckets are powers of two from 256 bytes.
 */
export const PADDED_RECORD_FORMAT = 2;
export const MIN_PADDED_BYTES = 256;
const NONCE_BYTES = 24;

/** The bucket a plaintext of `length` bytes is padded to: the next power of two ≥ 256 above it (padding takes one byte at least). */
export function paddedLength(length: number): number {
  let bucket = MIN_PADDED_BYTES;
  while (bucket <= length) bucket *= 2;
  return bucket;
}

/** Where a ciphertext lives. All of it is bound in as additional data. */
export interface FieldRef {
  vaultId: string;
  table: string;
  rowId: string;
  field: string;
}

function additionalData(ref: FieldRef, format: number): Uint8Array {
  return framed('doevault', format, ref.vaultId, ref.table, ref.rowId, ref.field);
}

/** XChaCha20-Poly1305 with a random nonce: [format byte][nonce][ciphertext+tag]. */
export function seal(key: Uint8Array, ref: FieldRef, plaintext: Uint8Array): Uint8Array {
  return sealAs(RECORD_FORMAT, key, ref, plaintext);
}

/** seal() of the plaintext padded to its bucket (format 2); open() removes the padding. */
export function sealPadded(key: Uint8Array, ref: FieldRef, plaintext: Uint8Array): Uint8Array {
  const padded = sodium().pad(plaintext, paddedLength(plaintext.length));
  try {
    return sealAs(PADDED_RECORD_FORMAT, key, ref, padded);
  } finally {
    sodium().memzero(padded);
  }
}

function sealAs(format: number, key: Uint8Array, ref: FieldRef, plaintext: Uint8Array): Uint8Array {
  const s = sodium();
  const nonce = publicRandomBytes(NONCE_BYTES);
  const body = s.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, additionalData(ref, format), null, nonce, key);
  return concat(Uint8Array.of(format), nonce, body);
}

/** True when a stored ciphertext predates padding (format 1): what the upgrade at unlock re-seals. */
export function isUnpadded(blob: Uint8Array): boolean {
  return blob[0] === RECORD_FORMAT;
}

/**
 * Decrypts and authenticates. Any change to the bytes, or a ciphertext moved to another vault,
 * table, row, field or key, fails here as DAMAGED: tampered data is never returned.
 */
export function open(key: Uint8Array, ref: FieldRef, blob: Uint8Array): Uint8Array {
  const s = sodium();
  const format = blob[0];
  if ((format !== RECORD_FORMAT && format !== PADDED_RECORD_FORMAT) || blob.length < 1 + NONCE_BYTES + 16) throw damaged(ref);
  let plaintext: Uint8Array;
  try {
    // The format byte is in the additional data: a padded record cannot be passed off as an
    // unpadded one, or the other way round.
    plaintext = s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, blob.subarray(1 + NONCE_BYTES), additionalData(ref, format), blob.subarray(1, 1 + NONCE_BYTES), key);
  } catch {
    throw damaged(ref);
  }
  if (format === RECORD_FORMAT) return plaintext;
  try {
    return s.unpad(plaintext, plaintext.length);
  } catch {
    throw damaged(ref);
  }
}

export function sealJson(key: Uint8Array, ref: FieldRef, value: unknown): Uint8Array {
  return seal(key, ref, utf8(JSON.stringify(value)));
}

/** sealJson() padded to a size bucket (format 2). */
export function sealPaddedJson(key: Uint8Array, ref: FieldRef, value: unknown): Uint8Array {
  return sealPadded(key, ref, utf8(JSON.stringify(value)));
}

export function openJson(key: Uint8Array, ref: FieldRef, blob: Uint8Array): unknown {
  const bytes = open(key, ref, blob);
  try {
    return JSON.parse(fromUtf8(bytes)) as unknown;
  } catch {
    throw damaged(ref);
  }
}

function damaged(ref: FieldRef): VaultError {
  return new VaultError(
    'DAMAGED',
    `Stored data failed its integrity check (${ref.table}.${ref.field}, row ${ref.rowId}): ` +
      'the vault file was damaged or altered. Restore the vault from a backup.',
  );
}
