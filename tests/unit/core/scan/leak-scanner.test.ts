import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeakScanner, type LeakHit, type ScanIdentity } from '../../../../src-main/core/scan';

// Invented people only (see tests/fixtures/synthetic.ts for the generated ones).
let nextId = 1;
function person(legalName: string, extra: Partial<ScanIdentity> = {}): ScanIdentity {
  const n = nextId++;
  return { plaintiffId: `p${n}`, caseId: 'c1', pseudonym: `Jane Doe ${n}`, legalName, aliases: [], idNumbers: [], ...extra };
}

const maria = person('Maria Elena Ramírez', {
  pseudonym: 'Jane Doe 1',
  aliases: ['Lena', 'Mari Quill'],
  dob: '1984-03-07',
  email: 'maria.ramirez@example.org',
  phone: '(555) 010-0199',
  address: '1234 Elm Street, Springfield',
  idNumbers: ['B-123456'],
});
const ana = person('Ana Garcia-Lopez', { pseudonym: 'Jane Doe 2' });
const sean = person("Seán O'Brien", { pseudonym: 'John Doe 3', aliases: ['Will'] });
const cruz = person('María de la Cruz', { pseudonym: 'Jane Doe 4' });
const scanner = LeakScanner.build([maria, ana, sean, cruz]);

function hits(text: string, source: LeakScanner = scanner): LeakHit[] {
  return source.scan(text);
}

/** Each hit's text must be exactly the slice its offsets name. */
function expectExactOffsets(text: string, found: readonly LeakHit[]): void {
  for (const hit of found) expect(text.slice(hit.start, hit.end)).toBe(hit.text);
}

