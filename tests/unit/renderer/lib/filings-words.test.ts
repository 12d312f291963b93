import { describe, expect, it } from 'vitest';
import type { QuestionDto } from '../../../../src-preload/contract';
import { describeFinding, whyAsked } from '../../../../src-renderer/src/lib/filings';

/** Issue 11: initials and mixed-script words read in plain words in the editor and the questions. */
const base: QuestionDto = {
  start: 0,
  end: 3,
  text: 'M.R',
  kind: 'initials',
  confidence: 'low',
  reasons: ['partial-name'],
  targets: [{ plaintiffId: 'p1', caseId: 'c1', pseudonym: 'Jane Doe 1' }],
  line: 1,
  canClear: true,
  action: { kind: 'ask', why: 'initials' },
  field: 'body',
};

describe('words for initials and mixed-script findings', () => {
  it('initials are "initials of" their plaintiff, and the question says what to decide', () => {
    expect(describeFinding(base, 'c1')).toBe('initials of Jane Doe 1');
    expect(whyAsked(base)).toMatch(/initials of someone in the vault.*Say whom they mean, redact them, or say they mean nobody/);
  });

  it('a mixed-script word names the scripts, not a person, and says to retype or redact it', () => {
    const mixed: QuestionDto = { ...base, text: 'Jоhnson', kind: 'mixed-script', reasons: [], targets: [], scripts: ['Latin', 'Cyrillic'], canClear: false, action: { kind: 'ask', why: 'mixed-script' } };
    expect(describeFinding(mixed, 'c1')).toBe('word mixing scripts (Latin and Cyrillic)');
    expect(whyAsked(mixed)).toMatch(/mixes letters of different scripts.*retype it in one script in the draft, or redact it/);
  });
});

describe('words for mentions that contradict each other (issue 12)', () => {
  it('a repeat in a list and a name beside another pseudonym say to edit the draft', () => {
    const repeated: QuestionDto = { ...base, text: '{{Jane Doe 1}}', kind: 'full-name', reasons: [], canClear: false, action: { kind: 'ask', why: 'repeated' } };
    expect(whyAsked(repeated)).toMatch(/same plaintiff is named twice in one list.*Edit the draft/);
    const beside: QuestionDto = { ...repeated, action: { kind: 'ask', why: 'beside-other' } };
    expect(whyAsked(beside)).toMatch(/beside a different plaintiff’s pseudonym.*Edit the draft/);
  });
});
