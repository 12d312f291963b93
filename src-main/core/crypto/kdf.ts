import { createRequire } from 'node:module';
import { runBlocking } from '../blocking-worker';
import { VaultError } from '../errors';
import { randomBytes } from './bytes';
import { sodium } from './sodium';

/** Argon2id parameters, stored with every keyslot so that they can be raised later. */
export interface KdfParams {
  alg: 'argon2id13';
  opslimit: number;
  memlimit: number;
}

const MiB = 1024 * 1024;

/** libsodium's own presets (crypto_pwhash_*_INTERACTIVE / MODERATE / SENSITIVE). */
export const KDF_PRESETS = {
  interactive: { alg: 'argon2id13', opslimit: 2, memlimit: 64 * MiB },
  moderate: { alg: 'argon2id13', opslimit: 3, memlimit: 256 * MiB },
  sensitive: { alg: 'argon2id13', opslimit: 4, memlimit: 1024 * MiB },
} as const satisfies Record<string, KdfParams>;

export type KdfPreset = keyof typeof KDF_PRESETS;
export const DEFAULT_KDF: KdfParams = KDF_PRESETS.moderate;

/**
 * For automated tests only: fast enough to create hundreds of vaults, far too weak to protect
 * anyone. Nothing outside tests/ may pass it; the CLI and the app offer only the presets.
 */
export const TEST_ONLY_INSECURE_KDF: KdfParams = { alg: 'argon2id13', opslimit: 1, memlimit: 8 * MiB };

export const SALT_BYTES = 16;

/** Bounds for parameters read back from disk: a damaged slot must not hang or exhaust memory. */
export function isPlausibleKdf(params: { alg: string; opslimit: number; memlimit: number }): boolean {
  return (
    params.alg === 'argon2id13' &&
    Number.isInteger(params.opslimit) &&
    params.opslimit >= 1 &&
    params.opslimit <= 16 &&
    Number.isInteger(params.memlimit) &&
    params.memlimit >= 8 * 1024 &&
    params.memlimit <= 2048 * MiB
  );
}

export function newSalt(): Uint8Array {
  return randomBytes(SALT_BYTES);
}

/**
 * Derivations with at most this much memory run in this thread (the test-only settings);
 * larger ones run in a worker thread of their own (see deriveInWorker).
 */
const IN_THREAD_MEMLIMIT = 16 * MiB;

/** Derives a 32-byte key-encryption key from a secret (passphrase or recovery key bytes). */
export function deriveKek(secret: Uint8Array, salt: Uint8Array, params: KdfParams): Uint8Array {
  if (!isPlausibleKdf(params)) {
    throw new VaultError('DAMAGED', 'The key derivation settings stored in the vault are invalid.');
  }
  if (params.memlimit > IN_THREAD_MEMLIMIT) return deriveInWorker(secret, salt, params);
  const s = sodium();
  return s.crypto_pwhash(32, secret, salt, params.opslimit, params.memlimit, s.crypto_pwhash_ALG_ARGON2ID13);
}

/**
 * Argon2id's memory (256 MiB for MODERATE) lives in libsodium's WebAssembly memory, which can
 * grow but never shrink: derived in this thread, it would stay resident for the life of the
 * process. So each derivation gets a short-lived worker thread with its own libsodium
 * (runBlocking). The secret goes in, and the key comes out, through one SharedArrayBuffer that
 * is zeroed before this returns.
 */
function deriveInWorker(secret: Uint8Array, salt: Uint8Array, params: KdfParams): Uint8Array {
  // [0..4) state; [4..36) key; [36..52) salt; [52..) secret.
  const shared = new SharedArrayBuffer(52 + secret.length);
  const bytes = new Uint8Array(shared);
  bytes.set(salt, 36);
  bytes.set(secret, 52);
  try {
    const outcome = runBlocking(KDF_WORKER, { shared, sodiumPath: sodiumPath(), opslimit: params.opslimit, memlimit: params.memlimit }, KDF_TIMEOUT_MS);
    if (outcome === 'timed-out') throw new VaultError('INTERNAL', 'The key derivation did not finish. Close other programs to free memory and try again.');
    if (outcome === 'failed') throw new VaultError('INTERNAL', 'The key derivation failed (not enough memory?). Close other programs and try again.');
    return bytes.slice(4, 36);
  } finally {
    bytes.fill(0);
  }
}

/** Generous: MODERATE takes a few seconds at most, even on a slow machine under load. */
const KDF_TIMEOUT_MS = 10 * 60 * 1000;

let resolvedSodium: string | undefined;
function sodiumPath(): string {
  resolvedSodium ??= createRequire(import.meta.url).resolve('libsodium-wrappers-sumo');
  return resolvedSodium;
}

/** The worker's body (see runBlocking). */
const KDF_WORKER = `
const bytes = new Uint8Array(workerData.shared);
const sodium = require(workerData.sodiumPath);
await sodium.ready;
const salt = bytes.slice(36, 52);
const secret = bytes.slice(52);
try {
  const key = sodium.crypto_pwhash(32, secret, salt, workerData.opslimit, workerData.memlimit, sodium.crypto_pwhash_ALG_ARGON2ID13);
  bytes.set(key, 4);
  sodium.memzero(key);
} finally {
  sodium.memzero(secret);
}
`;
