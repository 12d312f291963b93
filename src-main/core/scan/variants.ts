/**
 * Every way an identity may be written in a document (DESIGN.md §5). Each variant has the
 * text as a person would write it (`text`, for lists and for the benchmark's reference tool)
 * and the key the scanner matches (`key`): for the `words` channel the normalised words
 * joined by one space (text-map.ts), for the `digits` channel the characters without any
 * separator (phone and ID numbers, which are written with any spacing), for `date` the ISO
 * date (the date recogniser reads every common format, see dates.ts).
 *
 * Case, diacritics, apostrophe and dash shapes, punctuation between words, possessives and
 * line breaks need no variants: normalisation and whole-word matching take care of them; nor
 * do a surname's plurals ("the Quillfeathers'"): the matcher reads a plural's stem (words.ts).
 */
import type { ScanIdentity, VariantKind } from './types';
import { isParticle, parseName, type ParsedName } from './names';
import { isCommonWord } from './common-words';
import { profileVariants, type ProfileTools } from './profile-variants';
import { normalizeKey } from './text-map';
import { DASH } from './dashes';

/** `joined`: a name run together ("MartaKowalczyk"), matched inside longer tokens (see leak-scanner.ts). */
export type VariantChannel = 'words' | 'digits' | 'date' | 'joined';

export interface Variant {
  kind: VariantKind;
  /** As a person would write it: "Ramírez, Maria", "M. Ramírez", "GarciaLopez", "(555) 010-0199". */
  text: string;
  /** What the scanner matches (see the file comment). */
  key: string;
  channel: VariantChannel;
  /** A phrase of ordinary words only ("Police Department"): asked about, not redacted (profile-variants.ts). */
  generic?: boolean;
}

/**
 * One written piece of a name with its normalised key. While the scanner builds (`interner`
 * set), parts also carry the key's word ids, and combined parts carry only those: the keys of
 * 100,000 variants are never made as strings.
 */
interface Part {
  text: string;
  key: string;
  ids: readonly number[];
  /** Letters and digits of the key (its length without spaces): `alone` reads it, even of a part without its key. */
  letters: number;
}

const NO_IDS: readonly number[] = [];

/** The scanner's vocabulary while it builds (the id of the word text[start, end)); undefined otherwise. */
export type Interner = (text: string, start: number, end: number) => number;
let interner: Interner | undefined;

/** The word ids of a key (words separated by one space), interned in place: no substrings. */
function keyIds(key: string, intern: Interner): number[] {
  let space = key.indexOf(' ');
  // One word (most keys): a one-element array, not one grown by push.
  if (space < 0) return [intern(key, 0, key.length)];
  const ids: number[] = [];
  let start = 0;
  for (;;) {
    ids.push(intern(key, start, space));
    start = space + 1;
    space = key.indexOf(' ', start);
    if (space < 0) {
      ids.push(intern(key, start, key.length));
      return ids;
    }
  }
}

function part(text: string, key: string): Part {
  return { text, key, ids: interner && key !== '' ? keyIds(key, interner) : NO_IDS, letters: lettersOf(key) };
}

function lettersOf(key: string): number {
  let letters = key.length;
  for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) letters--;
  return letters;
}

function isEmpty(p: Part): boolean {
  return interner ? p.ids.length === 0 : p.key === '';
}

/** Two parts in a row; in build mode only their word ids. */
function join(head: Part, separator: string, tail: Part): Part {
  const letters = head.letters + tail.letters;
  if (interner) return { text: '', key: '', ids: head.ids.concat(tail.ids), letters };
  return { text: `${head.text}${separator}${tail.text}`, key: `${head.key} ${tail.key}`, ids: NO_IDS, letters };
}

/** Shortest key matched for an ID number in the digits channel: shorter ones match everywhere. */
export const MIN_ID_LENGTH = 4;
/** Shortest name part matched on its own ("Al" yes, "J" no). */
const MIN_ALONE_LENGTH = 2;
/** Most spellings of one template (hyphen and apostrophe forms multiply). */
const MAX_FORMS = 8;

/**
 * Spellings of one word: as written, and joined when it has inner punctuation:
 * "Garcia-Lopez" -> "Garcia-Lopez" (garcia lopez), "Garcia Lopez" (same key), "GarciaLopez".
 * "O'Brien" -> "O'Brien" (o brien), "OBrien" (obrien).
 */
