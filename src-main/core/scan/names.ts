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
  const text = legalName.normalize('NFC').trim();
  const comma = text.indexOf(',');
  if (comma > 0) {
    // "Smith, Jr." is a suffix; "Ramírez, Maria Elena" is surname first.
    const before = words(text.slice(0, comma));
    const after = words(text.slice(comma + 1));
    while (after.length > 0 && SUFFIXES.has(after[after.length - 1]!.key)) after.pop();
    if (after.length > 0 && before.length > 0) {
      while (before.length > 1 && SUFFIXES.has(before[before.length - 1]!.key)) before.pop();
      const surname = before.map((w) => w.text);
      return { given: after[0]!.text, middles: after.slice(1).map((w) => w.text), surname, surnameCore: core(before) };
    }
  }
  const all = words(text);
  while (all.length > 1 && SUFFIXES.has(all[all.length - 1]!.key)) all.pop();
  if (all.length === 0) return undefined;
  if (all.length === 1) return { given: all[0]!.text, middles: [], surname: [], surnameCore: [] };
  let k = all.length - 1;
  for (;;) {
    if (k - 1 >= 1 && PARTICLES.has(all[k - 1]!.key)) k--;
    else if (k - 2 >= 1 && CONNECTORS.has(all[k - 1]!.key)) k -= 2;
    else break;
  }
  const surname = all.slice(k);
  return {
    given: all[0]!.text,
    middles: all.slice(1, k).map((w) => w.text),
    surname: surname.map((w) => w.text),
    surnameCore: core(surname),
  };
}

interface Word {
  text: string;
  key: string;
}

/** The words of a name (split at spaces and commas), each with its folded key; no empty ones. */
function words(text: string): Word[] {
  const out: Word[] = [];
  for (const piece of text.split(/[\s,]+/)) {
    if (piece === '') continue;
    const key = folded(piece);
    if (key !== '') out.push({ text: piece, key });
  }
  return out;
}

/** The surname without its leading particles. */
function core(surname: readonly Word[]): string[] {
  let start = 0;
  while (start < surname.length - 1 && PARTICLES.has(surname[start]!.key)) start++;
  return surname.slice(start).map((w) => w.text);
}
