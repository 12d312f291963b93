/**
 * Where a pseudonym shields the words it is made of (leak-scanner.ts): only where the text
 * writes them as the pseudonym is written. The words channel reads "I spoke with Jane. Does the
 * City dispute it?" as the words "jane does", the plural stem of "Jane Doe 1"; taken for that
 * pseudonym, they hid a plaintiff's given name "Jane" there, and a full name they overlapped
 * ("Kowalczyk, Jane. Does …"). So what stands between a shield's words must be whitespace, the
 * marks a number is written with ("Jane Doe #1", "Jane Doe-1"), or the pseudonym's own
 * punctuation ("M.R. 2", "M. R. 2" for the initials scheme's "M.R. 2"): never a full stop, comma
 * or other punctuation the pseudonym does not have there.
 */

import { DASH_CLASS } from './dashes';

/** Between two words of any pseudonym: whitespace, "#" and dashes (dashes.ts). */
const ALWAYS = new RegExp(`[\\s#${DASH_CLASS}]`, 'u');
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;

/**
 * The punctuation between the words of `pseudonym` (whitespace left out), one string a gap;
 * undefined when its punctuation does not part it into `words` words (a prefix scheme's odd
 * characters): its words are then a shield wherever they are read, as before this check.
 */
export function pseudonymGaps(pseudonym: string, words: number): string[] | undefined {
  const text = pseudonym.trim();
  const gaps: string[] = [];
  for (const match of text.matchAll(SEPARATORS)) {
    if (match.index === 0 || match.index + match[0].length === text.length) continue;
    gaps.push(match[0].replace(/\s+/gu, ''));
  }
  return gaps.length === words - 1 ? gaps : undefined;
}

/** Whether source[from, to), the text between two words of a shield, may stand in a pseudonym whose gap there is `own`. */
export function gapFits(source: string, from: number, to: number, own: string): boolean {
  for (let i = from; i < to; i++) {
    const c = source[i]!;
    if (ALWAYS.test(c) || own.includes(c)) continue;
    return false;
  }
  return true;
}
