import { join } from 'node:path';
import { expect, openApp, SLOW, test } from '../harness';
import { NEW_PASSPHRASE, PASSPHRASE, addPlaintiffThroughUi, field, rosterRow, screen } from './helpers';

// The whole day of an attorney, through the UI only: create vault → recovery key → lock →
// wrong passphrase → unlock → create case → add plaintiffs → reveal (and auto-hide) → search →
// withdraw → copy a name → audit verify → change passphrase → backup → restore.

const CASE_TITLE = 'Doe v. City of Springfield';

test('the vault lifecycle, screen by screen', async ({ harness }) => {
  const { page } = harness;
  // A controllable clock, so the 30-second auto-hide of a revealed name can be fast-forwarded.
  await page.clock.install();
  await openApp(harness);

  // Welcome ---------------------------------------------------------------------------------
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to DoeVault' })).toBeVisible();
  await screen(harness, 'welcome');

  // Create vault: a short passphrase is refused, a mismatch is caught, then the vault is made.
  await page.getByRole('button', { name: /Create a new vault/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a new vault' })).toBeVisible();
  await screen(harness, 'create-vault-empty');
  await field(page, 'Passphrase').fill('too short');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText(/must be at least 12 characters \(it has 9\)/)).toBeVisible();
  await expect(field(page, 'Passphrase')).toHaveAttribute('aria-invalid', 'true');
  // Long enough but weak (issue 11): the meter says so, and submit gives the vault's refusal.
  await field(page, 'Passphrase').fill('password1234');
  await expect(page.getByText(/^Strength: (Very weak|Weak)\. Too easy to guess/)).toBeVisible();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText(/too easy to guess.*similar to a commonly used password/)).toBeVisible();
  await field(page, 'Passphrase').fill(PASSPHRASE);
  await expect(page.getByText(/^Strength: (Strong|Very strong)\./)).toBeVisible();
  await field(page, 'Confirm passphrase').fill(`${PASSPHRASE}x`);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText('The two passphrases are not the same. Type it again.')).toBeVisible();
  await screen(harness, 'create-vault-errors');
  await field(page, 'Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  // Two Argon2id derivations (passphrase and recovery key): long enough for the progress bar.
  await expect(page.getByRole('progressbar', { name: 'Creating the vault…' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Store your recovery key' })).toBeVisible({ timeout: SLOW });

  // Recovery key: shown once, copy and print, and a confirmation before going on.
  const recoveryKey = await field(page, 'Recovery key').inputValue();
  expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){13}$/);
  await expect(page.getByRole('button', { name: 'Continue to the vault' })).toBeDisabled();
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText(/^(Copied\.|Copying did not work here)/)).toBeVisible();
  await screen(harness, 'recovery-key');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-key')).toHaveText(recoveryKey);
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await harness.screenshot('recovery-key-print');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('checkbox', { name: /I have stored the recovery key/ }).check();
  await page.getByRole('button', { name: 'Continue to the vault' }).click();

  // Cases, empty ------------------------------------------------------------------------------
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByText('No cases yet')).toBeVisible();
  await screen(harness, 'cases-empty');

  // Lock, a wrong passphrase (kept in the field), then unlock --------------------------------
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the vault' })).toBeVisible();
  await expect(page.getByText('The vault is locked.')).toBeVisible();
  await screen(harness, 'unlock');
  await field(page, 'Passphrase').fill('not the passphrase at all');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Wrong passphrase\./)).toBeVisible({ timeout: SLOW });
  await expect(field(page, 'Passphrase')).toHaveValue('not the passphrase at all');
  await expect(field(page, 'Passphrase')).toBeFocused();
  await screen(harness, 'unlock-wrong-passphrase');
  await field(page, 'Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible({ timeout: SLOW });

  // Create a case: validation, live scheme examples, then the case --------------------------
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(dialog.getByText(/Give the case a title/)).toBeVisible();
  await expect(dialog.getByText('Jane Doe 1, John Doe 2, Doe 3 …')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Custom prefix' }).check();
  await expect(dialog.getByText('Officer Doe 1, Officer Doe 2, Officer Doe 3 …')).toBeVisible();
  await dialog.getByLabel('Prefix', { exact: true }).fill('Sergeant 7');
  await expect(dialog.getByText(/The pseudonym prefix must be/)).toBeVisible();
  await dialog.getByRole('radio', { name: 'Gendered', exact: true }).check();
  await dialog.getByLabel('Title', { exact: false }).fill(CASE_TITLE);
  await dialog.getByLabel('Court', { exact: true }).fill('U.S. District Court, District of Columbia');
  await dialog.getByLabel('Case number', { exact: true }).fill('1:25-cv-04417');
  await screen(harness, 'case-new-dialog');
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(dialog).toBeHidden();
  const caseRow = page.getByRole('row').filter({ hasText: CASE_TITLE });
  await expect(caseRow).toContainText('Gendered');
  await expect(caseRow.getByRole('cell').nth(2)).toHaveText('0');
  await screen(harness, 'cases-list');

  // Roster, empty, then plaintiffs ------------------------------------------------------------
  await page.getByRole('button', { name: `Open roster of ${CASE_TITLE}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: CASE_TITLE })).toBeVisible();
  await expect(page.getByText('No plaintiffs in this case yet')).toBeVisible();
  await screen(harness, 'roster-empty');

  // Per-field validation messages from the vault.
  await page.keyboard.press('Control+n');
  const form = page.getByRole('dialog', { name: 'Add a plaintiff' });
  await form.getByRole('button', { name: 'Add plaintiff' }).click();
  await expect(form.getByText('Legal name is required.', { exact: true })).toBeVisible();
  await form.getByLabel('Legal name').fill('Maria Elena Garcia');
  await form.getByLabel('Gender').selectOption({ label: 'Female' });
  await form.getByLabel('Date of birth').fill('1984-13-45');
  await form.getByLabel('Email').fill('maria at example');
  await form.getByRole('button', { name: 'Add plaintiff' }).click();
  await expect(form.getByLabel('Date of birth')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(/Date of birth is not a real calendar date/)).toBeVisible();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(/Email is not a valid address/)).toBeVisible();
  await expect(form.getByLabel('Date of birth')).toBeFocused();
  await screen(harness, 'plaintiff-form-errors');
  await form.getByLabel('Date of birth').fill('1984-03-07');
  await form.getByLabel('Email').fill('maria.garcia@example.org');
  await form.getByRole('button', { name: 'Add plaintiff' }).click();
  await expect(form).toBeHidden();
  await expect(page.locator('.toast').filter({ hasText: 'Added the plaintiff as Jane Doe 1.' })).toBeVisible();

  expect(await addPlaintiffThroughUi(page, { legalName: 'John Michael Smith', gender: 'Male' })).toBe('John Doe 2');
  expect(await addPlaintiffThroughUi(page, { legalName: 'Alex Kim', aliases: 'Lexi Kim' })).toBe('Doe 3');
  expect(await addPlaintiffThroughUi(page, { legalName: 'Zoë Łukasz-Nguyễn', gender: 'Female' })).toBe('Jane Doe 4');
  await expect(page.getByText('4 plaintiffs', { exact: true })).toBeVisible();

  // Names are masked; Reveal shows one (audited) and it hides itself after 30 seconds.
  await expect(page.getByText('Maria Elena Garcia')).toHaveCount(0);
  await expect(rosterRow(page, 'Jane Doe 1')).toContainText('•••••');
  await rosterRow(page, 'Jane Doe 1').getByRole('button', { name: 'Reveal the real name of Jane Doe 1' }).click();
  await expect(rosterRow(page, 'Jane Doe 1')).toContainText('Maria Elena Garcia');
  await expect(rosterRow(page, 'Jane Doe 1')).toContainText(/hides in \d+ s/);
  await screen(harness, 'roster-revealed');
  await page.clock.fastForward(31_000);
  await expect(rosterRow(page, 'Jane Doe 1')).toContainText('•••••');
  await expect(page.getByText('Maria Elena Garcia')).toHaveCount(0);

  // Keyboard: the row under focus reveals with Enter, and Hide puts the mask back.
  await rosterRow(page, 'Doe 3').getByRole('button', { name: 'Reveal the real name of Doe 3' }).focus();
  await rosterRow(page, 'Doe 3').focus();
  await page.keyboard.press('Enter');
  await expect(rosterRow(page, 'Doe 3')).toContainText('Alex Kim');
  await rosterRow(page, 'Doe 3').getByRole('button', { name: 'Hide the real name of Doe 3' }).click();
  await expect(page.getByText('Alex Kim')).toHaveCount(0);

  // Search by real name, by alias and by pseudonym (main answers with ids only).
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search pseudonyms and real names' });
  await expect(search).toBeFocused();
  await search.fill('garcia');
  await expect(page.getByText('1 of 4 plaintiffs')).toBeVisible();
  await expect(rosterRow(page, 'Jane Doe 1')).toBeVisible();
  await expect(rosterRow(page, 'John Doe 2')).toHaveCount(0);
  await expect(page.getByText('Maria Elena Garcia')).toHaveCount(0);
  await screen(harness, 'roster-search-real-name');
  await search.fill('lexi');
  await expect(page.getByText('1 of 4 plaintiffs')).toBeVisible();
  await expect(rosterRow(page, 'Doe 3')).toBeVisible();
  await search.fill('John Doe');
  await expect(page.getByText('1 of 4 plaintiffs')).toBeVisible();
  await expect(rosterRow(page, 'John Doe 2')).toBeVisible();
  await search.fill('Nobody Atall');
  await expect(page.getByText('No plaintiff matches “Nobody Atall”')).toBeVisible();
  await screen(harness, 'roster-search-no-match');
  await page.getByRole('button', { name: 'Show all plaintiffs' }).click();
  await expect(page.getByText('4 plaintiffs', { exact: true })).toBeVisible();

  // Withdraw John Doe 2.
  await rosterRow(page, 'John Doe 2').getByRole('button', { name: 'Withdraw John Doe 2' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Withdraw John Doe 2?' });
  await expect(withdraw).toContainText('the pseudonym stays reserved');
  await screen(harness, 'plaintiff-withdraw-dialog');
  await withdraw.getByRole('button', { name: 'Withdraw John Doe 2' }).click();
  await expect(withdraw).toBeHidden();
  await expect(rosterRow(page, 'John Doe 2')).toContainText('Withdrawn');
  await expect(page.getByText('4 plaintiffs, 1 withdrawn')).toBeVisible();

  // Edit keeps the pseudonym.
  await rosterRow(page, 'Doe 3').getByRole('button', { name: 'Edit Doe 3' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Doe 3' });
  await expect(edit.getByLabel('Legal name')).toHaveValue('Alex Kim');
  await edit.getByLabel('Phone').fill('+1 (202) 555-0143');
  await screen(harness, 'plaintiff-edit');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('.toast').filter({ hasText: 'Saved the changes to Doe 3.' })).toBeVisible();

  // Copy a real name: on the clipboard, and the user is told when it goes.
  await rosterRow(page, 'Jane Doe 4').getByRole('button', { name: 'Copy name of Jane Doe 4' }).click();
  await expect(page.getByText('Copied the real name of Jane Doe 4. The clipboard is cleared in 20 seconds.')).toBeVisible();
  expect(harness.clipboard()).toBe('Zoë Łukasz-Nguyễn');
  await expect(page.getByText('Zoë Łukasz-Nguyễn')).toHaveCount(0);
  await screen(harness, 'roster');

  // Audit log: newest first, every reveal there, and Verify -----------------------------------
  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const auditRows = page.locator('.audit-table tbody tr');
  await expect(auditRows.first()).toContainText('Real name revealed');
  await expect(auditRows.first()).toContainText('Jane Doe 4');
  await expect(page.getByRole('cell', { name: 'Real name revealed' })).toHaveCount(4); // Jane Doe 1, Doe 3, edit of Doe 3, copy of Jane Doe 4
  await expect(page.getByRole('cell', { name: 'Vault created' })).toHaveCount(1);
  await expect(auditRows.last()).toContainText('Vault created');
  await expect(page.locator('main')).not.toContainText('Garcia');
  await page.getByRole('button', { name: 'Verify the log' }).click();
  await expect(page.getByText('The audit log is intact.')).toBeVisible();
  await screen(harness, 'audit-log');

  // Settings: change the passphrase (a wrong current one is refused first) ---------------------
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await screen(harness, 'settings');
  const change = page.getByRole('form', { name: 'Change the passphrase' });
  await change.getByLabel('Current passphrase', { exact: true }).fill('this is not it, sorry');
  await change.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await change.getByLabel('Confirm new passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change.getByText('That is not the current passphrase.')).toBeVisible({ timeout: SLOW });
  await change.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE);
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('progressbar', { name: 'Changing the passphrase…' })).toBeVisible();
  await expect(change.getByText('The passphrase is changed. Use the new one from now on.')).toBeVisible({ timeout: SLOW });
  await expect(change.getByLabel('Current passphrase', { exact: true })).toHaveValue('');

  // Auto-lock minutes.
  const autoLock = page.getByRole('form', { name: 'Automatic lock' });
  await autoLock.getByLabel('Lock after this many minutes without use').fill('0');
  await autoLock.getByRole('button', { name: 'Save' }).click();
  await expect(autoLock.getByText('Enter a whole number of minutes from 1 to 240.')).toBeVisible();
  await autoLock.getByLabel('Lock after this many minutes without use').fill('15');
  await autoLock.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The vault now locks after 15 minutes without use.')).toBeVisible();

  // Backup to a file (the save dialog answered by the test).
  const backupPath = join(harness.dir, 'backup-2025.doevault');
  harness.answerDialogs({ chooseBackupDestination: backupPath });
  await page.getByRole('button', { name: 'Back up to a file…' }).click();
  await expect(page.getByText(/Backup made and checked: backup-2025\.doevault/)).toBeVisible({ timeout: SLOW });
  await screen(harness, 'settings-backup-done');

  // Restore: the backup's passphrase (the new one: the backup was made after the change).
  const restoredPath = join(harness.dir, 'restored.doevault');
  harness.answerDialogs({ chooseBackupToRestore: backupPath, chooseRestoreDestination: restoredPath });
  const restore = page.getByRole('form', { name: 'Restore from a backup' });
  await restore.getByLabel('Passphrase of the backup', { exact: true }).fill(PASSPHRASE);
  await restore.getByRole('button', { name: 'Choose a backup and restore…' }).click();
  await expect(restore.getByText(/That is not the passphrase of this backup/)).toBeVisible({ timeout: SLOW });
  harness.answerDialogs({ chooseBackupToRestore: backupPath, chooseRestoreDestination: restoredPath });
  await restore.getByLabel('Passphrase of the backup', { exact: true }).fill(NEW_PASSPHRASE);
  await restore.getByRole('button', { name: 'Choose a backup and restore…' }).click();
  await expect(page.getByRole('progressbar', { name: 'Restoring the backup…' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the vault' })).toBeVisible({ timeout: SLOW });
  await expect(page.getByText(/Restored the backup into restored\.doevault/)).toBeVisible();
  await expect(page.getByText('restored.doevault', { exact: true })).toBeVisible();
  await screen(harness, 'unlock-after-restore');
  await field(page, 'Passphrase').fill(NEW_PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible({ timeout: SLOW });
  await expect(page.getByRole('row').filter({ hasText: CASE_TITLE }).getByRole('cell').nth(2)).toHaveText('4');
});
