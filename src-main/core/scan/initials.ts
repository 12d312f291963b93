/**
 * Initials (issue 11, leak 5): "M.R.", "M. R.", "M.R", "M R.", "M.A.R." and "MR" in capitals
 * stand for Maria Ramírez to anyone who knows the case. They are questions, never silent, and
 * never automatic: two capitals are as often an abbreviation or someone else's initials.
 *
 * To keep users from drowning in questions, how much context a form needs grows with how
 * ordinary it is:
 * - dotted initials ("M.R.", "M. A. R.") that are a plaintiff's: always asked about (people
 *   rarely write dotted capitals for anything but a name or an abbreviation);
 * - bare capitals ("MR") that are a plaintiff's: only next to a name-like context: a title or
 *   role before them ("Officer MR", "Plaintiff MR", "Det. MR"), parentheses or quotes around
 *   them ("Jane Doe 1 (MR)"), or a capitalised word beside them that is not an ordinary word
 *   ("MR Kowalski", "Sgt Ortega MR");
 * - common abbreviations (ABBREVIATIONS, and bare capitals that spell an ordinary word such as
 *   "AM", "TO", "OR"): only after a title or role, or in parentheses or quotes ("U.S." in
 *   "the U.S. Attorney" is the country even when a plaintiff is Umar Sayed; "Officer U.S." is not).
 *
 * Matching works on the scanner's word stream: a run of one-letter capital words joined by
 * periods (and single spaces), or one word of two to four capitals.
 */
import { isCommonWord } from './common-words';
import { DASH_CLASS } from './dashes';
import { parseName } from './names';
import { originalEnd, SPACE, type TextMap } from './text-map';
import type { ScanIdentity } from './types';
import type { WordStream } from './words';

/** Most letters in initials ("M.A.R.", "M.E.R.G."): longer runs are acronyms or lists. */
export const MAX_INITIALS = 4;

/**
 * Abbreviations a filing uses every day, as their letters: never anyone's initials unless a
 * title, a role or parentheses say so. Why each group is here:
 * - places and courts: U.S., U.S.A., U.K., E.U., U.N., L.A., N.Y., D.C., N.D./S.D./E.D./W.D./C.D./M.D.
 *   (the districts of federal courts), S.F.;
 * - time and dates: A.M., P.M., A.D., B.C.;
 * - law and citation: U.S.C., C.F.R., F.R.C.P., F.R.E., P.C. (penal code), J.D., L.L.C., L.L.P.,
 *   I.D., D.A., A.G., P.O. (box, officer), R.N., M.D., PH.D. letters, N.B., P.S., ET AL letters;
 * - agencies and terms that look like initials in capitals: FBI, CIA, DOJ, DHS, ICE, IRS, DMV,
 *   LAPD, NYPD, SWAT, CEO, HR, IT, PR, ER, ICU, DUI, DNA, GPS, ATM, PIN, SSN, DOB, TV, OK, ID, AKA.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'us usa uk eu un la ny dc nd sd ed wd cd md sf am pm ad bc usc cfr frcp fre pc jd llc llp id da ag po rn phd nb ps ' +
    'ii iii iv etal ' +
    'fbi cia doj dhs ice irs dmv lapd nypd swat ceo hr it pr er icu dui dna gps atm pin ssn dob tv ok aka'
  ).split(' '),
);

/**
 * Titles written in capitals without periods ("MR. SMITH", "DR JONES", "NO. 5"): ordinary as bare
 * capitals only; dotted "M.R." is not how anyone writes "Mr".
 */
export const BARE_ABBREVIATIONS: ReadonlySet<string> = new Set('mr mrs ms dr jr sr st no vs'.split(' '));

/**
 * Words before initials that say a person follows: titles, ranks and roles (compared folded,
 * without their period: "Det." is "det").
 */
export const PERSON_WORDS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss mx dr prof officer ofc det detective sgt sergeant lt lieutenant capt captain cpl corporal ' +
    'deputy dep agent trooper inspector insp sheriff chief cmdr commander patrolman patrolwoman investigator ' +
    'plaintiff plaintiffs defendant defendants witness victim minor student employee patient inmate declarant ' +
    'petitioner respondent claimant complainant decedent juror nurse teacher coach pastor father mother'
  ).split(' '),
);

