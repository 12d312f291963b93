import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase, addPlaintiff, type CliVault, expectFailure, initVault, okJson, pdftotext, runCli, sandbox, type Sandbox } from './helpers';

/**
 * Issue 12, item 1: a draft's front matter is the filing's facts, read by the core, so the CLI
 * (here) and the app print the same first page. Read back with pdftotext -layout, whose rows
 * begin with the pleading line's number.
 */
const FRONT_MATTER = (court: string) => `---
court: ${court}
caseNumber: 2:26-cv-01234
title: Complaint for Damages
parties:
  defendants:
    - HARBOR CITY
    - DOES 1 through 50, inclusive
counsel:
  - name: Avery Quinlan
    barNumber: "123456"
    firm: Quinlan & Marsh LLP
    address: |
      100 Sample Street, Suite 400
      Harbor City, CA 90012
    phone: (555) 010-0100
    email: aquinlan@firm.test
    attorneysFor: Plaintiffs
---
`;

describe('export: the front matter fills the first page', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Harbor City');
    for (const name of ['Marisol Okonkwo-Baptiste', 'Teodora Vashenko']) await addPlaintiff(vault, caseId, '--name', name, '--gender', 'female');
    await addPlaintiff(vault, caseId, '--name', 'Bartholomew Quillane', '--gender', 'male');
  });
  afterAll(() => box.cleanup());

  const exportPage1 = async (court: string, name: string): Promise<string[]> => {
    const draft = box.path(`${name}.md`);
    writeFileSync(draft, `${FRONT_MATTER(court)}\n1. Plaintiffs bring this action.\n2. {{Jane Doe 1}} is an officer.\n`);
    const out = box.path(name);
    expect((await okJson<{ status: string }>([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out])).status).toBe('exported');
    return pdftotext(`${out}/public.pdf`, { layout: true, first: 1, last: 1 }).split('\n');
  };
  /** The rows from the one numbered `from` up to (not including) the one numbered `to`. */
  const rowsBetween = (rows: string[], from: number, to: number): string => {
    const at = (n: number) => rows.findIndex((row) => new RegExp(`^\\s*${n}(\\s|$)`).test(row));
    return rows.slice(at(from), at(to)).join('\n');
  };

  it('California: counsel and bar number on lines 1–4, the court on line 8, a caption of Plaintiffs and Defendants from the roster', async () => {
    const rows = await exportPage1('ca-sup-los-angeles', 'state');
    expect(rowsBetween(rows, 1, 5)).toMatch(/Avery Quinlan \(State Bar No\. 123456\)/);
    expect(rowsBetween(rows, 1, 8)).toMatch(/Attorneys for Plaintiffs/);
    expect(rowsBetween(rows, 8, 9)).toMatch(/SUPERIOR COURT OF THE STATE OF CALIFORNIA/);
    const caption = rowsBetween(rows, 9, 19);
    expect(caption).toMatch(/JANE DOES 1, 2 and JOHN DOE 3,/);
    for (const text of ['Plaintiffs,', 'v.', 'HARBOR CITY', 'Defendants.', 'Case No. 2:26-cv-01234', 'COMPLAINT FOR DAMAGES']) expect(caption).toContain(text);
  });

  it('the Central District: the federal court title, never a state court', async () => {
    const page = (await exportPage1('cacd', 'federal')).join('\n');
    expect(page).toContain('UNITED STATES DISTRICT COURT');
    expect(page).toContain('CENTRAL DISTRICT OF CALIFORNIA');
    expect(page).not.toMatch(/SUPERIOR COURT/i);
  });

  it('a question in the body cites the line of the user\'s file, front matter counted', async () => {
    const draft = box.path('question.md');
    // A word with a Cyrillic letter in it is always a question (issue 11): the line is what is tested.
    const text = `${FRONT_MATTER('ca-sup-los-angeles')}\nThe sergeant spoke to the clerk.\n\nThe clerk J\u043ehnson filed it.\n`;
    writeFileSync(draft, text);
    const result = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', box.path('question'), '--json']);
    expectFailure(result, 3, undefined);
    const { questions } = JSON.parse(result.stdout) as { questions: { field: string; line: number; text: string }[] };
    const fileLine = text.split('\n').findIndex((line) => line.includes('J\u043ehnson')) + 1;
    expect(fileLine).toBeGreaterThan(20);
    expect(questions).toContainEqual(expect.objectContaining({ field: 'body', line: fileLine, text: 'J\u043ehnson' }));
  });

  it('a typo in the front matter is refused naming the line and the key meant; nothing is written', async () => {
    const draft = box.path('typo.md');
    writeFileSync(draft, FRONT_MATTER('ca-sup-los-angeles').replace('caseNumber:', 'caseNumbr:'));
    const result = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', box.path('typo')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/line 3.*caseNumbr.*caseNumber/is);
  });
});
