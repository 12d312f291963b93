import { createHash } from 'node:crypto';
import { utf8 } from './bytes';
import { sodium } from './sodium';

/** Unkeyed BLAKE2b-256: checksums and hash-chain links. */
export function digest(data: Uint8Array): Uint8Array {
  return sodium().crypto_generichash(32, data, null);
}

/** Keyed BLAKE2b-256 as a MAC. */
export function mac(key: Uint8Array, data: Uint8Array): Uint8Array {
  return sodium().crypto_generichash(32, data, key);
}

/**
 * Blind index: a keyed hash of an already-normalised value, so equal values can be found
 * without decrypting anything. It reveals equality between rows to whoever holds the file,
 * and nothing else without the key.
 */
export function blindIndex(key: Uint8Array, domain: string, normalisedValue: string): Uint8Array {
  return sodium().crypto_generichash(32, utf8(`${domain}\u0000${normalisedValue}`), key);
}

/**
 * BLAKE2b-256 fed part by part (keyed: a MAC; `null`: a digest): over many rows without one
 * buffer holding them all.
 */
export interface StreamingMac {
  update(data: Uint8Array): void;
  final(): Uint8Array;
}

export function streamingMac(key: Uint8Array | null): StreamingMac {
  const state = sodium().crypto_generichash_init(key, 32);
  return {
    update: (data) => sodium().crypto_generichash_update(state, data),
    final: () => sodium().crypto_generichash_final(state, 32),
  };
}

/**
 * Unkeyed BLAKE2b fed part by part, through Node's native hash: it reads every ciphertext of a
 * case (tens of MB at 10,000 plaintiffs) at each unlock, where copying each into libsodium's
 * WebAssembly memory cost three times as much. For digests that a sealed value then authenticates.
 */
export function streamingDigest(): { update(data: Uint8Array): void; final(): Uint8Array } {
  const hash = createHash('blake2b512');
  return {
    update: (data) => void hash.update(data),
    final: () => new Uint8Array(hash.digest().subarray(0, 32)),
  };
}