describe('LeakScanner: every kind of variant', () => {
  it.each([
    ['First Middle Last', 'Maria Elena Ramírez signed.', 'Maria Elena Ramírez', 'full-name'],
    ['First Last', 'Then Maria Ramírez left.', 'Maria Ramírez', 'full-name'],
    ['Last, First', 'RAMÍREZ, MARIA, Plaintiff', 'RAMÍREZ, MARIA', 'full-name'],
    ['Last First (caption)', 'RAMIREZ MARIA v. CITY', 'RAMIREZ MARIA', 'full-name'],
    ['F. Last', 'see M. Ramírez at 4', 'M. Ramírez', 'full-name'],
    ['F Last', 'see M Ramirez at 4', 'M Ramirez', 'full-name'],
    ['First M. Last', 'Maria E. Ramirez testified', 'Maria E. Ramirez', 'full-name'],
    ['Last, F.', 'Ramirez, M. (2019)', 'Ramirez, M', 'full-name'],
    ['surname alone', 'Ms. Ramirez objected.', 'Ramirez', 'surname'],
    ['given name alone', 'Elena objected.', 'Elena', 'given-name'],
    ['alias', 'known as Lena to her unit', 'Lena', 'alias'],
    ['alias of two words', 'signed "Mari Quill"', 'Mari Quill', 'alias'],
    ['possessive', "Ramírez's statement", 'Ramírez', 'surname'],
    ['hyphenated surname as written', 'Ana Garcia-Lopez appeared', 'Ana Garcia-Lopez', 'full-name'],
    ['hyphenated surname with a space', 'Ana Garcia Lopez appeared', 'Ana Garcia Lopez', 'full-name'],
    ['hyphenated surname joined', 'Ana GarciaLopez appeared', 'Ana GarciaLopez', 'full-name'],
    ['half of a hyphenated surname', 'Ms. Lopez appeared', 'Lopez', 'surname'],
    ['apostrophe name', "Mr. O'Brien said", "O'Brien", 'surname'],
    ['apostrophe name, typographic', 'Mr. O’Brien said', 'O’Brien', 'surname'],
    ['apostrophe name joined', 'Mr. OBrien said', 'OBrien', 'surname'],
    ['apostrophe name spaced', 'Mr. O Brien said', 'O Brien', 'surname'],
    ['diacritics folded away in the text', 'Sean OBrien and Maria Ramirez', 'Sean OBrien', 'full-name'],
    ['diacritics added in the text', 'Séan Ó’Brien', 'Séan Ó’Brien', 'full-name'],
    ['compound surname with particles', 'María de la Cruz filed', 'María de la Cruz', 'full-name'],
    ['compound surname core', 'Maria Cruz filed', 'Maria Cruz', 'full-name'],
    ['compound surname alone', 'Ms. de la Cruz filed', 'de la Cruz', 'surname'],
    ['compound surname capitalised', 'MS. DE LA CRUZ FILED', 'DE LA CRUZ', 'surname'],
    ['email', 'write to maria.ramirez@example.org today', 'maria.ramirez@example.org', 'email'],
    ['email, any case', 'write to Maria.Ramirez@Example.ORG today', 'Maria.Ramirez@Example.ORG', 'email'],
    ['email in mailto:', '<a href="mailto:maria.ramirez@example.org">', 'maria.ramirez@example.org', 'email'],
    ['email in a query string', 'https://x.org/?u=maria.ramirez@example.org&a=1', 'maria.ramirez@example.org', 'email'],
    ['email percent-escaped in a URL', 'https://x.org/?u=maria.ramirez%40example.org', 'maria.ramirez%40example.org', 'email'],
    ['phone as stored', 'call (555) 010-0199 now', '(555) 010-0199', 'phone'],
    ['phone with periods', 'call 555.010.0199 now', '555.010.0199', 'phone'],
    ['phone with country code', 'call +1 555 010 0199 now', '555 010 0199', 'phone'],
    ['phone run together with country code', 'call 15550100199 now', '5550100199', 'phone'],
    ['phone with odd spacing', 'call 5 5 5 0 1 0 0 1 9 9 now', '5 5 5 0 1 0 0 1 9 9', 'phone'],
    ['phone across a line break', 'call 555-010-\n0199 now', '555-010-\n0199', 'phone'],
    ['ID number', 'badge B-123456 was', 'B-123456', 'id-number'],
    ['ID number, other spacing and case', 'badge b 123 456 was', 'b 123 456', 'id-number'],
    ['ID number run together', 'badge B123456 was', 'B123456', 'id-number'],
    ['address', 'lives at 1234 Elm Street since', '1234 Elm Street', 'address'],
    ['address abbreviated', 'lives at 1234 Elm St. since', '1234 Elm St', 'address'],
    ['address upper case', 'LIVES AT 1234 ELM ST, SPRINGFIELD', '1234 ELM ST', 'address'],
  ])('%s', (_label, text, expected, kind) => {
    const found = hits(text);
    expect(found.map((hit) => [hit.text, hit.kind])).toContainEqual([expected, kind]);
    expectExactOffsets(text, found);
  });

  it.each([
    ['1984-03-07'],
    ['3/7/1984'],
    ['03/07/1984'],
    ['3-7-84'],
    ['07.03.1984'],
    ['March 7, 1984'],
    ['Mar. 7, 1984'],
    ['March 7th, 1984'],
    ['7 March 1984'],
    ['7th of March 1984'],
    ['07-Mar-1984'],
    ['MARCH 7, 1984'],
  ])('date of birth written %j', (written) => {
    const text = `born ${written} in`;
    const found = hits(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: written, kind: 'date-of-birth', confidence: 'high', targets: [{ plaintiffId: maria.plaintiffId }] });
  });

  it('gives full names, aliases and contact data high confidence, partial names low', () => {
    const found = hits('Maria Ramírez, Lena, maria.ramirez@example.org, 555-010-0199, B-123456, 1234 Elm Street; Ramírez; Elena.');
    expect(found.map((hit) => [hit.kind, hit.confidence, hit.reasons])).toEqual([
      ['full-name', 'high', []],
      ['alias', 'high', []],
      ['email', 'high', []],
      ['phone', 'high', []],
      ['id-number', 'high', []],
      ['address', 'high', []],
      ['surname', 'low', ['partial-name']],
      ['given-name', 'low', ['partial-name']],
    ]);
  });

  it('names the identity, case and pseudonym a hit points at', () => {
    const [hit] = hits('Ana Garcia-Lopez');
    expect(hit!.targets).toEqual([{ plaintiffId: ana.plaintiffId, caseId: 'c1', pseudonym: 'Jane Doe 2' }]);
  });
});

