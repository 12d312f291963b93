import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { Faker, en } from '@faker-js/faker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePdf } from '../../../src-main/core/export/pdf-writer';
import type { RenderedDocument } from '../../../src-main/core/filings/document';
import { fold } from '../../../src-main/core/text/normalize';
import { ROOT, addCase, addPlaintiff, expectFailure, initVault, okJson, pdftotext, runCli, sandbox, type CliVault, type Sandbox } from './helpers';

/**
 * Issue 12, "done when": a complaint with front matter, exported from the command line, read
 * back with pdftotext -layout (each row of a page begins with its pleading line's number) as a
 * clerk reads the page: counsel from line 1, the court on line 8, the caption, paragraphs
 * numbered through the whole body, the footnote at the foot of its page, the signature.
 */
const faker = new Faker({ locale: [en] });
faker.seed(1212);
const PEOPLE = ['Marisol Okonkwo-Baptiste', 'Teodora Vashenko', 'Bartholomew Quillane'];
const NOTE = 'The department keeps its roster of undercover assignments in a sealed annex.';
const FIRST = Array.from({ length: 5 }, () => faker.lorem.sentences(3));
const SECOND = Array.from({ length: 4 }, () => faker.lorem.sentences(3));

const draftFor = (court: string) => `---
court: ${court}
caseNumber: 2:26-cv-01234
title: Complaint for Damages
judge: Hon. Winifred Example
department: "99"
juryDemand: true
dates:
  filed: 2026-12-05
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

# FIRST CAUSE OF ACTION

${FIRST.map((text, i) => `${i + 1}. ${i === 1 ? `{{Jane Doe 1}} is an officer. ${text}[^roster]` : text}`).join('\n')}

# SECOND CAUSE OF ACTION

${SECOND.map((text, i) => `${i + 1}. ${i === 0 ? `Plaintiffs incorporate paragraphs 1 through ${FIRST.length}. ` : ''}${text}`).join('\n')}

[^roster]: ${NOTE}
`;

/** The rows from the one numbered `from` up to (not including) the one numbered `to`. */
const rowsBetween = (rows: string[], from: number, to: number): string => {
  const at = (n: number) => rows.findIndex((row) => new RegExp(`^\\s*${n}(\\s|$)`).test(row));
  return rows.slice(at(from), at(to)).join('\n');
};

