import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfText } from '../../../src-main/core/documents';
import type { VaultService } from '../../../src-main/core/service';
import { tempVault } from '../../fixtures/temp-vault';

// Invented people: a plaintiff who shares a given name with the firm's attorney.
const ALEXANDRA = { legalName: 'Alexandra Quillfeather', gender: 'female' } as const;
const JOHN = { legalName: 'John Marlowby', gender: 'male' } as const;

const DRAFT = [
  '---',
  'court: ca-sup-los-angeles',
  'caseNumber: 26STCV00001',
  'parties:',
  '  defendants:',
  '    - CITY OF EXAMPLE',
  'counsel:',
  '  - name: Alexandra Q. Testwell',
  '    barNumber: 999001',
  '    attorneysFor: Plaintiffs',
  '---',
  '1. {{Jane Doe 1}} is an officer.',
  '2. {{John Doe 2}} is an officer.',
  '',
].join('\n');

describe('questions about the front matter are asked, and answered, in the front matter', () => {
  let vault: VaultService;
  let cleanup: () => void;
  let dir: string;
  let caseId: string;

  beforeEach(async () => {
    ({ vault, cleanup, dir } = await tempVault());
    caseId = vault.cases.create({ title: 'Does v. City', court: 'Superior Court', number: 'X-1', scheme: 'gendered' }).id;
    vault.plaintiffs.addMany(caseId, [ALEXANDRA, JOHN]);
  });
  afterEach(() => cleanup());

  it('asks about the attorney’s given name at its line of the file, not about the generated caption or the court labels', () => {
    const { questions } = vault.filings.check(caseId, { title: 'Complaint', body: DRAFT });
    // "JOHN DOE 2" in the roster caption and "MAY NOT BE EXAMINED" in the court's labels are DoeVault's own words.
    // Counsel and the signature print the name: one question.
    expect(questions.map((q) => [q.field, q.line, q.text])).toEqual([['body', 8, 'Alexandra']]);
    const [q] = questions;
    expect(DRAFT.slice(q!.start, q!.end)).toBe('Alexandra');
  });

  it('takes the answer as a token in the YAML, and the export prints the attorney as written', async () => {
    const { questions } = vault.filings.check(caseId, { title: 'Complaint', body: DRAFT });
    const answered = vault.filings.resolve(caseId, DRAFT, questions[0]!, { kind: 'not-a-plaintiff' });
    expect(answered).toContain('  - name: {{not a plaintiff|Alexandra}} Q. Testwell');
    expect(vault.filings.check(caseId, { title: 'Complaint', body: answered }).questions).toEqual([]);
    const report = await vault.filings.export(caseId, { title: 'Complaint', body: answered }, { destination: join(dir, 'out') });
    expect(report.status).toBe('exported');
    const text = (await pdfText(new Uint8Array(readFileSync(join(dir, 'out', 'public.pdf'))))).text;
    expect(text).toContain('Alexandra Q. Testwell');
    expect(text).not.toContain('{{');
    expect(text).not.toContain('Quillfeather');
  });
});
