import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { openExhibit } from '../../../../src-main/core/exhibits/exhibit-file';
import { EXHIBIT_LIMITS } from '../../../../src-main/core/exhibits/limits';
import { isVaultError } from '../../../../src-main/core/errors';
import { tempDir } from '../../../fixtures/temp-vault';
import { pdfBytes, scannedPng, tiffOf } from '../../../fixtures/exhibits';

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
    const bytes = await pdfBytes((doc) => doc.addPage().text('sealed'), { userPassword: 'synthetic-secret', ownerPassword: 'synthetic-owner' });
    expect(await refusal('encrypted.pdf', bytes)).toMatch(/encrypted with a password/);
  });

  it('a malformed PDF, and one whose page tree contains itself', async () => {
    expect(await refusal('malformed.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF garbage \x00\x01'))).toMatch(/damaged or not a PDF/);
    const recursive = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
    expect(await refusal('recursive.pdf', Buffer.from(recursive))).toMatch(/damaged/);
  });

  it(`a PDF of more than ${EXHIBIT_LIMITS.maxPages} pages`, async () => {
    const bytes = await pdfBytes((doc) => {
      for (let i = 0; i < EXHIBIT_LIMITS.maxPages + 1; i++) doc.addPage({ size: [72, 72], margin: 0 });
    });
    expect(await refusal('long.pdf', bytes)).toMatch(/2,001 pages; DoeVault redacts exhibits of up to 2,000 pages/);
  });

  it('a PDF with a 20,000 × 20,000 point page', async () => {
    const bytes = await pdfBytes((doc) => {
      doc.addPage({ size: [612, 792], margin: 0 });
      doc.addPage({ size: [20_000, 20_000], margin: 0 });
    });
    expect(await refusal('giant.pdf', bytes)).toMatch(/page 2 is 20000 × 20000 points/);
  });

  it('a TIFF that declares 60,000 × 60,000 pixels in a few kilobytes (a bomb)', async () => {
    const bytes = tiffOf([{ width: 60_000, height: 60_000, data: new Uint8Array(64) }]);
    expect(bytes.length).toBeLessThan(10_000);
    expect(await refusal('bomb.tiff', bytes)).toMatch(/declares 60,000 × 60,000 pixels/);
  });

  it('a PNG whose header declares more pixels than the limit', async () => {
    const png = Buffer.from(scannedPng({ lines: ['x'], dpi: 10, noise: 0 }));
    png.writeUInt32BE(60_000, 16);
    png.writeUInt32BE(60_000, 20);
    expect(await refusal('bomb.png', png)).toMatch(/declares 60,000 × 60,000 pixels/);
  });

  it('a Word document that links to content outside the file', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
    zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Report</w:t></w:r></w:p></w:body></w:document>');
    zip.file(
      'word/_rels/document.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://example.invalid/photo.png" TargetMode="External"/></Relationships>',
    );
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await refusal('linked.docx', bytes)).toMatch(/links to content outside the file \(an external "image" relationship/);
  });

  it('a file that is not what its extension says', async () => {
    expect(await refusal('fake.png', Buffer.from('GIF89a not a png'))).toMatch(/not a PNG image/);
    expect(await refusal('fake.pdf', Buffer.from('hello'))).toMatch(/not a PDF/);
  });
});