function wordForms(word: string): Part[] {
  const key = normalizeKey(word);
  if (key === '') return [];
  const forms: Part[] = [part(word, key)];
  if (key.includes(' ')) {
    // While the scanner builds, only keys matter: no written forms.
    if (interner) {
      forms.push(part('', key.replaceAll(' ', '')));
      return forms;
    }
    const pieces = word.split(/[^\p{L}\p{M}\p{N}]+/u).filter((piece) => piece !== '');
    forms.push(part(pieces.join(''), key.replaceAll(' ', '')));
    if (DASH.test(word)) forms.push(part(pieces.join(' '), key));
  }
  return forms;
}

/** Spellings of several words in a row: the product of each word's forms, at most MAX_FORMS. */
function phraseForms(words: readonly string[], joinedToo = false): Part[] {
  if (words.length === 1 && !joinedToo) return wordForms(words[0]!);
  let result: Part[] = [EMPTY];
  for (const word of words) {
    const forms = wordForms(word);
    if (forms.length === 0) continue;
    const next: Part[] = [];
    for (const head of result) {
      for (const form of forms) {
        if (next.length >= MAX_FORMS) break;
        // Keys kept here (phrases are few): `alone` needs them.
        next.push(
          head.key === ''
            ? form
            : interner
              ? { text: '', key: `${head.key} ${form.key}`, ids: head.ids.concat(form.ids), letters: head.letters + form.letters }
              : { text: `${head.text} ${form.text}`, key: `${head.key} ${form.key}`, ids: NO_IDS, letters: head.letters + form.letters },
        );
      }
    }
    result = next;
  }
  result = result.filter((p) => p.key !== '');
  if (joinedToo && words.length > 1 && result.length > 0) {
    // "de la Cruz" -> "delaCruz"; "Van der Berg" -> "VanderBerg".
    const text = interner ? '' : runTogether(words);
    result.push(part(text, result[0]!.key.replaceAll(' ', '')));
  }
  return result;
}

function initial(word: string): Part[] {
  const key = normalizeKey(word);
  if (key === '') return [];
  const c = key.charCodeAt(0);
  const letter = c >= 0xd800 && c <= 0xdbff ? String.fromCodePoint(key.codePointAt(0)!) : key[0]!; // [...key][0]
  // While the scanner builds, only keys matter: no written forms.
  const first = interner ? '' : ([...word.normalize('NFC')].find((c) => /[\p{L}\p{N}]/u.test(c)) ?? key[0]!);
  const initials: Part[] = [part(interner ? '' : `${first.toLocaleUpperCase()}.`, letter)];
  // "Jean-Luc" -> also "J.-L."
  if (key.includes(' ') && DASH.test(word)) {
    const letters = key.split(' ').map((piece) => [...piece][0]!);
    initials.push(part(interner ? '' : letters.map((l) => `${l.toUpperCase()}.`).join('-'), letters.join(' ')));
  }
  return initials;
}

/** Concatenates parts: every combination of the slots' spellings, at most MAX_FORMS. */
function combine(slots: readonly (readonly Part[])[], separators: readonly string[]): Part[] {
  let result: Part[] = [EMPTY];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    if (slot.length === 0) continue;
    if (slot.length === 1 && result.length === 1) {
      // The usual case: one spelling each.
      const head = result[0]!;
      result = [head === EMPTY ? slot[0]! : join(head, separators[i - 1] ?? ' ', slot[0]!)];
      continue;
    }
    const next: Part[] = [];
    for (const head of result) {
      for (const p of slot) {
        if (next.length >= MAX_FORMS) break;
        next.push(head === EMPTY ? p : join(head, separators[i - 1] ?? ' ', p));
      }
    }
    result = next;
  }
  return result[0] === EMPTY || isEmpty(result[0]!) ? [] : result;
}

const EMPTY: Part = { text: '', key: '', ids: NO_IDS, letters: 0 };

/** Two slots: `combine` without its arrays in the usual case of one spelling each. */
function pair(a: readonly Part[], separator: string, b: readonly Part[]): Part[] {
  if (a.length === 1 && b.length === 1) return [join(a[0]!, separator, b[0]!)];
  return combine([a, b], [separator]);
}

