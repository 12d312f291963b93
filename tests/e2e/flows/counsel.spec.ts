import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, SCREENS_DIR, SLOW, test } from '../harness';
import { addPlaintiffThroughUi, createCaseThroughUi, field, screen, startWithVault } from './helpers';

// Issue 12, item 1, through the app: firm counsel set once in Settings (attorneys added and
// removed, an error next to its field), seen from a case's Counsel… dialog, and printed from
// line 1 of a filing whose draft names no counsel. Page 1 is read back with pdftotext -layout
// and rendered with pdftoppm for the docs. Synthetic names only.

const CASE_TITLE = 'Does v. Sample Transit District';
const COUNSEL = {
  name: 'Imogen Ferrand-Lowe',
  bar: '0246810',
  firm: 'Ferrand Lowe LLP',
  address: '40 Example Plaza, Suite 1200\nSample City, CA 90010',
  phone: '(555) 010-4400',
  email: 'iferrand@ferrandlowe.test',
  attorneysFor: 'Plaintiffs',
};

test('firm counsel set in Settings is printed on lines 1–4 of an exported filing', async ({ harness }) => {
  const { page } = harness;
  await startWithVault(harness);
  await createCaseThroughUi(page, CASE_TITLE);
  await addPlaintiffThroughUi(page, { legalName: 'Odalys Fenwick-Marr', gender: 'Female' });

  // Settings: the empty state, then the form ---------------------------------------------------
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const card = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Firm counsel' }) });
  await expect(card.getByText(/No firm counsel yet/)).toBeVisible();
  await card.getByRole('button', { name: 'Set firm counsel' }).click();
  await card.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
  await card.getByRole('button', { name: 'Save counsel' }).click();
  await expect(card.getByText('Enter the attorney’s name.')).toBeVisible();
  await expect(card.getByText('Enter an email address like name@example.com.')).toBeVisible();
  await expect(card.getByRole('textbox', { name: /^Name/ })).toBeFocused();
  await screen(harness, 'settings-firm-counsel-errors');

  await card.getByRole('textbox', { name: /^Name/ }).fill(COUNSEL.name);
  await field(page, 'State Bar number').fill(COUNSEL.bar);
  await field(page, 'Firm').fill(COUNSEL.firm);
  await card.getByRole('textbox', { name: /^Address/ }).fill(COUNSEL.address);
  await field(page, 'Phone').fill(COUNSEL.phone);
  await card.getByRole('textbox', { name: 'Email' }).fill(COUNSEL.email);
  await card.getByRole('textbox', { name: /^Attorneys for/ }).fill(COUNSEL.attorneysFor);
  await card.getByRole('button', { name: 'Add an attorney' }).click();
  await expect(card.getByRole('group')).toHaveCount(2);
  await expect(card.getByRole('group', { name: /Attorney 2/ }).getByRole('textbox', { name: /^Name/ })).toBeFocused();
  await card.getByRole('button', { name: 'Remove attorney 2' }).click();
  await expect(card.getByRole('group')).toHaveCount(1);
  await screen(harness, 'settings-firm-counsel-form');
  await card.getByRole('button', { name: 'Save counsel' }).click();
  const list = card.getByRole('list', { name: 'Firm counsel' });
  await expect(list).toContainText(`${COUNSEL.name} (State Bar No. ${COUNSEL.bar})`);
  await expect(list).toContainText('Sample City, CA 90010');
  await screen(harness, 'settings-firm-counsel');

  // The case falls back to it -------------------------------------------------------------------
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('button', { name: `Counsel for ${CASE_TITLE}` }).click();
  const dialog = page.getByRole('dialog', { name: `Counsel for “${CASE_TITLE}”` });
  await expect(dialog.getByText('This case has no counsel of its own; its filings print the firm counsel:')).toBeVisible();
  await expect(dialog).toContainText(COUNSEL.name);
  await screen(harness, 'case-counsel-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A filing without counsel of its own ----------------------------------------------------------
  await page.getByRole('button', { name: `Open roster of ${CASE_TITLE}` }).click();
  await page.getByRole('navigation', { name: 'Case' }).getByRole('button', { name: 'Filings' }).click();
  await page.getByRole('button', { name: 'New filing' }).first().click();
  const create = page.getByRole('dialog', { name: 'New filing' });
  await create.getByRole('textbox', { name: /^Title/ }).fill('Complaint for Damages');
  await create.getByRole('button', { name: 'Create filing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Complaint for Damages' })).toBeVisible();
  await page.getByLabel('Body', { exact: true }).fill('1. Plaintiffs bring this action against the district.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.save-state')).toHaveText(/^Saved /);

  await page.getByRole('button', { name: 'Export…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export the filing' });
  const wordFiles = exporting.getByRole('checkbox', { name: /Also write Word files/ });
  if (await wordFiles.isChecked()) await wordFiles.uncheck();
  const exportDir = join(harness.dir, 'complaint');
  harness.answerDialogs({ chooseExportFolder: exportDir });
  await exporting.getByRole('button', { name: 'Choose a folder and export…' }).click();
  await expect(page.getByRole('dialog', { name: 'Exported and verified' })).toBeVisible({ timeout: SLOW });

  // Page 1 read back: counsel on the numbered lines 1–4, the signature ----------------------------
  const publicPdf = join(exportDir, 'public.pdf');
  const rows = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', '1', '-l', '1', publicPdf, '-'], { encoding: 'utf8' }).split('\n');
  const at = (n: number) => rows.findIndex((row) => new RegExp(`^\\s*${n}(\\s|$)`).test(row));
  // A long line of the counsel block wraps onto the half-line below its number: compare words.
  const lines1to4 = rows.slice(at(1), at(5)).join(' ').replace(/\s+/g, ' ');
  expect(lines1to4).toContain(`${COUNSEL.name} (State Bar No. ${COUNSEL.bar})`);
  expect(lines1to4).toContain(COUNSEL.email);
  expect(lines1to4).toContain(COUNSEL.firm);
  expect(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', publicPdf, '-'], { encoding: 'utf8' })).toContain(`/s/ ${COUNSEL.name}`);

  // Page 1 as an image, for the docs ------------------------------------------------------------
  mkdirSync(SCREENS_DIR, { recursive: true });
  const prefix = join(SCREENS_DIR, 'counsel-public-page1');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', publicPdf, prefix]);
});
