import { describe, expect, it } from 'vitest';
import { gapFits, pseudonymGaps } from '../../../../src-main/core/scan/shield-gaps';

describe('the punctuation a pseudonym has between its words', () => {
  it('is read per gap, whitespace left out; none at the ends', () => {
    expect(pseudonymGaps('Jane Doe 1', 3)).toEqual(['', '']);
    expect(pseudonymGaps('M.R.', 2)).toEqual(['.']);
    expect(pseudonymGaps(' M.R. 2 ', 3)).toEqual(['.', '.']);
    expect(pseudonymGaps('Officer Doe-4', 3)).toEqual(['', '-']);
  });

  it('is unknown (any gap shields, as before) when it does not part the pseudonym into its words', () => {
    // The words channel reads "A1" as one word, so does this; a count that differs is not guessed at.
    expect(pseudonymGaps('Doe 1', 3)).toBeUndefined();
  });

  it('fits a gap of whitespace, "#" or dashes, or of the pseudonym\'s own marks; no other punctuation', () => {
    const fits = (gap: string, own = '') => gapFits(`Jane${gap}Does`, 4, 4 + gap.length, own);
    for (const gap of [' ', '\n', '  ', ' #', '-', ' – ', '\u00a0']) expect(fits(gap), JSON.stringify(gap)).toBe(true);
    for (const gap of ['. ', ', ', '; ', ': ', '! ', '? ', ') ', '” ', '/']) expect(fits(gap), JSON.stringify(gap)).toBe(false);
    expect(fits('. ', '.')).toBe(true);
    expect(fits('; ', '.')).toBe(false);
  });
});
