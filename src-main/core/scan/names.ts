/**
 * A legal name taken apart for the variants: given name, middle names, surname (with its
 * particles: "María de la Cruz" -> surname "de la Cruz", core "Cruz").
 */
import { nfc, normalizeKey } from './text-map';

export interface ParsedName {
  /** The first word ("Maria", "Jean-Luc"). */
  given: string;
  /** Words between the given name and the surname. */
  middles: string[];
  /** The surname's words, particles included ("de", "la", "Cruz"); empty for a one-word name. */
  surname: string[];
  /** The surname without its leading particles ("Cruz"); equal to `surname` when it has none. */
  surnameCore: string[];
}

/** Particles that belong to the surname that follows them (compared folded). */
const PARTICLES = new Set([
  'da', 'das', 'de', 'del', 'della', 'delle', 'dello', 'dei', 'degli', 'der', 'den', 'des', 'di', 'do', 'dos', 'du',
  'la', 'le', 'lo', 'las', 'los', 'van', 'von', 'vom', 'zu', 'zum', 'zur', 'ter', 'ten', 'het', 'op', 'af', 'av',
  'bin', 'bint', 'ibn', 'ben', 'bat', 'abu', 'al', 'el', 'ap', 'st', 'ste', 'saint', 'mac', 'mc', 'o',
]);

/** "y" and "e" join two surnames ("García y Pérez", "Silva e Santos"). */
const CONNECTORS = new Set(['y', 'e', 'i']);

/** Generational and professional suffixes, dropped from the name. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v', 'esq', 'phd', 'md', 'dds', 'cpa', 'jd', 'rn']);

function folded(word: string): string {
  return normalizeKey(word);
}

export function isParticle(word: string): boolean {
  return PARTICLES.has(folded(word));
}

/** Splits a legal name. A name written "Last, First" is read that way; suffixes are dropped. */
export function parseName(legalName: string): ParsedName | undefined {
  const text = nfc(legalName).trim();
  const comma = text.indexOf(',');
  if (comma > 0) {
    // "Smith, Jr." is a suffix; "Ramírez, Maria Elena" is surname first.
    const before = words(text, 0, comma);
    const after = words(text, comma + 1, text.length);
    while (after.texts.length > 0 && SUFFIXES.has(after.keys[after.keys.length - 1]!)) pop(after);
    if (after.texts.length > 0 && before.texts.length > 0) {
      while (before.texts.length > 1 && SUFFIXES.has(before.keys[before.keys.length - 1]!)) pop(before);
      return { given: after.texts[0]!, middles: after.texts.slice(1), surname: before.texts, surnameCore: core(before, 0) };
    }
  }
  const all = words(text, 0, text.length);
  const { texts, keys } = all;
  while (texts.length > 1 && SUFFIXES.has(keys[keys.length - 1]!)) pop(all);
  if (texts.length === 0) return undefined;
  if (texts.length === 1) return { given: texts[0]!, middles: [], surname: [], surnameCore: [] };
  let k = texts.length - 1;
  for (;;) {
    if (k - 1 >= 1 && PARTICLES.has(keys[k - 1]!)) k--;
    else if (k - 2 >= 1 && CONNECTORS.has(keys[k - 1]!)) k -= 2;
    else break;
  }
  const surname = texts.slice(k);
  return { given: texts[0]!, middles: k > 1 ? texts.slice(1, k) : [], surname, surnameCore: PARTICLES.has(keys[k]!) ? core(all, k) : surname };
}

/** The words of a name, each with its folded key (parallel arrays: no object per word). */
interface Words {
  texts: string[];
  keys: string[];
}

function pop(words: Words): void {
  words.texts.pop();
  words.keys.pop();
}

/** The words of text[from, to) (split at spaces and commas), each with its folded key; no empty ones. */
function words(text: string, from: number, to: number): Words {
  // The split's array holds the texts (filtered in place): no array grown by push.
  const texts = (from === 0 && to === text.length ? text : text.slice(from, to)).split(/[\s,]+/);
  const keys = new Array<string>(texts.length);
  let n = 0;
  for (const piece of texts) {
    if (piece === '') continue;
    const key = folded(piece);
    if (key === '') continue;
    texts[n] = piece;
    keys[n++] = key;
  }
  texts.length = n;
  keys.length = n;
  return { texts, keys };
}

/** The surname (words `from` on) without its leading particles. */
function core(words: Words, from: number): string[] {
  const { texts, keys } = words;
  let start = from;
  while (start < texts.length - 1 && PARTICLES.has(keys[start]!)) start++;
  return texts.slice(start);
}