/** The non-particle words of a hyphenated or multi-word name part, each alone. */
function components(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (words.length > 1 && isParticle(word)) continue;
    // Most name parts are one plain word: nothing to split (and nothing to add).
    if (words.length === 1 && !DASH.test(word)) continue;
    const pieces = word.split(DASH).filter((piece) => normalizeKey(piece) !== '');
    if (pieces.length > 1 || words.length > 1) out.push(...pieces);
  }
  return out;
}

function spaces(n: number): string[] {
  return new Array<string>(n).fill(' ');
}

/**
 * Passes a template's spellings on to the sink (a class: no closure per identity). While the
 * scanner builds, a variant's word ids are written into one reused array: no array per variant.
 */
class Adder {
  index = 0;
  private ids = new Int32Array(64);
  private count = 0;

  constructor(
    private readonly sink: VariantSink,
    /** False: only keys matter, so spellings that differ only in writing are skipped. */
    readonly written: boolean,
  ) {}

  add(kind: VariantKind, parts: readonly Part[], generic = false): void {
    for (const p of parts) {
      this.count = 0;
      this.put(p.ids);
      this.sink(this.index, kind, 'words', p.key, p.text, this.ids, this.count, generic);
    }
  }

  /** A name part on its own: not a single letter. */
  alone(kind: VariantKind, parts: readonly Part[]): void {
    for (const p of parts) {
      if (p.letters < MIN_ALONE_LENGTH) continue;
      this.count = 0;
      this.put(p.ids);
      this.sink(this.index, kind, 'words', p.key, p.text, this.ids, this.count, false);
    }
  }

  /** `pair(a, separator, b)`, added; while the scanner builds, one spelling each (the usual case) without a part. */
  pair(kind: VariantKind, a: readonly Part[], separator: string, b: readonly Part[]): void {
    if (interner && a.length === 1 && b.length === 1) {
      this.count = 0;
      this.put(a[0]!.ids);
      this.put(b[0]!.ids);
      if (this.count > 0) this.sink(this.index, kind, 'words', '', '', this.ids, this.count, false);
      return;
    }
    this.add(kind, pair(a, separator, b));
  }

  /**
   * While the scanner builds: words in a row whose keys are single words (one spelling each:
   * `phraseForms` of them would be one part), by their ids, without parts. False when a word's
   * key has several words (it has several spellings): nothing added.
   */
  phrase(kind: VariantKind, keys: readonly string[], generic: boolean): boolean {
    this.count = 0;
    for (const key of keys) {
      if (key === '') continue;
      if (key.includes(' ')) return false;
      this.push(interner!(key, 0, key.length));
    }
    if (this.count > 0) this.sink(this.index, kind, 'words', '', '', this.ids, this.count, generic);
    return true;
  }

  /** An address line: each slot's first spelling, but spelling `a` of slot `at` (-1: none). */
  line(slots: readonly (readonly Part[])[], count: number, at: number, a: number): void {
    if (!interner) {
      this.add('address', [line(slots, count, at, a)]);
      return;
    }
    this.count = 0;
    for (let i = 0; i < count; i++) this.put(slots[i]![i === at ? a : 0]!.ids);
    this.sink(this.index, 'address', 'words', '', '', this.ids, this.count, false);
  }

  /**
   * While the scanner builds: a run-together name of two pieces, each a part whose key has no
   * space (one word id); an empty one is left out.
   */
  joined(kind: VariantKind, a: Part, b: Part): void {
    this.count = 0;
    this.put(a.ids);
    this.put(b.ids);
    if (this.count > 0) this.sink(this.index, kind, 'joined', '', '', this.ids, this.count, false);
  }

  /** A run-together name of any number of pieces (none empty nor with a space), with its written text. */
  joinedRow(kind: VariantKind, pieces: readonly string[], text: string): void {
    this.count = 0;
    if (interner) {
      for (const piece of pieces) this.push(interner(piece, 0, piece.length));
      this.sink(this.index, kind, 'joined', '', '', this.ids, this.count, false);
    } else this.sink(this.index, kind, 'joined', pieces.join(''), text, this.ids, 0, false);
  }

