import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { expect, SCREENS_DIR, SLOW, test, type Harness } from '../harness';
import { addPlaintiffThroughUi, createCaseThroughUi, screen, startWithVault } from './helpers';

// Issue 12 from the app: a complaint whose draft opens with its filing facts (front matter) is
// imported, exported as PDF and Word through the UI, and read back the way a clerk's system
// reads it (pdftotext -layout; the DOCX rendered by LibreOffice). Page 1 of each is kept as a
// picture beside the screenshots. Synthetic people only: faker with a fixed seed.

const CASE_TITLE = 'Does 1–3 v. Harbor Transit Authority';

function draft(): string {
  return [
    '---',
    'court: ca-sup-los-angeles',
    'caseNumber: 26STCV04410',
    'judge: Hon. Rosalind T. Example',
    'department: 14',
    'title: Complaint for Damages',
    'parties:',
    '  defendants:',
    '    - HARBOR TRANSIT AUTHORITY, a public entity',
    '    - ROES 1 through 20, inclusive',
    'counsel:',
    '  - name: Ottoline R. Testwell',
    '    barNumber: 999002',
    '    firm: Testwell Ordinal LLP',
    '    address: |',
    '      100 Example Plaza, Suite 400',
    '      Los Angeles, California 90012',
    '    phone: (213) 555-0142',
    '    attorneysFor: Plaintiffs',
    'juryDemand: yes',
    '---',
    '## Parties',
    '',
    '1. {{Jane Doe 1}} is a transit officer of the Authority.[^1]',
    '2. {{Jane Doe 2}} and {{Jane Doe 3}} are officers of the same unit.',
    '',
    '## First Cause of Action',
    '',
    '3. Plaintiffs incorporate paragraphs 1 through 2.',
    '4. The Authority published the officers’ home addresses.',
    '',
    '[^1]: Her badge number is withheld from this filing.',
    '',
  ].join('\n');
}

/** Page 1 of a PDF as a picture in the screenshots folder. */
function keepPage1(pdf: string, name: string, harness: Harness): void {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const prefix = join(harness.dir, name);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  copyFileSync(`${prefix}.png`, join(SCREENS_DIR, `${name}.png`));
}

const layout = (file: string, page = 1) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });

test('a complaint with front matter, exported from the app, is on pleading paper in both formats', async ({ harness }) => {
  const { page } = harness;
  await startWithVault(harness);
  await createCaseThroughUi(page, CASE_TITLE);
  for (const person of syntheticPlaintiffs(3, 4410)) await addPlaintiffThroughUi(page, { legalName: person.legalName, gender: 'Female' });
  await page.getByRole('navigation', { name: 'Case' }).getByRole('button', { name: 'Filings' }).click();

  const mdPath = join(harness.dir, 'complaint.md');
  writeFileSync(mdPath, draft());
  harness.answerDialogs({ chooseDraftToImport: mdPath });
  await page.getByRole('button', { name: /Import draft/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Complaint for Damages' })).toBeVisible();

  await page.getByRole('tab', { name: 'Preview' }).click();
  const paper = page.getByRole('article', { name: 'Public version' });
  await expect(paper).toContainText('Ottoline R. Testwell');
  await expect(paper).toContainText('SUPERIOR COURT OF THE STATE OF CALIFORNIA');
  await expect(paper).toContainText('/s/ Ottoline R. Testwell');
  await screen(harness, 'pleading-preview-public');

  const exportDir = join(harness.dir, 'exports', 'complaint');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('checkbox', { name: /Also write Word files/ })).toBeChecked();
  harness.answerDialogs({ chooseExportFolder: exportDir });
  await dialog.getByRole('button', { name: 'Choose a folder and export…' }).click();
  await expect(page.getByRole('dialog', { name: 'Exported and verified' })).toBeVisible({ timeout: SLOW });

  // Page 1 as pdftotext -layout reads it: counsel from line 1, the court on line 8 (CRC 2.111).
  const publicPdf = join(exportDir, 'public.pdf');
  const rows = layout(publicPdf).split('\n');
  const numbered = (n: number) => rows.find((row) => new RegExp(`^\\s*${n}(\\s|$)`).test(row)) ?? '';
  expect(numbered(1)).toContain('Ottoline R. Testwell');
  expect(rows.slice(0, rows.indexOf(numbered(4)) + 1).join('\n')).toContain('999002');
  expect(numbered(8)).toContain('SUPERIOR COURT OF THE STATE OF CALIFORNIA');
  const all = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', publicPdf, '-'], { encoding: 'utf8' });
  expect(all).toMatch(/Plaintiffs,/);
  expect(all).toMatch(/Defendants\./);
  expect(all).toContain('DEMAND FOR JURY TRIAL');
  expect(all).toContain('/s/ Ottoline R. Testwell');
  // The numbered allegations run 1..4 across the two headings.
  const allegations = [...all.matchAll(/^\s*\d+\s+(\d)\.\s{2,}/gm)].map((m) => Number(m[1]));
  expect(allegations).toEqual([1, 2, 3, 4]);
  // The footnote at the foot of the page that cites it, below the body's lines.
  const pages = all.split('\f');
  const cited = pages.findIndex((text) => text.includes('transit officer of the Authority'));
  expect(cited).toBeGreaterThanOrEqual(0);
  const citing = pages[cited]!;
  expect(citing.indexOf('Her badge number is withheld')).toBeGreaterThan(citing.lastIndexOf('transit officer of the Authority'));
  keepPage1(publicPdf, 'pleading-page1-pdf', harness);

  // The Word file, rendered by LibreOffice: the same first page.
  const profile = pathToFileURL(join(harness.dir, 'lo-profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(harness.dir, 'docx-pdf'), join(exportDir, 'public.docx')], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  const docxPdf = join(harness.dir, 'docx-pdf', 'public.pdf');
  const docxPage1 = layout(docxPdf);
  expect(docxPage1).toContain('Ottoline R. Testwell');
  expect(docxPage1).toContain('SUPERIOR COURT OF THE STATE OF CALIFORNIA');
  keepPage1(docxPdf, 'pleading-page1-docx', harness);
});
