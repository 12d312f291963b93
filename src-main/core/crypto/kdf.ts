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

/** Derives a 32-byte key-encryption key from a secret (passphrase or recovery key bytes). */
export function deriveKek(secret: Uint8Array, salt: Uint8Array, params: KdfParams): Uint8Array {
  if (!isPlausibleKdf(params)) {
    throw new VaultError('DAMAGED', 'The key derivation settings stored in the vault are invalid.');
  }
  const s = sodium();
  return s.crypto_pwhash(32, secret, salt, params.opslimit, params.memlimit, s.crypto_pwhash_ALG_ARGON2ID13);
}
