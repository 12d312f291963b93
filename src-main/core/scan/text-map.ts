/**
 * The scanner's one normalisation pass: the text to scan becomes a sequence of lower-case,
 * diacritic-free letters and digits with single spaces between words, and every normalised
 * character remembers where it came from, so that a hit maps back to the exact UTF-16 span
 * of the original ("Ramí-\nrez's" -> "ramirez s", the hit covers "Ramí-\nrez").
 *
 * Folding follows core/text/normalize.ts `fold` (NFKD, marks removed, ß->ss, ł->l, ø->o,
 * đ->d, lower case) and adds a few transliterations that NFKD lacks (þ->th, ð->d, æ->ae,
 * œ->oe, ħ->h, ı->i), applied alike to the names and to the text, so "Þórunn" and "Thorunn"
 * meet.
 *
 * Look-alike letters (issue 11, leak 1): after that folding, every character that is still not
 * ASCII is replaced by its confusable skeleton (Unicode TS #39, confusables.txt, from the
 * `unhomoglyph` package's data), and the result is folded again. Cyrillic "а" (U+0430), Greek
 * "ο", Armenian "օ" become "a", "o", "o"; fullwidth and mathematical letters are already plain
 * after NFKD. The folding stays per code point, so every normalised code unit still records
 * the offset of the one original character it came from: a hit on "Mаrta" covers exactly
 * "Mаrta" (the replacement may be longer or shorter than the character, the map is not
 * shifted by it). ASCII is never replaced (confusables.txt maps "m" to "rn", "0" to "O", "1"
 * to "l": a phone number or "Tom" must stay as written); instead a look-alike whose skeleton is
 * an ASCII letter's own skeleton reads as that letter (a look-alike skeleton "rn" reads "m").
 * Letters are looked up by their small form first (see asciiLookAlike), so case still does not
 * matter: Cyrillic "І" and "і" both read "i" (not "l", the skeleton of a capital I). Names and text go through the same fold, so a name stored with Cyrillic
 * letters is found in a Latin draft and the other way round.
 *
 * Every character that is not a letter or a digit separates words: spaces and line breaks,
 * apostrophes of any shape, dashes of any length, periods, commas, "@", "/". That one rule
 * makes "Last, First" and "Last First", "F. Last" and "F Last", "O'Brien", "O’Brien" and
 * "O Brien", "name@example.org" inside "mailto:" or a query string, and "3/7/1984" and
 * "3-7-1984" normalise alike; the variants supply the joined forms ("OBrien", "GarciaLopez").
 * Format characters (soft hyphen, zero-width space and joiners, BOM) are dropped, so an
 * invisible character cannot split a name; superscripts (\p{No}, e.g. a footnote mark right
 * after a name) separate words. A percent escape of punctuation in a URL ("%40" for "@")
 * separates words too.
 *
 * End-of-line hyphenation: a letter, a hyphen (or soft hyphen), optional spaces, ONE line
 * break, optional spaces and a letter are joined ("Ramí-\nrez" -> "ramirez"). The join is
 * recorded so that the scanner can also read the same place with the hyphen as a word break:
 * a name legitimately hyphenated at the end of a line ("Garcia-\nLopez") must be found as
 * "garcia lopez" too, and its variants hold the joined form "garcialopez" as well.
 */

import { createRequire } from 'node:module';
import { borrowInt32, giveBackInt32 } from './scratch';

// Through require: a JSON import needs an import attribute in Node's ESM loader, which the
// bundlers (electron-vite for the CLI, esbuild for the test children) leave to Node.
const confusables = createRequire(import.meta.url)('unhomoglyph/data.json') as Record<string, string>;

export const SPACE = 0x20;

