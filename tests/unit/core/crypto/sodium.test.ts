import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertComplete } from '../../../../src-main/core/crypto/sodium';

describe('libsodium start-up check', () => {
  beforeAll(async () => {
    await sodium.ready;
  });

  it('accepts the sumo build', () => {
    expect(() => assertComplete(sodium)).not.toThrow();
  });

  it('refuses a build without crypto_pwhash with a message naming it and the fix', () => {
    const { crypto_pwhash: _omitted, ...standard } = sodium;
    expect(() => assertComplete(standard)).toThrow(/crypto_pwhash/);
    expect(() => assertComplete(standard)).toThrow(/libsodium-wrappers-sumo/);
  });

  it('names every missing function', () => {
    expect(() => assertComplete({})).toThrow(
      /crypto_pwhash, crypto_aead_xchacha20poly1305_ietf_encrypt, crypto_kdf_derive_from_key, crypto_generichash, memzero/,
    );
  });
});
