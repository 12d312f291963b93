import { describe, expect, it } from 'vitest';
import { COMMON_WORDS, isCommonWord } from '../../../../src-main/core/scan/common-words';

describe('common words', () => {
  it.each(['will', 'may', 'rose', 'young', 'brown', 'king', 'hope', 'mark', 'bill', 'grant', 'washington', 'faith', 'frank', 'the', 'court'])(
    '%s is an ordinary word',
    (word) => {
      expect(isCommonWord(word)).toBe(true);
    },
  );

  it.each(['john', 'maria', 'sarah', 'michael', 'david', 'ramirez', 'nguyen'])('%s is a name, not an ordinary word', (word) => {
    expect(isCommonWord(word)).toBe(false);
  });

  it('is a few thousand normalised words', () => {
    expect(COMMON_WORDS.size).toBeGreaterThan(3000);
    expect(COMMON_WORDS.size).toBeLessThan(10_000);
    for (const word of COMMON_WORDS) expect(word).toMatch(/^[a-z]{2,}$/);
  });
});
