import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileExhibits } from '../../../fixtures/exhibits';
import { writeManyPagePdf } from '../../../fixtures/hostile-files';
import { tempVault } from '../../../fixtures/temp-vault';
import { runHostile } from '../helpers/hostile-run';
import { bundleChild } from '../helpers/kill-child';

const CHILD_SOURCE = fileURLToPath(new URL('./helpers/hostile-exhibit-child.ts', import.meta.url));
/** Issue 14, "Bad input": memory stays under 1 GiB. */
const BUDGET_MIB = 1024;

interface Outcome {
  ok: boolean;
  code?: string;
  message?: string;
}

/**
 * Issue 14, "Bad input", measured: each hostile exhibit, scanned in a fresh process as `doe-vault
 * exhibit scan` scans it, is refused with a message naming the file and the limit, writes
 * nothing, and keeps the process under 1 GiB (bad-input.test.ts has the refusals' wording).
 */
describe('hostile exhibits: a clear refusal, nothing written, under 1 GiB', () => {
  let vaultPath: string;
  let dir: string;
  let caseId: string;
  let cleanup: () => void;
  let child: string;

  beforeAll(async () => {
    child = await bundleChild(CHILD_SOURCE);
    const created = await tempVault();
    ({ path: vaultPath, dir, cleanup } = created);
    caseId = created.vault.cases.create({ title: 'Does v. Courier' }).id;
    created.vault.plaintiffs.add(caseId, { legalName: 'Marta Kowalczyk' });
    created.vault.close();
  });
  afterAll(() => {
    cleanup();
    rmSync(child, { force: true });
  });

  /** `content`: the file's bytes, or what writes it (a file too large to hold). */
  const refused = async (name: string, content: Uint8Array | ((path: string) => Promise<void>)): Promise<string> => {
    const path = join(dir, name);
    if (typeof content === 'function') await content(path);
    else writeFileSync(path, content);
    const before = readdirSync(dir).sort();
    const { outcome, peakMiB } = await runHostile<Outcome>(child, [vaultPath, caseId, path], 2048);
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(outcome.message!.startsWith(`${name}: `), outcome.message).toBe(true);
    expect(outcome.message).toContain('Nothing was written');
    expect(peakMiB, `${name}: peak ${peakMiB.toFixed(0)} MiB`).toBeLessThan(BUDGET_MIB);
    // The vault's own files aside (its WAL may come and go), the folder is as it was.
    const unchanged = (names: string[]) => names.filter((n) => !n.includes('.doevault'));
    expect(unchanged(readdirSync(dir).sort())).toEqual(unchanged(before));
    return outcome.message!;
  };

  it('an encrypted, a malformed and a self-containing PDF', { timeout: 120_000 }, async () => {
    expect(await refused('encrypted.pdf', await hostileExhibits.encryptedPdf())).toMatch(/encrypted with a password/);
    expect(await refused('malformed.pdf', hostileExhibits.malformedPdf())).toMatch(/damaged or not a PDF/);
    expect(await refused('recursive.pdf', hostileExhibits.recursivePdf())).toMatch(/damaged/);
  });

  it('a PDF of 10,000 pages and one with a 20,000 × 20,000 point page', { timeout: 120_000 }, async () => {
    expect(await refused('10000-pages.pdf', (path) => writeManyPagePdf(path, 10_000))).toMatch(/10,000 pages; DoeVault redacts exhibits of up to 2,000 pages/);
    expect(await refused('giant.pdf', await hostileExhibits.giantPagePdf())).toMatch(/page 2 is 20000 × 20000 points/);
  });

  it('a TIFF bomb and a PNG bomb (60,000 × 60,000 pixels declared in a few kilobytes)', { timeout: 120_000 }, async () => {
    expect(await refused('bomb.tiff', hostileExhibits.tiffBomb())).toMatch(/declares 60,000 × 60,000 pixels/);
    expect(await refused('bomb.png', hostileExhibits.pngBomb())).toMatch(/declares 60,000 × 60,000 pixels/);
  });

  it('a Word document that links to content outside the file', { timeout: 120_000 }, async () => {
    expect(await refused('linked.docx', await hostileExhibits.linkedDocx())).toMatch(/links to content outside the file/);
  });
});
