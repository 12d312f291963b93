import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../fixtures/checks';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { expect, SCREENS_DIR, SLOW, test, type Harness } from '../harness';
import { addPlaintiffThroughUi, createCaseThroughUi, screen, startWithVault } from './helpers';

// Issue 13 from the app: a case with plaintiffs and a complaint whose front matter gives the
// caption; "Sealing papers" on the case's filings writes the motion, the declaration of counsel,
// the proposed order and the declaration of identities into a folder chosen in main's dialog,
// and reports each file with its role. The files are then read on disk as a clerk would.
// Synthetic people only: faker with a fixed seed.

const CASE_TITLE = 'Does 1–3 v. Harbor Transit Authority';

const complaint = [
  '---',
  'court: ca-sup-los-angeles',
  'caseNumber: 26STCV04410',
  'judge: Hon. Rosalind T. Example',
  'department: 14',
  'title: Complaint for Damages',
  'parties:',
  '  defendants:',
  '    - HARBOR TRANSIT AUTHORITY, a public entity',
  'counsel:',
  '  - name: Ottoline R. Testwell',
  '    barNumber: 999002',
  '    firm: Testwell Ordinal LLP',
  '    attorneysFor: Plaintiffs',
  '---',
  '## Parties',
  '',
  '1. {{Jane Doe 1}} is a transit officer of the Authority.',
  '',
].join('\n');

const words = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** Page 1 of a PDF as a picture in the screenshots folder. */
function keepPage1(pdf: string, name: string, harness: Harness): void {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const prefix = join(harness.dir, name);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  copyFileSync(`${prefix}.png`, join(SCREENS_DIR, `${name}.png`));
}

test('Sealing papers from the app: the set is written, verified and reported with each file’s role', async ({ harness }) => {
  const { page } = harness;
  await startWithVault(harness);
  await createCaseThroughUi(page, CASE_TITLE);
  const people = syntheticPlaintiffs(3, 1313);
  for (const [i, person] of people.entries()) await addPlaintiffThroughUi(page, { legalName: person.legalName, gender: i === 1 ? 'Male' : 'Female' });
  await page.getByRole('navigation', { name: 'Case' }).getByRole('button', { name: 'Filings' }).click();

  // The complaint: its front matter is the papers' caption (case number, judge, parties, counsel).
  const draft = join(harness.dir, 'complaint.md');
  writeFileSync(draft, complaint);
  harness.answerDialogs({ chooseDraftToImport: draft });
  await page.getByRole('button', { name: /Import draft/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Complaint for Damages' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'Filings' }).click();

  await page.getByRole('button', { name: 'Sealing papers…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sealing papers' });
  await expect(dialog.getByLabel('Court', { exact: true })).toHaveValue('ca-sup-los-angeles');
  await expect(dialog.getByLabel('Caption from').locator('option:checked')).toHaveText('Complaint for Damages');
  await expect(dialog.getByRole('checkbox', { name: /Also write Word files/ })).toBeChecked();
  await screen(harness, 'sealing-set-dialog');

  const out = join(harness.dir, 'sealing-papers');
  harness.answerDialogs({ chooseExportFolder: out });
  await dialog.getByRole('button', { name: 'Choose a folder and write…' }).click();
  const report = page.getByRole('dialog', { name: 'Sealing papers written and verified' });
  await expect(report).toBeVisible({ timeout: SLOW });
  await expect(report.getByRole('status')).toContainText('the declaration of identities lists all 3 plaintiffs');
  const row = (file: string) => report.getByRole('row').filter({ has: page.getByRole('rowheader').getByText(file, { exact: true }) });
  for (const paper of ['motion.pdf', 'declaration-of-counsel.pdf', 'proposed-order.pdf', 'motion.docx']) await expect(row(paper)).toContainText('Public: file it');
  await expect(row('declaration-of-identities.pdf')).toContainText('Lodged conditionally under seal');
  await expect(row('declaration-of-identities.pdf')).toContainText('CONDITIONALLY UNDER SEAL');
  await expect(row('manifest.json')).toContainText('Manifest');
  await screen(harness, 'sealing-set-report');
  expect(harness.dialogsShown.filter((name) => name === 'chooseExportFolder')).toHaveLength(1);

  // On disk: the four papers, the Word files of the public ones, the manifest; nothing else.
  const papers = ['motion', 'declaration-of-counsel', 'proposed-order'];
  expect(readdirSync(out).sort()).toEqual([...papers.flatMap((p) => [`${p}.pdf`, `${p}.docx`]), 'declaration-of-identities.pdf', 'manifest.json'].sort());
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { name: string; role: string; sha256: string }[] };
  for (const file of manifest.files) expect(sha256(join(out, file.name)), file.name).toBe(file.sha256);
  expect(manifest.files.filter((f) => f.role === 'lodged').map((f) => f.name)).toEqual(['declaration-of-identities.pdf']);

  for (const paper of papers) {
    const text = words(join(out, `${paper}.pdf`));
    for (const person of people) expect(text, paper).not.toContain(person.legalName);
    expect(text, paper).toContain('Ottoline R. Testwell');
    expect(text, paper).toContain('HARBOR TRANSIT AUTHORITY');
  }
  expect(words(join(out, 'motion.pdf'))).toContain('rule 2.550(d)');
  expect(words(join(out, 'declaration-of-counsel.pdf'))).toContain('under the laws of the State of California that the foregoing is true and correct');
  const identities = words(join(out, 'declaration-of-identities.pdf'));
  for (const person of people) expect(identities).toContain(person.legalName);
  keepPage1(join(out, 'motion.pdf'), 'sealing-set-motion-page1', harness);
  keepPage1(join(out, 'proposed-order.pdf'), 'sealing-set-order-page1', harness);
});