/** A normalised view of (a range of) a text. */
export interface TextMap {
  /** The original text. */
  readonly source: string;
  /** Number of normalised UTF-16 code units in `codes`. */
  readonly length: number;
  /** Normalised code units: lower-case letters and digits, and 0x20 between words. */
  readonly codes: Uint16Array;
  /** For each normalised code unit, the offset in `source` of the character it came from. */
  readonly starts: Int32Array;
  /** End (exclusive) of the mapped range of `source`. */
  readonly end: number;
  /** Number of words (runs between spaces). */
  readonly words: number;
  /** Normalised indices at which an end-of-line hyphenation was joined (ascending). */
  readonly joins: readonly number[];
  /** For each join, the offset in `source` of its hyphen. */
  readonly joinOffsets: readonly number[];
}

export interface TextMapOptions {
  /** Start of the range of `source` to map (default 0). */
  from?: number;
  /** End of the range (default source.length). */
  to?: number;
  /** Join end-of-line hyphenation (default true). */
  joinHyphens?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Folding of one code point

/** ASCII: 0 separates words, otherwise the normalised code unit. */
const ASCII = new Uint16Array(128);
for (let c = 0x30; c <= 0x39; c++) ASCII[c] = c;
for (let c = 0x61; c <= 0x7a; c++) ASCII[c] = c;
for (let c = 0x41; c <= 0x5a; c++) ASCII[c] = c + 0x20;

const EXTRA: Record<string, string> = {
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  þ: 'th',
  ð: 'd',
  æ: 'ae',
  œ: 'oe',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ς: 'σ',
};

const MARKS = /\p{M}+/gu;
const WORD_CHAR = /[\p{L}\p{Nd}\p{Nl}]/u;
const NON_ASCII = /[^\p{ASCII}]/u;
/** Latin and Common letters (fullwidth, mathematical) fold by NFKD first. */
const LATIN = /[\p{Script=Latin}\p{Script=Common}]/u;

/** NFKD, marks removed, lower case, the transliterations of EXTRA. */
function basicFold(text: string): string {
  let out = text.normalize('NFKD').replace(MARKS, '');
  out = out.toLowerCase().normalize('NFKD').replace(MARKS, '');
  return out.replace(/[ßłøđþðæœħıŧς]/gu, (c) => EXTRA[c] ?? c);
}

/** The confusable skeleton of one character (confusables.txt), or undefined when it has none. */
const CONFUSABLES: Readonly<Record<string, string | undefined>> = confusables;

/**
 * ASCII letters by their skeleton, capitals and small letters apart: "l" -> "I" (the capital,
 * whose skeleton is "l"), "rn" -> "m"; a letter that is its own skeleton maps to itself.
 */
const CAPITAL_BY_SKELETON = new Map<string, string>();
const SMALL_BY_SKELETON = new Map<string, string>();
for (let c = 0x41; c <= 0x5a; c++) {
  const capital = String.fromCharCode(c);
  const small = String.fromCharCode(c + 0x20);
  CAPITAL_BY_SKELETON.set(CONFUSABLES[capital] ?? capital, small);
  SMALL_BY_SKELETON.set(CONFUSABLES[small] ?? small, small);
}

/**
 * The ASCII letter a (non-ASCII) character looks like, if any. Case-blind, so that a name and
 * its capitalised form still fold alike: the small letter's look-alike first ("і" looks like
 * "i"), else its capital's ("м" has no small look-alike, "М" looks like "M"; "μ", "Μ" -> "m").
 * A capital whose small letter looks like another letter folds as that letter (Greek "Η" as
 * "η", "n"): such a word is flagged as mixed-script (look-alikes.ts).
 */
function asciiLookAlike(c: string): string | undefined {
  const lower = c.toLowerCase();
  if ([...lower].length !== 1) return undefined;
  const small = SMALL_BY_SKELETON.get(CONFUSABLES[lower] ?? lower);
  if (small !== undefined) return small;
  const upper = lower.toUpperCase();
  return upper !== lower && [...upper].length === 1 ? CAPITAL_BY_SKELETON.get(CONFUSABLES[upper] ?? upper) : undefined;
}

/** One character (case kept, marks removed) folded, with its skeleton when it is not ASCII. */
function skeletonFold(c: string): string {
  const folded = basicFold(c);
  // Punctuation keeps separating words ("—" has the skeleton "ー", a letter).
  if (!NON_ASCII.test(folded) || !WORD_CHAR.test(c)) return folded;
  const letter = asciiLookAlike(c);
  if (letter !== undefined) return letter;
  let out = '';
  for (const f of folded) {
    const skeleton = f.charCodeAt(0) < 128 || !WORD_CHAR.test(f) ? undefined : CONFUSABLES[f];
    out += skeleton === undefined ? f : basicFold(skeleton);
  }
  return out;
}

/** '' = ignorable (dropped), ' ' = separator, else normalised letters/digits (maybe with spaces). */
function foldCodePointUncached(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (/[\p{Cf}]/u.test(ch)) return ''; // soft hyphen, zero-width space/joiners, BOM
  if (/\p{M}/u.test(ch)) return ''; // a combining mark: part of the letter before it
  if (/\p{No}/u.test(ch)) return ' '; // superscripts, fractions, circled numbers
  if (cp === 0x2bc || cp === 0x2bb || cp === 0x2bd) return ' '; // modifier-letter apostrophes: ʼ ʻ ʽ
  // A letter of another script that looks like an ASCII letter is read as that letter before
  // NFKD can change it (Greek lunate sigma "ϲ" looks like "c", NFKD makes it "ς", "σ", "o").
  if (WORD_CHAR.test(ch) && !LATIN.test(ch)) {
    const letter = asciiLookAlike(ch);
    if (letter !== undefined) return letter;
  }
  let out = '';
  for (const c of ch.normalize('NFKD').replace(MARKS, '')) out += skeletonFold(c);
  let result = '';
  for (const c of out) result += WORD_CHAR.test(c) ? c : ' ';
  return result.trim() === '' ? ' ' : result;
}

const bmpCache: (string | undefined)[] = new Array(0x10000);
const astralCache = new Map<number, string>();

/** The normalised form of one code point (cached). */
export function foldCodePoint(cp: number): string {
  if (cp < 0x10000) {
    let folded = bmpCache[cp];
    if (folded === undefined) {
      folded = cp < 128 ? (ASCII[cp] ? String.fromCharCode(ASCII[cp]!) : ' ') : foldCodePointUncached(cp);
      bmpCache[cp] = folded;
    }
    return folded;
  }
  let folded = astralCache.get(cp);
  if (folded === undefined) {
    folded = foldCodePointUncached(cp);
    astralCache.set(cp, folded);
  }
  return folded;
}

// ---------------------------------------------------------------------------------------------
// Hyphenation

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x00ad;
}

function isHorizontalSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}

function isLetterStart(source: string, i: number): boolean {
  const cp = source.codePointAt(i);
  if (cp === undefined) return false;
  const folded = foldCodePoint(cp);
  const first = folded.charCodeAt(0);
  // A letter: not a separator, not ignorable, not an ASCII digit (other scripts' letters pass).
  return folded !== ' ' && folded !== '' && !(first >= 0x30 && first <= 0x39) && !/^\p{N}/u.test(folded);
}

/**
 * If the hyphen at `i` ends a line and a letter starts the next, the index of that letter;
 * otherwise -1. Exactly one line break: a hyphen before a blank line ends a paragraph.
 */
function hyphenationEnd(source: string, i: number, to: number): number {
  let j = i + 1;
  while (j < to && isHorizontalSpace(source.charCodeAt(j))) j++;
  if (j >= to) return -1;
  const c = source.charCodeAt(j);
  if (c === 0x0d) j += j + 1 < to && source.charCodeAt(j + 1) === 0x0a ? 2 : 1;
  else if (c === 0x0a || c === 0x2028 || c === 0x2029 || c === 0x0c) j += 1;
  else return -1;
  while (j < to && isHorizontalSpace(source.charCodeAt(j))) j++;
  return j < to && isLetterStart(source, j) ? j : -1;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** "%40", "%2E" …: a percent escape of ASCII punctuation (as in a URL). */
function isPunctuationEscape(source: string, i: number, to: number): boolean {
  if (i + 2 >= to) return false;
  const a = source.charCodeAt(i + 1);
  const b = source.charCodeAt(i + 2);
  if (!isHex(a) || !isHex(b)) return false;
  const value = parseInt(source.slice(i + 1, i + 3), 16);
  return value < 128 && value > 0x20 && ASCII[value] === 0;
}

// ---------------------------------------------------------------------------------------------
// The pass

const LETTER = 1;
const DIGIT = 2;

/** Normalises `source` (or a range of it) in one pass, keeping the map back to it. */
export function buildTextMap(source: string, options: TextMapOptions = {}): TextMap {
  const from = options.from ?? 0;
  const to = options.to ?? source.length;
  const joinHyphens = options.joinHyphens ?? true;
  // Invariant: capacity >= n + (to - i) + 8. An ASCII character adds at most one code unit,
  // so only the (rare) non-ASCII path checks and grows.
  let capacity = Math.max(16, to - from + 8);
  let codes: Uint16Array = borrowCodes(capacity);
  let starts: Int32Array = borrowInt32(capacity);
  const ascii = ASCII;
  let n = 0;
  let spaces = 0;
  let last = 0; // kind of the last emitted code unit: 0 space or nothing yet, LETTER, DIGIT
  const joins: number[] = [];
  const joinOffsets: number[] = [];

  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c < 128) {
      const v = ascii[c]!;
      if (v !== 0) {
        codes[n] = v;
        starts[n++] = i;
        last = v <= 0x39 ? DIGIT : LETTER;
        continue;
      }
      if (c === 0x2d && joinHyphens && last === LETTER) {
        const next = hyphenationEnd(source, i, to);
        if (next > 0) {
          joins.push(n);
          joinOffsets.push(i);
          i = next - 1;
          continue;
        }
      }
      if (c === 0x25 && isPunctuationEscape(source, i, to)) i += 2;
      if (last !== 0) {
        codes[n] = SPACE;
        starts[n++] = i;
        last = 0;
        spaces++;
      }
      continue;
    }
    // Non-ASCII.
    if (joinHyphens && last === LETTER && isHyphen(c)) {
      const next = hyphenationEnd(source, i, to);
      if (next > 0) {
        joins.push(n);
        joinOffsets.push(i);
        i = next - 1;
        continue;
      }
    }
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const low = source.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const folded = foldCodePoint(cp);
    if (n + folded.length + (to - i) + 8 > capacity) ({ codes, starts, capacity } = grow(codes, starts, n, n + folded.length + (to - i) + 8));
    for (let k = 0; k < folded.length; k++) {
      const f = folded.charCodeAt(k);
      if (f === SPACE) {
        if (last !== 0) {
          codes[n] = SPACE;
          starts[n++] = i;
          last = 0;
          spaces++;
        }
        continue;
      }
      codes[n] = f;
      starts[n++] = i;
      last = f >= 0x30 && f <= 0x39 ? DIGIT : LETTER;
    }
    i += width - 1;
  }
  if (n > 0 && codes[n - 1] === SPACE) {
    n--;
    spaces--;
  }
  return { source, length: n, codes, starts, end: to, words: n === 0 ? 0 : spaces + 1, joins, joinOffsets };
}

