/** The body text of a .docx, as Word shows it (mammoth: the only user of that library). */
import { bytesSource, checkZip, ZipUnreadable } from '../files/zip-guard';
import { looksLikeZip, notADocx } from './docx-check';
import { docxDraftNotes } from './docx-parts';

/**
 * The document's body: paragraphs (tables and lists included) one per line, with an empty line
 * between them; a word split across runs ("Ram" + bold "írez") comes out whole; footnotes and
 * endnotes as Markdown footnotes ("[^fn1]" where the reference is, "[^fn1]: text" at the end).
 * Headers, footers, comments and metadata are not body text: see docxPartsText.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  if (!looksLikeZip(bytes)) throw notADocx(bytes);
  await checkZip(bytesSource(bytes), 'Word document').catch((error: unknown) => {
    throw error instanceof ZipUnreadable ? notADocx(bytes, error) : error;
  });
  // Footnotes and endnotes are content (issue 11, leak 7): kept as Markdown footnotes, so
  // both versions print them and the export's check scans them like the body.
  const draft = await docxDraftNotes(bytes);
  // Loaded on first use, as it is needed by few commands.
  const { default: mammoth } = await import('mammoth');
  let body: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(draft.bytes.buffer, draft.bytes.byteOffset, draft.bytes.byteLength) });
    body = result.value.replace(/\n+$/, '\n');
  } catch (error) {
    throw notADocx(bytes, error);
  }
  if (draft.notes.length === 0) return body;
  return `${body}\n${draft.notes.map((note) => `[^${note.label}]: ${note.text}`).join('\n\n')}\n`;
}
