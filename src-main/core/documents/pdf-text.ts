/**
 * The text of a PDF, page by page and line by line, and every string a reader of the file
 * could find besides (pdfjs-dist: the only user of that library). Runs under plain Node (the
 * CLI, the tests, the app's worker): no worker file, no font loading, no eval, no network;
 * character maps and standard font data come from the installed package, when it can be found.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { VaultError } from '../errors';
import { looksLikePdf, openPdf } from './pdf-open';
import type { ScanSource } from '../scan/types';
import { plainXmlText } from './xml-text';

export interface PdfText extends ScanSource {
  /** Page texts, each line of the page on its own line, pages one after another. */
  text: string;
  /** Offsets where pages 2, 3 … begin. */
  pageStarts: number[];
  pageCount: number;
  /**
   * Per page, per text line (index line - 1): the pleading paper's numbered line it sits on
   * (1–28), 0 above line 1 (counsel in the top margin is not on a numbered line) and -1 below
   * the last one (the footer). Empty for a page without a column of line numbers: there the
   * text line is the only place there is.
   */
  pleadingLines: number[][];
  /**
   * Every other string of the file: Info dictionary values, XMP metadata values, bookmark
   * titles, annotation texts and link targets, attachment names.
   */
  metadata: string[];
}

function notAPdf(cause?: unknown): VaultError {
  return new VaultError(
    'VALIDATION',
    'The file is not a readable PDF (it does not start like one, or it is damaged). Export or print it to PDF again and try again.',
    { cause },
  );
}

/**
 * A long filing with its exhibits runs to hundreds of pages; 2,000 is beyond any of them, and a
 * PDF of a few bytes a page can declare millions (each read page costs memory and time).
 */
export const MAX_PDF_PAGES = 2_000;
/** Text read from one PDF, pages and metadata together: about 8,000 characters a page at most. */
export const MAX_PDF_TEXT = 16_000_000;

function tooMuchText(): VaultError {
  return new VaultError(
    'VALIDATION',
    `The PDF holds more than ${MAX_PDF_TEXT.toLocaleString('en-US')} characters of text; DoeVault checks PDFs of up to that much. Split it into smaller PDFs and check each one.`,
  );
}

interface Positioned {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * One page's lines: items are joined in content order; a new line starts where the baseline
 * moves by more than a third of the text height (or pdfjs marks the end of a line); between
 * items on one line a space is put where there is a visible gap, so a word drawn in two
 * pieces comes out whole. `baselines` has each line's baseline (PDF y, upwards).
 */
function pageLines(items: readonly Positioned[]): { text: string; baselines: number[] } {
  let out = '';
  const baselines: number[] = [];
  let previous: Positioned | undefined;
  const sizeOf = (item: Positioned): number => Math.max(1, Math.abs(item.height) || Math.abs(item.transform[3] ?? 0));
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = sizeOf(item);
    if (previous) {
      const previousY = previous.transform[5] ?? 0;
      const previousSize = sizeOf(previous);
      // A footnote mark is smaller and raised less than half the text's size: it stays on its
      // line, a word of its own ("Young 1", never "Young1", which would hide the name).
      const raised = Math.abs(size - previousSize) > 0.5 && Math.abs(y - previousY) <= Math.max(size, previousSize) / 2;
      if (previous.hasEOL || (Math.abs(y - previousY) > size / 3 && !raised)) {
        out = out.replace(/[ \t]+$/, '');
        out += '\n';
        baselines.push(y);
      } else {
        const gap = x - ((previous.transform[4] ?? 0) + previous.width);
        if ((gap > size * 0.15 || raised) && !/\s$/.test(out) && !/^\s/.test(item.str)) out += ' ';
        // The line's baseline is its text's, not a raised mark's.
        if (raised && size > previousSize) baselines[baselines.length - 1] = y;
      }
    } else baselines.push(y);
    out += item.str;
    previous = item;
  }
  return { text: out.replace(/[ \t]+$/, ''), baselines };
}

/**
 * The column of line numbers of pleading paper, as (number, baseline) pairs: items that are a
 * bare number, drawn right-aligned in one column (their right edges agree), counting 1, 2, 3 …
 * down the page. At least ten of them, so that a numbered list in the body is not taken for it.
 */
function lineNumberColumn(items: readonly Positioned[]): { n: number; y: number }[] {
  const byRightEdge = new Map<number, { n: number; y: number }[]>();
  for (const item of items) {
    if (!/^\s*\d{1,2}\s*$/.test(item.str)) continue;
    const right = Math.round((item.transform[4] ?? 0) + item.width);
    const column = byRightEdge.get(right) ?? [];
    column.push({ n: Number(item.str), y: item.transform[5] ?? 0 });
    byRightEdge.set(right, column);
  }
  for (const column of byRightEdge.values()) {
    const sorted = [...column].sort((a, b) => b.y - a.y);
    if (sorted.length >= 10 && sorted.every((entry, i) => entry.n === i + 1)) return sorted;
  }
  return [];
}

