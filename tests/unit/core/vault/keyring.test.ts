import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, randomKey } from '../../../../src-main/core/crypto';
import { isVaultError } from '../../../../src-main/core/errors';
import { Keyring } from '../../../../src-main/core/vault/keyring';

function isZero(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0);
}

describe('Keyring', () => {
  beforeAll(initCrypto);

  it('proves at unlock that the master key belongs to the vault (key check)', () => {
    const master = randomKey();
    const keys = new Keyring('vault-a', master.slice());
    const check = keys.keyCheck();
    expect(() => keys.verifyKeyCheck(check)).not.toThrow();
    expect(() => new Keyring('vault-a', master.slice()).verifyKeyCheck(check)).not.toThrow();
    for (const other of [new Keyring('vault-a', randomKey()), new Keyring('vault-b', master.slice())]) {
      expect(() => other.verifyKeyCheck(check)).toThrow(expect.objectContaining({ code: 'DAMAGED' }));
    }
    expect(() => keys.verifyKeyCheck(null)).toThrow(expect.objectContaining({ code: 'DAMAGED' }));
    const flipped = check.slice();
    flipped[0]! ^= 0x80;
    expect(() => keys.verifyKeyCheck(flipped)).toThrow(expect.objectContaining({ code: 'DAMAGED' }));
  });

  it('wraps and unwraps case keys, bound to their case', () => {
    const keys = new Keyring('vault-a', randomKey());
    const dataKey = randomKey();
    const wrapped = keys.wrapCaseKey('case-1', dataKey);
    expect(Buffer.from(wrapped).includes(Buffer.from(dataKey))).toBe(false);
    expect(keys.caseKey('case-1', wrapped)).toEqual(dataKey);
    let caught: unknown;
    try {
      keys.caseKey('case-2', wrapped);
    } catch (error) {
      caught = error;
    }
    expect(isVaultError(caught, 'DAMAGED')).toBe(true);
    expect(() => new Keyring('vault-a', randomKey()).caseKey('case-1', wrapped)).toThrow(
      expect.objectContaining({ code: 'DAMAGED' }),
    );
  });

  it('forgets a case key: it is zeroed and must be unwrapped again', () => {
    const keys = new Keyring('vault-a', randomKey());
    const wrapped = keys.wrapCaseKey('case-1', randomKey());
    const cached = keys.caseKey('case-1', wrapped);
    keys.forgetCase('case-1');
    expect(isZero(cached)).toBe(true);
    const damaged = wrapped.slice();
    damaged[damaged.length - 1]! ^= 1;
    // Not served from a cache any more: the damaged copy is detected.
    expect(() => keys.caseKey('case-1', damaged)).toThrow(expect.objectContaining({ code: 'DAMAGED' }));
  });

  it('zeroes the master key, every subkey and every cached case key on wipe()', () => {
    const keys = new Keyring('vault-a', randomKey());
    const caseKey = keys.caseKey('case-1', keys.wrapCaseKey('case-1', randomKey()));
    const buffers = [keys.masterKey, keys.auditEncryption, keys.auditMac, keys.blindIndex, caseKey];
    for (const buffer of buffers) expect(isZero(buffer)).toBe(false);
    keys.wipe();
    for (const buffer of buffers) expect(isZero(buffer)).toBe(true);
  });

  it('derives distinct subkeys', () => {
    const keys = new Keyring('vault-a', randomKey());
    const hex = [keys.masterKey, keys.auditEncryption, keys.auditMac, keys.blindIndex].map((k) => Buffer.from(k).toString('hex'));
    expect(new Set(hex).size).toBe(4);
  });
});