describe('LeakScanner: spans', () => {
  it('reports one hit per span, the leftmost-longest: a full name swallows its parts', () => {
    const text = 'Yesterday Maria Elena Ramírez met counsel.';
    const found = hits(text);
    expect(found.map((hit) => hit.text)).toEqual(['Maria Elena Ramírez']);
    expect(found[0]!.start).toBe(text.indexOf('Maria'));
  });

  it('prefers the longer of two matches that start together (email over the name inside it)', () => {
    expect(hits('maria.ramirez@example.org').map((hit) => hit.kind)).toEqual(['email']);
  });

  it('maps offsets back exactly across line breaks and end-of-line hyphenation', () => {
    const text = 'The declaration of Maria\nElena   Ramí-\nrez, and of Ana Garcia-\nLopez, was read.';
    const found = hits(text);
    expectExactOffsets(text, found);
    expect(found.map((hit) => hit.text)).toEqual(['Maria\nElena   Ramí-\nrez', 'Ana Garcia-\nLopez']);
    expect(found.map((hit) => hit.kind)).toEqual(['full-name', 'full-name']);
  });

  it('finds a hyphenated name broken at its own hyphen, and each half of it', () => {
    const text = 'Counsel for Garcia-\nLopez and for Ms. Garcia-\nLopez.';
    const found = hits(text);
    expect(found.map((hit) => [hit.text, hit.kind])).toEqual([
      ['Garcia-\nLopez', 'surname'],
      ['Garcia-\nLopez', 'surname'],
    ]);
    // A surname that is only the second half of a compound broken at the line end.
    const lopez = LeakScanner.build([person('Rita Lopez')]);
    expect(lopez.scan('Counsel for Smith-\nLopez.').map((hit) => hit.text)).toEqual(['Lopez']);
  });

  it('does not read an ordinary word hyphenated at the line end as a name', () => {
    const ann = LeakScanner.build([person('Ann Example')]);
    expect(ann.scan('the ann-\nual report').map((hit) => hit.text)).toEqual([]);
  });

  it('covers combining accents written after the letter', () => {
    const text = 'Mari\u0301a Rami\u0301rez testified';
    const [hit] = hits(text);
    expect(hit!.text).toBe('Mari\u0301a Rami\u0301rez');
  });

  it('finds a name split by invisible characters (soft hyphen, zero-width space)', () => {
    const text = 'Ramí\u00adrez and Ra\u200bmírez';
    expect(hits(text).map((hit) => hit.text)).toEqual(['Ramí\u00adrez', 'Ra\u200bmírez']);
  });

  it('finds a name right before a footnote mark', () => {
    expect(hits('Ramírez¹ said').map((hit) => hit.text)).toEqual(['Ramírez']);
  });
});

describe('LeakScanner: whole words only', () => {
  const ann = LeakScanner.build([person('Ann Lee Marsh', { aliases: ['Al'] })]);

  it.each([['annual'], ['Marianne'], ['Leeway'], ['Marshall'], ['AL-123'.replace('-', '')], ['banners'], ['Ann2']])(
    'no hit inside %j',
    (word) => {
      expect(ann.scan(`the ${word} report`)).toEqual([]);
    },
  );

  it('hits the same words on their own, with punctuation around them', () => {
    expect(ann.scan('(Ann) or "Lee"; or Marsh.').map((hit) => hit.text)).toEqual(['Ann', 'Lee', 'Marsh']);
  });

  it('reads a name across punctuation as the name ("Marsh; Ann" is "Marsh, Ann")', () => {
    expect(ann.scan('MARSH; ANN').map((hit) => [hit.text, hit.kind])).toEqual([['MARSH; ANN', 'full-name']]);
  });

  it('does not find a phone number inside a longer run of digits', () => {
    expect(hits('serial 98765550100199 and 55501001991')).toEqual([]);
  });

  it('does not find an ID number inside a longer code', () => {
    expect(hits('part XB123456 and B1234567')).toEqual([]);
  });
});

