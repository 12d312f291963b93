/**
 * Dates in the words of a normalised text, read in every common format and reduced to one
 * key, so that a date of birth is one lookup however it is written:
 *   1984-03-07 · 3/7/1984 · 03/07/1984 · 07.03.1984 (day first) · 3-7-84 · March 7, 1984 ·
 *   Mar. 7, 1984 · March 7th, 1984 · 7 March 1984 · 7th of March, 1984 · 07-Mar-1984.
 * Punctuation is already gone (text-map.ts), so "3/7/1984" arrives as the words 3 7 1984.
 * Numeric dates are read both month-first and day-first: 07/03/1984 may be either.
 * Keys: "1984-03-07", or "84-03-07" when the year has two digits.
 */
import type { TextMap } from './text-map';
import type { WordStream } from './words';

const MONTHS = new Map<string, number>();
[
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
].forEach((names, i) => names.forEach((name) => MONTHS.set(name, i + 1)));

const MONTH_INITIAL = new Uint8Array(128);
for (const name of MONTHS.keys()) MONTH_INITIAL[name.charCodeAt(0)] = 1;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dateKey(year: number, yearDigits: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${yearDigits === 2 ? pad(year) : String(year)}-${pad(month)}-${pad(day)}`;
}

/** Value of word w if it is all digits (at most 4), else -1. */
function numberAt(codes: Uint16Array, words: WordStream, w: number): number {
  if (w >= words.count) return -1;
  const s = words.starts[w]!;
  const e = words.ends[w]!;
  if (e - s > 4) return -1;
  let value = 0;
  for (let i = s; i < e; i++) {
    const c = codes[i]!;
    if (c < 0x30 || c > 0x39) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}

function lengthOf(words: WordStream, w: number): number {
  return words.ends[w]! - words.starts[w]!;
}

function textAt(codes: Uint16Array, words: WordStream, w: number, max: number): string | undefined {
  if (w >= words.count) return undefined;
  const s = words.starts[w]!;
  const e = words.ends[w]!;
  if (e - s > max) return undefined;
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(codes[i]!);
  return out;
}

/** A day: "7", "07", "7th", "1st", "22nd", "3rd"; else -1. */
function dayAt(codes: Uint16Array, words: WordStream, w: number): number {
  const n = numberAt(codes, words, w);
  if (n >= 0) return lengthOf(words, w) <= 2 ? n : -1;
  const t = textAt(codes, words, w, 4);
  const m = t === undefined ? null : /^(\d{1,2})(st|nd|rd|th)$/.exec(t);
  return m ? Number(m[1]) : -1;
}

function monthAt(codes: Uint16Array, words: WordStream, w: number): number {
  if (w >= words.count) return -1;
  const first = codes[words.starts[w]!]!;
  const length = lengthOf(words, w);
  if (first >= 128 || MONTH_INITIAL[first] === 0 || length < 3 || length > 9) return -1;
  return MONTHS.get(textAt(codes, words, w, 9)!) ?? -1;
}

/** [value, digits] of a 4- or 2-digit year at w, or undefined. */
function yearAt(codes: Uint16Array, words: WordStream, w: number): [number, number] | undefined {
  const n = numberAt(codes, words, w);
  if (n < 0) return undefined;
  const digits = lengthOf(words, w);
  return digits === 4 || digits === 2 ? [n, digits] : undefined;
}

/** Reports each date found: its first and last word index and the key(s) it may stand for. */
export function findDates(map: TextMap, words: WordStream, report: (first: number, last: number, keys: string[]) => void): void {
  const { codes } = map;
  const { count, starts } = words;
  for (let w = 0; w < count; w++) {
    const first = codes[starts[w]!]!;
    if (first >= 0x30 && first <= 0x39) {
      const a = numberAt(codes, words, w);
      if (a >= 0 && lengthOf(words, w) === 4) {
        // 1984-03-07
        const m = numberAt(codes, words, w + 1);
        const d = numberAt(codes, words, w + 2);
        if (m >= 0 && d >= 0 && lengthOf(words, w + 1) <= 2 && lengthOf(words, w + 2) <= 2) {
          const k = dateKey(a, 4, m, d);
          if (k) report(w, w + 2, [k]);
        }
        continue;
      }
      if (a >= 0 && lengthOf(words, w) <= 2) {
        // 3/7/1984 and 7/3/1984, 3-7-84
        const b = numberAt(codes, words, w + 1);
        const y = b >= 0 && lengthOf(words, w + 1) <= 2 ? yearAt(codes, words, w + 2) : undefined;
        if (y) {
          const keys = [dateKey(y[0], y[1], a, b), dateKey(y[0], y[1], b, a)].filter((k): k is string => k !== undefined);
          if (keys.length > 0) report(w, w + 2, [...new Set(keys)]);
          continue;
        }
      }
      // 7 March 1984, 7th March 1984, 7th of March 1984
      const d = dayAt(codes, words, w);
      if (d > 0) {
        const of = textAt(codes, words, w + 1, 2) === 'of' ? 1 : 0;
        const m = monthAt(codes, words, w + 1 + of);
        const y = m > 0 ? yearAt(codes, words, w + 2 + of) : undefined;
        if (y) {
          const k = dateKey(y[0], y[1], m, d);
          if (k) report(w, w + 2 + of, [k]);
        }
      }
      continue;
    }
    // March 7, 1984 and Mar. 7th, 1984
    const m = monthAt(codes, words, w);
    if (m > 0) {
      const d = dayAt(codes, words, w + 1);
      const y = d > 0 ? yearAt(codes, words, w + 2) : undefined;
      if (y) {
        const k = dateKey(y[0], y[1], m, d);
        if (k) report(w, w + 2, [k]);
      }
    }
  }
}
