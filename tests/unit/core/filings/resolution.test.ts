import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFiling } from '../../../../src-main/core/filings/questions';
import { parseFilingInput } from '../../../../src-main/core/filings/filing-input';
import { classify, clearable, draftScan, prepareDraft, replaceSpans, tokenFor } from '../../../../src-main/core/filings/resolution';
import { findTokens, formatToken, pseudonymKey } from '../../../../src-main/core/filings/tokens';
import { LeakScanner, type ScanIdentity } from '../../../../src-main/core/scan';
import type { HitTarget, LeakHit } from '../../../../src-main/core/scan/types';
import { codeOf } from '../../../fixtures/checks';

const CASE = 'case-a';
const jane: HitTarget = { plaintiffId: 'p1', caseId: CASE, pseudonym: 'Jane Doe 1' };
const john: HitTarget = { plaintiffId: 'p2', caseId: CASE, pseudonym: 'John Doe 2' };
const other: HitTarget = { plaintiffId: 'p9', caseId: 'case-b', pseudonym: 'Doe 9' };
const legalNames: Record<string, string> = { 'jane doe 1': 'Zephyrine Quillfeather', 'john doe 2': 'Bartholomew Quillfeather' };
const legalNameOf = (pseudonym: string) => legalNames[pseudonym.toLowerCase()];

