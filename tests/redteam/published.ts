import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { ROOT } from './cli';

/**
 * "Public" files an attacker or a careless colleague produced outside DoeVault, for `verify`
 * to read: a PDF typeset with the app's own font (it draws Latin, Greek and Cyrillic), and a
 * minimal Word file whose body is the text.
 */
export function pdfWith(text: string): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    const doc = new PDFDocument({ size: 'LETTER', info: { Title: 'Complaint' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => done(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', fail);
    doc.font(join(ROOT, 'resources/fonts/Tinos_400Regular.ttf')).fontSize(12);
    for (const paragraph of text.split('\n\n')) doc.text(paragraph).moveDown();
    doc.end();
  });
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A .docx with `body` as its paragraphs and, optionally, extra parts (path → XML). */
export async function docxWith(body: string, parts: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const paragraphs = body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line.replace(/^#+\s*/, ''))}</w:t></w:r></w:p>`)
    .join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${paragraphs}</w:body></w:document>`);
  for (const [path, xml] of Object.entries(parts)) zip.file(path, xml);
  return zip.generateAsync({ type: 'uint8array' });
}

/** Every XML part of a .docx with its tags dropped: what anyone unzipping it could read. */
export async function docxAllText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const texts = await Promise.all(
    Object.values(zip.files)
      .filter((entry) => !entry.dir && /\.(xml|rels)$/i.test(entry.name))
      .map(async (entry) => (await entry.async('string')).replace(/<[^>]+>/g, ' ')),
  );
  return texts.join('\n');
}
