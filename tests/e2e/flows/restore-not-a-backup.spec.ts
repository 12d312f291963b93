import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, SLOW, test, type AppWindow } from '../harness';
import { PASSPHRASE, createCaseThroughUi, screen, startWithVault } from './helpers';

// Restoring from a file that is not a backup says so plainly, and the vault in use is
// untouched: still open, still unlocked, same file, same cases.

test('restore from a file that is not a backup: a clear message, and the vault in use untouched', async ({ harness }) => {
  const { page } = harness;
  await startWithVault(harness);
  await createCaseThroughUi(page, 'Doe v. Harbor County');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const restore = page.getByRole('form', { name: 'Restore from a backup' });

  // Cancelled in the file dialog: nothing happens, and the user is told.
  await restore.getByLabel('Passphrase of the backup', { exact: true }).fill(PASSPHRASE);
  await restore.getByRole('button', { name: 'Choose a backup and restore…' }).click();
  await expect(restore.getByText('No backup was chosen. Nothing changed.')).toBeVisible();

  // A text file where the backup should be.
  const notABackup = join(harness.dir, 'meeting-notes.txt');
  writeFileSync(notABackup, 'Meeting notes, 3 March: call the clerk about the sealing order.\n'.repeat(200));
  const destination = join(harness.dir, 'restored.doevault');
  harness.answerDialogs({ chooseBackupToRestore: notABackup, chooseRestoreDestination: destination });
  await restore.getByRole('button', { name: 'Choose a backup and restore…' }).click();
  const alert = restore.getByRole('alert');
  await expect(alert).toContainText('That file is not a DoeVault backup.', { timeout: SLOW });
  await expect(alert).toContainText('Nothing was restored, and the vault in use is untouched.');
  await screen(harness, 'settings-restore-not-a-backup');

  // The vault in use: same file, still unlocked, its case still there; no restored file.
  const status = await page.evaluate(() => (globalThis as unknown as AppWindow).doeVault.vault.status({}));
  expect(status).toEqual({ ok: true, value: { state: 'unlocked', path: harness.vaultPath, exists: true } });
  expect(existsSync(destination)).toBe(false);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Doe v. Harbor County' })).toBeVisible();
});
