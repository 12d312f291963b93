import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFilingInput } from '../../../../src-main/core/filings/filing-input';
import { neighbourQuestions } from '../../../../src-main/core/filings/neighbours';
import { checkFiling } from '../../../../src-main/core/filings/questions';
import { draftScan } from '../../../../src-main/core/filings/resolution';
import { LeakScanner, type ScanIdentity } from '../../../../src-main/core/scan';

// Invented people: nobody real.
const CASE = 'case-a';
const identities: ScanIdentity[] = [
  { plaintiffId: 'p1', caseId: CASE, pseudonym: 'Jane Doe 1', legalName: 'Zephyrine Quillfeather', aliases: ['Zephyrine Marlowe'], idNumbers: [] },
  { plaintiffId: 'p2', caseId: CASE, pseudonym: 'John Doe 2', legalName: 'Bartholomew Ashcombe', aliases: [], idNumbers: [] },
  { plaintiffId: 'p8', caseId: CASE, pseudonym: 'Jane Doe 8', legalName: 'Ottilie Vandermeer', aliases: [], idNumbers: [] },
];
const roster = identities.map(({ plaintiffId, caseId, pseudonym }) => ({ plaintiffId, caseId, pseudonym }));
const scanner = LeakScanner.build(identities);
const scan = draftScan(scanner, identities.map((p) => p.pseudonym));
const legalNameOf = (pseudonym: string) => identities.find((p) => p.pseudonym.toLowerCase() === pseudonym.toLowerCase())?.legalName;
const check = (body: string) => checkFiling(parseFilingInput({ title: 'Complaint', body }), CASE, scan, legalNameOf, roster);
const asked = (body: string) => check(body).questions.map((q) => [q.action.kind === 'ask' ? q.action.why : q.action.kind, q.text]);

describe('the same plaintiff twice in one list', () => {
  it('a name and an alias of one plaintiff in a list is a question on the repeat', () => {
    const checked = check('Officers harassed several women, including Zephyrine Quillfeather and Zephyrine Marlowe.');
    expect(checked.questions).toHaveLength(1);
    expect(checked.questions[0]).toMatchObject({ field: 'body', line: 1, action: { kind: 'ask', why: 'repeated' }, targets: [{ pseudonym: 'Jane Doe 1' }] });
    expect(checked.questions[0]!.text).toBe('{{Jane Doe 1|Zephyrine Marlowe}}');
  });

  it('tokens or plain pseudonyms, with commas, "and", "or", across a line break', () => {
    expect(asked('including {{Jane Doe 1}} and Jane Doe 1.')).toEqual([['repeated', 'Jane Doe 1']]);
    expect(asked('{{Jane Doe 1}}, {{John Doe 2}},\nor {{Jane Doe 1}} sued.')).toEqual([['repeated', '{{Jane Doe 1}}']]);
  });

  it('is not a list across sentences, paragraphs or a possessive', () => {
    expect(asked('{{Jane Doe 1}} sued. {{Jane Doe 1}} won.')).toEqual([]);
    expect(asked('{{Jane Doe 1}}\n\n{{Jane Doe 1}} won.')).toEqual([]);
    expect(asked("{{Jane Doe 1}} and {{Jane Doe 1}}'s mother sued.")).toEqual([]);
    expect(asked('{{Jane Doe 1}}, {{John Doe 2}} and {{Jane Doe 8}} sued.')).toEqual([]);
  });

  it('any list of distinct plaintiffs passes; repeating any one of them is asked once', () => {
    const pseudonyms = roster.map((t) => t.pseudonym);
    fc.assert(
      fc.property(fc.shuffledSubarray(pseudonyms, { minLength: 1 }), fc.nat(), fc.boolean(), (list, pick, plain) => {
        const item = (p: string) => (plain ? p : `{{${p}}}`);
        const join = (items: string[]) => (items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`);
        expect(asked(`Plaintiffs ${join(list.map(item))} sued.`)).toEqual([]);
        const repeated = list[pick % list.length]!;
        expect(asked(`Plaintiffs ${join([...list, repeated].map(item))} sued.`)).toEqual([['repeated', item(repeated)]]);
      }),
    );
  });
});

describe('a name beside a different plaintiff’s pseudonym', () => {
  it('"Ottilie Vandermeer (Jane Doe 1)" is asked; the same plaintiff is not', () => {
    expect(asked('Plaintiff Ottilie Vandermeer (Jane Doe 1) sued.')).toEqual([['beside-other', '{{Jane Doe 8}} (Jane Doe 1']]);
    expect(asked('Plaintiff Ottilie Vandermeer (Jane Doe 8) sued.')).toEqual([]);
    expect(asked('Plaintiff Jane Doe 1 ({{Jane Doe 8|Ottilie}}) sued.')).toEqual([['beside-other', 'Jane Doe 1 ({{Jane Doe 8|Ottilie}}']]);
  });

  it('two pseudonyms typed as plain text are the drafter’s own words, not a real name: not asked', () => {
    expect(neighbourQuestions('Jane Doe 1 (Jane Doe 8) sued.', roster)).toEqual([]);
  });

  it('"Jane Doe 1" is not found inside "Jane Doe 10"', () => {
    expect(neighbourQuestions('{{Jane Doe 8}} (Jane Doe 10) and {{Jane Doe 1}} and Jane Doe 11.', roster)).toEqual([]);
  });
});