/**
 * The initials of an identity as folded letters ("mr", "mer"): given name and surname, with
 * the middle names, with the surname's core and with each piece of a hyphenated surname
 * ("Seán O'Brien-Whitfield": "so", "sow"); the same for aliases of two words or more.
 */
export function identityInitials(identity: Pick<ScanIdentity, 'legalName' | 'aliases'>): string[] {
  // Arrays, not sets: a name has a handful of initials (the scanner's build asks 10,000 names).
  const out: string[] = [];
  const add = (key: string): void => {
    if (key.length >= 2 && key.length <= MAX_INITIALS && LETTERS.test(key) && !out.includes(key)) out.push(key);
  };
  const name = parseName(identity.legalName);
  if (name && name.surname.length > 0) {
    const g = firstLetter(name.given);
    let middles = '';
    for (const middle of name.middles) middles += firstLetter(middle);
    const surnames = [firstLetter(name.surname[0]!)];
    const coreLetter = firstLetter(name.surnameCore[0]!);
    if (coreLetter !== surnames[0]) surnames.push(coreLetter);
    const core = name.surnameCore.length === 1 ? name.surnameCore[0]! : name.surnameCore.join(' ');
    if (DASH_OR_SPACE.test(core)) {
      const pieces = core.split(DASH_OR_SPACE).filter((p) => firstLetter(p) !== '');
      if (pieces.length > 1) {
        const letters = pieces.map(firstLetter).join('');
        if (!surnames.includes(letters)) surnames.push(letters);
      }
    }
    for (const s of surnames) {
      if (s === '') continue;
      add(g + s);
      if (middles !== '') add(g + middles + s);
    }
  }
  for (const alias of identity.aliases) {
    const words = alias.trim().split(/\s+/).map(firstLetter).filter((l) => l !== '');
    if (words.length >= 2) add(words.join(''));
  }
  return out;
}

/** The folded first letter of a word ("Łukasz" -> "l", "Ólafur" -> "o"); '' when it has none. */
function firstLetter(word: string): string {
  // Fast path: an ASCII letter first (most names; the scanner builds 10,000 identities at once).
  const c = word.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return word[0]!;
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 0x20);
  const first = [...word.normalize('NFKD')].find((c) => /\p{L}/u.test(c));
  if (first === undefined) return '';
  const folded = first.toLowerCase();
  return FOLD[folded] ?? folded;
}

const LETTERS = /^[a-z]+$/;
const DASH_OR_SPACE = new RegExp(`[\\s${DASH_CLASS}]+`, 'u');

const FOLD: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 't', æ: 'a', œ: 'o', ß: 's', ħ: 'h', ı: 'i', ŧ: 't' };

/** One place that reads as initials. */
export interface InitialsMatch {
  /** Offsets in the original text: the letters and the periods between them, not a final period. */
  start: number;
  end: number;
  /** The folded letters: "mr". */
  letters: string;
}

/**
 * Every place in `map` (with its word stream) where initials listed in `known` are written so
 * that they read as initials (see the file comment).
 */
