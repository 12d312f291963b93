import Database from 'better-sqlite3';
import { expect, openApp, SLOW, test } from '../harness';
import { PASSPHRASE, field, rosterRow, screen } from './helpers';
import { seedVault } from './seed';

// Issue 11: a plaintiff row deleted from the file behind DoeVault's back. The vault still
// unlocks, but the app says it is damaged, what is wrong and what to do, on every screen; the
// public roster still shows, a reveal is refused with the same words.

test('a vault changed outside DoeVault unlocks damaged: a banner names the problem, reveal is refused, the public roster shows', async ({ harness }) => {
  const { page } = harness;
  const seeded = await seedVault(harness, { file: 'rows-deleted.doevault', passphrase: PASSPHRASE, caseTitle: 'Doe v. Harbor Patrol', scheme: 'gendered', plaintiffs: 4 });
  const db = new Database(seeded.path, { fileMustExist: true });
  try {
    db.prepare('DELETE FROM plaintiffs WHERE case_id = ? AND seq = 2').run(seeded.caseId);
  } finally {
    db.close();
  }

  await openApp(harness);
  harness.answerDialogs({ chooseVaultToOpen: seeded.path });
  await page.getByRole('button', { name: /Open an existing vault/ }).click();
  await field(page, 'Passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible({ timeout: SLOW });

  const banner = page.getByRole('alert', { name: 'The vault is damaged' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('This vault is damaged. Restore a backup.');
  await expect(banner).toContainText('case "Doe v. Harbor Patrol"');
  await expect(banner).toContainText('a plaintiff row is missing');
  await screen(harness, 'unlocked-damaged');

  // The public roster still shows (three of the four are left); a reveal is refused.
  await page.getByRole('row').filter({ hasText: 'Doe v. Harbor Patrol' }).getByRole('button').first().click();
  await expect(rosterRow(page, 'Jane Doe 1').or(rosterRow(page, 'John Doe 1'))).toBeVisible({ timeout: SLOW });
  const first = rosterRow(page, 'Jane Doe 1').or(rosterRow(page, 'John Doe 1'));
  await first.getByRole('button', { name: /Reveal the real name of/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'a plaintiff row is missing' }).last()).toBeVisible();
  await expect(banner).toBeVisible();
});
