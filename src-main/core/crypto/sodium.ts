import libsodium from 'libsodium-wrappers-sumo';

export type Sodium = typeof libsodium;

let instance: Sodium | undefined;

/**
 * Loads libsodium once. Refuses to run on a build without Argon2id: the standard
 * (non-sumo) libsodium-wrappers has no crypto_pwhash, and silently falling back to a weaker
 * key derivation would be worse than not starting.
 */
export async function initCrypto(): Promise<void> {
  if (instance) return;
  await libsodium.ready;
  assertComplete(libsodium);
  instance = libsodium;
}

export function assertComplete(candidate: Partial<Sodium>): void {
  const required = [
    'crypto_pwhash',
    'crypto_aead_xchacha20poly1305_ietf_encrypt',
    'crypto_kdf_derive_from_key',
    'crypto_generichash',
    'memzero',
    'crypto_secretstream_xchacha20poly1305_push',
    'crypto_box_seal',
  ] as const;
  const missing = required.filter((name) => typeof candidate[name] !== 'function');
  if (missing.length > 0) {
    throw new Error(
      `The libsodium build in use lacks ${missing.join(', ')}. DoeVault needs the "sumo" build ` +
        '(libsodium-wrappers-sumo); reinstall dependencies with `npm ci`.',
    );
  }
}

/** The loaded libsodium. Only code inside core/crypto calls this. */
export function sodium(): Sodium {
  if (!instance) throw new Error('initCrypto() must complete before any cryptographic operation');
  return instance;
}