function grow(codes: Uint16Array, starts: Int32Array, n: number, needed: number): { codes: Uint16Array; starts: Int32Array; capacity: number } {
  const bigger = Math.max(needed, codes.length * 2);
  const c2 = borrowCodes(bigger);
  c2.set(codes.subarray(0, n));
  const s2 = borrowInt32(bigger);
  s2.set(starts.subarray(0, n));
  giveBackCodes(codes, n);
  giveBackInt32(starts, n);
  return { codes: c2, starts: s2, capacity: bigger };
}

/** `size` code units over a lent array (scratch.ts): a long text's map is ~6 bytes a character. */
function borrowCodes(size: number): Uint16Array {
  return new Uint16Array(borrowInt32((size + 1) >> 1).buffer, 0, size);
}

function giveBackCodes(codes: Uint16Array, used: number): void {
  giveBackInt32(new Int32Array(codes.buffer), (used + 1) >> 1);
}

/** The map's arrays back to scratch.ts (zeroed): read the map no more. */
export function releaseTextMap(map: TextMap): void {
  // The last code unit may have been a space, dropped from `length`.
  giveBackCodes(map.codes, map.length + 1);
  giveBackInt32(map.starts, map.length + 1);
}

const MARK_AT = /^\p{M}/u;

/**
 * End (exclusive) in the original text of the character that produced normalised code unit
 * `k`, including the combining marks that follow it ("e\u0301" ends after the accent).
 */