  emit(kind: VariantKind, channel: 'words' | 'digits' | 'date', key: string, text: string): void {
    this.count = 0;
    if (channel === 'words' && interner) {
      // The key's words, interned in place: no substrings.
      for (let start = 0; ; ) {
        const space = key.indexOf(' ', start);
        this.push(interner(key, start, space < 0 ? key.length : space));
        if (space < 0) break;
        start = space + 1;
      }
    }
    this.sink(this.index, kind, channel, key, text, this.ids, this.count, false);
  }

  private put(ids: readonly number[]): void {
    for (let k = 0; k < ids.length; k++) this.push(ids[k]!);
  }

  private push(id: number): void {
    if (this.count === this.ids.length) {
      const bigger = new Int32Array(this.ids.length * 2);
      bigger.set(this.ids);
      this.ids = bigger;
    }
    this.ids[this.count++] = id;
  }
}

/** The spelling machinery lent to profile-variants.ts, over one Adder (one object per expansion, not per identity). */
class Tools implements ProfileTools {
  constructor(private readonly adder: Adder) {}

  fullName(kind: VariantKind, name: string): void {
    nameVariants(name, this.adder, kind, false);
  }

  address(address: string): void {
    addressVariants(address, this.adder);
  }

  phrase(kind: VariantKind, words: readonly string[], keys: readonly string[], generic: boolean): void {
    if (interner && this.adder.phrase(kind, keys, generic)) return;
    this.adder.add(kind, phraseForms(words), generic);
  }

  emit(kind: VariantKind, channel: 'words' | 'digits', key: string, text: string): void {
    this.adder.emit(kind, channel, key, text);
  }

  key(text: string): string {
    return normalizeKey(text);
  }

  isCommon(word: string): boolean {
    return isCommonWord(word);
  }
}

/**
 * The forms of a full name as `full` (a plaintiff's 'full-name', a relative's 'relative'), and,
 * with `parts`, its surname and given names alone. Without `parts` a one-word name gives nothing:
 * it would be a given name alone.
 */
function nameVariants(legalName: string, add: Adder, full: VariantKind = 'full-name', parts = true): void {
  const name = parseName(legalName);
  if (!name) return;
  const G = wordForms(name.given);
  const gi = initial(name.given);

  if (name.surname.length === 0) {
    // One word ("Cher"): that word is the full name.
    if (parts) add.add(full, G);
    return;
  }
  const S = name.surname.length > 1 ? phraseForms(name.surname, true) : wordForms(name.surname[0]!);
  const hasMiddles = name.middles.length > 0;
  const Ms = hasMiddles ? name.middles.map(wordForms) : NO_MIDDLES;
  const mis = hasMiddles ? name.middles.map((middle) => initial(middle).slice(0, 1)) : NO_MIDDLES;

  if (hasMiddles) add.add(full, combine([G, ...Ms, S], spaces(Ms.length + 1))); // Maria Elena Ramírez
  add.pair(full, G, ' ', S); // Maria Ramírez
  add.pair(full, S, ', ', G); // Ramírez, Maria
  if (add.written) add.pair(full, S, ' ', G); // RAMÍREZ MARIA (captions): the same key
  add.pair(full, gi, ' ', S); // M. Ramírez
  add.pair(full, S, ', ', gi); // Ramírez, M.
  if (hasMiddles) {
    add.add(full, combine([S, G, ...Ms], [', ', ...spaces(Ms.length)])); // Ramírez, Maria Elena
    add.add(full, combine([G, ...mis, S], spaces(Ms.length + 1))); // Maria E. Ramírez
    add.add(full, combine([gi, ...mis, S], spaces(Ms.length + 1))); // M. E. Ramírez
    add.add(full, combine([S, G, ...mis], [', ', ...spaces(Ms.length)])); // Ramírez, Maria E.
    // Given name with one middle name: "Maria Elena"; for Spanish and Portuguese names the
    // "middle" is often the first surname: "María Ramírez" of "María Ramírez Núñez".
    for (const M of Ms) {
      add.pair(full, G, ' ', M);
      add.pair(full, M, ', ', G);
    }
  }
  if (name.surnameCore.length < name.surname.length) {
    const Sc = phraseForms(name.surnameCore);
    add.pair(full, G, ' ', Sc); // María Cruz
    add.pair(full, Sc, ', ', G); // Cruz, María
    add.pair(full, gi, ' ', Sc); // M. Cruz
    if (parts) add.alone('surname', Sc);
  }
  if (parts) {
    add.alone('surname', S);
    for (const piece of components(name.surname)) add.alone('surname', phraseForms([piece]));
    add.alone('given-name', G);
    for (const piece of components([name.given])) add.alone('given-name', phraseForms([piece]));
    for (const M of Ms) add.alone('given-name', M);
  }
  nameJoinedVariants(full, name, G, S, add);
}

