import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openExhibit } from '../../../../src-main/core/exhibits/exhibit-file';
import { EXHIBIT_LIMITS } from '../../../../src-main/core/exhibits/limits';
import { isVaultError } from '../../../../src-main/core/errors';
import { tempDir } from '../../../fixtures/temp-vault';
import { hostileExhibits, pdfBytes } from '../../../fixtures/exhibits';

/**
 * Issue 14, "Bad input": each is refused with a VALIDATION error that names the file and the
 * limit, before any page is rendered or any pixel decoded (so memory stays small: a bomb is
 * never inflated).
 */
const { dir, cleanup } = tempDir('doevault-exhibit-bad-');
afterAll(cleanup);

async function refusal(name: string, bytes: Uint8Array | Buffer): Promise<string> {
  const path = `${dir}/${name}`;
  writeFileSync(path, bytes);
  try {
    const opened = await openExhibit(path);
    // Some limits are met when a page is rendered: render them all.
    for (let n = 1; n <= opened.pageCount; n++) await opened.render(n, undefined);
    await opened.close();
  } catch (error) {
    expect(isVaultError(error, 'VALIDATION'), String(error)).toBe(true);
    const message = (error as Error).message;
    expect(message.startsWith(`${name}: `), message).toBe(true);
    expect(message).toContain('Nothing was written');
    return message;
  }
  throw new Error(`${name} was accepted`);
}

describe('exhibits DoeVault refuses, and why', () => {
  it('an encrypted PDF', async () => {
    expect(await refusal('encrypted.pdf', await hostileExhibits.encryptedPdf())).toMatch(/encrypted with a password/);
  });

  it('a malformed PDF, and one whose page tree contains itself', async () => {
    expect(await refusal('malformed.pdf', hostileExhibits.malformedPdf())).toMatch(/damaged or not a PDF/);
    expect(await refusal('recursive.pdf', hostileExhibits.recursivePdf())).toMatch(/damaged/);
  });

  it(`a PDF of more than ${EXHIBIT_LIMITS.maxPages} pages`, async () => {
    const bytes = await pdfBytes((doc) => {
      for (let i = 0; i < EXHIBIT_LIMITS.maxPages + 1; i++) doc.addPage({ size: [72, 72], margin: 0 });
    });
    expect(await refusal('long.pdf', bytes)).toMatch(/2,001 pages; DoeVault redacts exhibits of up to 2,000 pages/);
  });

  it('a PDF with a 20,000 × 20,000 point page', async () => {
    expect(await refusal('giant.pdf', await hostileExhibits.giantPagePdf())).toMatch(/page 2 is 20000 × 20000 points/);
  });

  it('a TIFF that declares 60,000 × 60,000 pixels in a few kilobytes (a bomb)', async () => {
    const bytes = hostileExhibits.tiffBomb();
    expect(bytes.length).toBeLessThan(10_000);
    expect(await refusal('bomb.tiff', bytes)).toMatch(/declares 60,000 × 60,000 pixels/);
  });

  it('a PNG whose header declares more pixels than the limit', async () => {
    expect(await refusal('bomb.png', hostileExhibits.pngBomb())).toMatch(/declares 60,000 × 60,000 pixels/);
  });

  it('a Word document that links to content outside the file', async () => {
    expect(await refusal('linked.docx', await hostileExhibits.linkedDocx())).toMatch(/links to content outside the file \(an external "image" relationship/);
  });

  it('a file that is not what its extension says', async () => {
    expect(await refusal('fake.png', Buffer.from('GIF89a not a png'))).toMatch(/not a PNG image/);
    expect(await refusal('fake.pdf', Buffer.from('hello'))).toMatch(/not a PDF/);
  });
});
