import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { expect, SLOW, test, type Harness } from '../harness';
import { addPlaintiffThroughUi, createCaseThroughUi, screen, startWithVault } from './helpers';

// Intake (issue 5) through the UI only: the import wizard on a generated CSV (mapping, masked
// sample, preview, import, summary), an XLSX with two sheets and duplicates decided one of each
// way, a file with problems (refused whole, every problem listed), a large import cancelled
// while it writes (vault unchanged), and the roster exports (public, sealed with the warning).
// Synthetic people only: faker with a fixed seed. A screenshot and axe at each step.

const TITLE = 'Officers Doe v. City of Westbrook';
const HEADERS = ['Full Name', 'Date of Birth', 'Email', 'Phone', 'Badge No.', 'Notes'];

type Person = ReturnType<typeof syntheticPlaintiffs>[number];

function rowOf(p: Person): string[] {
  const badge = (p.idNumbers as string[] | undefined)?.[0] ?? '';
  return [p.legalName, p.dob ?? '', p.email ?? '', p.phone ?? '', badge, p.notes ?? ''];
}

function csv(rows: string[][]): string {
  const cell = (value: string) => (/[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function writeCsv(harness: Harness, name: string, people: Person[], extra: string[][] = []): string {
  const path = join(harness.dir, name);
  writeFileSync(path, csv([HEADERS, ...people.map(rowOf), ...extra]));
  return path;
}

async function openWizard(page: Page) {
  await page.getByRole('button', { name: 'Import plaintiffs…' }).first().click();
  const wizard = page.getByRole('dialog', { name: 'Import plaintiffs' });
  await expect(wizard.getByRole('heading', { name: 'Choose the spreadsheet' })).toBeVisible();
  return wizard;
}

async function rosterCount(page: Page, count: number) {
  await expect(page.locator('.toolbar-count')).toHaveText(`${count.toLocaleString('en-US')} plaintiff${count === 1 ? '' : 's'}`, { timeout: SLOW });
}

test('import a CSV through the wizard, then export the roster public and sealed', async ({ harness }) => {
  const { page } = harness;
  const people = syntheticPlaintiffs(60, 505);
  const file = writeCsv(harness, 'westbrook-intake.csv', people);
  await startWithVault(harness);
  await createCaseThroughUi(page, TITLE, /Neutral/);

  // Step 1: the file, chosen in main's dialog (the harness answers it).
  const wizard = await openWizard(page);
  await screen(harness, 'intake-1-choose-file');
  harness.answerDialogs({ chooseIntakeFile: file });
  await wizard.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(wizard.getByText('westbrook-intake.csv')).toBeVisible();
  await expect(wizard.getByText(/^CSV(, 60 rows)?, 6 columns$/)).toBeVisible();
  await wizard.getByRole('button', { name: 'Next: columns' }).click();

  // Step 2: columns, detected; sample values masked until shown.
  await expect(wizard.getByRole('heading', { name: 'What each column holds' })).toBeVisible();
  const holds = (header: string) => wizard.getByRole('combobox', { name: `Column “${header}” holds` });
  await expect(holds('Full Name')).toHaveValue('legalName');
  await expect(holds('Date of Birth')).toHaveValue('dob');
  await expect(holds('Email')).toHaveValue('email');
  await expect(holds('Badge No.')).toHaveValue('idNumbers');
  await expect(wizard.getByText(people[0]!.legalName)).toHaveCount(0);
  await screen(harness, 'intake-2-mapping');
  await wizard.getByRole('button', { name: 'Show the values' }).click();
  await expect(wizard.getByRole('cell', { name: people[0]!.legalName, exact: true })).toBeVisible();
  await wizard.getByRole('button', { name: 'Hide the values' }).click();
  await expect(wizard.getByText(people[0]!.legalName)).toHaveCount(0);
  await holds('Notes').selectOption({ label: 'Not imported' });
  await wizard.getByRole('button', { name: 'Next: check the rows' }).click();

  // Step 3: the check: nothing wrong, nothing duplicated.
  await expect(wizard.getByRole('heading', { name: 'Check before importing' })).toBeVisible({ timeout: SLOW });
  await expect(wizard.getByText('60 rows read: 60 ready.')).toBeVisible();
  await screen(harness, 'intake-3-preview');

  // Steps 4–5: import, then the summary.
  await wizard.getByRole('button', { name: 'Import 60 plaintiffs' }).click();
  await expect(wizard.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: SLOW });
  await expect(wizard.locator('.wizard-summary')).toContainText('Added60');
  await expect(wizard.getByText('New pseudonyms: Doe 1 to Doe 60.')).toBeVisible();
  await screen(harness, 'intake-5-summary');
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(wizard).toBeHidden();
  await rosterCount(page, 60);
  // Progress was counted (determinate) along the way.
  const counted = harness.events.filter((e) => e.kind === 'progress' && (e.payload as { operation: string; step?: string }).operation === 'Importing plaintiffs' && (e.payload as { step?: string }).step);
  expect(counted.length).toBeGreaterThan(0);

  // The public roster: pseudonyms only.
  await page.getByRole('button', { name: 'Public CSV…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export the roster' });
  await screen(harness, 'roster-export-public');
  harness.answerDialogs({ chooseRosterDestination: join(harness.dir, 'public-roster.csv') });
  await exportDialog.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(exportDialog.getByText('Saved public-roster.csv: 60 plaintiffs.')).toBeVisible();
  const publicCsv = readFileSync(join(harness.dir, 'public-roster.csv'), 'utf8');
  expect(publicCsv).toContain('Doe 60');
  for (const p of people) expect(publicCsv).not.toContain(p.legalName);
  await exportDialog.locator('.dialog-actions').getByRole('button', { name: 'Close' }).click();

  // The sealed roster: a warning to confirm, then main's dialog (which warns again).
  await page.getByRole('button', { name: 'Sealed CSV or Excel…' }).click();
  await expect(exportDialog.getByText(/will hold the real names of every plaintiff/)).toBeVisible();
  const save = exportDialog.getByRole('button', { name: 'Choose where to save the sealed roster…' });
  await expect(save).toBeDisabled();
  await exportDialog.getByRole('radio', { name: /Sealed roster \(Excel\)/ }).check();
  await exportDialog.getByRole('checkbox', { name: /I understand/ }).check();
  await screen(harness, 'roster-export-sealed-warning');
  harness.answerDialogs({ chooseRosterDestination: join(harness.dir, 'sealed-roster.xlsx') });
  await save.click();
  await expect(exportDialog.getByText('Saved sealed-roster.xlsx: 60 plaintiffs.')).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(harness.dir, 'sealed-roster.xlsx'));
  const cells = JSON.stringify(book.worksheets[0]!.getSheetValues());
  expect(cells).toContain(people[59]!.legalName);
  expect(harness.dialogsShown.filter((d) => d === 'chooseRosterDestination')).toHaveLength(2);
});

test('an XLSX with two sheets, and duplicates skipped, imported anyway and merged', async ({ harness }) => {
  const { page } = harness;
  const [first, second, ...rest] = syntheticPlaintiffs(12, 606);
  await startWithVault(harness);
  await createCaseThroughUi(page, TITLE, /Neutral/);
  await addPlaintiffThroughUi(page, { legalName: first!.legalName, dob: first!.dob! });
  await addPlaintiffThroughUi(page, { legalName: second!.legalName });

  // Sheet 1 is a cover note; sheet 2 holds the plaintiffs: first (merge), second (import anyway),
  // then ten new people of whom the last repeats the one before it (skip).
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Cover').addRows([['Memo'], ['Intake of the Westbrook officers, batch 2']]);
  const sheet = book.addWorksheet('Plaintiffs');
  sheet.addRow(HEADERS);
  for (const p of [first!, second!, ...rest]) sheet.addRow(rowOf(p));
  sheet.addRow(rowOf(rest.at(-1)!));
  const file = join(harness.dir, 'westbrook-batch-2.xlsx');
  await book.xlsx.writeFile(file);

  const wizard = await openWizard(page);
  harness.answerDialogs({ chooseIntakeFile: file });
  await wizard.getByRole('button', { name: 'Choose a file…' }).click();
  const sheetSelect = wizard.getByRole('combobox', { name: 'Sheet' });
  await expect(sheetSelect).toHaveValue('Cover');
  await sheetSelect.selectOption('Plaintiffs');
  await expect(wizard.getByText(/^Excel workbook(, 13 rows)?, 6 columns$/)).toBeVisible();
  await screen(harness, 'intake-1-choose-sheet');
  await wizard.getByRole('button', { name: 'Next: columns' }).click();
  await expect(wizard.getByRole('combobox', { name: 'Column “Full Name” holds' })).toHaveValue('legalName');
  await wizard.getByRole('button', { name: 'Next: check the rows' }).click();

  await expect(wizard.getByRole('heading', { name: 'Check before importing' })).toBeVisible({ timeout: SLOW });
  await expect(wizard.getByText(/3 possible duplicates/)).toBeVisible();
  const decisions = wizard.getByRole('region', { name: 'Possible duplicates' });
  await decisions.getByRole('radiogroup', { name: 'Row 2' }).getByRole('radio', { name: 'Merge' }).check();
  await decisions.getByRole('radiogroup', { name: 'Row 3' }).getByRole('radio', { name: 'Import anyway' }).check();
  await expect(decisions.getByRole('radiogroup', { name: 'Row 14' }).getByRole('radio', { name: 'Skip' })).toBeChecked();
  await expect(decisions.getByText('Row 13 of this file')).toBeVisible();
  await expect(decisions.getByText(/Doe 1 · same date of birth/)).toBeVisible();
  await screen(harness, 'intake-3-duplicates');
  await wizard.getByRole('button', { name: /^Import \d+ plaintiffs$/ }).click();

  await expect(wizard.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: SLOW });
  const summary = wizard.locator('.wizard-summary');
  await expect(summary).toContainText('Added11');
  await expect(summary).toContainText('Skipped1');
  await expect(summary).toContainText('Merged1');
  await expect(summary).toContainText('Rejected0');
  await wizard.getByRole('button', { name: 'Done' }).click();
  await rosterCount(page, 13);
});

