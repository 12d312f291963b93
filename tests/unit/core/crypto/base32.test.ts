import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../../../../src-main/core/crypto/base32';

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

describe('Crockford base32', () => {
  it('encodes known vectors', () => {
    expect(encodeBase32(new Uint8Array(0))).toBe('');
    expect(encodeBase32(bytes(0))).toBe('00');
    expect(encodeBase32(bytes(0xff))).toBe('ZW');
    expect(encodeBase32(bytes(0xff, 0xff, 0xff, 0xff, 0xff))).toBe('ZZZZZZZZ');
    expect(encodeBase32(new TextEncoder().encode('foobar'))).toBe('CSQPYRK1E8');
  });

  it('uses only the Crockford alphabet (no I, L, O, U)', () => {
    const all = encodeBase32(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
  });

  it('round-trips every length from 0 to 64 bytes', () => {
    for (let length = 0; length <= 64; length++) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 151 + length * 7) & 0xff);
      const text = encodeBase32(data);
      expect(text.length).toBe(Math.ceil((length * 8) / 5));
      expect(decodeBase32(text, length)).toEqual(data);
    }
  });

  it('decodes leniently: lower case, I and L as 1, O as 0', () => {
    const data = bytes(0x08, 0x42, 0x10, 0x84, 0x21); // "11111111"
    expect(encodeBase32(data)).toBe('11111111');
    expect(decodeBase32('iIlL1lIi', 5)).toEqual(data);
    expect(decodeBase32('oOoOoOoO', 5)).toEqual(new Uint8Array(5));
    expect(decodeBase32('csqpyrk1e8', 6)).toEqual(new TextEncoder().encode('foobar'));
  });

  it('refuses characters outside the alphabet and wrong lengths', () => {
    expect(decodeBase32('CSQPYRK1EU', 6)).toBeUndefined(); // U is not in the alphabet
    expect(decodeBase32('CSQPYRK1E-', 6)).toBeUndefined();
    expect(decodeBase32('CSQPYRK1E8', 5)).toBeUndefined(); // too long
    expect(decodeBase32('CSQPYRK1', 6)).toBeUndefined(); // too short
    expect(decodeBase32('', 1)).toBeUndefined();
    expect(decodeBase32('', 0)).toEqual(new Uint8Array(0));
  });
});