describe('LeakScanner: pseudonyms and tokens are not leaks', () => {
  const realJane = person('Jane Doe', { pseudonym: 'Jane Doe 7' });
  const withJane = LeakScanner.build([realJane, person('John Roe', { pseudonym: 'John Doe 12' }), person('Ada Plaintiff', { pseudonym: 'Plaintiff AB' })]);

  it('never reports text inside a pseudonym, even when a real name shares its words', () => {
    expect(withJane.scan('Jane Doe 7 and John Doe 12 and Plaintiff AB testified.')).toEqual([]);
    expect(withJane.scan("Jane Doe 7's declaration")).toEqual([]);
  });

  it('still reports the real name where it stands alone', () => {
    const found = withJane.scan('Jane Doe 7 is Jane Doe.');
    expect(found.map((hit) => [hit.text, hit.kind, hit.start])).toEqual([['Jane Doe', 'full-name', 14]]);
  });

  it('reports a name next to a pseudonym, but not the overlapping part', () => {
    const anna = LeakScanner.build([person('Maria Jane', { pseudonym: 'Doe 1' }), person('Zed Other', { pseudonym: 'Jane Doe 3' })]);
    expect(anna.scan('Maria Jane Doe 3').map((hit) => [hit.text, hit.kind])).toEqual([['Maria', 'given-name']]);
  });

  it('skips the spans its caller has handled (a draft\'s tokens), and nothing else', () => {
    const text = 'Per {{Jane Doe 1|Maria}} and {{not a plaintiff|Washington}} and {{Maria Ramírez}}, Ramírez said.';
    const tokens = [...text.matchAll(/\{\{[^{}]*\}\}/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    expect(scanner.scan({ text, handled: tokens }).map((hit) => [hit.text, hit.start])).toEqual([['Ramírez', text.lastIndexOf('Ramírez')]]);
    // A hit that starts in a handled span and runs out of it is dropped; what follows is still found.
    const across = 'Per {{Jane Doe 1|Maria}} Ramírez said.';
    expect(scanner.scan({ text: across, handled: [{ start: 4, end: across.indexOf('}}') + 2 }] }).map((hit) => hit.text)).toEqual(['Ramírez']);
  });

  // Braces are markup of DoeVault's drafts only. In a PDF, an exhibit or a file on disk,
  // "{{Maria Ramírez}}" is a name any reader sees: `verify`, the export's read-back and the
  // exhibits' find must report it.
  it('braces alone shield nothing: a name wrapped in any of them is found', () => {
    const wrap = fc.constantFrom(['{{', '}}'], ['{{', ''], ['', '}}'], ['{{ ', ' }}'], ['{{redacted|', '}}'], ['{{Jane Doe 1|', '}}'], ['{{not a plaintiff|', '}}'], ['{', '}']);
    const name = fc.constantFrom('Maria Ramírez', 'Ana Garcia-Lopez', "Seán O'Brien", 'María de la Cruz', 'maria.ramirez@example.org', '(555) 010-0199');
    fc.assert(
      fc.property(wrap, name, fc.constantFrom('', 'Per ', 'Declarant '), ([open, close], who, before) => {
        const text = `${before}${open}${who}${close} said.`;
        const at = before.length + open.length;
        const found = hits(text);
        expect(found.some((hit) => hit.start <= at && hit.end >= at + who.length), text).toBe(true);
        expect(scanner.findings(text).some((hit) => hit.start <= at && hit.end >= at + who.length), text).toBe(true);
      }),
    );
  });
});

describe('LeakScanner: ambiguous texts are low confidence, and say why', () => {
  const people = [person('Tom Nakamura'), person('Ida Nakamura'), person('Ray Nakamura')];
  const family = LeakScanner.build(people);

  it('a surname shared by three plaintiffs: one hit, three targets, shared', () => {
    const [hit] = family.scan('Nakamura testified.');
    expect(hit).toMatchObject({ kind: 'surname', confidence: 'low', reasons: ['partial-name', 'shared'] });
    expect(hit!.targets.map((target) => target.plaintiffId)).toEqual(people.map((p) => p.plaintiffId));
  });

  it('a full name stays high when it names one of them', () => {
    expect(family.scan('Ida Nakamura testified.')[0]).toMatchObject({ kind: 'full-name', confidence: 'high', reasons: [] });
  });

  it.each([['Will'], ['will'], ['WILL']])('a name that is also a common word: %s', (text) => {
    const [hit] = scanner.scan(`She ${text} go.`);
    expect(hit).toMatchObject({ kind: 'alias', confidence: 'low', reasons: ['common-word'] });
  });

  it('a surname that is a common word gives both reasons', () => {
    const young = LeakScanner.build([person('Ava Young')]);
    for (const text of ['a young officer', 'A young officer']) {
      expect(young.scan(text).map((hit) => [hit.text, hit.kind, hit.confidence, hit.reasons])).toEqual([
        ['young', 'surname', 'low', ['partial-name', 'common-word']],
      ]);
    }
    expect(young.scan('Ava Young')[0]).toMatchObject({ kind: 'full-name', confidence: 'high' });
  });

  it('reads one letter as an initial only when written like one', () => {
    const young = LeakScanner.build([person('Ava Young')]);
    for (const text of ['A. Young', 'A Young', 'Young, A.', 'YOUNG, A', 'a. young']) {
      expect(young.scan(text).map((hit) => hit.kind), text).toEqual(['full-name']);
    }
    expect(young.scan('young, a').map((hit) => hit.kind)).toEqual(['surname']);
  });

  it('does not ask one-letter words of emails and addresses to look like initials', () => {
    const j = LeakScanner.build([person('Jo Vance', { email: 'j_vance@example.org', address: '12 N Elm St' })]);
    expect(j.scan('mail j_vance@example.org or visit 12 n elm st').map((hit) => [hit.text, hit.kind])).toEqual([
      ['j_vance@example.org', 'email'],
      ['12 n elm st', 'address'],
    ]);
  });

  it('the same date of birth for two plaintiffs is shared', () => {
    const twins = LeakScanner.build([person('Kit Ames', { dob: '1990-01-02' }), person('Lou Ames', { dob: '1990-01-02' })]);
    const [hit] = twins.scan('born January 2, 1990');
    expect(hit).toMatchObject({ kind: 'date-of-birth', confidence: 'low', reasons: ['shared'] });
    expect(hit!.targets).toHaveLength(2);
  });
});

describe('LeakScanner: lines and pages', () => {
  it('gives 1-based lines', () => {
    const text = 'line one\nline two Ramírez\r\nline three\rline four Lena';
    expect(hits(text).map((hit) => [hit.text, hit.line, hit.page])).toEqual([
      ['Ramírez', 2, undefined],
      ['Lena', 4, undefined],
    ]);
  });

  it('gives the page and the line within the page when the source has pages', () => {
    const pages = ['Page one.\nNothing here.', 'Top of two.\nThen Ramírez.', 'Three:\n\nLena\n'];
    const text = pages.join('\n');
    const pageStarts = [pages[0]!.length + 1, pages[0]!.length + pages[1]!.length + 2];
    const found = scanner.scan({ text, pageStarts });
    expect(found.map((hit) => [hit.text, hit.page, hit.line])).toEqual([
      ['Ramírez', 2, 2],
      ['Lena', 3, 3],
    ]);
  });

  it('accepts a plain string and an empty text', () => {
    expect(scanner.scan('')).toEqual([]);
    expect(LeakScanner.build([]).scan('Maria Ramírez')).toEqual([]);
  });
});

describe('LeakScanner: names in other scripts and with diacritics', () => {
  const world = [
    person('Nguyễn Thị Minh Khai'),
    person('Łukasz Wiśniewski'),
    person('Zoë Brontë-Smythe'),
    person('Þórunn Sigurðardóttir'),
    person('Søren Kierkegård'),
    person('Иван Петров'),
    person('Ahmad bin Rashid'),
  ];
  const globe = LeakScanner.build(world);

  it.each([
    ['Nguyễn Thị Minh Khai', 'Nguyễn Thị Minh Khai'],
    ['NGUYEN THI MINH KHAI', 'NGUYEN THI MINH KHAI'],
    ['Nguyen Khai', 'Nguyen Khai'],
    ['Lukasz Wisniewski', 'Lukasz Wisniewski'],
    ['WIŚNIEWSKI, ŁUKASZ', 'WIŚNIEWSKI, ŁUKASZ'],
    ['Zoe Bronte-Smythe', 'Zoe Bronte-Smythe'],
    ['Zoë Brontë Smythe', 'Zoë Brontë Smythe'],
    ['Thorunn Sigurdardottir', 'Thorunn Sigurdardottir'],
    ['Þórunn Sigurðardóttir', 'Þórunn Sigurðardóttir'],
    ['Soren Kierkegard', 'Soren Kierkegard'],
    ['ИВАН ПЕТРОВ', 'ИВАН ПЕТРОВ'],
    ['Ahmad bin Rashid', 'Ahmad bin Rashid'],
    ['Ahmad Rashid', 'Ahmad Rashid'],
  ])('finds %j', (written, expected) => {
    const text = `The court heard ${written} today.`;
    const found = globe.scan(text);
    expect(found.map((hit) => [hit.text, hit.kind])).toEqual([[expected, 'full-name']]);
    expectExactOffsets(text, found);
  });

  it('finds a name written with full-width letters', () => {
    expect(globe.scan('ＬＵＫＡＳＺ ＷＩＳＮＩＥＷＳＫＩ').map((hit) => hit.kind)).toEqual(['full-name']);
  });
});

describe('LeakScanner: property', () => {
  const names = ['Maria Elena Ramírez', 'Ana Garcia-Lopez', "Seán O'Brien", 'María de la Cruz', 'Łukasz Wiśniewski', 'Zoë Quillfeather'];
  const identities = names.map((legalName, i) => person(legalName, { pseudonym: `Doe ${100 + i}` }));
  const all = LeakScanner.build(identities);
  const filler = fc.array(fc.constantFrom('the', 'court', 'a', 'motion', 'of', 'and', '12', 'filed', 'under', 'seal', ',', '.', '\n', '(', ')', '—', 'annual', 'Marianne'), {
    maxLength: 30,
  });

  it('finds any full name inserted anywhere in random text, with exact offsets', () => {
    fc.assert(
      fc.property(filler, filler, fc.integer({ min: 0, max: names.length - 1 }), fc.constantFrom(' ', '\n', '  '), (before, after, which, gap) => {
        const prefix = before.join(' ');
        const name = names[which]!;
        const text = `${prefix}${gap}${name}${gap}${after.join(' ')}`;
        const start = prefix.length + gap.length;
        const found = all.scan(text);
        const hit = found.find((h) => h.start === start);
        expect(hit, text).toBeDefined();
        expect(hit!.end).toBe(start + name.length);
        expect(hit!.text).toBe(name);
        expect(hit!.kind).toBe('full-name');
        expect(hit!.targets.map((t) => t.plaintiffId)).toEqual([identities[which]!.plaintiffId]);
      }),
      { numRuns: 300 },
    );
  });
});