const NO_MIDDLES: readonly (readonly Part[])[] = [];

/**
 * The joined forms of a parsed name (see joinedVariants): given+family and family+given, with
 * the middle names, and with the surname's core.
 */
function nameJoinedVariants(kind: VariantKind, name: ParsedName, G: readonly Part[], S: readonly Part[], add: Adder): void {
  const surname = name.surname.length === 1 ? name.surname[0]! : name.surname.join(' ');
  const core = name.surnameCore.length === 1 ? name.surnameCore[0]! : name.surnameCore.join(' ');
  if (!interner || name.middles.length > 0) {
    joinedVariants(
      kind,
      [
        [name.given, ...name.middles, surname],
        [surname, name.given, ...name.middles],
        [name.given, surname],
        [surname, name.given],
        ...(core !== surname ? [[name.given, core], [core, name.given]] : []),
      ],
      add,
    );
    return;
  }
  // While the scanner builds, without middle names (most names): the same keys in the same
  // order, each piece the run form of its word (already interned), no array per order.
  const given = runPart(G);
  const family = name.surname.length === 1 ? runPart(S) : part('', normalizeKey(surname).replaceAll(' ', ''));
  add.joined(kind, given, family);
  if (family.key !== given.key) add.joined(kind, family, given);
  if (core === surname) return;
  const coreKey = core.includes(' ') ? part('', normalizeKey(core).replaceAll(' ', '')) : runPart(wordForms(core));
  if (coreKey.key === family.key) return;
  add.joined(kind, given, coreKey);
  if (coreKey.key !== given.key) add.joined(kind, coreKey, given);
}

/** A word's folded letters without spaces ("O'Brien" -> "obrien"), from its forms: its joined piece. */
function runPart(forms: readonly Part[]): Part {
  if (forms.length === 0) return EMPTY;
  // wordForms: the key as folded, then (when it has spaces) the key without them.
  return forms[0]!.key.includes(' ') ? forms[1]! : forms[0]!;
}

