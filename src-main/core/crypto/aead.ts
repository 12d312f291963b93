import { VaultError } from '../errors';
import { concat, framed, fromUtf8, publicRandomBytes, utf8 } from './bytes';
import { sodium } from './sodium';

/**
 * Version of the encrypted-record format. It is the first byte of every ciphertext and part of
 * its additional data, so a future format can be introduced without ambiguity.
 */
export const RECORD_FORMAT = 1;
const NONCE_BYTES = 24;

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
  const s = sodium();
  const nonce = publicRandomBytes(NONCE_BYTES);
  const body = s.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    additionalData(ref, RECORD_FORMAT),
    null,
    nonce,
    key,
  );
  return concat(Uint8Array.of(RECORD_FORMAT), nonce, body);
}

/**
 * Decrypts and authenticates. Any change to the bytes, or a ciphertext moved to another vault,
 * table, row, field or key, fails here as DAMAGED: tampered data is never returned.
 */
export function open(key: Uint8Array, ref: FieldRef, blob: Uint8Array): Uint8Array {
  const s = sodium();
  const format = blob[0];
  if (format !== RECORD_FORMAT || blob.length < 1 + NONCE_BYTES + 16) throw damaged(ref);
  try {
    return s.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      blob.subarray(1 + NONCE_BYTES),
      additionalData(ref, format),
      blob.subarray(1, 1 + NONCE_BYTES),
      key,
    );
  } catch {
    throw damaged(ref);
  }
}

export function sealJson(key: Uint8Array, ref: FieldRef, value: unknown): Uint8Array {
  return seal(key, ref, utf8(JSON.stringify(value)));
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
