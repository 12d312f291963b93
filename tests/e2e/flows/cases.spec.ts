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