export function originalEnd(map: TextMap, k: number): number {
  const { source, end } = map;
  let p = map.starts[k]!;
  const c = source.charCodeAt(p);
  p += c >= 0xd800 && c <= 0xdbff && p + 1 < end ? 2 : 1;
  while (p < end) {
    const next = source.charCodeAt(p);
    if (next < 0x300) break; // fast path: no mark below U+0300
    const cp = source.codePointAt(p)!;
    if (!MARK_AT.test(String.fromCodePoint(cp))) break;
    p += cp > 0xffff ? 2 : 1;
  }
  return p;
}

/** The normalised text as a string (for tests and diagnostics). */
export function normalizedText(map: TextMap): string {
  let out = '';
  for (let i = 0; i < map.length; i += 8192) {
    out += String.fromCharCode(...map.codes.subarray(i, Math.min(map.length, i + 8192)));
  }
  return out;
}

/** The normalised words of a short text: "O’Brien-Núñez, Mª" -> ["o", "brien", "nunez", "ma"]. */
export function normalizeWords(text: string): string[] {
  const normalized = normalizeKey(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/**
 * The normalised form of a short text, words joined by one space (the variants' keys); the
 * same as `buildTextMap(text, { joinHyphens: false })` read as a string.
 */
const NOT_LETTER_OR_DIGIT = /[^a-z0-9]+/g;

/** The NFC form of a text; ASCII is its own (the scanner's build composes ~60,000 names and phrases). */
export function nfc(text: string): string {
  // A native test, not a loop of charCodeAt: a name built by concatenation is a rope until flattened.
  return BEYOND_ASCII.test(text) ? text.normalize('NFC') : text;
}

const BEYOND_ASCII = /[^\p{ASCII}]/u;

export function normalizeKey(text: string): string {
  // Fast paths (the scanner's build folds ~100,000 name words): already lower-case letters and
  // digits with single spaces inside, as is; the same up to capitals, lower-cased natively.
  let clean = true;
  let cased = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      const map = buildTextMap(text, { joinHyphens: false });
      try {
        return normalizedText(map);
      } finally {
        releaseTextMap(map);
      }
    }
    const v = ASCII[c]!;
    if (v === c) continue;
    clean = false;
    if (v === 0 && !(c === SPACE && i > 0 && i < text.length - 1 && text.charCodeAt(i - 1) !== SPACE)) cased = false;
  }
  if (clean) return text;
  if (cased) return text.toLowerCase();
  // Punctuation (e-mail addresses, "O'Brien"): three native passes, not a string per character.
  if (!text.includes('%')) return text.toLowerCase().replace(NOT_LETTER_OR_DIGIT, ' ').trim();
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = ASCII[c]!;
    if (v === 0) {
      if (c === 0x25 && isPunctuationEscape(text, i, text.length)) i += 2;
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += String.fromCharCode(v);
  }
  return out;
}
