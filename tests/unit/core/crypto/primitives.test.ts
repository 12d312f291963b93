import fc from 'fast-check';
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
import { publicRandomBytes } from '../../../../src-main/core/crypto/bytes';

describe('byte helpers', () => {
  beforeAll(initCrypto);

  it('frames parts unambiguously', () => {
    expect(framed('ab', 'c')).not.toEqual(framed('a', 'bc'));
    expect(framed('a', '')).not.toEqual(framed('a'));
    expect(framed(1, 'x')).toEqual(framed('1', utf8('x')));
    expect(concat(utf8('ab'), utf8('c'))).toEqual(utf8('abc'));
  });

  // framed() is the additional data of every sealed field: a changed byte would make every
  // existing vault unreadable.
  it('frames with the format every vault was sealed with: 4-byte big-endian lengths, UTF-8', () => {
    expect(Buffer.from(framed('doevault', 1, 'é', Uint8Array.of(7, 8), '')).toString('hex')).toBe(
      ['00000008', Buffer.from('doevault').toString('hex'), '00000001', '31', '00000002', 'c3a9', '00000002', '0708', '00000000'].join(''),
    );
  });

  it('frames any text exactly as TextEncoder encodes it, lone surrogates included', () => {
    const reference = (...parts: (string | number | Uint8Array)[]) =>
      concat(
        ...parts.flatMap((part) => {
          const bytes = typeof part === 'object' ? part : new TextEncoder().encode(String(part));
          const length = new Uint8Array(4);
          new DataView(length.buffer).setUint32(0, bytes.length);
          return [length, bytes];
        }),
      );
    const part = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.integer(), fc.double(), fc.uint8Array());
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        expect(Buffer.from(framed(...parts)).equals(Buffer.from(reference(...parts)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('hands out every pooled random byte once, across refills of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(Buffer.from(publicRandomBytes(24)).toString('hex'));
    expect(seen.size).toBe(2000);
    const big = publicRandomBytes(10_000);
    expect(big.length).toBe(10_000);
    expect(new Set(big).size).toBeGreaterThan(200);
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
