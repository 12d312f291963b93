import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import confusables from 'unhomoglyph/data.json';
import { describe, expect, it } from 'vitest';
import { LeakScanner, type LeakHit, type ScanIdentity } from '../../../../src-main/core/scan';
import { MIN_EMBEDDED } from '../../../../src-main/core/scan/leak-scanner';
import { findMixedScriptWords } from '../../../../src-main/core/scan/look-alikes';
import { normalizeKey } from '../../../../src-main/core/scan/text-map';

/**
 * Issue 11, leaks 1 (look-alike letters) and 4 (run-together names): every confusable or
 * joined form of a name is found, and the hit covers exactly the characters of that form.
 */

const identity = (legalName: string, aliases: string[] = []): ScanIdentity => ({
  plaintiffId: 'p1',
  caseId: 'c1',
  pseudonym: 'Jane Doe 1',
  legalName,
  aliases,
  idNumbers: [],
});

/** The look-alikes of each ASCII small letter, from the confusables data itself (not a hand list). */
const LOOK_ALIKES = new Map<string, string[]>();
const SCRIPTS = /^[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}]$/u;
for (const [from, to] of Object.entries(confusables as Record<string, string>)) {
  const letter = to.toLowerCase();
  if (!/^[a-z]$/.test(letter) || !SCRIPTS.test(from)) continue;
  // Small letters only: a capital whose small form looks like another letter (Greek "Η",
  // whose "η" looks like "n") is folded as its small form, and left to the mixed-script check.
  if (from !== from.toLowerCase() || from === from.toUpperCase()) continue;
  LOOK_ALIKES.set(letter, [...(LOOK_ALIKES.get(letter) ?? []), from]);
}
const fullwidth = (c: string) => String.fromCodePoint(c.codePointAt(0)! + (c >= 'a' ? 0xff41 - 0x61 : 0xff21 - 0x41));
const mathBold = (c: string) => String.fromCodePoint(c >= 'a' ? 0x1d41a + c.charCodeAt(0) - 0x61 : 0x1d400 + c.charCodeAt(0) - 0x41);

/** Names: from faker with a fixed seed, letters only, and arbitrary name-like strings. */
faker.seed(20_261_104);
const FAKER_NAMES = Array.from({ length: 200 }, () => [faker.person.firstName(), faker.person.lastName()] as const).filter(([g, s]) =>
  /^[A-Z][a-z]{2,}$/.test(g) && /^[A-Z][a-z]{2,}$/.test(s) && g.toLowerCase() !== s.toLowerCase(),
);
const nameWord = fc
  .stringMatching(/^[a-z]{3,10}$/)
  .map((w) => w[0]!.toUpperCase() + w.slice(1));
const names = fc.oneof(
  fc.constantFrom(...FAKER_NAMES),
  fc.tuple(nameWord, nameWord).filter(([g, s]) => g.toLowerCase() !== s.toLowerCase()),
);

/** The hits whose span is exactly [start, end) and that name identity p1. */
function hitAt(hits: LeakHit[], start: number, end: number): LeakHit | undefined {
  return hits.find((hit) => hit.start === start && hit.end === end && hit.targets.some((t) => t.plaintiffId === 'p1'));
}

function expectFound(scanner: LeakScanner, before: string, form: string, after: string): void {
  const text = `${before}${form}${after}`;
  const hits = scanner.scan(text);
  const hit = hitAt(hits, before.length, before.length + form.length);
  expect(hit, `${JSON.stringify(form)} in ${JSON.stringify(text)}: ${JSON.stringify(hits.map((h) => h.text))}`).toBeDefined();
  expect(hit!.text).toBe(form);
  expect(['full-name', 'alias']).toContain(hit!.kind);
}

/** Each letter replaced, with probability, by a look-alike (Cyrillic, Greek, Armenian), fullwidth or mathematical bold. */
const disguise = (word: string) =>
  fc.array(fc.integer({ min: 0, max: 5 }), { minLength: word.length, maxLength: word.length }).chain((choices) =>
    fc.array(fc.nat(), { minLength: word.length, maxLength: word.length }).map((picks) =>
      [...word]
        .map((c, i) => {
          const lower = c.toLowerCase();
          switch (choices[i]) {
            case 0:
            case 1: {
              const options = LOOK_ALIKES.get(lower);
              return options ? options[picks[i]! % options.length]! : c;
            }
            case 2:
              return fullwidth(c);
            case 3:
              return mathBold(c);
            default:
              return c;
          }
        })
        .join(''),
    ),
  );

