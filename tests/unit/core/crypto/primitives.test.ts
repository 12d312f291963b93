import { beforeAll, describe, expect, it } from 'vitest';
import {
  blindIndex,
  concat,
  constantTimeEqual,
  deriveSubkey,
  digest,
  framed,
  initCrypto,
  mac,
  randomId,
  randomKey,
  utf8,
  wipe,
} from '../../../../src-main/core/crypto';

describe('byte helpers', () => {
  beforeAll(initCrypto);

  it('frames parts unambiguously', () => {
    expect(framed('ab', 'c')).not.toEqual(framed('a', 'bc'));
    expect(framed('a', '')).not.toEqual(framed('a'));
    expect(framed(1, 'x')).toEqual(framed('1', utf8('x')));
    expect(concat(utf8('ab'), utf8('c'))).toEqual(utf8('abc'));
  });

  it('compares in constant time, including lengths', () => {
    expect(constantTimeEqual(utf8('abc'), utf8('abc'))).toBe(true);
    expect(constantTimeEqual(utf8('abc'), utf8('abd'))).toBe(false);
    expect(constantTimeEqual(utf8('abc'), utf8('abcd'))).toBe(false);
  });

  it('wipes buffers in place', () => {
    const a = randomKey();
    const b = Uint8Array.of(1, 2, 3);
    wipe(a, undefined, b, null);
    expect(a.every((x) => x === 0)).toBe(true);
    expect(b).toEqual(new Uint8Array(3));
  });

  it('makes random ids of 16 lower-case base32 characters', () => {
    const ids = new Set(Array.from({ length: 200 }, randomId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{16}$/);
  });
});

describe('hashes and subkeys', () => {
  beforeAll(initCrypto);

  it('digests are 32 bytes and deterministic', () => {
    expect(digest(utf8('x'))).toHaveLength(32);
    expect(digest(utf8('x'))).toEqual(digest(utf8('x')));
    expect(digest(utf8('x'))).not.toEqual(digest(utf8('y')));
  });

  it('MACs depend on the key', () => {
    const key = randomKey();
    expect(mac(key, utf8('x'))).toEqual(mac(key, utf8('x')));
    expect(mac(key, utf8('x'))).not.toEqual(mac(randomKey(), utf8('x')));
    expect(mac(key, utf8('x'))).not.toEqual(digest(utf8('x')));
  });

  it('blind indexes are equal for equal values only, and separate domains and keys', () => {
    const key = randomKey();
    expect(blindIndex(key, 'name', 'jane roe')).toEqual(blindIndex(key, 'name', 'jane roe'));
    expect(blindIndex(key, 'name', 'jane roe')).not.toEqual(blindIndex(key, 'name', 'jane rose'));
    expect(blindIndex(key, 'name', 'jane roe')).not.toEqual(blindIndex(key, 'name+dob', 'jane roe'));
    expect(blindIndex(key, 'name', 'jane roe')).not.toEqual(blindIndex(randomKey(), 'name', 'jane roe'));
  });

  it('derives distinct, deterministic subkeys per purpose', () => {
    const master = randomKey();
    const purposes = ['auditEncryption', 'auditMac', 'blindIndex', 'keyCheck'] as const;
    const keys = purposes.map((purpose) => Buffer.from(deriveSubkey(master, purpose)).toString('hex'));
    expect(new Set(keys).size).toBe(purposes.length);
    expect(Buffer.from(deriveSubkey(master, 'auditMac')).toString('hex')).toBe(keys[1]);
    expect(keys).not.toContain(Buffer.from(master).toString('hex'));
    expect(deriveSubkey(randomKey(), 'auditMac')).not.toEqual(deriveSubkey(master, 'auditMac'));
  });
});
