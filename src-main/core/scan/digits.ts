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
  const { codes, length } = map;
  // The compact text: characters without spaces, where each came from, separator before it.
  const cc = new Uint16Array(length);
  const cn = new Int32Array(length);
  const gap = new Uint8Array(length + 1);
  const joins = map.joins;
  let nextJoin = 0;
  let m = 0;
  let separated = 1;
  for (let k = 0; k < length; k++) {
    const c = codes[k]!;
    if (c === SPACE) {
      separated = 1;
      continue;
    }
    while (nextJoin < joins.length && joins[nextJoin]! < k) nextJoin++;
    if (nextJoin < joins.length && joins[nextJoin] === k) separated = 1; // a joined line-end hyphen
    cc[m] = c;
    cn[m] = k;
    gap[m] = separated;
    separated = 0;
    m++;
  }
  gap[m] = 1;

  const accept = (s: number, e: number, flag: number): boolean => {
    if (flag & ID_NUMBER && gap[s] && gap[e]) return true;
    if (flag & PHONE) {
      if (!gap[e] && e < m && isDigit(cc[e]!)) return false;
      let run = 0;
      for (let j = s; !gap[j] && j > 0 && isDigit(cc[j - 1]!); j--) run++;
      return run <= 3;
    }
    return false;
  };

  let p = 0;
  while (p < m) {
    if (!isDigit(cc[p]!)) {
      p++;
      continue;
    }
    // A window around this digit and every digit within reach of it.
    const from = Math.max(0, p - maxLength + 1);
    let to = Math.min(m, p + maxLength);
    let q = p + 1;
    while (q < to) {
      if (isDigit(cc[q]!)) to = Math.min(m, q + maxLength);
      q++;
    }
    let state = ROOT;
    for (let j = from; j < to; j++) {
      state = automaton.next(state, cc[j]!);
      for (let s = automaton.firstOutput(state); s > 0; s = automaton.nextOutput(s)) {
        const pattern = automaton.output(s);
        const start = j + 1 - automaton.depth(s);
        if (accept(start, j + 1, flags[pattern]!)) report(map.starts[cn[start]!]!, originalEnd(map, cn[j]!), pattern);
      }
    }
    p = to;
  }
}