/** Each text line's pleading line: the last numbered line whose baseline is at or above it. */
function pleadingLineOf(column: readonly { n: number; y: number }[], baselines: readonly number[]): number[] {
  if (column.length === 0) return [];
  const spacing = column.length > 1 ? (column[0]!.y - column[column.length - 1]!.y) / (column.length - 1) : 24;
  const tolerance = 2;
  return baselines.map((y) => {
    if (y > column[0]!.y + tolerance) return 0;
    if (y < column[column.length - 1]!.y - spacing) return -1;
    let line = column[0]!.n;
    for (const entry of column) if (entry.y >= y - tolerance) line = entry.n;
    return line;
  });
}

function collectStrings(value: unknown, into: string[], depth = 0): void {
  if (depth > 4 || value === null || value === undefined) return;
  if (typeof value === 'string') {
    if (value.trim() !== '') into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into, depth + 1);
  } else if (typeof value === 'object') {
    for (const item of Object.values(value)) collectStrings(item, into, depth + 1);
  }
}

/** Info keys that pdfjs adds about the file itself (not strings from the file). */
const TECHNICAL_INFO = new Set(['PDFFormatVersion', 'Language', 'EncryptFilterName']);

async function metadataStrings(pdf: PDFDocumentProxy): Promise<string[]> {
  const strings: string[] = [];
  const { info, metadata } = await pdf.getMetadata();
  for (const [key, value] of Object.entries(info as Record<string, unknown>)) {
    if (!TECHNICAL_INFO.has(key)) collectStrings(value, strings);
  }
  const raw: unknown = metadata?.getRaw();
  if (typeof raw === 'string' && raw.trim() !== '') strings.push(...plainXmlText(raw));

  type OutlineNode = { title: string; url: string | null; unsafeUrl: string | undefined; items: OutlineNode[] };
  const walk = (nodes: readonly OutlineNode[] | null, depth: number) => {
    if (!nodes || depth > 32) return;
    for (const node of nodes) {
      collectStrings([node.title, node.url, node.unsafeUrl], strings);
      walk(node.items, depth + 1);
    }
  };
  walk((await pdf.getOutline()) as OutlineNode[] | null, 0);

  const attachments: unknown = await pdf.getAttachments();
  if (attachments && typeof attachments === 'object') {
    for (const attachment of Object.values(attachments)) {
      const a = attachment as { filename?: unknown; description?: unknown };
      collectStrings([a.filename, a.description], strings);
    }
  }
  return strings;
}

async function annotationStrings(pdf: PDFDocumentProxy, pageNumber: number): Promise<string[]> {
  const strings: string[] = [];
  const page = await pdf.getPage(pageNumber);
  for (const annotation of (await page.getAnnotations({ intent: 'any' })) as Record<string, unknown>[]) {
    const pick = (key: string) => {
      const value = annotation[key];
      return value && typeof value === 'object' && 'str' in value ? (value as { str: unknown }).str : value;
    };
    collectStrings(
      ['contentsObj', 'titleObj', 'subject', 'fieldValue', 'alternativeText', 'fieldName', 'url', 'unsafeUrl', 'textContent'].map(pick),
      strings,
    );
  }
  return strings;
}

/**
 * The text of a PDF: each page's lines (breaks where the text's baseline changes, so a hit's
 * `line` is the line on the page), `pageStarts`, and every metadata string. A PDF whose pages
 * hold no text at all (a scanned image) is refused: it cannot be checked for names.
 */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  if (!looksLikePdf(bytes)) throw notAPdf();
  const opened = await openPdf(bytes);
  if ('failure' in opened) {
    if (opened.failure === 'password') {
      throw new VaultError(
        'VALIDATION',
        'The PDF is password-protected, so DoeVault cannot read it. Save or print a copy without the password and check that one.',
        { cause: opened.error },
      );
    }
    throw notAPdf(opened.error);
  }
  const { pdf } = opened;
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new VaultError(
        'VALIDATION',
        `The PDF has ${pdf.numPages.toLocaleString('en-US')} pages; DoeVault checks PDFs of up to ${MAX_PDF_PAGES.toLocaleString('en-US')} pages. Split it into smaller PDFs and check each one.`,
      );
    }
    let text = '';
    const pageStarts: number[] = [];
    const pleadingLines: number[][] = [];
    const metadata = await metadataStrings(pdf);
    let metadataLength = metadata.reduce((sum, value) => sum + value.length, 0);
    let anyText = false;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) => ('str' in item ? [item as Positioned] : []));
      if (items.some((item) => item.str.trim() !== '')) anyText = true;
      if (n > 1) {
        text += '\n';
        pageStarts.push(text.length);
      }
      const lines = pageLines(items);
      text += lines.text;
      pleadingLines.push(pleadingLineOf(lineNumberColumn(items), lines.baselines));
      const annotations = await annotationStrings(pdf, n);
      metadata.push(...annotations);
      metadataLength += annotations.reduce((sum, value) => sum + value.length, 0);
      page.cleanup();
      if (text.length + metadataLength > MAX_PDF_TEXT) throw tooMuchText();
    }
    if (!anyText) {
      throw new VaultError(
        'VALIDATION',
        'The PDF has no text layer (a scanned image?), so it cannot be checked for names. Run OCR on it first, or scan the source document instead.',
      );
    }
    return { text, pageStarts, pageCount: pdf.numPages, pleadingLines, metadata };
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw notAPdf(error);
  } finally {
    await pdf.destroy();
  }
}
