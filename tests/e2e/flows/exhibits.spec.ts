import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bornDigitalPdf, syntheticPeople } from '../../fixtures/exhibits';
import { expect, SLOW, test } from '../harness';
import { addPlaintiffThroughUi, createCaseThroughUi, screen, startWithVault } from './helpers';

// Exhibits (issue 14) through the UI only: a born-digital exhibit naming two synthetic
// plaintiffs (one in plain sight, one hidden under a picture) is added, read, reviewed on its
// page with the proposed boxes, one box drawn by hand and one by the keyboard and removed
// again, questions answered, then redacted and verified into a folder chosen in main. The
// output is checked as an adversary would: pdftotext finds no planted name, and the drawn
// region is black in the pixels. A second exhibit is opened beside it, switched to and back (the
// first keeps its boxes), and closed. Screenshots and axe at each step.

const TITLE = 'Officers Doe v. City of Harlow';
const PAGE = { widthPt: 612, heightPt: 792 };
/** The hand-drawn box, in page points: an empty stretch of the page, below the text. */
const DRAWN = { x: 300, y: 560, width: 200, height: 70 };

test('an exhibit added, reviewed, one box drawn by hand, redacted and verified', async ({ harness }) => {
  const { page } = harness;
  const [first, second] = syntheticPeople(2, 1414);
  const exhibit = join(harness.dir, 'exhibit-b.pdf');
  writeFileSync(
    exhibit,
    await bornDigitalPdf({
      visible: ['Report of the Gangs and Narcotics Division', `Officer ${first!.legalName} was assigned to the unit.`, 'The unit met twice.'],
      underImage: `Officer ${second!.legalName}`,
      white: 'Case closed.',
    }),
  );
  const out = join(harness.dir, 'redacted');

  await startWithVault(harness);
  await createCaseThroughUi(page, TITLE);
  await addPlaintiffThroughUi(page, { legalName: first!.legalName, gender: 'Female' });
  await addPlaintiffThroughUi(page, { legalName: second!.legalName, gender: 'Male' });

  await page.getByRole('navigation', { name: 'Case' }).getByRole('button', { name: 'Exhibits' }).click();
  await expect(page.getByText('No exhibit open')).toBeVisible();
  await screen(harness, 'exhibits-1-empty');

  // Read at 150 dpi: one page, little OCR work for a 2-core machine.
  await page.getByLabel('Resolution').selectOption('150');
  harness.answerDialogs({ chooseExhibitFile: exhibit });
  await page.getByRole('button', { name: 'Add an exhibit…' }).first().click();
  await expect(page.getByRole('heading', { name: 'Page 1 of 1' })).toBeVisible({ timeout: SLOW });
  await expect(page.getByTestId('exhibit-surface')).toBeVisible({ timeout: SLOW });

  // The proposed boxes, over the page and in the list, the text masked until revealed.
  const findings = page.locator('table.exhibit-findings tbody tr');
  await expect(findings.first()).toBeVisible();
  expect(await findings.count()).toBeGreaterThanOrEqual(2);
  expect(await page.locator('.exhibit-surface rect.exhibit-box').count()).toBeGreaterThanOrEqual(2);
  await expect(page.locator('main')).not.toContainText(first!.surname);
  await expect(page.locator('main')).not.toContainText(second!.surname);
  await expect(page.locator('table.exhibit-findings')).toContainText('Jane Doe 1');
  await page.getByRole('button', { name: /^Reveal the text of the / }).first().click();
  await expect(page.locator('.exhibit-findings .revealed-name').first()).toBeVisible();
  await page.getByRole('button', { name: /^Hide the text of the / }).first().click();
  await expect(page.locator('.exhibit-findings .revealed-name')).toHaveCount(0);

  // Questions, if the reading asked any: answered "Redact".
  for (const row of await findings.filter({ hasText: 'Needs your answer' }).all()) await row.getByRole('radio', { name: 'Redact' }).check();

  // One box drawn with the mouse, in page points mapped onto the picture on screen (at 75%, the
  // whole page is in view).
  const surface = page.getByTestId('exhibit-surface');
  await page.getByLabel('Zoom').selectOption('0.75');
  await surface.scrollIntoViewIfNeeded();
  const rect = (await surface.boundingBox())!;
  const at = (x: number, y: number) => [rect.x + (x / PAGE.widthPt) * rect.width, rect.y + (y / PAGE.heightPt) * rect.height] as const;
  await page.mouse.move(...at(DRAWN.x, DRAWN.y));
  await page.mouse.down();
  await page.mouse.move(...at(DRAWN.x + DRAWN.width / 2, DRAWN.y + DRAWN.height / 2), { steps: 4 });
  await page.mouse.move(...at(DRAWN.x + DRAWN.width, DRAWN.y + DRAWN.height), { steps: 4 });
  await page.mouse.up();
  await expect(page.locator('.exhibit-surface rect.exhibit-box-drawn')).toHaveCount(1);
  const tally = page.locator('.exhibit-tally');
  await expect(tally).toContainText('1 drawn by hand');

  // The keyboard's way: N adds a box, Shift+arrows resize it, Delete removes it.
  await surface.focus();
  await page.keyboard.press('n');
  await expect(tally).toContainText('2 drawn by hand');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Delete');
  await expect(tally).toContainText('1 drawn by hand');
  await expect(tally).not.toContainText('question');
  await screen(harness, 'exhibits-2-review');

  // A second exhibit opens beside the first, which keeps its answers and boxes; closed, it is gone.
  const minutes = join(harness.dir, 'minutes.pdf');
  writeFileSync(minutes, await bornDigitalPdf({ visible: ['Minutes of the Gangs and Narcotics Division', 'Nobody of the vault is named here.'], underImage: '', white: '' }));
  harness.answerDialogs({ chooseExhibitFile: minutes });
  await page.getByRole('button', { name: 'Add another exhibit…' }).first().click();
  const openExhibits = page.getByRole('navigation', { name: 'Open exhibits' });
  await expect(openExhibits.getByRole('button', { name: /^minutes\.pdf/ })).toHaveAttribute('aria-current', 'true', { timeout: SLOW });
  await expect(page.locator('.exhibit-summary')).toContainText('minutes.pdf');
  await expect(tally).toContainText('0 drawn by hand');
  await screen(harness, 'exhibits-2b-two-open');
  await openExhibits.getByRole('button', { name: /^exhibit-b\.pdf/ }).click();
  await expect(page.locator('.exhibit-summary')).toContainText('exhibit-b.pdf');
  await expect(tally).toContainText('1 drawn by hand');
  await expect(page.locator('.exhibit-surface rect.exhibit-box-drawn')).toHaveCount(1);
  await openExhibits.getByRole('button', { name: 'Close minutes.pdf' }).click();
  await expect(openExhibits.getByRole('button', { name: /^minutes\.pdf/ })).toHaveCount(0);
  await expect(openExhibits.getByRole('button', { name: /^exhibit-b\.pdf/ })).toHaveAttribute('aria-current', 'true');

  // Zoomed view: the page grows, the boxes stay on it.
  await page.getByLabel('Zoom').selectOption('1.5');
  await expect.poll(async () => (await surface.boundingBox())!.width).toBeGreaterThan(rect.width * 1.9);
  await page.getByLabel('Zoom').selectOption('1');

  // Redact and verify, into the folder chosen in main's dialog.
  await page.getByLabel('Bates prefix').fill('HARLOW');
  harness.answerDialogs({ chooseExhibitFolder: out });
  await page.getByRole('button', { name: 'Redact and verify…' }).click();
  const success = page.getByRole('status').filter({ hasText: 'Redacted and verified' });
  await expect(success).toBeVisible({ timeout: SLOW });
  await expect(page.getByRole('table', { name: /Files written/ })).toContainText('exhibit-b-public.pdf');
  await expect(page.getByRole('table', { name: /Files written/ })).toContainText('exhibit-b-redaction-log.pdf');
  await screen(harness, 'exhibits-3-verified');

  // As an adversary reads it: no planted name in the text, and the drawn region burned black.
  const publicPdf = join(out, 'exhibit-b-public.pdf');
  const text = execFileSync('pdftotext', ['-layout', publicPdf, '-'], { encoding: 'utf8' });
  for (const word of [first!.given, first!.surname, second!.given, second!.surname]) expect(text).not.toContain(word);
  const dpi = 36;
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-gray', publicPdf, join(out, 'page')]);
  const pgm = readFileSync(join(out, 'page-1.pgm'));
  const { width, pixels } = parsePgm(pgm);
  const scale = dpi / 72;
  let dark = 0;
  let total = 0;
  for (let y = Math.ceil((DRAWN.y + 4) * scale); y < Math.floor((DRAWN.y + DRAWN.height - 4) * scale); y++) {
    for (let x = Math.ceil((DRAWN.x + 4) * scale); x < Math.floor((DRAWN.x + DRAWN.width - 4) * scale); x++) {
      total++;
      if (pixels[y * width + x]! < 40) dark++;
    }
  }
  expect(total).toBeGreaterThan(100);
  // The reference label is printed in white inside a box: all but it is black.
  expect(dark / total).toBeGreaterThan(0.7);
});

/** A binary PGM (P5) as pdftoppm -gray writes it. */
function parsePgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = bytes.subarray(0, 64).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('not a binary PGM');
  const width = Number(match[1]);
  const height = Number(match[2]);
  return { width, height, pixels: bytes.subarray(match[0].length, match[0].length + width * height) };
}
