import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_KDF,
  deriveKek,
  initCrypto,
  isPlausibleKdf,
  KDF_PRESETS,
  newSalt,
  TEST_ONLY_INSECURE_KDF,
  utf8,
} from '../../../../src-main/core/crypto';
import { isVaultError } from '../../../../src-main/core/errors';

describe('KDF presets', () => {
  beforeAll(async () => {
    await sodium.ready;
    await initCrypto();
  });

  it("equal libsodium's own crypto_pwhash_*_INTERACTIVE / MODERATE / SENSITIVE", () => {
    expect(KDF_PRESETS.interactive).toEqual({
      alg: 'argon2id13',
      opslimit: sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE,
      memlimit: sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE,
    });
    expect(KDF_PRESETS.moderate).toEqual({
      alg: 'argon2id13',
      opslimit: sodium.crypto_pwhash_OPSLIMIT_MODERATE,
      memlimit: sodium.crypto_pwhash_MEMLIMIT_MODERATE,
    });
    expect(KDF_PRESETS.sensitive).toEqual({
      alg: 'argon2id13',
      opslimit: sodium.crypto_pwhash_OPSLIMIT_SENSITIVE,
      memlimit: sodium.crypto_pwhash_MEMLIMIT_SENSITIVE,
    });
  });

  it('defaults to MODERATE, not to the test-only parameters', () => {
    expect(DEFAULT_KDF).toEqual(KDF_PRESETS.moderate);
    expect(TEST_ONLY_INSECURE_KDF.memlimit).toBeLessThan(KDF_PRESETS.interactive.memlimit);
  });

  it('accepts every preset as plausible and rejects out-of-range parameters read from disk', () => {
    for (const preset of Object.values(KDF_PRESETS)) expect(isPlausibleKdf(preset)).toBe(true);
    expect(isPlausibleKdf(TEST_ONLY_INSECURE_KDF)).toBe(true);
    const base = KDF_PRESETS.moderate;
    expect(isPlausibleKdf({ ...base, alg: 'scrypt' })).toBe(false);
    expect(isPlausibleKdf({ ...base, opslimit: 0 })).toBe(false);
    expect(isPlausibleKdf({ ...base, opslimit: 17 })).toBe(false);
    expect(isPlausibleKdf({ ...base, opslimit: 2.5 })).toBe(false);
    expect(isPlausibleKdf({ ...base, memlimit: 1024 })).toBe(false);
    expect(isPlausibleKdf({ ...base, memlimit: 4 * 1024 * 1024 * 1024 })).toBe(false);
  });

  it('derives a deterministic 32-byte key that depends on secret, salt and parameters', () => {
    const salt = newSalt();
    expect(salt.length).toBe(sodium.crypto_pwhash_SALTBYTES);
    const a = deriveKek(utf8('correct horse battery staple'), salt, TEST_ONLY_INSECURE_KDF);
    expect(a.length).toBe(32);
    expect(deriveKek(utf8('correct horse battery staple'), salt, TEST_ONLY_INSECURE_KDF)).toEqual(a);
    expect(deriveKek(utf8('correct horse battery stapler'), salt, TEST_ONLY_INSECURE_KDF)).not.toEqual(a);
    expect(deriveKek(utf8('correct horse battery staple'), newSalt(), TEST_ONLY_INSECURE_KDF)).not.toEqual(a);
    expect(
      deriveKek(utf8('correct horse battery staple'), salt, { ...TEST_ONLY_INSECURE_KDF, opslimit: 2 }),
    ).not.toEqual(a);
    // It is Argon2id as libsodium computes it.
    expect(
      sodium.crypto_pwhash(
        32,
        utf8('correct horse battery staple'),
        salt,
        TEST_ONLY_INSECURE_KDF.opslimit,
        TEST_ONLY_INSECURE_KDF.memlimit,
        sodium.crypto_pwhash_ALG_ARGON2ID13,
      ),
    ).toEqual(a);
  });

  it('derives real-size keys in a worker thread: the same key, and no WebAssembly memory left behind here', () => {
    const salt = newSalt();
    const secret = utf8('correct horse battery staple');
    const { opslimit, memlimit } = KDF_PRESETS.interactive;
    const before = process.memoryUsage().external;
    const key = deriveKek(secret, salt, KDF_PRESETS.interactive);
    // This thread's libsodium never ran the 64 MiB derivation (its memory would stay).
    expect(process.memoryUsage().external - before).toBeLessThan(16 * 1024 * 1024);
    expect(key).toEqual(sodium.crypto_pwhash(32, secret, salt, opslimit, memlimit, sodium.crypto_pwhash_ALG_ARGON2ID13));
    expect(Array.from(secret)).toEqual(Array.from(utf8('correct horse battery staple')));
  });

  it('refuses implausible parameters as DAMAGED instead of running them', () => {
    let caught: unknown;
    try {
      deriveKek(utf8('x'), newSalt(), { alg: 'argon2id13', opslimit: 3, memlimit: 64 * 1024 * 1024 * 1024 });
    } catch (error) {
      caught = error;
    }
    expect(isVaultError(caught, 'DAMAGED')).toBe(true);
  });
});
