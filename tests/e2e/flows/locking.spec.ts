import { expect, openApp, SLOW, test } from '../harness';
import { PASSPHRASE, addPlaintiffThroughUi, createCaseThroughUi, field, rosterRow, screen, startWithVault } from './helpers';

// Locking from anywhere: main's auto-lock (idle, sleep, screen lock), the Lock button and
// Ctrl+L. Every one of them returns to the unlock screen and leaves no real name and no
// half-filled form behind.

test('an idle auto-lock returns to the unlock screen, with revealed names and open forms gone', async ({ harness }) => {
  const { page } = harness;
  await startWithVault(harness);
  await createCaseThroughUi(page, 'Roe v. Metro Transit Authority');
  await addPlaintiffThroughUi(page, { legalName: 'Dolores Abernathy', gender: 'Female' });
  await rosterRow(page, 'Jane Doe 1').getByRole('button', { name: 'Reveal the real name of Jane Doe 1' }).click();
  await expect(page.getByText('Dolores Abernathy')).toBeVisible();

  // A form half filled in with another real name, and a search for a real name.
  await page.getByRole('searchbox', { name: 'Search pseudonyms and real names' }).fill('abernathy');
  await page.getByRole('button', { name: 'Add plaintiff' }).first().click();
  await page.getByRole('dialog', { name: 'Add a plaintiff' }).getByLabel('Legal name').fill('Teddy Flood');

  await harness.lock('idle');

  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the vault' })).toBeVisible();
  await expect(page.getByText('The vault locked itself because the computer was idle.')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const body = page.locator('body');
  await expect(body).not.toContainText('Dolores');
  await expect(body).not.toContainText('Teddy');
  await expect(body).not.toContainText('abernathy');
  await screen(harness, 'unlock-after-idle-lock');

  // Back in: the same case, every name masked again, the search and the form cleared.
  await field(page, 'Passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Roe v. Metro Transit Authority' })).toBeVisible({ timeout: SLOW });
  await expect(rosterRow(page, 'Jane Doe 1')).toContainText('•••••');
  await expect(page.getByRole('searchbox', { name: 'Search pseudonyms and real names' })).toHaveValue('');
  await expect(body).not.toContainText('Dolores');

  // Sleep and screen lock say why, too.
  await harness.lock('suspend');
  await expect(page.getByText('The vault locked itself because the computer went to sleep.')).toBeVisible();
  await field(page, 'Passphrase').fill('half typed when the screen locked');
  await harness.lock('screen-lock');
  await expect(page.getByText('The vault locked itself because the screen was locked.')).toBeVisible();
  await expect(field(page, 'Passphrase')).toHaveValue('');
});

test('Ctrl+L locks from any screen, the Lock button is always there, and ? opens the help', async ({ harness }) => {
  const { page } = harness;
  await startWithVault(harness);

  for (const screenName of ['Cases', 'Audit log', 'Settings']) {
    if (screenName !== 'Cases') await page.getByRole('button', { name: screenName, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: screenName })).toBeVisible();
    const lock = page.getByRole('button', { name: 'Lock', exact: true });
    await expect(lock).toBeVisible();
    await expect(lock).toHaveAttribute('title', 'Lock the vault now (Ctrl+L)');
  }

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts and help' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row').filter({ hasText: 'Lock the vault now' })).toContainText('Ctrl+L');
  await screen(harness, 'help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Ctrl+L from inside a text field.
  await page.getByRole('form', { name: 'Change the passphrase' }).getByLabel('Current passphrase', { exact: true }).fill('something');
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the vault' })).toBeVisible();
  await expect(page.getByText('The vault is locked.')).toBeVisible();
  expect(harness.events.at(-1)).toEqual({ kind: 'locked', payload: { reason: 'user' } });

  // Keyboard only: the passphrase field has the focus, Enter unlocks.
  await expect(field(page, 'Passphrase')).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible({ timeout: SLOW });
  await expect(page.getByRole('form', { name: 'Change the passphrase' }).getByLabel('Current passphrase', { exact: true })).toHaveValue('');
});

test('a lock while the recovery key is on screen takes the key away, and says what to do', async ({ harness }) => {
  const { page } = harness;
  await openApp(harness);
  await page.getByRole('button', { name: /Create a new vault/ }).click();
  await field(page, 'Passphrase').fill(PASSPHRASE);
  await field(page, 'Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Store your recovery key' })).toBeVisible({ timeout: SLOW });
  const recoveryKey = await field(page, 'Recovery key').inputValue();

  await harness.lock('screen-lock');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the vault' })).toBeVisible();
  await expect(page.getByText(/The vault locked before you confirmed that the recovery key was stored/)).toBeVisible();
  await expect(page.locator('body')).not.toContainText(recoveryKey.slice(0, 9));
  await screen(harness, 'unlock-after-lock-on-recovery-key');
});
