import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { writeKeypair } from '../../../src-main/core/export/sealed-package';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { expectAccessible } from '../axe';
import { expect, SLOW, test, type Harness } from '../harness';
import { addPlaintiffThroughUi, createCaseThroughUi, field, screen, startWithVault } from './helpers';

// Sealed filings, through the UI only: import a draft written with real names, see the names
// marked as they are found, cite a plaintiff with @, answer each question (a plaintiff, "not a
// plaintiff", a redaction), preview the three versions, export with Word files and a sealed
// package into a folder chosen in main's dialog, read the PDFs back with pdftotext, then an
// export into the same folder (CONFLICT) and one with a question left open (refused). Synthetic
// people only: faker with a fixed seed, bent a little so the draft has each kind of question.

const CASE_TITLE = 'Does 1–4 v. Harbor Transit Authority';
const PACKAGE_PASSPHRASE = 'amber lantern orchard forty';

/** Four invented plaintiffs: Jane Doe 1 and 2 share a surname; Jane Doe 3 is called Grace (also a word). */
function people() {
  const [a, b, c, d] = syntheticPlaintiffs(4, 2026);
  const surname = a!.legalName.split(' ').at(-1)!;
  return [
    { legalName: a!.legalName, gender: 'Female' as const, email: a!.email! },
    { legalName: `${b!.legalName.split(' ')[0]} ${surname}`, gender: 'Female' as const },
    { legalName: `Grace ${c!.legalName.split(' ').at(-1)}`, gender: 'Female' as const },
    { legalName: d!.legalName, gender: 'Female' as const, dob: d!.dob! },
  ];
}

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${LONG_MONTHS[m - 1]} ${d}, ${y}`;
};

/** The draft as an attorney wrote it before DoeVault: real names throughout. */
function draftLines(p: ReturnType<typeof people>): string[] {
  const surname = p[0]!.legalName.split(' ').at(-1)!;
  return [
    '# Complaint for Damages',
    '',
    `1. Plaintiff ${p[0]!.legalName} was followed home from the depot on the night of the incident. Her address and email, ${p[0]!.email}, were posted online.`,
    '',
    `2. Ms. ${surname} reported the posts to the dispatcher the next morning.`,
    '',
    '3. Grace was not offered to her by anyone at the depot.',
    '',
    `4. ${p[3]!.legalName}, born ${longDate(p[3]!.dob!)}, saw the posts the same day.`,
  ];
}

async function seedCase(harness: Harness): Promise<ReturnType<typeof people>> {
  const { page } = harness;
  await startWithVault(harness);
  await createCaseThroughUi(page, CASE_TITLE);
  const plaintiffs = people();
  const pseudonyms: string[] = [];
  for (const plaintiff of plaintiffs) pseudonyms.push(await addPlaintiffThroughUi(page, plaintiff));
  expect(pseudonyms).toEqual(['Jane Doe 1', 'Jane Doe 2', 'Jane Doe 3', 'Jane Doe 4']);
  await page.getByRole('navigation', { name: 'Case' }).getByRole('button', { name: 'Filings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CASE_TITLE })).toBeVisible();
  return plaintiffs;
}

function question(page: Page, what: RegExp) {
  return page.locator('li.question').filter({ has: page.getByRole('heading', { name: what }) });
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('a draft with real names: import, highlighting, @, questions, preview, export with a sealed package, and the PDFs read back', async ({ harness }) => {
  const { page } = harness;
  const plaintiffs = await seedCase(harness);
  const legalNames = plaintiffs.map((p) => p.legalName);
  const surname = legalNames[0]!.split(' ').at(-1)!;

  // The empty list says what a filing is ---------------------------------------------------
  await expect(page.getByText('No filings in this case yet')).toBeVisible();
  await screen(harness, 'filings-empty');

  // Import a .md draft, chosen in main's dialog -----------------------------------------------
  const mdPath = join(harness.dir, 'Complaint for Damages.md');
  writeFileSync(mdPath, `${draftLines(plaintiffs).join('\n')}\n`);
  harness.answerDialogs({ chooseDraftToImport: mdPath });
  await page.getByRole('button', { name: /Import draft/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Complaint for Damages' })).toBeVisible();
  await expect(page.getByText(/Imported “Complaint for Damages\.md”: 3 mentions became pseudonyms or redactions, and 3 mentions need your decision\./)).toBeVisible();

  // The body holds tokens where the names were unambiguous; the rest is marked for a decision.
  const body = page.getByLabel('Body', { exact: true });
  await expect(body).toHaveValue(/Plaintiff \{\{Jane Doe 1\}\} was followed home/);
  await expect(body).toHaveValue(/\{\{redacted\|[^}]+@example\.org\}\}/);
  await expect(body).toHaveValue(/\{\{Jane Doe 4\}\}, born/);
  const side = page.getByRole('complementary', { name: 'Names found' });
  await expect(side.getByText('3 mentions: 0 handled automatically, 3 need your decision.')).toBeVisible();
  await expect(page.locator('.draft-mirror mark.hl-ask')).toHaveCount(3);
  await expect(side.getByRole('button', { name: new RegExp(`“${surname}”.*Surname.*Jane Doe 1 or Jane Doe 2.*Needs your decision`) })).toBeVisible();
  await expect(side.getByRole('button', { name: /“Grace”.*Given name \(possibly\) of Jane Doe 3/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Questions \(3 open questions in the body\)/ })).toBeVisible();
  await screen(harness, 'filing-imported-highlighting');

  // Choosing a mention in the list selects it in the text.
  await side.getByRole('button', { name: /“Grace”/ }).click();
  expect(await body.evaluate((el) => (el as unknown as { value: string; selectionStart: number; selectionEnd: number }).value.slice(
    (el as unknown as { selectionStart: number }).selectionStart,
    (el as unknown as { selectionEnd: number }).selectionEnd,
  ))).toBe('Grace');

  // Typing a real name live: marked within a moment; then @ cites a plaintiff by pseudonym.
  await body.press('Control+End');
  await body.pressSequentially(`\n\n5. ${legalNames[1]} was there too.`);
  await expect(side.getByRole('button', { name: new RegExp(`“${legalNames[1]}”.*Becomes Jane Doe 2 automatically`) })).toBeVisible();
  await expect(page.locator('.save-state')).toHaveText('Unsaved changes');
  await body.pressSequentially('\n\n6. So was @');
  const picker = page.getByRole('listbox');
  await expect(picker.getByRole('option')).toHaveCount(4);
  const firstName4 = legalNames[3]!.split(' ')[0]!;
  await body.pressSequentially(firstName4.slice(0, 4));
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(picker.getByRole('option', { name: 'Jane Doe 4' })).toBeVisible();
  await expect(picker).not.toContainText(firstName4); // pseudonyms only
  await screen(harness, 'filing-mention-picker');
  await body.press('Enter');
  await expect(picker).toBeHidden();
  await expect(body).toHaveValue(/6\. So was \{\{Jane Doe 4\}\}$/);
  await body.press('Control+s');
  await expect(page.locator('.save-state')).toHaveText(/^Saved /);

  // Questions: one plaintiff, one "not a plaintiff", one redaction -----------------------------
  await page.getByRole('tab', { name: /Questions/ }).click();
  await expect(page.getByText(/3 questions before the filing can be exported\./)).toBeVisible();
  const qSurname = question(page, /surname of Jane Doe 1 or Jane Doe 2/);
  const qGrace = question(page, /given name of Jane Doe 3/);
  const qDate = question(page, /date of birth of Jane Doe 4/);
  await expect(qSurname).toContainText(`Ms. ${surname} reported`);
  await expect(qSurname).toContainText('Several people in the vault have this name.');
  await expect(qGrace).toContainText('also an ordinary word');
  await expect(qDate).toContainText(longDate(plaintiffs[3]!.dob!));
  await screen(harness, 'filing-questions');

  await qSurname.getByRole('button', { name: 'It is Jane Doe 1' }).click();
  await expect(page.getByText(`“${surname}” now cites Jane Doe 1.`)).toBeVisible();
  await expect(page.getByText(/2 questions before/)).toBeVisible();
  // Keyboard: the focus is on the next question; Tab reaches its buttons.
  await qGrace.getByRole('button', { name: 'Not a plaintiff' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('“Grace” is marked as naming nobody in the vault.')).toBeVisible();
  await expect(page.getByText(/1 question before/)).toBeVisible();
  await qDate.getByRole('button', { name: 'Redact' }).click();
  await expect(page.getByText('No open questions: the filing can be exported.')).toBeVisible();
  await screen(harness, 'filing-questions-answered');
  await page.getByRole('button', { name: 'Back to the draft' }).click();
  await expect(body).toHaveValue(new RegExp(`\\{\\{Jane Doe 1\\|${surname}\\}\\} reported`));
  await expect(body).toHaveValue(/\{\{not a plaintiff\|Grace\}\} was not offered/);
  await expect(body).toHaveValue(/born \{\{redacted\|[^}]+\}\}/);
  // Every name is a token now: nothing is left to mark.
  await expect(side.getByText('No one in the vault is named in the body.')).toBeVisible();
  await expect(body).toHaveValue(/5\. \{\{Jane Doe 2\}\} was there too\./);

  // Preview: public at once; sealed version and declaration of identities on request (audited) --
  await page.getByRole('tab', { name: 'Preview' }).click();
  const paper = page.getByRole('article', { name: 'Public version' });
  await expect(paper).toContainText('Plaintiff Jane Doe 1 was followed home');
  await expect(paper).toContainText('PUBLIC — REDACTS MATERIALS FROM CONDITIONALLY SEALED RECORD');
  await expect(paper).toContainText('[REDACTED-1]');
  for (const name of legalNames) await expect(paper).not.toContainText(name);
  await screen(harness, 'filing-preview-public');
  await page.getByRole('tab', { name: 'Sealed version' }).click();
  await expect(page.getByRole('button', { name: 'Show the sealed version' })).toBeVisible();
  await expect(page.getByText(legalNames[0]!)).toHaveCount(0);
  await screen(harness, 'filing-preview-sealed-hidden');
  await page.getByRole('button', { name: 'Show the sealed version' }).click();
  const sealed = page.getByRole('article', { name: 'Sealed version' });
  await expect(sealed).toContainText(`${legalNames[0]} (Jane Doe 1)`);
  await expect(sealed).toContainText('CONDITIONALLY UNDER SEAL');
  // What the public version withheld is marked, as the sealed PDF draws it, with the reference printed in its place.
  await expect(sealed.locator('mark')).toHaveCount(2);
  await expect(sealed.locator('mark').first()).toHaveAttribute('title', 'Printed as [REDACTED-1] in the public version');
  await expect(sealed.locator('mark').first()).toContainText('@example.org');
  await screen(harness, 'filing-preview-sealed');
  await page.getByRole('tab', { name: 'Sealed version' }).press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Declaration of identities' })).toBeFocused();
  await page.getByRole('button', { name: 'Show the declaration of identities' }).click();
  const declaration = page.getByRole('article', { name: 'Declaration of identities' });
  await expect(declaration.getByRole('row', { name: new RegExp(`Jane Doe 4 ${legalNames[3]}`) })).toBeVisible();
  await expect(declaration).toContainText('I declare under penalty of perjury under the laws of the State of California that the foregoing is true and correct.');
  await screen(harness, 'filing-preview-declaration');

  // Export: DOCX and a passphrase package, into a folder chosen in main -----------------------
  const exportDir = join(harness.dir, 'exports', 'complaint');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('group', { name: 'Format' })).toBeVisible();
  // The court's labels by default: the public version's only because this filing redacts something.
  await expect(dialog.getByRole('radio', { name: /The court's labels/ })).toBeChecked();
  const labelDefaults = dialog.getByRole('definition');
  await expect(labelDefaults.first()).toHaveText('PUBLIC — REDACTS MATERIALS FROM CONDITIONALLY SEALED RECORD');
  await dialog.getByLabel('Date of the sealing order').fill('2026-03-07');
  await expect(labelDefaults.last()).toHaveText('FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED MARCH 7, 2026');
  // Labels of one's own start from the court's wording; "The court's labels" brings the rule back.
  await dialog.getByRole('radio', { name: /Labels of my own/ }).check();
  await expect(dialog.getByLabel('Public version', { exact: true })).toHaveValue('PUBLIC — REDACTS MATERIALS FROM CONDITIONALLY SEALED RECORD');
  await expect(dialog.getByLabel('Sealed version and reference list')).toHaveValue('FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED MARCH 7, 2026');
  await expect(dialog.getByLabel('Declaration of identities', { exact: true })).toHaveValue('FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED MARCH 7, 2026');
  await dialog.getByRole('radio', { name: /The court's labels/ }).check();
  await expect(dialog.getByLabel('Public version', { exact: true })).toHaveCount(0);
  // The declaration lists every plaintiff of the case unless the attorney chooses fewer.
  const lists = dialog.getByRole('group', { name: 'The declaration of identities lists' });
  await expect(lists.getByRole('radio', { name: /Every plaintiff of the case/ })).toBeChecked();
  await expect(lists.getByRole('radio', { name: /not withdrawn/ })).not.toBeChecked();
  await expect(lists.getByRole('radio', { name: /Only the plaintiffs this filing cites/ })).not.toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Date of birth' }).check();
  await expect(dialog.getByRole('checkbox', { name: /Also write Word files/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /one-time passphrase/ }).check();
  await field(page, 'Package passphrase').fill(PACKAGE_PASSPHRASE);
  await field(page, 'Confirm package passphrase').fill(PACKAGE_PASSPHRASE);
  await screen(harness, 'filing-export-dialog');
  // Cancelled while it reads the public files back: the worker holds in that step until the
  // Cancel arrives, so it lands mid-export on any machine. Nothing is left in the folder.
  harness.holdAtStep('Reading back and scanning the public files');
  harness.answerDialogs({ chooseExportFolder: exportDir });
  await dialog.getByRole('button', { name: 'Choose a folder and export…' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Exporting the filing…' })).toHaveAttribute('aria-valuetext', /Reading back and scanning/, { timeout: SLOW });
  await screen(harness, 'filing-export-cancelling');
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog.getByText('Cancelled. Nothing was exported.')).toBeVisible({ timeout: SLOW });
  harness.holdAtStep(undefined);
  expect(existsSync(exportDir) ? readdirSync(exportDir) : []).toEqual([]);

  harness.answerDialogs({ chooseExportFolder: exportDir });
  await dialog.getByRole('button', { name: 'Choose a folder and export…' }).click();
  // Typesetting, reading back, Argon2id for the package: long enough to see the bar.
  await expect(dialog.getByRole('progressbar', { name: 'Exporting the filing…' })).toBeVisible({ timeout: SLOW });
  await expect(dialog.getByRole('button', { name: 'Exporting…' })).toBeDisabled();
  await harness.screenshot('filing-export-progress');
  await expect(page.getByRole('dialog', { name: 'Exported and verified' })).toBeVisible({ timeout: SLOW });
  await expect(dialog).toContainText('9 files written and verified: the public files name nobody in the vault.');
  await expect(dialog).toContainText('Passed: no name of anyone in the vault in the public files');
  await expect(dialog).toContainText('4 (every plaintiff of every case)');
  const files = [
    'public.pdf',
    'sealed.pdf',
    'declaration-of-identities.pdf',
    'reference-list.pdf',
    'public.docx',
    'sealed.docx',
    'declaration-of-identities.docx',
    'manifest.json',
    'sealed.doesealed',
  ];
  for (const name of files) {
    expect(existsSync(join(exportDir, name)), name).toBe(true);
    await expect(dialog.getByRole('row', { name: new RegExp(`^${name.replace('.', '\\.')} .* ${sha256(join(exportDir, name))}$`) })).toBeVisible();
  }
  await screen(harness, 'filing-export-report');
  await dialog.getByRole('button', { name: 'Show in folder' }).click();
  await expect.poll(() => harness.shownInFolder).toEqual([join(exportDir, 'public.pdf')]);

  // The PDFs, read back outside DoeVault: the public one names nobody, the sealed one everyone cited.
  const publicText = pdfText(join(exportDir, 'public.pdf'));
  for (const name of legalNames) expect(publicText, name).not.toContain(name);
  expect(publicText).not.toContain(surname);
  expect(publicText).toContain('Jane Doe 1');
  expect(publicText).toContain('[REDACTED-1]');
  // The sealed reference list pairs each reference with what it stands for: the e-mail address, then the date of birth.
  expect(pdfText(join(exportDir, 'reference-list.pdf')).replace(/\s+/g, ' ')).toMatch(/\[REDACTED-1\] \S+@example\.org .*\[REDACTED-2\] \S+/);
  const sealedText = pdfText(join(exportDir, 'sealed.pdf')).replace(/\s+/g, ' ');
  for (const name of [legalNames[0]!, legalNames[1]!, legalNames[3]!]) expect(sealedText, name).toContain(name);
  expect(sealedText).toContain('FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED MARCH 7, 2026');
  // Every plaintiff of the case, Jane Doe 3 too, whom the body never cites.
  const declarationText = pdfText(join(exportDir, 'declaration-of-identities.pdf')).replace(/\s+/g, ' ');
  for (const name of legalNames) expect(declarationText, name).toContain(name);
  const docxXml = await (await JSZip.loadAsync(readFileSync(join(exportDir, 'public.docx')))).file('word/document.xml')!.async('string');
  for (const name of legalNames) expect(docxXml, name).not.toContain(name);

  // The same folder again: DoeVault never overwrites an export ---------------------------------
  const publicHash = sha256(join(exportDir, 'public.pdf'));
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByRole('button', { name: 'Choose a folder and export…' })).toBeVisible();
  harness.answerDialogs({ chooseExportFolder: exportDir });
  await dialog.getByRole('button', { name: 'Choose a folder and export…' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'That folder already holds an export.' })).toBeVisible({ timeout: SLOW });
  await expect(dialog).toContainText('DoeVault never overwrites an export, so nothing was written.');
  await expect(dialog.getByRole('button', { name: 'Choose another folder and export…' })).toBeVisible();
  await screen(harness, 'filing-export-conflict');
  expect(sha256(join(exportDir, 'public.pdf'))).toBe(publicHash);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The sealed package opens with its passphrase, into a folder chosen in main ---------------
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'Filings' }).click();
  await expect(page.getByRole('row', { name: /Complaint for Damages/ })).toBeVisible();
  await screen(harness, 'filings-list');
  await page.getByRole('button', { name: 'Open a sealed package…' }).click();
  const opening = page.getByRole('dialog', { name: 'Open a sealed package' });
  await field(page, 'Package passphrase').fill(PACKAGE_PASSPHRASE);
  const openedDir = join(harness.dir, 'opened');
  harness.answerDialogs({ chooseSealedPackage: join(exportDir, 'sealed.doesealed'), choosePackageDestination: openedDir });
  await opening.getByRole('button', { name: 'Choose a package and open it…' }).click();
  await expect(opening.getByText('Opened the package: 4 files written.')).toBeVisible({ timeout: SLOW });
  for (const name of ['sealed.pdf', 'declaration-of-identities.pdf', 'reference-list.pdf', 'manifest.json']) {
    expect(sha256(join(openedDir, name))).toBe(sha256(join(exportDir, name)));
    await expect(opening.getByRole('row', { name: new RegExp(`^${name.replace('.', '\\.')} .* ${sha256(join(openedDir, name))}$`) })).toBeVisible();
  }
  await screen(harness, 'package-opened');

  // The audit log has the export and the two sealed previews; no name in it.
  await opening.getByRole('button', { name: 'Close' }).last().click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('cell', { name: 'Filing exported' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Sealed version previewed' })).toHaveCount(2);
  for (const name of legalNames) await expect(page.getByText(name)).toHaveCount(0);
});

test('a .docx draft with a question left open: the export is refused and sends the user to the question', async ({ harness }) => {
  const { page } = harness;
  const plaintiffs = await seedCase(harness);
  const surname = plaintiffs[0]!.legalName.split(' ').at(-1)!;
  const docxPath = join(harness.dir, 'Declaration of Support.docx');
  mkdirSync(harness.dir, { recursive: true });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('Declaration in support of the motion to proceed under pseudonyms'),
          new Paragraph(`I, ${plaintiffs[3]!.legalName}, declare as follows.`),
          new Paragraph(`I saw Ms. ${surname} at the depot on the night of the incident.`),
        ],
      },
    ],
  });
  writeFileSync(docxPath, await Packer.toBuffer(doc));
  harness.answerDialogs({ chooseDraftToImport: docxPath });
  await page.getByRole('button', { name: /Import draft/ }).first().click();
  // The draft has no heading: its title is never the file's name, which may name someone.
  await expect(page.getByRole('heading', { level: 1, name: 'Untitled draft' })).toBeVisible();
  await expect(page.getByText(/Imported “Declaration of Support\.docx”: 1 mention became a pseudonym or a redaction, and 1 mention needs your decision\./)).toBeVisible();
  await expect(page.getByLabel('Body', { exact: true })).toHaveValue(/I, \{\{Jane Doe 4\}\}, declare/);
  await expect(page.locator('.draft-mirror mark.hl-ask')).toHaveCount(1);
  await screen(harness, 'filing-docx-imported');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the filing' });
  await expect(dialog.getByText('1 question must be answered before this filing can be exported.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /Choose a folder/ })).toHaveCount(0);
  await screen(harness, 'filing-export-refused');
  expect(harness.dialogsShown).not.toContain('chooseExportFolder');
  await dialog.getByRole('button', { name: 'Go to the questions' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: /Questions/ })).toHaveAttribute('aria-selected', 'true');
  await expect(question(page, /surname of Jane Doe 1 or Jane Doe 2/)).toBeVisible();
  // Going elsewhere with nothing unsaved needs no confirmation; an edit does.
  await page.getByRole('tab', { name: 'Draft' }).click();
  await page.getByLabel('Body', { exact: true }).press('Control+End');
  await page.getByLabel('Body', { exact: true }).pressSequentially(' Signed.');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'Filings' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await screen(harness, 'filing-leave-unsaved');
  await leave.getByRole('button', { name: 'Save and leave' }).click();
  await expect(page.getByRole('row', { name: /Untitled draft/ })).toBeVisible();
});

test('a new filing typed with @, exported with a package sealed to a recipient key, opened in Settings with the secret key', async ({ harness }) => {
  const { page } = harness;
  await seedCase(harness);
  const { publicKeyPath, secretKeyPath } = await writeKeypair(join(harness.dir, 'co-counsel'));

  await page.getByRole('button', { name: 'New filing' }).first().click();
  const create = page.getByRole('dialog', { name: 'New filing' });
  await create.getByRole('button', { name: 'Create filing' }).click();
  await expect(create.getByText('Give the filing a title, e.g. “Complaint for Damages”.')).toBeVisible();
  await create.getByRole('textbox', { name: /^Title/ }).fill('Notice of Related Case');
  await create.getByRole('textbox', { name: 'Document type' }).fill('Notice');
  await create.getByRole('radio', { name: /Federal/ }).check();
  await screen(harness, 'filing-new-dialog');
  await create.getByRole('button', { name: 'Create filing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notice of Related Case' })).toBeVisible();
  // A new filing opens with its caption fields shown.
  await expect(page.getByRole('button', { name: /Caption: title, court, parties, counsel/ })).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('textbox', { name: 'Parties' }).fill('JANE DOES 1 through 4,\nPlaintiffs,\nv.\nHARBOR TRANSIT AUTHORITY,\nDefendant.');

  const body = page.getByLabel('Body', { exact: true });
  await body.click();
  await body.pressSequentially('Plaintiff @');
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(4);
  await body.press('ArrowDown');
  await body.press('ArrowDown');
  await expect(page.getByRole('option', { name: 'Jane Doe 3' })).toHaveAttribute('aria-selected', 'true');
  await body.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await body.pressSequentially('Jane Doe 2');
  await expect(body).toHaveValue('Plaintiff @Jane Doe 2');
  await body.fill('');
  await body.pressSequentially('Plaintiff @Jane Doe 2');
  await expect(page.getByRole('option', { name: 'Jane Doe 2' })).toBeVisible();
  await body.press('Tab');
  await body.pressSequentially(' gives notice of a related case.');
  await expect(body).toHaveValue('Plaintiff {{Jane Doe 2}} gives notice of a related case.');
  // A real name typed where a pseudonym goes is her name, not a token: marked and listed as such.
  const realName = people()[0]!.legalName;
  await body.pressSequentially(` Per {{${realName}}}.`);
  const side = page.getByRole('complementary', { name: 'Names found' });
  await expect(side.getByRole('button', { name: new RegExp(`“${realName}”.*Full name of Jane Doe 1.*Becomes Jane Doe 1 automatically`) })).toBeVisible();
  await expect(page.locator('.draft-mirror mark.hl-auto')).toHaveText(`{{${realName}}}`);
  await body.fill('Plaintiff {{Jane Doe 2}} gives notice of a related case.');
  await expect(side.getByText('No one in the vault is named in the body.')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.save-state')).toHaveText(/^Saved /);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the filing' });
  await expect(dialog.getByRole('definition').first()).toHaveText('REDACTED VERSION OF DOCUMENT SOUGHT TO BE SEALED');
  await dialog.getByRole('checkbox', { name: /Also write Word files/ }).uncheck();
  await dialog.getByRole('radio', { name: /recipient's public key/ }).check();
  await expect(dialog.getByRole('button', { name: 'Choose a folder and export…' })).toBeDisabled();
  harness.answerDialogs({ chooseRecipientKey: publicKeyPath });
  await dialog.getByRole('button', { name: "Choose the recipient's public key…" }).click();
  const keyLine = readFileSync(publicKeyPath, 'utf8').split('\n')[1]!;
  await expect(dialog.getByText(`key beginning ${keyLine.slice(0, 9)}`)).toBeVisible();
  await screen(harness, 'filing-export-recipient-key');
  const exportDir = join(harness.dir, 'notice');
  harness.answerDialogs({ chooseExportFolder: exportDir });
  await dialog.getByRole('button', { name: 'Choose a folder and export…' }).click();
  await expect(page.getByRole('dialog', { name: 'Exported and verified' })).toContainText('5 files written and verified', { timeout: SLOW });
  expect(pdfText(join(exportDir, 'public.pdf'))).not.toContain(people()[1]!.legalName);
  // The notice redacts nothing: its public version carries no sealing label, and no reference list is written.
  expect(pdfText(join(exportDir, 'public.pdf'))).not.toContain('REDACTED VERSION');
  expect(existsSync(join(exportDir, 'reference-list.pdf'))).toBe(false);
  await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).last().click();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Open a sealed package' });
  await card.getByRole('radio', { name: /Your recipient key/ }).check();
  const openedDir = join(harness.dir, 'from-co-counsel');
  harness.answerDialogs({ chooseSealedPackage: join(exportDir, 'sealed.doesealed'), chooseSecretKey: secretKeyPath, choosePackageDestination: openedDir });
  await card.getByRole('button', { name: 'Choose a package and open it…' }).click();
  await expect(card.getByText('Opened the package: 3 files written.')).toBeVisible({ timeout: SLOW });
  expect(pdfText(join(openedDir, 'sealed.pdf')).replace(/\s+/g, ' ')).toContain(people()[1]!.legalName);
  await card.getByRole('button', { name: 'Show in folder' }).click();
  await expect.poll(() => harness.shownInFolder).toEqual([join(openedDir, 'sealed.pdf')]);
  await card.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'settings-package-opened');
  await harness.screenshot('settings-package-opened');
});
