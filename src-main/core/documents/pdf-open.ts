import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Why pdfjs could not open a file: a password, or anything else (damaged, not a PDF). */
export type PdfOpenFailure = { failure: 'password' | 'damaged'; error: unknown };

/** "%PDF-" must appear near the start (readers allow some leading bytes). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * Opens a PDF the one way DoeVault reads PDFs (checks, exports' read-back, exhibits): no
 * scripts or XFA forms, no system fonts or font faces, nothing fetched; character maps and
 * standard fonts from pdfjs-dist's own folders. pdfjs is loaded on first use: it is heavy, and
 * most commands never read a PDF. The caller owns (and destroys) the document.
 */
export async function openPdf(bytes: Uint8Array): Promise<{ pdf: PDFDocumentProxy } | PdfOpenFailure> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
    ...packageData(),
  });
  try {
    return { pdf: await task.promise };
  } catch (error) {
    await task.destroy().catch(() => {});
    return { failure: (error as { name?: string }).name === 'PasswordException' ? 'password' : 'damaged', error };
  }
}

/** Local folders of pdfjs-dist's character maps and standard fonts ("/…/", as pdfjs wants). */
function packageData(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
  } catch {
    return {};
  }
}