/** A hit on the first occurrence of `text` in `source`, as the scanner would report it. */
function hit(source: string, text: string, kind: LeakHit['kind'], targets: HitTarget[], reasons: LeakHit['reasons'] = []): LeakHit {
  const start = source.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the source`);
  const confidence = reasons.length > 0 || kind === 'surname' || kind === 'given-name' ? 'low' : 'high';
  return { start, end: start + text.length, text, kind, confidence, reasons, targets, line: source.slice(0, start).split('\n').length };
}

describe('what a hit becomes', () => {
  it('an unambiguous name of this case becomes its plaintiff; contact data a redaction; the rest a question', () => {
    const text = 'Zephyrine Quillfeather, Quillfeather, Will, Doe-nine Person, 555-0199, 1984-03-07';
    expect(classify(hit(text, 'Zephyrine Quillfeather', 'full-name', [jane]), CASE).action).toEqual({ kind: 'plaintiff', pseudonym: 'Jane Doe 1' });
    expect(classify(hit(text, 'Quillfeather', 'surname', [jane, john], ['partial-name', 'shared']), CASE).action).toEqual({ kind: 'ask', why: 'several' });
    expect(classify(hit(text, 'Will', 'given-name', [john], ['partial-name', 'common-word']), CASE).action).toEqual({ kind: 'ask', why: 'common-word' });
    expect(classify(hit(text, 'Doe-nine Person', 'full-name', [other]), CASE).action).toEqual({ kind: 'ask', why: 'other-case' });
    expect(classify(hit(text, '555-0199', 'phone', [other]), CASE).action).toEqual({ kind: 'redact' });
    expect(classify(hit(text, '1984-03-07', 'date-of-birth', [jane]), CASE).action).toEqual({ kind: 'ask', why: 'date' });
  });

  it('only a partial name, a common word or a date may be marked "not a plaintiff"', () => {
    const text = 'Zephyrine Quillfeather and Quillfeather on 1984-03-07 at zq@example.org';
    expect(clearable(hit(text, 'Quillfeather', 'surname', [jane], ['partial-name']))).toBe(true);
    expect(clearable(hit(text, '1984-03-07', 'date-of-birth', [jane]))).toBe(true);
    expect(clearable(hit(text, 'Zephyrine Quillfeather', 'full-name', [jane]))).toBe(false);
    expect(clearable(hit(text, 'zq@example.org', 'email', [jane]))).toBe(false);
    // A full name two people of the vault share is low confidence, and still never clearable.
    expect(clearable(hit(text, 'Zephyrine Quillfeather', 'full-name', [jane, other], ['shared']))).toBe(false);
  });

  it('a choice becomes a token that keeps the drafted wording, or none when it is the legal name', () => {
    const text = 'Zephyrine Quillfeather met Zephyrine and called 555-0199';
    expect(tokenFor(hit(text, 'Zephyrine Quillfeather', 'full-name', [jane]), { kind: 'plaintiff', pseudonym: 'Jane Doe 1' }, legalNameOf)).toEqual({ kind: 'plaintiff', pseudonym: 'Jane Doe 1' });
    expect(tokenFor(hit(text, 'Zephyrine', 'given-name', [jane]), { kind: 'plaintiff', pseudonym: 'Jane Doe 1' }, legalNameOf)).toEqual({ kind: 'plaintiff', pseudonym: 'Jane Doe 1', wording: 'Zephyrine' });
    expect(tokenFor(hit(text, '555-0199', 'phone', [jane]), { kind: 'plaintiff', pseudonym: 'Jane Doe 1' }, legalNameOf)).toEqual({ kind: 'redacted', wording: '555-0199' });
    expect(tokenFor(hit(text, 'Zephyrine', 'given-name', [jane]), { kind: 'not-a-plaintiff' }, legalNameOf)).toEqual({ kind: 'not-a-plaintiff', wording: 'Zephyrine' });
  });

  it('refuses a plaintiff who is not in the case', async () => {
    const text = 'Zephyrine';
    expect(await codeOf(() => tokenFor(hit(text, 'Zephyrine', 'given-name', [jane]), { kind: 'plaintiff', pseudonym: 'Jane Doe 77' }, legalNameOf))).toBe('VALIDATION');
  });
});

describe('preparing a draft written with real names', () => {
  it('turns the unambiguous mentions into tokens and moves the questions to the new text', () => {
    const text = 'Zephyrine\nQuillfeather sued. Quillfeather called 555-0199.\nThen Will left.';
    const hits = [
      hit(text, 'Zephyrine\nQuillfeather', 'full-name', [jane]),
      { ...hit(text, 'Quillfeather called', 'surname', [jane, john], ['partial-name', 'shared']), end: text.indexOf(' called') },
      hit(text, '555-0199', 'phone', [jane]),
      hit(text, 'Will', 'given-name', [john], ['partial-name', 'common-word']),
    ];
    hits[1] = { ...hits[1]!, text: 'Quillfeather' };
    const prepared = prepareDraft(text, hits.map((h) => classify(h, CASE)), legalNameOf);
    expect(prepared.text).toBe('{{Jane Doe 1}} sued. Quillfeather called {{redacted|555-0199}}.\nThen Will left.');
    expect(prepared.converted).toBe(2);
    expect(prepared.questions.map((q) => [prepared.text.slice(q.start, q.end), q.line])).toEqual([
      ['Quillfeather', 1],
      ['Will', 2],
    ]);
  });

  it('replaces spans given in any order', () => {
    expect(replaceSpans('abcdef', [{ start: 4, end: 5, replacement: 'E' }, { start: 0, end: 1, replacement: 'AA' }])).toBe('AAbcdEf');
  });
});

describe('checking a whole filing before export', () => {
  const scanFor = (needles: Record<string, Omit<LeakHit, 'start' | 'end' | 'text' | 'line'>>) => (text: string): LeakHit[] =>
    Object.entries(needles).flatMap(([needle, rest]) => {
      const hits: LeakHit[] = [];
      // Tokens are not scanned (the scanner skips them too).
      const spans = findTokens(text);
      for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
        if (spans.some((s) => i >= s.start && i < s.end)) continue;
        hits.push({ ...rest, start: i, end: i + needle.length, text: needle, line: 1 });
      }
      return hits;
    });
  const scan = scanFor({
    'Zephyrine Quillfeather': { kind: 'full-name', confidence: 'high', reasons: [], targets: [jane] },
    Grant: { kind: 'surname', confidence: 'low', reasons: ['partial-name', 'common-word'], targets: [john] },
  });

  it('is ready when the body names nobody outside tokens', () => {
    const checked = checkFiling(parseFilingInput({ title: 'Complaint', body: 'Plaintiff Zephyrine Quillfeather sued.' }), CASE, scan, legalNameOf);
    expect(checked.questions).toEqual([]);
    expect(checked.details.body).toBe('Plaintiff {{Jane Doe 1}} sued.');
  });

  it('asks about the caption fields, which hold no plaintiff tokens', () => {
    const checked = checkFiling(parseFilingInput({ title: 'Complaint', counsel: 'Grant & Partners LLP', body: '' }), CASE, scan, legalNameOf);
    expect(checked.questions.map((q) => [q.field, q.text])).toEqual([['counsel', 'Grant']]);
  });

  it('asks again when "not a plaintiff" covers a full name of the vault', () => {
    const checked = checkFiling(
      parseFilingInput({ title: 'Complaint', body: 'Witness {{not a plaintiff|Zephyrine Quillfeather}} and {{not a plaintiff|Grant}}.' }),
      CASE,
      scan,
      legalNameOf,
    );
    expect(checked.questions).toHaveLength(1);
    expect(checked.questions[0]).toMatchObject({ field: 'body', cannotClear: true, kind: 'full-name' });
  });
});

// A plaintiff token's head prints publicly: a real name written where a pseudonym goes
// ("{{Marta Kowalczyk}}") must be found like the same name without braces, and its answer must
// replace the whole token, not nest a token inside it.
describe('draftScan: the head of a token that is no pseudonym of the case', () => {
  // Invented people (faker, fixed seed): nobody real.
  faker.seed(1207);
  const people: ScanIdentity[] = Array.from({ length: 16 }, (_, i) => ({
    plaintiffId: `p${i + 1}`,
    caseId: CASE,
    pseudonym: `${i % 2 === 0 ? 'Jane' : 'John'} Doe ${i + 1}`,
    legalName: `${faker.person.firstName()} ${faker.person.lastName()}`,
    aliases: [],
    idNumbers: [],
  }));
  const roster = people.map(({ plaintiffId, caseId, pseudonym }) => ({ plaintiffId, caseId, pseudonym }));
  const scanner = LeakScanner.build(people);
  const scan = draftScan(scanner, people.map((p) => p.pseudonym));
  const legalNameOf = (pseudonym: string) => people.find((p) => pseudonymKey(p.pseudonym) === pseudonymKey(pseudonym))?.legalName;
  const person = fc.constantFrom(...people);

  it('finds the name in the head, as one finding over the whole token, whatever else the head or the token holds', () => {
    fc.assert(
      fc.property(
        person,
        fc.constantFrom('', 'Officer ', 'Det. '),
        fc.constantFrom('', ' '),
        fc.constantFrom('', '|as drafted'),
        fc.constantFrom('', 'Plaintiff ', 'On 3 May, '),
        (who, title, pad, wording, before) => {
          const token = `{{${pad}${title}${who.legalName}${pad}${wording}}}`;
          const text = `${before}${token} reported it.`;
          const found = scan(text);
          const at = before.length;
          expect(found.map((f) => [f.start, f.end, f.text]), text).toEqual([[at, at + token.length, `${title}${who.legalName}`]]);
          expect(found[0]!.targets.map((t) => t.plaintiffId), text).toContain(who.plaintiffId);
        },
      ),
    );
  });

  it('an answer turns the token into a plaintiff token or a redaction: no braces nested, nothing of the name left outside a token', () => {
    const choose = fc.constantFrom<'plaintiff' | 'redact'>('plaintiff', 'redact');
    fc.assert(
      fc.property(person, fc.constantFrom('', 'Officer '), choose, (who, title, answer) => {
        const body = `Per {{${title}${who.legalName}}}, the posts went up in May.`;
        const checked = checkFiling(parseFilingInput({ title: 'Complaint', body }), CASE, scan, legalNameOf, roster);
        let text = checked.details.body;
        for (const question of [...checked.questions].reverse()) {
          const choice = answer === 'redact' ? ({ kind: 'redact' } as const) : ({ kind: 'plaintiff', pseudonym: who.pseudonym } as const);
          text = replaceSpans(text, [{ start: question.start, end: question.end, replacement: formatToken(tokenFor(question, choice, legalNameOf)) }]);
        }
        expect(text, body).not.toContain('{{{{');
        const tokens = findTokens(text);
        expect(tokens, body).toHaveLength(1);
        expect(tokens[0]!.token.kind === 'redacted' || legalNameOf((tokens[0]!.token as { pseudonym: string }).pseudonym) !== undefined, text).toBe(true);
        expect(scan(text), text).toEqual([]);
      }),
    );
  });

  it('an answer keeps the token’s own wording, which its author meant the sealed version to print', () => {
    const choose = fc.constantFrom<'plaintiff' | 'redact'>('plaintiff', 'redact');
    const wordingOf = (who: ScanIdentity) => fc.constantFrom(who.legalName.split(' ')[0]!, 'the officer', `${who.legalName.split(' ')[0]!}'s`, `  ${who.legalName}  `);
    fc.assert(
      fc.property(
        person.chain((who) => fc.tuple(fc.constant(who), wordingOf(who))),
        fc.constantFrom('', 'Officer '),
        choose,
        ([who, wording], title, answer) => {
          const body = `Per {{${title}${who.legalName}|${wording}}}, the posts went up in May.`;
          const [finding] = scan(body);
          expect(finding, body).toBeDefined();
          const choice = answer === 'redact' ? ({ kind: 'redact' } as const) : ({ kind: 'plaintiff', pseudonym: who.pseudonym } as const);
          const text = replaceSpans(body, [{ start: finding!.start, end: finding!.end, replacement: formatToken(tokenFor(finding!, choice, legalNameOf)) }]);
          const [token] = findTokens(text).map((t) => t.token);
          const asDrafted = wording.trim();
          if (answer === 'redact') expect(token, text).toEqual({ kind: 'redacted', wording: asDrafted });
          // The legal name as wording says nothing the bare token does not.
          else if (asDrafted === who.legalName) expect(token, text).toEqual({ kind: 'plaintiff', pseudonym: who.pseudonym });
          else expect(token, text).toEqual({ kind: 'plaintiff', pseudonym: who.pseudonym, wording: asDrafted });
          expect(scan(text), text).toEqual([]);
        },
      ),
    );
  });

  it('a pseudonym of the case, written in any case and spacing, is a token: nothing is found in it', () => {
    const text = people.map((p) => `{{${p.pseudonym}}} {{ ${p.pseudonym.toUpperCase().replace(/ /g, '  ')} |${p.legalName}}}`).join(', ');
    expect(scan(text)).toEqual([]);
  });
});
