import { faker } from '@faker-js/faker/locale/en';
import confusables from 'unhomoglyph/data.json';
import unhomoglyph from 'unhomoglyph';

/**
 * The disguises an attacker or a careless draft gives a name, generated (faker's seeded PRNG)
 * rather than listed: each vector of the red team draws fresh names and fresh forms.
 */

/** A synthetic person: given name and surname of letters only, distinct. */
export interface Person {
  given: string;
  surname: string;
}

export function person(): Person {
  for (;;) {
    const given = faker.person.firstName();
    const surname = faker.person.lastName();
    if (/^[A-Z][a-z]{2,}$/.test(given) && /^[A-Z][a-z]{3,}$/.test(surname) && given !== surname) return { given, surname };
  }
}

export const fullName = (p: Person) => `${p.given} ${p.surname}`;

/** Lower-case Latin letters' look-alikes in Cyrillic and Greek, from the UTS #39 data (the fonts draw both). */
const LOOK_ALIKES = new Map<string, string[]>();
for (const [from, to] of Object.entries(confusables as Record<string, string>)) {
  if (!/^[a-z]$/.test(to) || !/^[\p{Script=Cyrillic}\p{Script=Greek}]$/u.test(from)) continue;
  if (from !== from.toLowerCase() || from === from.toUpperCase()) continue;
  LOOK_ALIKES.set(to, [...(LOOK_ALIKES.get(to) ?? []), from]);
}

/** Some letters (at least one) swapped for look-alikes from another script. */
export function lookAlike(word: string): string {
  const letters = [...word];
  const swappable = letters.map((c, i) => (LOOK_ALIKES.has(c) ? i : -1)).filter((i) => i >= 0);
  if (swappable.length === 0) return word;
  const chosen = new Set(faker.helpers.arrayElements(swappable, { min: 1, max: swappable.length }));
  return letters.map((c, i) => (chosen.has(i) ? faker.helpers.arrayElement(LOOK_ALIKES.get(c)!) : c)).join('');
}

/** Fullwidth (U+FF21…) or mathematical bold (U+1D400…) letters: text extraction gives them back as such. */
export function styled(word: string): string {
  const bold = faker.datatype.boolean();
  return [...word]
    .map((c) => {
      const lower = c >= 'a';
      if (bold) return String.fromCodePoint((lower ? 0x1d41a : 0x1d400) + c.toLowerCase().charCodeAt(0) - 0x61);
      return String.fromCodePoint((lower ? 0xff41 : 0xff21) + c.toLowerCase().charCodeAt(0) - 0x61);
    })
    .join('');
}

/** Run-together forms: joined, camel case, dotted, surname first, a handle, inside a URL. */
export function runTogether(p: Person): string {
  const g = p.given;
  const s = p.surname;
  return faker.helpers.arrayElement([
    `${g}${s}`,
    `${g.toLowerCase()}.${s.toLowerCase()}`,
    `${s.toUpperCase()}${g}`,
    `@${g.toLowerCase()}${s.toLowerCase()}`,
    `https://social.example/${g.toLowerCase()}${s.toLowerCase()}/posts`,
    `${g.toLowerCase()}_${s.toLowerCase()}`,
  ]);
}

/** Initials as drafts write them, next to a name-like context. */
export function initials(p: Person): string {
  const g = p.given[0]!;
  const s = p.surname[0]!;
  return faker.helpers.arrayElement([`Officer ${g}.${s}.`, `plaintiff ${g}. ${s}.`, `Officer ${g}${s} stated`, `${g}.${s}. was assigned`]);
}

/** A family named by its plural, possessive or not, in any case: "the Quillfeathers' house". */
export function pluralSurname(p: Person): string {
  const plural = p.surname + (/(?:s|x|z|ch|sh)$/.test(p.surname) ? 'es' : 's');
  return faker.helpers.arrayElement([`the ${plural}' house`, `the ${plural}’ car`, `both ${plural}`, `the ${plural}`, `${plural.toUpperCase()}'`]);
}

/** A sentence of neutral complaint text around a leaked form. */
export function inSentence(form: string): string {
  return faker.helpers.arrayElement([
    `On the night in question, ${form} was on duty at the station.`,
    `The posts published the home address of ${form} and a photograph.`,
    `Defendants knew that ${form} worked undercover.`,
    `Records later identified ${form} as a member of the unit.`,
  ]);
}

/** A short complaint draft with one leaked form in its body. */
export function draft(form: string): string {
  return [
    '# COMPLAINT FOR DAMAGES',
    '',
    'Plaintiffs bring this action under pseudonyms to protect their safety.',
    '',
    inSentence(form),
    '',
    'Plaintiffs demand a jury trial.',
    '',
  ].join('\n');
}

/**
 * Whether a published text names the person in any form: both texts folded the way a reader's
 * eye folds them (NFKC, the UTS #39 skeleton, case, no separators), so "Mаrta", "ＭＡＲＴＡ" and
 * "marta.kowalczyk" all count. The red team's own reader: it shares no code with DoeVault's.
 */
export function namesIn(text: string, who: Person): boolean {
  const fold = (s: string) => unhomoglyph(s.normalize('NFKC')).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
  const folded = fold(text);
  return folded.includes(fold(who.surname)) || folded.includes(fold(who.given) + fold(who.surname));
}

export function seed(value: number): void {
  faker.seed(value);
}

export { faker };
