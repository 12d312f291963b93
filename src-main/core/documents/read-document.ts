/** Reads a document the user picked, by its extension, into text to scan. */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { VaultError } from '../errors';
import type { ScanSource } from '../scan/types';
import { docxPartsText } from './docx-parts';
import { docxText } from './docx-text';
import { pdfText } from './pdf-text';
import { decodeTextFile } from './text-file';
import type { DocumentFormat, DocumentPart } from './types';

/** Largest document read: beyond this a file is almost surely not a filing. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

const FORMATS: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

export const ACCEPTED_EXTENSIONS = Object.keys(FORMATS);

function describeExtension(extension: string): string {
  if (extension === '') return 'a file without an extension';
  // The extension only, never the file name: names of files may hold a person's name.
  const shown = extension.length > 12 || /[^.\w-]/.test(extension) ? 'this type' : extension;
  return shown === 'this type' ? 'a file of this type' : `a ${shown} file`;
}

/**
 * The text of a .txt, .md/.markdown, .docx or .pdf file (by extension; case does not matter).
 * .docx: the body as Word shows it, footnotes and endnotes as Markdown footnotes (a draft), or
 * with `allParts` every part of the package, each part a "page" of `pageStarts` named by
 * `parts` (what `scan` reads: a name in a comment or a header is as public); .pdf: page text with
 * `pageStarts` (pdfText has the metadata too). Refused (VALIDATION), with what to do instead:
 * another extension, a file over 50 MB, binary or non-UTF-8 text, a .docx or .pdf that is not
 * one, a PDF without a text layer. Messages never repeat the file's name.
 */
export async function readDocument(
  path: string,
  options: { allParts?: boolean } = {},
): Promise<ScanSource & { format: DocumentFormat; parts?: DocumentPart[] }> {
  const extension = extname(path).toLowerCase();
  const format = FORMATS[extension];
  if (!format) {
    throw new VaultError(
      'VALIDATION',
      `DoeVault cannot read ${describeExtension(extension)}. It reads .txt, .md (.markdown), .docx and .pdf files: save or export the document in one of these formats.`,
    );
  }
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new VaultError('VALIDATION', 'The path is a folder, not a document. Choose a .txt, .md, .docx or .pdf file.');
    size = info.size;
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw new VaultError('NOT_FOUND', 'The document could not be opened: it does not exist or cannot be read. Check the path and the file\u2019s permissions.', { cause: error });
  }
  if (size > MAX_DOCUMENT_BYTES) {
    const mb = (size / (1024 * 1024)).toFixed(1);
    throw new VaultError(
      'VALIDATION',
      `The document is ${mb} MB; DoeVault checks documents of up to ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB. Split it into smaller files (or remove large images) and check each one.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new VaultError('NOT_FOUND', 'The document could not be read. Check that it exists and that you may read it.', { cause: error });
  }
  switch (format) {
    case 'txt':
    case 'md':
      return { text: decodeTextFile(bytes, format === 'md' ? 'Markdown' : 'text'), format };
    case 'docx': {
      if (!options.allParts) return { text: await docxText(bytes), format };
      const { text, parts } = await docxPartsText(bytes);
      return { text, pageStarts: parts.slice(1).map((part) => part.start), parts, format };
    }
    case 'pdf': {
      const pdf = await pdfText(bytes);
      return { text: pdf.text, pageStarts: pdf.pageStarts, format };
    }
  }
}
