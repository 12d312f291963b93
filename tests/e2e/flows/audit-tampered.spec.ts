import { expect, openApp, SLOW, test } from '../harness';
import { PASSPHRASE, field, screen } from './helpers';
import { seedVault, tamperAuditEntry } from './seed';

// An audit log edited behind DoeVault's back: Verify names the first bad entry and says what
// to do.

test('Verify reports a tampered audit log and the first bad entry', async ({ harness }) => {
  const { page } = harness;
  const seeded = await seedVault(harness, { file: 'tampered.doevault', passphrase: PASSPHRASE, caseTitle: 'Doe v. Granite Bay Sheriff', scheme: 'neutral', plaintiffs: 5 });
  tamperAuditEntry(seeded.path, 2);

  await openApp(harness);
  harness.answerDialogs({ chooseVaultToOpen: seeded.path });
  await page.getByRole('button', { name: /Open an existing vault/ }).click();
  await field(page, 'Passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible({ timeout: SLOW });

  await page.getByRole('button', { name: 'Audit log', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await page.getByRole('button', { name: 'Verify the log' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The audit log has been tampered with or damaged.' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('The first bad entry is #2');
  await expect(alert).toContainText('restore a backup');
  await screen(harness, 'audit-log-tampered');
});
