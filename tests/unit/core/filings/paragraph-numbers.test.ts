import { describe, expect, it } from 'vitest';
import { parseFilingInput } from '../../../../src-main/core/filings/filing-input';
import { parseNumberedBody } from '../../../../src-main/core/filings/markdown';
import { checkParagraphRefs } from '../../../../src-main/core/filings/paragraph-numbers';
import { checkFiling } from '../../../../src-main/core/filings/questions';
import { draftScan } from '../../../../src-main/core/filings/resolution';
import { findTokens } from '../../../../src-main/core/filings/tokens';
import { LeakScanner } from '../../../../src-main/core/scan';
import { codeOf } from '../../../fixtures/checks';

const CASE = 'case-a';
// Invented people: nobody real.
const scanner = LeakScanner.build([
  { plaintiffId: 'p1', caseId: CASE, pseudonym: 'Jane Doe 1', legalName: 'Zephyrine Quillfeather', aliases: [], idNumbers: [] },
]);
const check = (body: string) =>
  checkFiling(parseFilingInput({ title: 'Complaint', body }), CASE, draftScan(scanner, ['Jane Doe 1']), () => 'Zephyrine Quillfeather');

describe('paragraph references', () => {
  it('pass when every reference has its labelled paragraph, and name the line of the first that has none', async () => {
    const body = '1. {#harm} Harmed.\n\nSee {{para:harm}}.\n\nAnd {{para:costs}}.';
    const tokens = findTokens(body);
    const { labels } = parseNumberedBody(body);
    expect(() => checkParagraphRefs(tokens.slice(0, 1), labels)).not.toThrow();
    expect(await codeOf(() => checkParagraphRefs(tokens, labels))).toBe('VALIDATION');
    expect(() => checkParagraphRefs(tokens, labels)).toThrow(/^Line 5: \{\{para:costs\}\}/);
  });

  it('are no mention of anyone for the leak scan, whatever the label is called', () => {
    const checked = check('1. {#damages} Harmed.\n\nSee paragraph {{para:damages}} and {{para:quillfeather}}.');
    expect(checked.questions).toEqual([]);
    expect(checked.details.body).toContain('{{para:quillfeather}}');
  });
});
