/**
 * A legal name taken apart for the variants: given name, middle names, surname (with its
 * particles: "María de la Cruz" -> surname "de la Cruz", core "Cruz").
 */
import { normalizeKey } from './text-map';

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
  let text = legalName.normalize('NFC').trim();
  // Drop suffixes after a comma ("Smith, Jr.") and at the end ("Smith Jr.").
  let words = text.split(/\s+/).filter((word) => word !== '');
  while (words.length > 1 && SUFFIXES.has(folded(words[words.length - 1]!))) words = words.slice(0, -1);
  text = words.join(' ').replace(/,\s*$/, '');
  const comma = text.indexOf(',');
  if (comma > 0) {
    const before = text.slice(0, comma).trim().split(/\s+/).filter((w) => folded(w) !== '');
    const after = text.slice(comma + 1).trim().split(/\s+/).filter((w) => folded(w) !== '');
    if (after.length > 0 && before.length > 0) {
      const surnameCore = [...before];
      while (surnameCore.length > 1 && isParticle(surnameCore[0]!)) surnameCore.shift();
      return { given: after[0]!, middles: after.slice(1), surname: before, surnameCore };
    }
  }
  words = text.split(/[\s,]+/).filter((word) => folded(word) !== '');
  if (words.length === 0) return undefined;
  if (words.length === 1) return { given: words[0]!, middles: [], surname: [], surnameCore: [] };
  let k = words.length - 1;
  for (;;) {
    if (k - 1 >= 1 && isParticle(words[k - 1]!)) k--;
    else if (k - 2 >= 1 && CONNECTORS.has(folded(words[k - 1]!))) k -= 2;
    else break;
  }
  const surname = words.slice(k);
  const surnameCore = [...surname];
  while (surnameCore.length > 1 && isParticle(surnameCore[0]!)) surnameCore.shift();
  return { given: words[0]!, middles: words.slice(1, k), surname, surnameCore };
}
