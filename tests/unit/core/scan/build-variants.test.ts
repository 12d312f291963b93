import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScanIdentity } from '../../../../src-main/core/scan';
import { forEachVariant, identityVariants } from '../../../../src-main/core/scan/variants';
import { Vocabulary } from '../../../../src-main/core/scan/vocabulary';

/**
 * The scanner's build makes its keys without their written forms (word ids, no strings per
 * variant: variants.ts), while `identityVariants` lists every variant as written. A key the
 * build leaves out is a variant listed (and shown to the user) that is never looked for; so
 * every listed key must be built, kind by kind. (The build may hold more: a phrase of many
 * hyphenated words has more spellings than MAX_FORMS, and the written ones, of which a
 * hyphenated word has one more, use up the budget sooner.)
 */

/** Every (kind, channel, key) of the build, its word ids read back as words and a joined key's piece ids as its letters. */
function builtKeys(identity: ScanIdentity): string[] {
  const vocabulary = new Vocabulary();
  const keys = new Set<string>();
  forEachVariant(
    [identity],
    (_index, kind, channel, key, _text, ids, count) => {
      const words = (separator: string) => Array.from(ids.subarray(0, count), (id) => vocabulary.word(id)).join(separator);
      const built = channel === 'words' ? words(' ') : channel === 'joined' ? words('') : key;
      keys.add(`${kind}|${channel}|${built}`);
    },
    (text, start, end) => vocabulary.intern(text, start, end),
  );
  return [...keys].sort();
}

function listedKeys(identity: ScanIdentity): string[] {
  return [...new Set(identityVariants(identity).map((v) => `${v.kind}|${v.channel}|${v.key}`))].sort();
}

function missing(identity: ScanIdentity): string[] {
  const built = new Set(builtKeys(identity));
  return listedKeys(identity).filter((key) => !built.has(key));
}

const person = (legalName: string, extra: Partial<ScanIdentity> = {}): ScanIdentity => ({
  plaintiffId: 'p1',
  caseId: 'c1',
  pseudonym: 'Jane Doe 1',
  legalName,
  aliases: [],
  idNumbers: [],
  ...extra,
});

const EDGE_CASES: ScanIdentity[] = [
  person('Maria Elena Ramírez', {
    aliases: ['Lena', 'La Flaca Ramírez'],
    dob: '1984-03-07',
    email: 'maria.ramirez@example.org',
    phone: '(555) 010-0199 ext. 12',
    address: '1234 Elm Street Apt 5, Springfield',
    idNumbers: ['B-447192', 'ABCD', 'X Y Z W', '12'],
  }),
  person('María José de la Cruz y Núñez', {
    family: [
      { name: "Jean-Luc O'Brien-Núñez", relation: 'son' },
      { name: 'Cruz, Ana Sofía', relation: 'daughter' },
      { name: 'Cher', relation: 'spouse' },
    ],
    pastAddresses: ['77 North Sunset Blvd #12, LA', '\n 1 Main St.\nSuite 200'],
    affiliations: [
      { name: 'Police Department', kind: 'employer' },
      { name: 'Łódź Académie des Beaux-Arts', kind: 'school' },
    ],
    vehicles: [{ plate: 'DOXME' }, { plate: 'do xme 2' }, { plate: '12' }, { plate: 'AB-CD' }],
    handles: ['@tiger', '@marta_k', '@@Ze.Ph', '@x'],
    characteristics: ['blue eyes', 'scar on left cheek', '1984', ''],
  }),
  person('Ramírez, Maria Elena Jr.', { aliases: ['A Young', "O'Neil"], dob: '1999-02-31', phone: '12345' }),
  person('Ѕеrgеі Ivanov van der Berg', { email: 'SERGEI@EXAMPLE.COM', idNumbers: ['Ab 12-34'] }),
  person('Nguyễn Thị Minh Khai', { family: [{ name: 'Nguyễn Văn A', relation: 'son' }] }),
  person("Seán O'Brien-Whitfield III", { aliases: ['Jean-Luc'] }),
  person('Þórunn Ægisdóttir', { handles: ['þórunn.æ'] }),
  person('Cher'),
  person('J. R. R. Tolkien', { aliases: ['JRR'] }),
];

describe('the build looks for every key identityVariants lists', () => {
  it.each(EDGE_CASES.map((identity) => [identity.legalName, identity] as const))('%s', (_name, identity) => {
    expect(builtKeys(identity)).toEqual(listedKeys(identity));
  });

  it('builds nothing for an identity without words', () => {
    expect(builtKeys(person('  ,  '))).toEqual([]);
  });

  it('for random identities made of awkward name pieces', () => {
    faker.seed(11_111);
    const pieces = [
      ...Array.from({ length: 12 }, () => faker.person.firstName()),
      ...Array.from({ length: 12 }, () => faker.person.lastName()),
      'de', 'la', 'van', 'der', 'y', 'Jr.', 'III', "O'Brien", 'Garcia-Lopez', 'Ñúñez', 'Ѕеrgеі', 'Mª', 'A', 'J.', 'Jean-Luc', 'Street', 'St', 'North',
      'Apt', '#4', '12', 'Police', 'Department', 'rose', '@will', 'x.com/ann_lee', ',',
    ];
    const phrase = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
    const identity = fc.record({
      legalName: phrase,
      aliases: fc.array(phrase, { maxLength: 2 }),
      email: fc.option(fc.emailAddress(), { nil: undefined }),
      address: fc.option(phrase, { nil: undefined }),
      idNumbers: fc.array(fc.constantFrom('B-447192', 'ABCD', 'A B C D', 'x1', '0042-17'), { maxLength: 2 }),
      family: fc.array(phrase.map((name) => ({ name, relation: 'son' })), { maxLength: 2 }),
      pastAddresses: fc.array(phrase, { maxLength: 2 }),
      affiliations: fc.array(phrase.map((name) => ({ name, kind: 'school' })), { maxLength: 2 }),
      vehicles: fc.array(fc.constantFrom('7ABC123', 'DOXME', 'do xme', 'AB'), { maxLength: 2 }).map((plates) => plates.map((plate) => ({ plate }))),
      handles: fc.array(phrase, { maxLength: 2 }),
      characteristics: fc.array(phrase, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(identity, (fields) => {
        const subject = person(fields.legalName, fields);
        expect(missing(subject)).toEqual([]);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