test('a file with problems is refused whole; a large import cancelled while it writes changes nothing', async ({ harness }) => {
  const { page } = harness;
  const people = syntheticPlaintiffs(40, 707);
  const bad = writeCsv(harness, 'with-problems.csv', people, [
    ['', '1990-01-01', 'someone@example.org', '', '', ''],
    ['Quentin Fairweather', '31/31/1990', 'not-an-email', '', '', ''],
  ]);
  await startWithVault(harness);
  await createCaseThroughUi(page, TITLE, /Neutral/);

  const wizard = await openWizard(page);
  harness.answerDialogs({ chooseIntakeFile: bad });
  await wizard.getByRole('button', { name: 'Choose a file…' }).click();
  await wizard.getByRole('button', { name: 'Next: columns' }).click();
  await wizard.getByRole('button', { name: 'Next: check the rows' }).click();
  await expect(wizard.getByRole('heading', { name: 'Check before importing' })).toBeVisible({ timeout: SLOW });
  await expect(wizard.getByText('The file cannot be imported as it is.')).toBeVisible();
  const problems = wizard.getByRole('region', { name: 'Problems' }).getByRole('row');
  await expect(problems).toHaveCount(1 + 3); // header + the missing name, the date, the email
  await expect(problems.nth(1)).toContainText('42');
  await expect(problems.nth(2)).toContainText('43');
  await expect(problems.nth(3)).toContainText('43');
  await expect(wizard.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await screen(harness, 'intake-3-problems');

  // A large file: cancelled while it writes, in one transaction, so nothing stays.
  const COUNT = Number(process.env.DOEVAULT_E2E_INTAKE ?? 50_000);
  const large = writeCsv(harness, 'large.csv', syntheticPlaintiffs(COUNT, 808).map((p, i) => ({ ...p, legalName: `${p.legalName} ${i}` })));
  await wizard.getByRole('button', { name: 'Back' }).click();
  await wizard.getByRole('button', { name: 'Back' }).click();
  harness.answerDialogs({ chooseIntakeFile: large });
  await wizard.getByRole('button', { name: 'Choose another file…' }).click();
  await expect(wizard.getByText('large.csv')).toBeVisible({ timeout: SLOW });
  await wizard.getByRole('button', { name: 'Next: columns' }).click();
  await wizard.getByRole('button', { name: 'Next: check the rows' }).click();
  await expect(wizard.getByRole('heading', { name: 'Check before importing' })).toBeVisible({ timeout: 120_000 });
  // The worker holds once it has written its first batch, until the Cancel arrives: the cancel
  // lands mid-write however loaded the machine (a race the import could otherwise win).
  harness.holdAtStep('Writing');
  await wizard.getByRole('button', { name: `Import ${COUNT.toLocaleString('en-US')} plaintiffs` }).click();
  const bar = wizard.getByRole('progressbar', { name: 'Importing plaintiffs…' });
  await expect(bar).toHaveAttribute('aria-valuetext', /Writing: [1-9]/, { timeout: 120_000 });
  await screen(harness, 'intake-4-writing');
  await wizard.getByRole('button', { name: 'Cancel import' }).click();
  await expect(wizard.getByText('The import was cancelled. Nothing was changed in the vault.')).toBeVisible({ timeout: SLOW });
  await screen(harness, 'intake-5-cancelled');
  await wizard.getByRole('button', { name: 'Close' }).click();
  await expect(wizard).toBeHidden();
  await expect(page.getByText('No plaintiffs in this case yet')).toBeVisible();
  expect(existsSync(large)).toBe(true);
});