/** Written pieces of a name part without its punctuation: "O'Brien-Núñez" -> "OBrienNúñez". */
function runTogether(words: readonly string[]): string {
  return words.join('').replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

/**
 * The joined forms of a name of two or more parts (issue 11, leak 2): given+family and
 * family+given, with the middle names where there are any: "MartaKowalczyk", "KowalczykMarta",
 * "MartaAnnaKowalczyk", "KowalczykMartaAnna". A key is a row of pieces, each a part's folded
 * letters without spaces (joined.ts looks for the rows); its text is the pieces run together.
 */
function joinedVariants(kind: VariantKind, orders: readonly (readonly string[])[], add: Adder): void {
  // The same few pieces make every order: each is folded once.
  const pieces: string[] = [];
  const pieceKeys: string[] = [];
  const seen: string[] = []; // at most six
  for (const order of orders) {
    if (order.length < 2) continue;
    const row: string[] = [];
    for (const piece of order) {
      let p = pieces.indexOf(piece);
      if (p < 0) {
        p = pieces.push(piece) - 1;
        pieceKeys.push(normalizeKey(piece).replaceAll(' ', ''));
      }
      if (pieceKeys[p] !== '') row.push(pieceKeys[p]!);
    }
    const key = row.join(' ');
    if (key === '' || seen.includes(key)) continue;
    seen.push(key);
    add.joinedRow(kind, row, interner ? '' : runTogether(order));
  }
}

function aliasVariants(alias: string, add: Adder): void {
  const words = alias.normalize('NFC').trim().split(/\s+/).filter((word) => normalizeKey(word) !== '');
  if (words.length === 0) return;
  add.add('alias', phraseForms(words));
  if (words.length >= 2) {
    const first = phraseForms([words[0]!]);
    const rest = phraseForms(words.slice(1));
    add.pair('alias', rest, ', ', first); // "Lopez, Lena"
    add.pair('alias', initial(words[0]!), ' ', rest); // "L. Lopez"
    joinedVariants('alias', [words, [...words.slice(1), words[0]!]], add); // "LenaLopez", "LopezLena"
  }
}

/** The digits of a phone number that identify it: the last 10 (NANP), or all of 7 to 9. */
export function phoneKey(phone: string): string | undefined {
  const withoutExtension = phone.replace(/\s*(?:x|ext\.?|extension)\s*\d+\s*$/i, '');
  const digits = withoutExtension.replace(/\D/g, '');
  if (digits.length < 7) return undefined;
  return digits.length > 10 ? digits.slice(-10) : digits;
}

const STREET_WORDS: readonly (readonly string[])[] = [
  ['street', 'st'],
  ['avenue', 'ave', 'av'],
  ['road', 'rd'],
  ['boulevard', 'blvd'],
  ['drive', 'dr'],
  ['lane', 'ln'],
  ['court', 'ct'],
  ['place', 'pl'],
  ['terrace', 'ter', 'terr'],
  ['highway', 'hwy'],
  ['parkway', 'pkwy'],
  ['square', 'sq'],
  ['circle', 'cir'],
  ['trail', 'trl'],
  ['crossing', 'xing'],
  ['expressway', 'expy'],
  ['freeway', 'fwy'],
  ['heights', 'hts'],
  ['junction', 'jct'],
  ['mount', 'mt'],
  ['fort', 'ft'],
  ['point', 'pt'],
  ['station', 'sta'],
  ['north', 'n'],
  ['south', 's'],
  ['east', 'e'],
  ['west', 'w'],
  ['northeast', 'ne'],
  ['northwest', 'nw'],
  ['southeast', 'se'],
  ['southwest', 'sw'],
  ['apartment', 'apt'],
  ['suite', 'ste'],
  ['number', 'no'],
];
const STREET_ALTERNATIVES = new Map<string, readonly string[]>();
for (const group of STREET_WORDS) for (const word of group) STREET_ALTERNATIVES.set(word, group);

/** Words after which the street line goes on with a unit ("Apt 5", "Suite 200", "#12"). */
const UNIT_WORDS = new Set(['apt', 'apartment', 'suite', 'ste', 'unit', 'room', 'rm', 'floor', 'fl', 'bldg', 'building']);

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A street word and its abbreviations ("Street" -> "St."). */
function streetWord(word: string): Part[] {
  const key = normalizeKey(word);
  if (key === '') return [];
  const parts: Part[] = [part(word, key)];
  const first = word.charCodeAt(0);
  const group = first >= 0x30 && first <= 0x39 ? undefined : STREET_ALTERNATIVES.get(key); // a house number: no abbreviation
  if (group === undefined) return parts;
  for (const alternative of group) {
    if (alternative === key) continue;
    // While the scanner builds, only keys matter: no written forms.
    const written = interner ? '' : capitalize(alternative);
    parts.push(part(interner || alternative.length > 4 ? written : `${written}.`, alternative));
  }
  return parts;
}

/** "1234 Elm Street, Springfield" -> "1234 Elm Street", "1234 Elm St.", "1234 Elm St". */
function addressVariants(address: string, add: Adder): void {
  let firstLine = address;
  if (/[\r\n]/.test(address)) firstLine = address.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const comma = firstLine.indexOf(',');
  const street = (comma >= 0 ? firstLine.slice(0, comma) : firstLine).trim();
  const words = street.split(/\s+/);
  const slots = new Array<Part[]>(words.length);
  let count = 0;
  for (const word of words) {
    const slot = streetWord(word);
    if (slot.length > 0) slots[count++] = slot;
  }
  slots.length = count;
  // The street line, and without its unit ("1234 Elm Street Apt 5" -> "1234 Elm Street").
  const unitAt = slots.findIndex((slot, i) => i > 1 && (UNIT_WORDS.has(slot[0]!.key) || slot[0]!.text.startsWith('#')));
  addressLine(slots, slots.length, add);
  if (unitAt > 1) addressLine(slots, unitAt, add);
}

/** The line of the first `count` slots. */
function addressLine(slots: readonly Part[][], count: number, add: Adder): void {
  if (count < 2) return;
  add.line(slots, count, -1, 0);
  // Vary one word at a time (all combinations would multiply past any use).
  for (let i = 0; i < count; i++) {
    for (let a = 1; a < slots[i]!.length; a++) add.line(slots, count, i, a);
  }
}

/** The written line of the first `count` slots: each one's first spelling, spelling `a` of slot `at`. */
function line(slots: readonly (readonly Part[])[], count: number, at: number, a: number): Part {
  const words = slots.slice(0, count).map((slot, i) => slot[i === at ? a : 0]!);
  return { text: words.map((w) => w.text).join(' '), key: words.map((w) => w.key).join(' '), ids: NO_IDS, letters: 0 };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A few written forms of a date of birth (the recogniser in dates.ts reads many more). */
function dateForms(iso: string): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return [];
  const [, y, mm, dd] = match;
  const m = Number(mm);
  const d = Number(dd);
  const month = MONTHS[m - 1];
  if (!month) return [];
  const abbreviation = month.length > 4 ? `${month.slice(0, 3)}.` : month;
  return [iso, `${m}/${d}/${y}`, `${mm}/${dd}/${y}`, `${month} ${d}, ${y}`, `${abbreviation} ${d}, ${y}`, `${d} ${month} ${y}`];
}

/**
 * Receives each variant. While the scanner builds, `key` and `text` of a combined name part
 * are empty and `ids[0 .. idCount)` holds its words' vocabulary ids (of a joined name: its
 * pieces', each a word of the vocabulary); otherwise `idCount` is 0. `ids` is a reused array:
 * read it during the call, do not keep it.
 */
export type VariantSink = (
  index: number,
  kind: VariantKind,
  channel: VariantChannel,
  key: string,
  text: string,
  ids: Int32Array,
  idCount: number,
  generic: boolean,
) => void;

function expand(identity: ScanIdentity, add: Adder, dates: boolean, tools: Tools): void {
  nameVariants(identity.legalName, add);
  for (const alias of identity.aliases) aliasVariants(alias, add);
  if (identity.email) {
    const key = normalizeKey(identity.email);
    if (key !== '') add.emit('email', 'words', key, identity.email);
  }
  if (identity.phone) {
    const key = phoneKey(identity.phone);
    if (key) add.emit('phone', 'digits', key, identity.phone);
  }
  for (const id of identity.idNumbers) {
    const key = normalizeKey(id);
    const compact = key.replaceAll(' ', '');
    if (compact.length < MIN_ID_LENGTH) continue;
    if (/\d/.test(compact)) add.emit('id-number', 'digits', compact, id);
    else {
      // Letters only: matched as words, spaced or joined.
      add.emit('id-number', 'words', key, id);
      if (key !== compact) add.emit('id-number', 'words', compact, compact.toUpperCase());
    }
  }
  if (identity.dob) {
    if (dates) for (const text of dateForms(identity.dob)) add.emit('date-of-birth', 'date', identity.dob, text);
    else if (/^\d{4}-\d{2}-\d{2}$/.test(identity.dob)) add.emit('date-of-birth', 'date', identity.dob, identity.dob);
  }
  if (identity.address) addressVariants(identity.address, add);
  profileVariants(identity, tools);
}

/**
 * Every variant of every identity, identity by identity in order, to `sink` with the
 * identity's index (the scanner's build). A date of birth is given once, as its ISO key.
 */
export function forEachVariant(identities: readonly ScanIdentity[], sink: VariantSink, intern: Interner): void {
  const add = new Adder(sink, false);
  const tools = new Tools(add);
  interner = intern;
  try {
    for (let i = 0; i < identities.length; i++) {
      add.index = i;
      expand(identities[i]!, add, false, tools);
    }
  } finally {
    interner = undefined;
  }
}

/** Every variant of one identity, in a stable order; the same key may appear more than once. */
export function identityVariants(identity: ScanIdentity): Variant[] {
  const variants: Variant[] = [];
  const add = new Adder((_i, kind, channel, key, text, _ids, _count, generic) => variants.push({ kind, text, key, channel, ...(generic ? { generic } : {}) }), true);
  expand(identity, add, true, new Tools(add));
  return variants;
}
