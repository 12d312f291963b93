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

const MONTH_INITIALS = new Set([...MONTHS.keys()].map((name) => name.charCodeAt(0)));

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function key(year: number, yearDigits: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${yearDigits === 2 ? pad(year) : String(year)}-${pad(month)}-${pad(day)}`;
}

/** Reports each date found: its first and last word index and the key(s) it may stand for. */
export function findDates(map: TextMap, words: WordStream, report: (first: number, last: number, keys: string[]) => void): void {
  const { codes } = map;
  const { count, starts, ends } = words;

  /** Value of an all-digit word of at most 4 digits, else -1; `digitsOf` its length. */
  const number = (w: number): number => {
    if (w >= count) return -1;
    const s = starts[w]!;
    const e = ends[w]!;
    if (e - s > 4) return -1;
    let value = 0;
    for (let i = s; i < e; i++) {
      const c = codes[i]!;
      if (c < 0x30 || c > 0x39) return -1;
      value = value * 10 + (c - 0x30);
    }
    return value;
  };
  const digitsOf = (w: number): number => ends[w]! - starts[w]!;
  const text = (w: number, max: number): string | undefined => {
    if (w >= count) return undefined;
    const s = starts[w]!;
    const e = ends[w]!;
    if (e - s > max) return undefined;
    return String.fromCharCode(...codes.subarray(s, e));
  };
  /** A day: "7", "07", "7th", "1st", "22nd", "3rd"; else -1. */
  const day = (w: number): number => {
    const n = number(w);
    if (n >= 0) return digitsOf(w) <= 2 ? n : -1;
    const t = text(w, 4);
    const m = t === undefined ? null : /^(\d{1,2})(st|nd|rd|th)$/.exec(t);
    return m ? Number(m[1]) : -1;
  };
  const month = (w: number): number => {
    if (w >= count) return -1;
    if (!MONTH_INITIALS.has(codes[starts[w]!]!)) return -1;
    const t = text(w, 9);
    return (t !== undefined && MONTHS.get(t)) || -1;
  };
  /** A year: 4 digits, or 2; returns [value, digits] or undefined. */
  const year = (w: number): [number, number] | undefined => {
    const n = number(w);
    if (n < 0) return undefined;
    const digits = digitsOf(w);
    return digits === 4 || digits === 2 ? [n, digits] : undefined;
  };

  for (let w = 0; w < count; w++) {
    const first = codes[starts[w]!]!;
    if (first >= 0x30 && first <= 0x39) {
      const a = number(w);
      // 1984-03-07
      if (a >= 0 && digitsOf(w) === 4) {
        const m = number(w + 1);
        const d = number(w + 2);
        if (m >= 0 && d >= 0 && digitsOf(w + 1) <= 2 && digitsOf(w + 2) <= 2) {
          const k = key(a, 4, m, d);
          if (k) report(w, w + 2, [k]);
        }
        continue;
      }
      // 3/7/1984 and 7/3/1984, 3-7-84
      if (a >= 0 && digitsOf(w) <= 2) {
        const b = number(w + 1);
        const y = year(w + 2);
        if (b >= 0 && digitsOf(w + 1) <= 2 && y) {
          const keys = [key(y[0], y[1], a, b), key(y[0], y[1], b, a)].filter((k): k is string => k !== undefined);
          if (keys.length > 0) report(w, w + 2, [...new Set(keys)]);
          continue;
        }
      }
      // 7 March 1984, 7th March 1984, 7th of March 1984
      const d = day(w);
      if (d > 0) {
        const of = text(w + 1, 2) === 'of' ? 1 : 0;
        const m = month(w + 1 + of);
        const y = m > 0 ? year(w + 2 + of) : undefined;
        if (y) {
          const k = key(y[0], y[1], m, d);
          if (k) report(w, w + 2 + of, [k]);
        }
      }
      continue;
    }
    // March 7, 1984 and Mar. 7th, 1984
    const m = month(w);
    if (m > 0) {
      const d = day(w + 1);
      const y = d > 0 ? year(w + 2) : undefined;
      if (y) {
        const k = key(y[0], y[1], m, d);
        if (k) report(w, w + 2, [k]);
      }
    }
  }
}
