import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxPartsText, pdfText } from '../../../src-main/core/documents';
import type { Finding } from '../../../src-main/core/filings/resolution';
import { formatToken } from '../../../src-main/core/filings/tokens';
import { normalizeKey } from '../../../src-main/core/scan/text-map';
import type { VaultService } from '../../../src-main/core/service';
import { tempVault } from '../../fixtures/temp-vault';

/**
 * Issue 11, the doxxing surface: a draft that names a plaintiff's child, plate, handle or school
 * is refused by the export (nothing written) until each is dealt with, and once redacted none
 * of them reaches the public files.
 */
describe('export and the doxxing surface', () => {
  let vault: VaultService;
  let dir: string;
  let cleanup: () => void;
  let caseId: string;

  beforeAll(async () => {
    ({ vault, dir, cleanup } = await tempVault());
    caseId = vault.cases.create({ title: 'Does v. Metropolis Daily Courier', court: 'Superior Court', number: 'MCV-11' }).id;
    vault.plaintiffs.add(caseId, {
      legalName: 'Zephyrine Quillfeather',
      gender: 'female',
      family: [{ name: 'Ottilie Brannigan', relation: 'daughter' }],
      vehicles: [{ plate: '7QXZ918', state: 'CA' }],
      handles: ['@zq_rides77'],
      affiliations: [{ name: 'Hollingsworth Academy', kind: 'school' }],
      characteristics: ['phoenix tattoo'],
    });
  });
  afterAll(() => cleanup());

  const DRAFT = [
    'The article named the daughter of {{Jane Doe 1}}, Ottilie Brannigan, and her school, Hollingsworth Academy.',
    'It printed the plate 7 QXZ-918, linked https://x.com/ZQ_Rides77 and described a Phoenix Tattoo.',
  ].join('\n\n');

  it('turns the child, school, plate and handle into redactions itself, and asks about the characteristic; nothing written while it asks', async () => {
    const folder = join(dir, 'asked');
    const report = await vault.filings.export(caseId, { title: 'Complaint', body: DRAFT }, { destination: folder });
    expect(report.status).toBe('needs-resolution');
    const questions = report.status === 'needs-resolution' ? report.questions : [];
    expect(questions.map((q) => [q.kind, q.text, q.action])).toEqual([['characteristic', 'Phoenix Tattoo', { kind: 'ask', why: 'common-word' }]]);
    const body = report.status === 'needs-resolution' ? report.body : '';
    for (const wording of ['Ottilie Brannigan', 'Hollingsworth Academy', '7 QXZ-918', 'ZQ_Rides77']) expect(body).toContain(`{{redacted|${wording}}}`);
    expect(existsSync(folder)).toBe(false);
  });

  it('refuses a title naming the child or the plate: a question, nothing written', async () => {
    for (const title of ['Complaint of Ottilie Brannigan', 'Complaint re 7QXZ918']) {
      const folder = join(dir, `title-${title.length}`);
      const report = await vault.filings.export(caseId, { title, body: 'Plaintiff {{Jane Doe 1}} sues.' }, { destination: folder });
      expect(report.status, title).toBe('needs-resolution');
      expect(report.status === 'needs-resolution' && report.questions.map((q) => [q.field, q.kind])).toEqual([['title', title.includes('7QXZ') ? 'vehicle' : 'relative']]);
      expect(existsSync(folder)).toBe(false);
    }
  });

  it('a child\'s name or a plate cannot be cleared with "not a plaintiff"', async () => {
    for (const wording of ['Ottilie Brannigan', '7QXZ918']) {
      const folder = join(dir, `cannot-clear-${wording.length}`);
      const body = `Witness ${formatToken({ kind: 'not-a-plaintiff', wording })} spoke.`;
      const report = await vault.filings.export(caseId, { title: 'Declaration', body }, { destination: folder });
      expect(report.status, wording).toBe('needs-resolution');
      expect(report.status === 'needs-resolution' && report.questions[0]).toMatchObject({ cannotClear: true });
      expect(existsSync(folder)).toBe(false);
    }
  });

  it('once redacted, none of it reaches the public PDF or DOCX', async () => {
    const folder = join(dir, 'redacted');
    let body = DRAFT;
    const report = await vault.filings.export(caseId, { title: 'Complaint', body }, { destination: folder });
    const questions: Finding[] = report.status === 'needs-resolution' ? report.questions : [];
    if (report.status === 'needs-resolution') body = report.body;
    for (const question of [...questions].sort((a, b) => b.start - a.start)) body = vault.filings.resolve(caseId, body, question, { kind: 'redact' });
    const done = await vault.filings.export(caseId, { title: 'Complaint', body }, { destination: folder, docx: true });
    expect(done.status).toBe('exported');
    const texts = [
      (await pdfText(new Uint8Array(readFileSync(join(folder, 'public.pdf'))))).text,
      (await docxPartsText(new Uint8Array(readFileSync(join(folder, 'public.docx'))))).text,
    ];
    for (const text of texts) {
      const squashed = normalizeKey(text).replaceAll(' ', '');
      for (const key of ['ottiliebrannigan', 'hollingsworth', '7qxz918', 'zqrides77', 'phoenixtattoo']) expect(squashed.includes(key), key).toBe(false);
    }
  });
});