describe('look-alike letters (issue 11, leak 1)', () => {
  it('the confusables data covers Cyrillic, Greek and Armenian look-alikes of common letters', () => {
    for (const letter of 'acehijopuvwy') expect(LOOK_ALIKES.get(letter)?.length, letter).toBeGreaterThan(1);
    const scripts = new Set([...LOOK_ALIKES.values()].flat().map((c) => (/\p{Script=Cyrillic}/u.test(c) ? 'Cyrillic' : /\p{Script=Greek}/u.test(c) ? 'Greek' : 'Armenian')));
    expect([...scripts].sort()).toEqual(['Armenian', 'Cyrillic', 'Greek']);
  });

  it('finds every disguised form of a name, mapped back to the exact original span', () => {
    fc.assert(
      fc.property(
        names.chain(([given, surname]) => fc.tuple(fc.constant([given, surname] as const), disguise(given), disguise(surname))),
        fc.constantFrom(['Filed by ', ' on Monday.'], ['', ''], ['(', ')'], ['Dear ', ',\n']),
        ([[given, surname], g, s], [before, after]) => {
          const scanner = LeakScanner.build([identity(`${given} ${surname}`)]);
          expectFound(scanner, before!, `${g} ${s}`, after!);
          expectFound(scanner, before!, `${s.toUpperCase() === s ? s : s}, ${g}`, after!);
        },
      ),
      { numRuns: 300, seed: 11_001 },
    );
  });

  it('finds a name stored with look-alike letters in a plain Latin draft', () => {
    fc.assert(
      fc.property(
        names.chain(([given, surname]) => fc.tuple(fc.constant([given, surname] as const), disguise(given), disguise(surname))),
        ([[given, surname], g, s]) => {
          const scanner = LeakScanner.build([identity(`${g} ${s}`)]);
          expectFound(scanner, 'Plaintiff ', `${given} ${surname}`, ' appeared.');
        },
      ),
      { numRuns: 200, seed: 11_002 },
    );
  });

  it('flags a word that mixes scripts, whatever it spells', () => {
    fc.assert(
      fc.property(nameWord, fc.nat(), fc.nat(), (word, at, pick) => {
        const i = at % word.length;
        const lower = word[i]!.toLowerCase();
        const options = LOOK_ALIKES.get(lower);
        fc.pre(options !== undefined);
        const mixed = word.slice(0, i) + options![pick % options!.length]! + word.slice(i + 1);
        const text = `See ${mixed} here.`;
        const found = findMixedScriptWords(text);
        // Mixed unless the whole word is one script (a one-letter word).
        if (word.length > 1) expect(found).toEqual([expect.objectContaining({ start: 4, end: 4 + mixed.length, text: mixed })]);
      }),
      { numRuns: 300, seed: 11_003 },
    );
  });

  // Fixed cases, as reported in issue 11.
  const marta = LeakScanner.build([identity('Marta Kowalczyk')]);
  it('issue 11: "Mаrta Kowаlczyk" with Cyrillic а (U+0430) is found, span exact', () => {
    const text = 'Plaintiff Mаrta Kowаlczyk (with Cyrillic letters) testified.';
    expect(text).toContain('\u0430');
    const [hit] = marta.scan(text);
    expect(hit).toMatchObject({ kind: 'full-name', confidence: 'high', start: 10, end: 25, text: 'Mаrta Kowаlczyk' });
    expect(marta.mixedScript(text).map((h) => [h.text, h.kind, h.scripts])).toEqual([
      ['Mаrta', 'mixed-script', ['Latin', 'Cyrillic']],
      ['Kowаlczyk', 'mixed-script', ['Latin', 'Cyrillic']],
    ]);
  });
  it('issue 11: a name stored with Cyrillic letters is found in a Latin draft', () => {
    const stored = LeakScanner.build([identity('Mаrta Kowаlczyk')]);
    expect(stored.scan('Marta Kowalczyk testified.')).toEqual([expect.objectContaining({ kind: 'full-name', text: 'Marta Kowalczyk' })]);
  });
  it('issue 11: Greek, Armenian, fullwidth and mathematical look-alikes', () => {
    for (const form of ['Μαrtα Kοwalczyk', 'Marta Kօwalczyk', 'Ｍａｒｔａ Ｋｏｗａｌｃｚｙｋ', '𝐌𝐚𝐫𝐭𝐚 𝐊𝐨𝐰𝐚𝐥𝐜𝐳𝐲𝐤', '𝑀𝑎𝑟𝑡𝑎 𝐾𝑜𝑤𝑎𝑙𝑐𝑧𝑦𝑘']) {
      expectFoundIn(marta, form);
    }
  });
  it('keeps ASCII digits and letters as written (confusables maps "m" to "rn", "1" to "l")', () => {
    expect(normalizeKey('Tom 1 0 m')).toBe('tom 1 0 m');
    const hits = LeakScanner.build([identity('Tom Lee')]).scan('Tornl Lee wrote. To1n Lee wrote. Tom Lee wrote.');
    expect(hits.filter((h) => h.kind === 'full-name').map((h) => h.text)).toEqual(['Tom Lee']);
  });
});

