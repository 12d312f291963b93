/**
 * The digits channel: phone numbers and ID numbers, written with any spacing
 * ("(555) 010-0199", "555.010.0199", "+1 555 010 0199", "5 5 5 0 1 0 0 1 9 9", "B-123 456").
 * The normalised text without its spaces is read character by character; each character
 * remembers whether a separator stood before it in the original, for the boundary rules:
 *
 * - a phone number's digits must not run on into more digits ("5550100199123" is not the
 *   phone 555 010 0199); before them, up to 3 digits written right against them are a
 *   country or trunk code ("15550100199", "+15550100199", "02079460958");
 * - an ID number must start and end at a word boundary ("B123456" is not in "XB1234567").
 *
 * Every key of this channel holds a digit, so only the stretches within one key length of a
 * digit are read: prose without digits costs one pass of a tight loop.
 */
import { AhoCorasick, ROOT } from './aho-corasick';
import { originalEnd, SPACE, type TextMap } from './text-map';

export const PHONE = 1;
export const ID_NUMBER = 2;

export interface DigitsPatterns {
  automaton: AhoCorasick;
  /** Per pattern: PHONE | ID_NUMBER. */
  flags: Uint8Array;
  /** Longest key, in characters. */
  maxLength: number;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Reports each match as original [start, end) and the pattern's index. */
export function findDigits(map: TextMap, patterns: DigitsPatterns, report: (start: number, end: number, pattern: number) => void): void {
  const { automaton, flags, maxLength } = patterns;
  if (maxLength === 0) return;
  const { codes, length, joins } = map;
  const isJoin = (k: number): boolean => {
    let lo = 0;
    let hi = joins.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = joins[mid]!;
      if (value === k) return true;
      if (value < k) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  // Scratch for one stretch: characters, where each came from, separator before it.
  let capacity = 256;
  let cc = new Uint16Array(capacity);
  let cn = new Int32Array(capacity);
  let gap = new Uint8Array(capacity);

  let k = 0;
  while (k < length) {
    const c = codes[k]!;
    if (c < 0x30 || c > 0x39) {
      k++;
      continue;
    }
    // The stretch: maxLength characters before this digit, and on until maxLength characters
    // after the last digit within reach (spaces do not count).
    let a = k;
    for (let seen = 0; a > 0 && seen < maxLength; ) if (codes[--a] !== SPACE) seen++;
    let b = k;
    for (let remaining = maxLength; b < length && remaining > 0; b++) {
      const x = codes[b]!;
      if (x === SPACE) continue;
      remaining = isDigit(x) ? maxLength - 1 : remaining - 1;
    }
    // Compact it, with one character of context after the end.
    if (b - a + 2 > capacity) {
      capacity = (b - a + 2) * 2;
      cc = new Uint16Array(capacity);
      cn = new Int32Array(capacity);
      gap = new Uint8Array(capacity);
    }
    let m = 0;
    let separated = a === 0 || codes[a - 1] === SPACE || isJoin(a) ? 1 : 0;
    for (let j = a; j <= b && j < length; j++) {
      const x = codes[j]!;
      if (x === SPACE) {
        separated = 1;
        continue;
      }
      cc[m] = x;
      cn[m] = j;
      gap[m] = separated || (joins.length > 0 && isJoin(j)) ? 1 : 0;
      separated = 0;
      m++;
      if (j === b) break;
    }
    // m - 1 is the context character when b < length and codes[b] is not a space.
    const end = b < length && codes[b] !== SPACE ? m - 1 : m;
    if (end === m) {
      gap[m] = 1;
      cc[m] = SPACE;
    }

    let state = ROOT;
    for (let j = 0; j < end; j++) {
      state = automaton.next(state, cc[j]!);
      for (let t = automaton.firstOutput(state); t > 0; t = automaton.nextOutput(t)) {
        const pattern = automaton.output(t);
        const s0 = j + 1 - automaton.depth(t);
        if (accept(cc, gap, s0, j + 1, flags[pattern]!)) {
          let start = map.starts[cn[s0]!]!;
          // "(555) 010-0199": the area code's parenthesis belongs to the number.
          if (flags[pattern]! & PHONE && start > 0 && map.source.charCodeAt(start - 1) === 0x28) start--;
          report(start, originalEnd(map, cn[j]!), pattern);
        }
      }
    }
    k = b;
  }
}

function accept(cc: Uint16Array, gap: Uint8Array, s: number, e: number, flag: number): boolean {
  if (flag & ID_NUMBER && gap[s] && gap[e]) return true;
  if (flag & PHONE) {
    if (!gap[e] && isDigit(cc[e]!)) return false;
    let run = 0;
    for (let j = s; j > 0 && !gap[j] && isDigit(cc[j - 1]!); j--) run++;
    return run <= 3;
  }
  return false;
}
