import { describe, expect, it } from 'vitest';
import { decodeMask, hasSeq } from '../../../../../src-renderer/src/screens/roster/bitset';

const base64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');

describe('decodeMask', () => {
  it('turns main base64 into the bytes main sent', () => {
    expect([...decodeMask(base64([0, 1, 255, 128]))]).toEqual([0, 1, 255, 128]);
    expect(decodeMask('')).toHaveLength(0);
  });
});

describe('hasSeq', () => {
  it('reads bit seq & 7 of byte seq >> 3, as main sets it', () => {
    // Sequence numbers 1, 3, 8 and 15: byte 0 = 0b0000_1010, byte 1 = 0b1000_0001.
    const mask = decodeMask(base64([0b0000_1010, 0b1000_0001]));
    const set = Array.from({ length: 16 }, (_, seq) => seq).filter((seq) => hasSeq(mask, seq));
    expect(set).toEqual([1, 3, 8, 15]);
  });

  it('says no past the end of the bitset', () => {
    const mask = decodeMask(base64([0xff]));
    expect(hasSeq(mask, 7)).toBe(true);
    expect(hasSeq(mask, 8)).toBe(false);
    expect(hasSeq(mask, 100_000)).toBe(false);
  });
});