function expectFoundIn(scanner: LeakScanner, form: string): void {
  const hits = scanner.scan(`x ${form} y`);
  expect(hits.map((h) => [h.start, h.end, h.kind]), form).toEqual([[2, 2 + form.length, 'full-name']]);
}

describe('run-together names (issue 11, leak 4)', () => {
  const camel = (w: string) => w[0]!.toUpperCase() + w.slice(1).toLowerCase();
  const forms = (given: string, surname: string, middle?: string): [string, string, string][] => {
    const g = given.toLowerCase();
    const s = surname.toLowerCase();
    const m = middle?.toLowerCase() ?? '';
    const joined = `${g}${m}${s}`;
    const out: [string, string, string][] = [
      ['Signed: ', `${camel(g)}${middle ? camel(m) : ''}${camel(s)}`, '.'],
      ['', `${g}.${m ? `${m}.` : ''}${s}`, '@example.org'],
      ['File ', `${s.toUpperCase()}${camel(g)}${middle ? camel(m) : ''}`, '.docx'],
      ['ping @', joined, ' today'],
      ['https://x.example/u/', joined, ''],
      ['https://x.example/u/', joined, '?ref=1'],
      ['', `${camel(g)}${middle ? camel(m) : ''}${camel(s)}`, '_2024.pdf'],
      ['', joined, '2024.pdf'],
      ['C:\\Drafts\\', `${camel(s)}${camel(g)}${middle ? camel(m) : ''}`, '-final.pdf'],
      ['see myOld', `${camel(g)}${middle ? camel(m) : ''}${camel(s)}`, 'Account'],
    ];
    if (joined.length >= MIN_EMBEDDED) out.push(['mailto:the', joined, 'xyz@example.org']);
    return out;
  };

  it('finds given+family and family+given, joined, camelCase, dotted, as handles, in URLs and file names', () => {
    fc.assert(
      fc.property(names, fc.option(nameWord, { nil: undefined }), fc.boolean(), ([given, surname], middle, asAlias) => {
        const legal = middle && !asAlias ? `${given} ${middle} ${surname}` : `${given} ${surname}`;
        const scanner = LeakScanner.build([asAlias ? identity('Pat Q Nobody', [legal]) : identity(legal)]);
        for (const [before, form, after] of forms(given, surname, asAlias ? undefined : middle)) expectFound(scanner, before, form, after);
        if (middle && !asAlias) for (const [before, form, after] of forms(given, surname)) expectFound(scanner, before, form, after);
      }),
      { numRuns: 300, seed: 11_004 },
    );
  });

  it('finds run-together names written with look-alike letters', () => {
    fc.assert(
      fc.property(
        names.chain(([given, surname]) => fc.tuple(fc.constant([given, surname] as const), disguise(given), disguise(surname))),
        ([[given, surname], g, s]) => {
          const scanner = LeakScanner.build([identity(`${given} ${surname}`)]);
          expectFound(scanner, '@', `${g}${s}`, ' wrote');
        },
      ),
      { numRuns: 200, seed: 11_005 },
    );
  });

  // Fixed cases, as reported in issue 11.
  const marta = LeakScanner.build([identity('Marta Kowalczyk')]);
  it.each([
    ['MartaKowalczyk', 'Posted by MartaKowalczyk.', 'MartaKowalczyk'],
    ['marta.kowalczyk', 'Write to marta.kowalczyk@example.org', 'marta.kowalczyk'],
    ['KOWALCZYKMarta', 'Exhibit KOWALCZYKMarta.pdf', 'KOWALCZYKMarta'],
    ['@martakowalczyk', 'Her handle is @martakowalczyk.', 'martakowalczyk'],
    ['a URL', 'See https://x.example/u/martakowalczyk for posts.', 'martakowalczyk'],
    ['a file name', 'Attached: MartaKowalczyk_2024.pdf', 'MartaKowalczyk'],
    ['inside a longer token', 'user=xxmartakowalczyk99', 'martakowalczyk'],
  ])('issue 11: %s', (_label, text, found) => {
    const hits = marta.scan(text);
    const start = text.indexOf(found);
    expect(hits).toEqual([expect.objectContaining({ start, end: start + found.length, text: found, kind: 'full-name' })]);
  });

  it('does not find a short joined name inside another word (the boundary rule)', () => {
    const scanner = LeakScanner.build([identity('Tom Ato'), identity('Li Wang')]);
    // 6 letters: only as the whole token or at a camelCase or digit boundary.
    expect(scanner.scan('tomatoes, Bolivianwanghee, ALIWANGX').filter((h) => h.kind === 'full-name')).toEqual([]);
    expect(scanner.scan('LiWang liwang2024 myLiWang').map((h) => h.text)).toEqual(['LiWang', 'liwang', 'LiWang']);
    // A whole token that is an ordinary word is low confidence.
    expect(scanner.scan('a tomato')).toEqual([expect.objectContaining({ text: 'tomato', kind: 'full-name', confidence: 'low', reasons: ['common-word'] })]);
  });
});
