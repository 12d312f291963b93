import { describe, expect, it } from 'vitest';
import { parseFilingInput } from '../../../../src-main/core/filings/filing-input';
import { checkFiling } from '../../../../src-main/core/filings/questions';
import { clearable, draftScan, replaceSpans, tokenFor } from '../../../../src-main/core/filings/resolution';
import { formatToken } from '../../../../src-main/core/filings/tokens';
import { LeakScanner, type ScanIdentity } from '../../../../src-main/core/scan';

/**
 * Issue 11, leaks 5 and 1: initials and mixed-script words go through the filing's questions
 * like a surname alone: the export waits for a person, and the answer is written into the draft.
 */
const CASE = 'case-a';
const identities: ScanIdentity[] = [
  { plaintiffId: 'p1', caseId: CASE, pseudonym: 'Jane Doe 1', legalName: 'Zephyrine Quillfeather', aliases: [], idNumbers: [] },
  { plaintiffId: 'p2', caseId: CASE, pseudonym: 'John Doe 2', legalName: 'Bartholomew Ashcombe', aliases: [], idNumbers: [] },
];
const scanner = LeakScanner.build(identities);
const scan = draftScan(scanner, identities.map((p) => p.pseudonym));
const legalNameOf = (pseudonym: string) => identities.find((p) => p.pseudonym.toLowerCase() === pseudonym.toLowerCase())?.legalName;
const check = (body: string, title = 'Complaint') => checkFiling(parseFilingInput({ title, body }), CASE, scan, legalNameOf);

describe('initials in a filing', () => {
  it('are a question even when only one plaintiff has them; nothing is turned into a token', () => {
    const checked = check('Officer Z.Q. arrived first.');
    expect(checked.converted).toBe(0);
    expect(checked.questions).toEqual([
      expect.objectContaining({ field: 'body', kind: 'initials', text: 'Z.Q', line: 1, action: { kind: 'ask', why: 'initials' } }),
    ]);
    expect(checked.questions[0]!.targets.map((t) => t.pseudonym)).toEqual(['Jane Doe 1']);
  });

  it('in the caption are asked about too', () => {
    expect(check('Body.', 'Declaration of Officer Z.Q.').questions).toEqual([expect.objectContaining({ field: 'title', kind: 'initials' })]);
  });

  it('answered as a plaintiff print the pseudonym publicly and keep the initials for the sealed version', () => {
    const body = 'Officer Z.Q. arrived first.';
    const [question] = check(body).questions;
    const token = tokenFor(question!, { kind: 'plaintiff', pseudonym: 'Jane Doe 1' }, legalNameOf);
    expect(token).toEqual({ kind: 'plaintiff', pseudonym: 'Jane Doe 1', wording: 'Z.Q' });
    const answered = replaceSpans(body, [{ start: question!.start, end: question!.end, replacement: formatToken(token) }]);
    expect(answered).toBe('Officer {{Jane Doe 1|Z.Q}}. arrived first.');
    expect(check(answered).questions).toEqual([]);
  });

  it('may be marked "not a plaintiff" (an abbreviation, or someone else), which ends the question', () => {
    const body = 'Officer Z.Q. arrived first.';
    const [question] = check(body).questions;
    expect(clearable(question!)).toBe(true);
    const answered = replaceSpans(body, [{ start: question!.start, end: question!.end, replacement: formatToken(tokenFor(question!, { kind: 'not-a-plaintiff' }, legalNameOf)) }]);
    expect(check(answered).questions).toEqual([]);
  });

  it('are answered once per filing: the same initials elsewhere, however dotted, take the answer given', () => {
    const checked = check('Officer {{Jane Doe 1|Z.Q}}. arrived first.\n\nLater Officer Z. Q. left, and Det. ZQ stayed; Officer B.A. waited.');
    expect(checked.details.body).toBe('Officer {{Jane Doe 1|Z.Q}}. arrived first.\n\nLater Officer {{Jane Doe 1|Z. Q}}. left, and Det. {{Jane Doe 1|ZQ}} stayed; Officer B.A. waited.');
    expect(checked.converted).toBe(2);
    // Other initials are still asked about, at their new place.
    expect(checked.questions).toEqual([expect.objectContaining({ kind: 'initials', text: 'B.A', line: 3 })]);
    const question = checked.questions[0]!;
    expect(checked.details.body.slice(question.start, question.end)).toBe('B.A');
    // "not a plaintiff" once clears them everywhere; a name's wording is no answer for initials.
    expect(check('Officer {{not a plaintiff|B.A.}} and Officer B. A. spoke.').questions).toEqual([]);
    expect(check('{{Jane Doe 1|Ba}} met Officer B.A.').questions).toEqual([expect.objectContaining({ kind: 'initials' })]);
  });
});

describe('mixed-script words in a filing', () => {
  it('a disguised word that names nobody is a question that "not a plaintiff" cannot answer', () => {
    const checked = check('The clerk J\u043ehnson (a Cyrillic o) filed it.');
    expect(checked.questions).toEqual([expect.objectContaining({ kind: 'mixed-script', scripts: ['Latin', 'Cyrillic'], action: { kind: 'ask', why: 'mixed-script' } })]);
    expect(clearable(checked.questions[0]!)).toBe(false);
  });

  it('a plaintiff spelt with a look-alike becomes the token as before: one decision, no second question', () => {
    const checked = check('Zephyrine Qu\u0456llfeather sued.'); // Cyrillic і
    expect(checked.converted).toBe(1);
    expect(checked.questions).toEqual([]);
    expect(checked.details.body).toBe('{{Jane Doe 1|Zephyrine Qu\u0456llfeather}} sued.');
  });

  it('a "not a plaintiff" mark over a disguised word cannot stand', () => {
    const checked = check('The clerk {{not a plaintiff|J\u043ehnson}} filed it.');
    expect(checked.questions).toEqual([expect.objectContaining({ kind: 'mixed-script', cannotClear: true })]);
  });

  it('names wholly in one script are no question', () => {
    expect(check('Σωκράτης and Иван Петров and Nguyễn Thị Minh Khai testified.').questions).toEqual([]);
  });
});
