import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, randomKey, unwrapKey, utf8, wrapKey, wrappedKeyLength } from '../../../../src-main/core/crypto';

describe('key wrapping', () => {
  beforeAll(initCrypto);

  it('unwraps only with the same key-encryption key and additional data, and never once altered', () => {
    const kek = randomKey();
    const key = randomKey();
    const ad = utf8('DOESEALED header prelude');
    const wrapped = wrapKey(kek, key, ad);
    expect(wrapped.length).toBe(wrappedKeyLength(32));
    expect(unwrapKey(kek, wrapped, ad)).toEqual(key);
    expect(unwrapKey(randomKey(), wrapped, ad)).toBeUndefined();
    expect(unwrapKey(kek, wrapped, utf8('another prelude'))).toBeUndefined();
    for (let at = 0; at < wrapped.length; at += 7) {
      const altered = wrapped.slice();
      altered[at]! ^= 0x01;
      expect(unwrapKey(kek, altered, ad), `byte ${at}`).toBeUndefined();
    }
    expect(unwrapKey(kek, wrapped.subarray(0, 39), ad)).toBeUndefined();
  });

  it('uses a fresh nonce every time', () => {
    const kek = randomKey();
    const key = randomKey();
    expect(wrapKey(kek, key, utf8('x'))).not.toEqual(wrapKey(kek, key, utf8('x')));
  });
});
