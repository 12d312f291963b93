import { expect, test } from '../harness';
import { addPlaintiffThroughUi, createCaseThroughUi, screen, startWithVault } from './helpers';

// Deleting a case: it says what is lost for good (and what backups still hold), and asks for
// the case title typed out before the button works.

test('deleting a case needs its title typed, explains that it is irreversible, and leaves the other cases', async ({ harness }) => {
  const { page } = harness;
  await startWithVault(harness);
  await createCaseThroughUi(page, 'Officers Doe 1–140 v. City of Lakeside', /Custom prefix/);
  expect(await addPlaintiffThroughUi(page, { legalName: 'Samuel Ortiz' })).toBe('Officer Doe 1');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Cases' }).click();
  await createCaseThroughUi(page, 'Roe v. Lakeside School District', /Letters/);
  expect(await addPlaintiffThroughUi(page, { legalName: 'Priya Natarajan' })).toBe('Plaintiff A');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Officers Doe 1–140 v. City of Lakeside' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Officers Doe 1–140 v. City of Lakeside”?' });
  await expect(dialog).toContainText('This cannot be undone.');
  await expect(dialog).toContainText('Backups made before now still hold the case');
  const confirm = dialog.getByRole('button', { name: 'Delete case for good' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the case title to confirm/).fill('Officers Doe');
  await expect(confirm).toBeDisabled();
  await screen(harness, 'case-delete-dialog');
  await dialog.getByLabel(/Type the case title to confirm/).fill('Officers Doe 1–140 v. City of Lakeside');
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Deleted the case “Officers Doe 1–140 v. City of Lakeside” and its 1 plaintiff.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Officers Doe' })).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: 'Roe v. Lakeside School District' })).toBeVisible();

  // Keep the case: Escape closes the dialog and nothing is deleted.
  await page.getByRole('button', { name: 'Delete Roe v. Lakeside School District' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: 'Roe v. Lakeside School District' })).toBeVisible();
});

// A case title that names a plaintiff stops every export of the case; Edit details… on the
// case's page corrects it in place, by keyboard alone, and the audit log says what changed
// without the words.

test('Edit details… retitles a case by keyboard: the header shows the new title, the audit log names the fields', async ({ harness }) => {
  const { page } = harness;
  await startWithVault(harness);
  await createCaseThroughUi(page, 'Quillfeather v. City of Lakeside');
  expect(await addPlaintiffThroughUi(page, { legalName: 'Ottilie Quillfeather', gender: 'Female' })).toBe('Jane Doe 1');

  const edit = page.getByRole('button', { name: 'Edit details…' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit case details' });
  const title = dialog.getByLabel('Title', { exact: false });
  await expect(title).toBeFocused();
  await expect(title).toHaveValue('Quillfeather v. City of Lakeside');
  await expect(dialog).toContainText('This cannot be changed');

  // An empty title is refused in the dialog, which stays open with what was typed.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Give the case a title')).toBeVisible();
  await expect(title).toHaveAttribute('aria-invalid', 'true');

  await page.keyboard.type('Jane Doe 1 v. City of Lakeside');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Court')).toBeFocused();
  await page.keyboard.type('Superior Court of California, County of Lakeside');
  await page.keyboard.press('Tab');
  await page.keyboard.type('LCV-0042');
  await screen(harness, 'case-edit-details-dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { level: 1, name: 'Jane Doe 1 v. City of Lakeside' })).toBeVisible();
  await expect(page.getByText('Superior Court of California, County of Lakeside · LCV-0042')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Jane Doe 1 v. City of Lakeside');
  await expect(page.getByText('Saved the case details of “Jane Doe 1 v. City of Lakeside”.')).toBeVisible();
  await expect(edit).toBeFocused();
  await expect(page.getByText('Quillfeather v.')).toHaveCount(0);

  // Escape closes the dialog without saving anything.
  await page.keyboard.press('Enter');
  await page.keyboard.type(' (draft)');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Jane Doe 1 v. City of Lakeside' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Cases' }).click();
  await expect(page.getByRole('button', { name: 'Open roster of Jane Doe 1 v. City of Lakeside' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit log' }).click();
  const entry = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Case details changed' }) });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('title, court, number');
  await expect(page.getByText('Quillfeather')).toHaveCount(0);
});
