import { expect, openApp, SLOW, test } from '../harness';
import { NEW_PASSPHRASE, PASSPHRASE, field, screen } from './helpers';
import { damagePassphraseSlot, seedVault } from './seed';

// A vault whose passphrase keyslot is damaged: the unlock screen says the vault is damaged (not
// "wrong passphrase"), points to the recovery key and to restoring a backup, and the recovery
// key gets the user in with a new passphrase.

test('a damaged vault says so and points to the recovery key and backups; the recovery key opens it', async ({ harness }) => {
  const { page } = harness;
  const seeded = await seedVault(harness, { file: 'damaged.doevault', passphrase: PASSPHRASE, caseTitle: 'Doe v. Riverside Police Department', scheme: 'gendered', plaintiffs: 12 });
  damagePassphraseSlot(seeded.path);

  await openApp(harness);
  harness.answerDialogs({ chooseVaultToOpen: seeded.path });
  await page.getByRole('button', { name: /Open an existing vault/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the vault' })).toBeVisible();
  await expect(page.getByText('damaged.doevault', { exact: true })).toBeVisible();

  await field(page, 'Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The vault file is damaged.', { timeout: SLOW });
  await expect(alert).toContainText(/restore a backup/i);
  await expect(alert.getByRole('button', { name: 'Restore from a backup…' })).toBeVisible();
  await expect(page.getByText(/^Wrong passphrase/)).toHaveCount(0);
  await screen(harness, 'unlock-damaged');

  // The recovery key: a typo is caught by its checksum, the right key opens the vault.
  await alert.getByRole('button', { name: 'Use the recovery key' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock with the recovery key' })).toBeVisible();
  const typo = seeded.recoveryKey.replace(/^(.)/, (c) => (c === 'A' ? 'B' : 'A'));
  await field(page, 'Recovery key').fill(typo);
  await field(page, 'New passphrase').fill(NEW_PASSPHRASE);
  await field(page, 'Confirm new passphrase').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock and set the new passphrase' }).click();
  await expect(page.getByText(/The recovery key has a typo|not a DoeVault recovery key/)).toBeVisible({ timeout: SLOW });
  await screen(harness, 'unlock-recovery-key');
  await field(page, 'Recovery key').fill(seeded.recoveryKey.toLowerCase());
  await page.getByRole('button', { name: 'Unlock and set the new passphrase' }).click();
  await expect(page.getByRole('progressbar', { name: 'Unlocking with the recovery key…' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible({ timeout: SLOW });
  await expect(page.getByText(/Unlocked with the recovery key/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Doe v. Riverside Police Department' }).getByRole('cell').nth(2)).toHaveText('12');

  // The new passphrase works from now on.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await field(page, 'Passphrase').fill(NEW_PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible({ timeout: SLOW });
});
