import { lettersFor } from '../cases/pseudonyms';

/**
 * The plaintiffs' line of a caption written from the roster's pseudonyms (issue 12): "JANE DOES
 * 1 through 70 and JOHN DOES 71 through 140". A court reads the ranges as the list of parties,
 * so they must cover exactly the roster: a gap prints as its own range, never bridged.
 */

/** A run of consecutive numbers, both ends included. */
export interface NumberRange {
  first: number;
  last: number;
}

/** The runs of consecutive integers in `numbers`, ascending, duplicates ignored. */
export function numberRanges(numbers: Iterable<number>): NumberRange[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const ranges: NumberRange[] = [];
  for (const n of sorted) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && n === last.last + 1) last.last = n;
    else ranges.push({ first: n, last: n });
  }
  return ranges;
}

/** "1 through 5, 7, 9 through 70": two consecutive numbers print as "7, 8", not as a range. */
export function formatRanges(ranges: readonly NumberRange[], write: (n: number) => string = String): string {
  return ranges
    .flatMap((range) => {
      if (range.first === range.last) return [write(range.first)];
      if (range.last === range.first + 1) return [write(range.first), write(range.last)];
      return [`${write(range.first)} through ${write(range.last)}`];
    })
    .join(', ');
}

interface Group {
  /** The pseudonym's words before its number or letters: "Jane Doe", "Plaintiff". */
  stem: string;
  numbering: 'digits' | 'letters';
  numbers: number[];
}

/**
 * The plaintiffs as a caption names them, in capitals: each scheme's stem with its ranges
 * ("JANE DOES 1 through 5, 7 through 70"), singular for one ("JANE DOE 1"), groups in the order
 * of their lowest number, so a roster numbered across Jane and John Does reads in sequence.
 * Pseudonyms without a number (the initials scheme: "J.D.") are listed one by one after them.
 * The "Plaintiffs," line under it is the caller's.
 */
export function rosterCaption(pseudonyms: Iterable<string>): string {
  const groups = new Map<string, Group>();
  const single: string[] = [];
  for (const raw of pseudonyms) {
    const pseudonym = raw.trim().replace(/\s+/g, ' ');
    const parsed = parsePseudonym(pseudonym);
    if (parsed === undefined) {
      if (pseudonym !== '' && !single.includes(pseudonym)) single.push(pseudonym);
      continue;
    }
    const key = `${parsed.numbering}:${parsed.stem.toLowerCase()}`;
    const group = groups.get(key) ?? { stem: parsed.stem, numbering: parsed.numbering, numbers: [] };
    group.numbers.push(parsed.number);
    groups.set(key, group);
  }
  // Stable sort: groups with the same lowest number (separate Jane and John sequences) keep roster order.
  const lowest = (group: Group) => group.numbers.reduce((min, n) => Math.min(min, n), Infinity);
  const ordered = [...groups.values()].sort((a, b) => lowest(a) - lowest(b));
  const parts = [...ordered.map(groupCaption), ...single.map(upper)];
  if (parts.length <= 2) return parts.join(' and ');
  return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]!}`;
}

function groupCaption(group: Group): string {
  const ranges = numberRanges(group.numbers);
  const write = group.numbering === 'letters' ? lettersFor : String;
  const one = ranges.length === 1 && ranges[0]!.first === ranges[0]!.last;
  const stem = upper(one ? group.stem : pluralStem(group.stem));
  return `${stem} ${formatRanges(ranges, write)}`;
}

function parsePseudonym(pseudonym: string): { stem: string; numbering: Group['numbering']; number: number } | undefined {
  const digits = /^(\p{L}[\p{L}\p{M} .'’-]*?)\s+(\d{1,9})$/u.exec(pseudonym);
  // The initials scheme's "J.D. 2" is the second J.D., not one of a numbered series.
  if (digits !== null && /^(\p{Lu}\.)+$/u.test(digits[1]!)) return undefined;
  if (digits !== null) return { stem: digits[1]!, numbering: 'digits', number: Number(digits[2]) };
  // The letters scheme ("Plaintiff A", "Plaintiff AB"): upper-case letters only, so "Jane Doe" is no pseudonym of it.
  const letters = /^(\p{L}[\p{L}\p{M} .'’-]*?)\s+([A-Z]{1,4})$/u.exec(pseudonym);
  if (letters !== null && letters[1] !== letters[1]!.toUpperCase()) {
    return { stem: letters[1]!, numbering: 'letters', number: numberOfLetters(letters[2]!) };
  }
  return undefined;
}

/** "Jane Doe" -> "Jane Does", "Plaintiff" -> "Plaintiffs", "Officer Roe" -> "Officer Roes". */
function pluralStem(stem: string): string {
  const last = /(\p{L}+)$/u.exec(stem);
  if (last === null) return stem;
  const word = last[1]!;
  const plural = /(s|x|z|ch|sh)$/i.test(word) ? `${word}es` : /[^aeiou]y$/i.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
  return stem.slice(0, stem.length - word.length) + plural;
}

function upper(text: string): string {
  return text.toLocaleUpperCase('en-US');
}

/** Bijective base 26, as cases/pseudonyms.ts writes it: A = 1, Z = 26, AA = 27. */
function numberOfLetters(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}