describe.each([
  ['ca-sup-los-angeles', 'SUPERIOR COURT OF THE STATE OF CALIFORNIA'],
  ['cacd', 'UNITED STATES DISTRICT COURT'],
] as const)('export of a complaint with front matter, court %s', (court, title) => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  let out: string;
  let pages: string[];

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Harbor City');
    for (const name of PEOPLE.slice(0, 2)) await addPlaintiff(vault, caseId, '--name', name, '--gender', 'female');
    await addPlaintiff(vault, caseId, '--name', PEOPLE[2]!, '--gender', 'male');
    const draft = box.path('complaint.md');
    writeFileSync(draft, draftFor(court));
    out = box.path('out');
    const report = await okJson<{ status: string }>([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out, '--docx']);
    expect(report.status).toBe('exported');
    pages = pdftotext(`${out}/public.pdf`, { layout: true }).split('\f');
  }, 120_000);
  afterAll(() => box.cleanup());

  it('page 1: counsel and State Bar number on lines 1–4, the court on line 8, "Plaintiffs," and "Defendants." in the caption', () => {
    const rows = pages[0]!.split('\n');
    expect(rowsBetween(rows, 1, 5)).toMatch(/Avery Quinlan \(State Bar No\. 123456\)/);
    expect(rowsBetween(rows, 8, 9)).toContain(title);
    const caption = rowsBetween(rows, 9, 22);
    for (const text of ['Plaintiffs,', 'v.', 'HARBOR CITY', 'Defendants.', 'Case No. 2:26-cv-01234', 'COMPLAINT FOR DAMAGES', 'DEMAND FOR JURY TRIAL', 'Winifred Example']) {
      expect(caption).toContain(text);
    }
  });

  it(court === 'cacd' ? 'names the Central District and never a state court' : 'names the state court and never a federal one', () => {
    const text = pages.join('\n');
    if (court === 'cacd') {
      expect(text).toContain('UNITED STATES DISTRICT COURT');
      expect(text).toContain('CENTRAL DISTRICT OF CALIFORNIA');
      expect(text).not.toMatch(/SUPERIOR COURT/i);
    } else {
      expect(text).not.toMatch(/DISTRICT COURT/i);
    }
  });

  it('numbers the paragraphs 1..N across both causes of action, without a restart', () => {
    const numbers = pages.flatMap((page) => [...page.matchAll(/^\s*\d+\s{2,}(\d+)\.\s{2,}\S/gm)].map((match) => Number(match[1])));
    expect(numbers).toEqual(Array.from({ length: FIRST.length + SECOND.length }, (_, i) => i + 1));
  });

  it('prints the footnote at the foot of the page of its reference, below the body, and the signature with "/s/"', () => {
    const page = pages.findIndex((text) => text.includes('is an officer.'));
    const rows = pages[page]!.split('\n');
    const noteRow = rows.findIndex((row) => row.includes(NOTE.split(' ').slice(0, 5).join(' ')));
    expect(noteRow, 'the note on the page of its reference').toBeGreaterThan(0);
    const bodyRows = rows.map((row, i) => [row, i] as const).filter(([row]) => FIRST.concat(SECOND).some((text) => row.includes(text.split(' ').slice(0, 3).join(' '))));
    expect(bodyRows.length).toBeGreaterThan(0);
    expect(noteRow).toBeGreaterThan(bodyRows.at(-1)![1]);
    // Within the 28 numbered lines (at most the single-spaced slot under line 28), above the footer.
    const line28 = rows.findIndex((row) => /^\s*28(\s|$)/.test(row));
    expect(line28).toBeGreaterThan(0);
    expect(noteRow).toBeLessThanOrEqual(line28 + 2);
    const text = pages.join('\n');
    expect(text).toContain('By: /s/ Avery Quinlan');
  });

  it('every file the export wrote verifies (exit 0)', async () => {
    const files = readdirSync(out).filter((file) => /\.(pdf|docx)$/.test(file));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const result = await runCli([...vault.auth, 'verify', '--case', caseId, `${out}/${file}`]);
      expect(result.code, `${file}: ${result.stderr}`).toBe(0);
    }
  });

  it('the public PDF with a plaintiff’s name pasted in fails verify (exit 3), citing page and pleading line 1–28', async () => {
    const form = court === 'cacd' ? 'federal-pleading' : 'california-pleading';
    const filler = Array.from({ length: 12 }, () => ({ type: 'paragraph' as const, runs: [{ text: faker.lorem.sentences(4) }] }));
    const doc: RenderedDocument = {
      format: court === 'cacd' ? 'federal' : 'california',
      form,
      audience: 'public',
      metadataTitle: 'Complaint for Damages',
      counsel: ['Avery Quinlan (State Bar No. 123456)'],
      court: title,
      parties: ['JANE DOES 1, 2 and JOHN DOE 3,', 'Plaintiffs,', 'v.', 'HARBOR CITY,', 'Defendants.'],
      captionRight: ['Case No. 2:26-cv-01234', '', 'COMPLAINT FOR DAMAGES'],
      labels: [],
      footer: 'COMPLAINT FOR DAMAGES',
      blocks: [...filler, { type: 'paragraph', runs: [{ text: `Jane Doe 1, whose name is ${PEOPLE[0]}, is an officer.` }] }],
      createdAt: '2026-12-05T00:00:00.000Z',
    };
    const folder = box.path('pasted');
    mkdirSync(folder);
    const pasted = `${folder}/public.pdf`;
    writeFileSync(pasted, await writePdf(doc, { fontsDir: `${ROOT}/resources/fonts` }));
    const result = await runCli([...vault.auth, 'verify', '--case', caseId, pasted, '--json']);
    expectFailure(result, 3, undefined);
    const hits = (JSON.parse(result.stdout) as { hits: { page?: number; line: number; margin?: string; kind: string }[] }).hits;
    const named = hits.filter((hit) => hit.kind === 'full-name');
    expect(named.length).toBeGreaterThan(0);
    const printed = pdftotext(pasted, { layout: true }).split('\f');
    for (const hit of named) {
      expect(hit.margin).toBeUndefined();
      expect(hit.line).toBeGreaterThanOrEqual(1);
      expect(hit.line).toBeLessThanOrEqual(28);
      const row = printed[hit.page! - 1]!.split('\n').find((text) => new RegExp(`^\\s*${hit.line}\\s`).test(text));
      expect(fold(row ?? ''), `page ${hit.page} line ${hit.line}`).toContain(fold('Okonkwo'));
    }
  });
});
