import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeakScanner, type LeakHit, type ScanIdentity } from '../../../../src-main/core/scan';
import { identityInitials } from '../../../../src-main/core/scan/initials';

/**
 * Issue 11, leak 5: a plaintiff's initials next to a name-like context are found (kind
 * 'initials', low confidence, never silent), and ordinary capitals and abbreviations are not.
 */

const person = (legalName: string, plaintiffId = 'p1', pseudonym = 'Jane Doe 1', aliases: string[] = []): ScanIdentity => ({
  plaintiffId,
  caseId: 'c1',
  pseudonym,
  legalName,
  aliases,
  idNumbers: [],
});

const initialsHits = (hits: LeakHit[]) => hits.filter((hit) => hit.kind === 'initials').map((hit) => hit.text);

describe('initials of a plaintiff', () => {
  const scanner = LeakScanner.build([person('Maria Elena Ramírez'), person('Umar Sayed', 'p2', 'John Doe 2'), person('Łukasz Wiśniewski', 'p3', 'John Doe 3')]);

  it.each([
    ['Witness M.R. saw it.', 'M.R'],
    ['Witness M. R. saw it.', 'M. R'],
    ['We spoke with M.R yesterday.', 'M.R'],
    ['Then M R. left.', 'M R'],
    ['The report of M.E.R. is attached.', 'M.E.R'],
    ['Officer MR was on duty.', 'MR'],
    ['Det. MR arrived.', 'MR'],
    ['Plaintiff MR sued.', 'MR'],
    ['Jane Doe 1 (MR) testified.', 'MR'],
    ['The sergeant, LW Kowalski, left.', 'LW'],
    ['Witnesses: Sgt. Ortega MER, Lt. Ruiz.', 'MER'],
    ['Officer Ł.W. stood by.', 'Ł.W'],
    ['Officer LW stood by.', 'LW'],
  ])('%s -> %s, a low-confidence initials hit naming the plaintiff', (text, expected) => {
    const hits = scanner.scan(text).filter((hit) => hit.kind === 'initials');
    expect(hits.map((hit) => hit.text)).toEqual([expected]);
    expect(hits[0]).toMatchObject({ confidence: 'low', reasons: ['partial-name'] });
    expect(hits[0]!.targets.length).toBe(1);
  });

  it.each([
    'MR went home.', // bare capitals, no context
    'The sergeant, MR Kowalski, left.', // "Mr Kowalski"
    'LW went home.',
    'He had an MR scan on Tuesday.', // after an ordinary word
    'MR. SMITH AND MR. JONES', // "Mr." in a capitals caption
    'CLAIMS OF MR FOR RELIEF', // a capitals line: every word is a capital
    'the U.S. Attorney', // an abbreviation that is Umar Sayed's initials, without context
    'at 9 A.M. sharp, in the U.S. District Court for the N.D. Cal.',
    'In A.B.C.D.E. order', // too long to be initials
    'm.r. in small letters',
    'Officer J.K. (no plaintiff has these initials)',
  ])('%s: no initials hit', (text) => {
    expect(initialsHits(scanner.scan(text))).toEqual([]);
  });

  it('an abbreviation that is a plaintiff\'s initials is asked about after a title or in parentheses', () => {
    expect(initialsHits(scanner.scan('Officer U.S. was there.'))).toEqual(['U.S']);
    expect(initialsHits(scanner.scan('John Doe 2 (U.S.) sued.'))).toEqual(['U.S']);
  });

  it('initials inside a full name or a pseudonym are not a second hit', () => {
    expect(scanner.scan('M. E. Ramírez sued.').map((hit) => hit.kind)).toEqual(['full-name']);
    expect(initialsHits(scanner.scan({ text: '{{Jane Doe 1|M.R.}} sued.', handled: [{ start: 0, end: 19 }] }))).toEqual([]);
    const jd = LeakScanner.build([person('Maria Ramírez', 'p1', 'J.D.'), person('Jack Dunn', 'p2', 'M.R.')]);
    expect(initialsHits(jd.scan('Officer M.R. and Officer J.D. spoke.'))).toEqual([]);
  });

  it('initials two plaintiffs share name both', () => {
    const shared = LeakScanner.build([person('Maria Ramírez'), person('Mark Reyes', 'p2', 'John Doe 2')]);
    const [hit] = shared.scan('Officer M.R. spoke.');
    expect(hit).toMatchObject({ kind: 'initials', reasons: ['partial-name', 'shared'] });
    expect(hit!.targets.map((t) => t.pseudonym)).toEqual(['Jane Doe 1', 'John Doe 2']);
  });

  it('lists given+surname, with middles, the surname core and hyphen pieces, and two-word aliases', () => {
    expect(identityInitials({ legalName: 'Maria Elena Ramírez', aliases: [] }).sort()).toEqual(['mer', 'mr']);
    expect(identityInitials({ legalName: 'María de la Cruz', aliases: [] }).sort()).toEqual(['mc', 'md']);
    expect(identityInitials({ legalName: "Seán O'Brien-Whitfield", aliases: ['Lena Lopez'] }).sort()).toEqual(['ll', 'so', 'sow']);
    expect(identityInitials({ legalName: 'Cher', aliases: [] })).toEqual([]);
  });

  // Property: initials of random names (faker, fixed seed; and arbitrary letters), written in
  // any of the accepted forms, in any name-like context, are found and name that plaintiff.
  faker.seed(20_261_205);
  const FAKER_NAMES = Array.from({ length: 200 }, () => `${faker.person.firstName()} ${faker.person.lastName()}`).filter((name) =>
    /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(name),
  );
  const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);
  const names = fc.oneof(fc.constantFrom(...FAKER_NAMES), fc.tuple(word, word).map(([g, s]) => `${g} ${s}`));
  const forms: ((g: string, s: string) => string)[] = [
    (g, s) => `${g}.${s}.`,
    (g, s) => `${g}. ${s}.`,
    (g, s) => `${g}.${s}`,
    (g, s) => `${g} ${s}.`,
    (g, s) => `${g}${s}`,
  ];
  const contexts: ((initials: string) => string)[] = [
    (i) => `Officer ${i} testified.`,
    (i) => `Det. ${i} testified.`,
    (i) => `Plaintiff ${i} testified.`,
    (i) => `Jane Doe 9 (${i}) testified.`,
  ];

  it('property: a random name\'s initials, in any form and any name-like context, are found', () => {
    fc.assert(
      fc.property(names, fc.nat(forms.length - 1), fc.nat(contexts.length - 1), (name, f, c) => {
        const [given, surname] = name.split(' ') as [string, string];
        const initials = forms[f]!(given[0]!, surname[0]!);
        const scannerOf = LeakScanner.build([person(name, 'p9', 'Jane Doe 9')]);
        const text = contexts[c]!(initials);
        const hits = scannerOf.scan(text).filter((hit) => hit.kind === 'initials');
        expect(hits, `${text} (${name})`).toHaveLength(1);
        expect(initials.startsWith(hits[0]!.text)).toBe(true);
        expect(hits[0]!.targets.map((t) => t.plaintiffId)).toEqual(['p9']);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('findings: hits and mixed-script words (issue 11)', () => {
  const scanner = LeakScanner.build([person('Marta Kowalczyk')]);

  it('reports a word mixing scripts as kind mixed-script, with the scripts and no target', () => {
    const text = 'The clerk Jоhnson (Cyrillic о) filed it.';
    const findings = scanner.findings(text);
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'mixed-script', text: 'Jоhnson', scripts: ['Latin', 'Cyrillic'], targets: [], reasons: [], confidence: 'low', line: 1 }),
    ]);
    expect(scanner.scan(text)).toEqual([]);
  });

  it('reports both the name and the disguise when a look-alike spells a plaintiff', () => {
    const kinds = scanner.findings('M\u0430rta Kowalczyk sued.').map((f) => f.kind);
    expect(kinds).toEqual(['full-name', 'mixed-script']);
  });

  it.each(['Σωκράτης testified.', 'Иван Петров signed.', 'Nguyễn Thị Minh Khai and Łukasz Wiśniewski', 'ｆｕｌｌｗｉｄｔｈ text', 'Ἀριστοτέλης'])(
    'a name written wholly in one script is no finding: %s',
    (text) => {
      expect(scanner.findings(text)).toEqual([]);
    },
  );

  it('a mixed-script word in a span the caller has handled (a draft\'s token) is no finding; braces alone shield nothing', () => {
    const text = '{{Jane Doe 1|M\u0430rta}} sued.';
    expect(scanner.findings({ text, handled: [{ start: 0, end: text.indexOf(' sued') }] })).toEqual([]);
    expect(scanner.findings(text).map((hit) => hit.kind)).toContain('mixed-script');
  });
});
