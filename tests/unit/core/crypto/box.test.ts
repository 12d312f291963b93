import { beforeAll, describe, expect, it } from 'vitest';
import {
  BOX_PUBLIC_KEY_BYTES,
  BOX_SECRET_KEY_BYTES,
  boxPublicKeyOf,
  initCrypto,
  newBoxKeypair,
  openSealedBox,
  randomKey,
  SEALED_BOX_OVERHEAD,
  sealToRecipient,
} from '../../../../src-main/core/crypto';

describe('sealed boxes', () => {
  beforeAll(initCrypto);

  it('makes fresh key pairs whose public key follows from the secret key', () => {
    const a = newBoxKeypair();
    const b = newBoxKeypair();
    expect(a.publicKey.length).toBe(BOX_PUBLIC_KEY_BYTES);
    expect(a.secretKey.length).toBe(BOX_SECRET_KEY_BYTES);
    expect(a.secretKey).not.toEqual(b.secretKey);
    expect(boxPublicKeyOf(a.secretKey)).toEqual(a.publicKey);
  });

  it('opens only with the recipient secret key, and never once altered', () => {
    const recipient = newBoxKeypair();
    const key = randomKey();
    const sealed = sealToRecipient(key, recipient.publicKey);
    expect(sealed.length).toBe(key.length + SEALED_BOX_OVERHEAD);
    expect(openSealedBox(sealed, recipient.secretKey)).toEqual(key);
    expect(openSealedBox(sealed, newBoxKeypair().secretKey)).toBeUndefined();
    for (const at of [0, 31, 32, 40, sealed.length - 1]) {
      const altered = sealed.slice();
      altered[at]! ^= 0x80;
      expect(openSealedBox(altered, recipient.secretKey), `byte ${at}`).toBeUndefined();
    }
    expect(openSealedBox(sealed.subarray(0, SEALED_BOX_OVERHEAD - 1), recipient.secretKey)).toBeUndefined();
  });

  it('seals the same message differently each time (anonymous, ephemeral sender key)', () => {
    const { publicKey } = newBoxKeypair();
    const key = randomKey();
    expect(sealToRecipient(key, publicKey)).not.toEqual(sealToRecipient(key, publicKey));
  });
});
