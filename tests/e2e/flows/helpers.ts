import type { Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { expect, openApp, SLOW, type Harness } from '../harness';

export const PASSPHRASE = 'quiet harbour lantern ninety';
export const NEW_PASSPHRASE = 'copper meadow violin seventeen';

/** A screenshot of the screen as it is, and axe on it: no serious or critical violation. */
export async function screen(harness: Harness, name: string): Promise<void> {
  // From the top, so the sticky header is where it belongs in the full-page picture.
  await harness.page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await expectAccessible(harness.page, name);
  await harness.screenshot(name);
}

/** The first input whose label is exactly `label` (the Show/Hide toggles carry other labels). */
export function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

/** Welcome → Create → recovery key → Cases, through the UI. Returns the recovery key. */
export async function createVaultThroughUi(harness: Harness, options: { passphrase?: string; screenshots?: boolean } = {}): Promise<string> {
  const { page } = harness;
  const passphrase = options.passphrase ?? PASSPHRASE;
  await page.getByRole('button', { name: /Create a new vault/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a new vault' })).toBeVisible();
  await field(page, 'Passphrase').fill(passphrase);
  await field(page, 'Confirm passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Store your recovery key' })).toBeVisible({ timeout: SLOW });
  const recoveryKey = await field(page, 'Recovery key').inputValue();
  if (options.screenshots) await screen(harness, 'create-vault-recovery-key');
  await page.getByRole('checkbox', { name: /I have stored the recovery key/ }).check();
  await page.getByRole('button', { name: 'Continue to the vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  return recoveryKey;
}

/** Opens the app on a fresh vault, created through the UI. */
export async function startWithVault(harness: Harness): Promise<string> {
  await openApp(harness);
  return createVaultThroughUi(harness);
}

/** Creates a case through the New case dialog and opens its roster. */
export async function createCaseThroughUi(page: Page, title: string, scheme: RegExp = /^Gendered$/): Promise<void> {
  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title', { exact: false }).fill(title);
  await dialog.getByRole('radio', { name: scheme }).check();
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: `Open roster of ${title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Adds a plaintiff through the form; returns the pseudonym the vault gave. */
export async function addPlaintiffThroughUi(
  page: Page,
  plaintiff: { legalName: string; gender?: 'Female' | 'Male' | 'Unspecified'; dob?: string; email?: string; aliases?: string },
): Promise<string> {
  await page.getByRole('button', { name: 'Add plaintiff' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a plaintiff' });
  await dialog.getByLabel('Legal name').fill(plaintiff.legalName);
  if (plaintiff.gender) await dialog.getByLabel('Gender').selectOption({ label: plaintiff.gender });
  if (plaintiff.dob) await dialog.getByLabel('Date of birth').fill(plaintiff.dob);
  if (plaintiff.email) await dialog.getByLabel('Email').fill(plaintiff.email);
  if (plaintiff.aliases) await dialog.getByLabel('Other names and aliases').fill(plaintiff.aliases);
  await dialog.getByRole('button', { name: 'Add plaintiff' }).click();
  await expect(dialog).toBeHidden();
  const toast = page.locator('.toast').filter({ hasText: 'Added the plaintiff as' }).last();
  const text = (await toast.textContent()) ?? '';
  return /Added the plaintiff as (.+?)\./.exec(text)?.[1] ?? '';
}

/** The row of the roster for a pseudonym. */
export function rosterRow(page: Page, pseudonym: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: pseudonym, exact: true }) });
}
