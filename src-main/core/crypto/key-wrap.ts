import { concat, randomBytes } from './bytes';
import { sodium } from './sodium';

const NONCE_BYTES = 24;
const TAG_BYTES = 16;

/** The length of a wrapped key of `keyLength` bytes: nonce, ciphertext, tag. */
export function wrappedKeyLength(keyLength: number): number {
  return NONCE_BYTES + keyLength + TAG_BYTES;
}

/**
 * Encrypts a key under a key-encryption key (XChaCha20-Poly1305, random nonce), bound to
 * `additionalData`: [nonce][ciphertext+tag].
 */
export function wrapKey(kek: Uint8Array, key: Uint8Array, additionalData: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const body = sodium().crypto_aead_xchacha20poly1305_ietf_encrypt(key, additionalData, null, nonce, kek);
  return concat(nonce, body);
}

/** The key, or undefined if the key-encryption key or the additional data differ, or the bytes were altered. */
export function unwrapKey(kek: Uint8Array, wrapped: Uint8Array, additionalData: Uint8Array): Uint8Array | undefined {
  if (wrapped.length < NONCE_BYTES + TAG_BYTES) return undefined;
  try {
    return sodium().crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      wrapped.subarray(NONCE_BYTES),
      additionalData,
      wrapped.subarray(0, NONCE_BYTES),
      kek,
    );
  } catch {
    return undefined;
  }
}
