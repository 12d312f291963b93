/** The body text of a .docx, as Word shows it (mammoth: the only user of that library). */
import { bytesSource, checkZip, ZipUnreadable } from '../files/zip-guard';
import { looksLikeZip, notADocx } from './docx-check';

/**
 * The document's body: paragraphs (tables and lists included) one per line, with an empty line
 * between them; a word split across runs ("Ram" + bold "írez") comes out whole. Headers,
 * footers, footnotes, comments and metadata are not body text: see docxPartsText.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  if (!looksLikeZip(bytes)) throw notADocx(bytes);
  await checkZip(bytesSource(bytes), 'Word document').catch((error: unknown) => {
    throw error instanceof ZipUnreadable ? notADocx(bytes, error) : error;
  });
  // Loaded on first use, as it is needed by few commands.
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value.replace(/\n+$/, '\n');
  } catch (error) {
    throw notADocx(bytes, error);
  }
}