export function findInitials(map: TextMap, stream: WordStream, known: (letters: string) => boolean): InitialsMatch[] {
  const { source, codes } = map;
  const found: InitialsMatch[] = [];
  const startOf = (w: number) => map.starts[stream.starts[w]!]!;
  const endOf = (w: number) => originalEnd(map, stream.ends[w]! - 1);
  const isCapitalLetter = (w: number): boolean => {
    const c = source.codePointAt(startOf(w))!;
    const ch = String.fromCodePoint(c);
    return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
  };
  const isSingleLetter = (w: number) => stream.ends[w]! - stream.starts[w]! === 1 && !isDigit(codes[stream.starts[w]!]!);

  for (let w = 0; w < stream.count; w++) {
    // Fast path (most words): initials begin with a capital, never a small letter or a digit.
    const first = source.charCodeAt(startOf(w));
    if ((first >= 0x61 && first <= 0x7a) || (first >= 0x30 && first <= 0x39)) continue;
    let last = w;
    let dotted = false;
    let letters = '';
    if (isSingleLetter(w) && isCapitalLetter(w)) {
      // A run of capital letters joined by "." or ". " (or "M R." with one space).
      letters = String.fromCharCode(codes[stream.starts[w]!]!);
      let allDots = true;
      while (last + 1 < stream.count && isSingleLetter(last + 1) && isCapitalLetter(last + 1)) {
        const gap = source.slice(endOf(last), startOf(last + 1));
        if (!/^\.?[ \u00a0]?$/.test(gap) || gap === '') break;
        if (!gap.includes('.')) allDots = false;
        letters += String.fromCharCode(codes[stream.starts[last + 1]!]!);
        last++;
      }
      if (last === w) continue;
      const after = source[endOf(last)];
      // "M R" without any period is two letters in a row, not written initials.
      dotted = allDots || (letters.length === 2 && after === '.');
      if (!allDots && !dotted) {
        w = last;
        continue;
      }
      // Part of something longer ("e.g.M.R", "A.B.C.D.E.") or glued to a preceding word.
      const before = startOf(w) > 0 ? source[startOf(w) - 1]! : '';
      if (before === '.' || /[\p{L}\p{N}]/u.test(before) || letters.length > MAX_INITIALS) {
        w = last;
        continue;
      }
    } else {
      const length = stream.ends[w]! - stream.starts[w]!;
      if (length < 2 || length > MAX_INITIALS) continue;
      const text = source.slice(startOf(w), endOf(w));
      if (!/^\p{Lu}+$/u.test(text)) continue;
      letters = String.fromCharCode(...codes.subarray(stream.starts[w]!, stream.ends[w]!));
    }
    if (!/^[a-z]+$/.test(letters) || !known(letters)) {
      w = last;
      continue;
    }
    const start = startOf(w);
    const end = endOf(last);
    const ordinary = ABBREVIATIONS.has(letters) || (!dotted && (BARE_ABBREVIATIONS.has(letters) || isCommonWord(letters)));
    const strong = personWordBefore(map, stream, w) || enclosed(source, start, end);
    const ok = ordinary ? strong : dotted || strong || nameLikeBeside(map, stream, w, last);
    if (ok) found.push({ start, end, letters });
    w = last;
  }
  return found;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A title or role right before word `w` ("Officer M.R.", "Det. MR", "Plaintiff (M.R.)"). */
function personWordBefore(map: TextMap, stream: WordStream, w: number): boolean {
  if (w === 0) return false;
  const previous = w - 1;
  const key = String.fromCharCode(...map.codes.subarray(stream.starts[previous]!, stream.ends[previous]!));
  if (!PERSON_WORDS.has(key)) return false;
  const gap = map.source.slice(originalEnd(map, stream.ends[previous]! - 1), map.starts[stream.starts[w]!]!);
  return /^[.'’]?[ \t\u00a0]*[("“'‘[]?$/u.test(gap) && gap !== '';
}

/** "(M.R.)", "[MR]", "“MR”": initials standing alone as a label. */
function enclosed(source: string, start: number, end: number): boolean {
  const before = source[start - 1];
  let at = end;
  if (source[at] === '.') at++;
  const after = source[at];
  return (before === '(' && after === ')') || (before === '[' && after === ']') || ((before === '“' || before === '"') && (after === '”' || after === '"'));
}

/** A capitalised word beside the initials that is not an ordinary word ("MR Kowalski", "Ortega MR"). */
function nameLikeBeside(map: TextMap, stream: WordStream, first: number, last: number): boolean {
  const { source } = map;
  const nameLike = (w: number): boolean => {
    if (w < 0 || w >= stream.count) return false;
    const length = stream.ends[w]! - stream.starts[w]!;
    if (length < 2) return false;
    const start = map.starts[stream.starts[w]!]!;
    const text = source.slice(start, originalEnd(map, stream.ends[w]! - 1));
    if (!/^\p{Lu}\p{Ll}/u.test(text)) return false; // Title case: an all-capitals line says nothing
    const key = String.fromCharCode(...map.codes.subarray(stream.starts[w]!, stream.ends[w]!));
    return !key.includes(String.fromCharCode(SPACE)) && !isCommonWord(key);
  };
  const gapBefore = first > 0 ? source.slice(originalEnd(map, stream.ends[first - 1]! - 1), map.starts[stream.starts[first]!]!) : '';
  const gapAfter = last + 1 < stream.count ? source.slice(originalEnd(map, stream.ends[last]! - 1), map.starts[stream.starts[last + 1]!]!) : '';
  return (/^[ \t\u00a0]+$/.test(gapBefore) && nameLike(first - 1)) || (/^\.?[ \t\u00a0]+$/.test(gapAfter) && nameLike(last + 1));
}
