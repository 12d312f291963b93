/**
 * Pages of a Word exhibit. There is no offline Word renderer in Node, and a redaction must not
 * depend on one's layout: the text of EVERY part (body, headers, footers, notes, comments,
 * tracked changes, properties, link targets: what documents/docx-parts reads for the export
 * verifier) is typeset by DoeVault on letter pages, its words' boxes known exactly, then each
 * picture of word/media as a page of its own. What the attorney files is then a faithful
 * record of what the file holds, not of how Word would print it (docs/EXHIBITS.md).
 *
 * A relationship that makes a reader fetch something from elsewhere (a linked image, template,
 * frame or object, TargetMode="External") is refused: its content is not in the file, so it
 * cannot be checked. A hyperlink is only text: its target is typeset like the rest.
 */
import JSZip from 'jszip';
import { docxPartsText } from '../documents';
import { isVaultError } from '../errors';
import { loadCanvas, type CanvasModule } from './canvas';
import { openRasterImage, type ImagePages } from './image-pages';
import { badExhibit, count, EXHIBIT_LIMITS } from './limits';
import { registerPageFont } from './page-font';
import type { PageCanvas, PageWord, RenderedPage } from './types';

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 72;
const FONT_SIZE = 11;
const LINE_HEIGHT = 15;
const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LINE_HEIGHT);
const DOCX_ADVICE = 'Open it in Word, save it again as .docx, and try again.';

interface LaidWord {
  text: string;
  x: number;
  width: number;
}

type Page = { kind: 'text'; lines: LaidWord[][] } | { kind: 'image'; pages: ImagePages; index: number };

export interface DocxPages {
  pageCount: number;
  render(n: number, dpi: number | undefined): Promise<RenderedPage>;
  close(): Promise<void>;
}

export async function openDocxPages(file: string, bytes: Uint8Array): Promise<DocxPages> {
  let source;
  try {
    source = await docxPartsText(bytes);
  } catch (error) {
    if (isVaultError(error, 'VALIDATION')) throw badExhibit(file, error.message.replace(/\.$/, ''), '', error);
    throw error;
  }
  // The package passed the zip guard in docxPartsText: safe to open.
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.rels'))) {
    const xml = await zip.files[name]!.async('string');
    for (const match of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const tag = match[0];
      if (!/TargetMode\s*=\s*["']External["']/i.test(tag)) continue;
      if (/Type\s*=\s*["'][^"']*\/hyperlink["']/i.test(tag)) continue;
      const type = /Type\s*=\s*["'][^"']*\/([^/"']+)["']/i.exec(tag)?.[1] ?? 'unknown';
      throw badExhibit(
        file,
        `the Word document links to content outside the file (an external "${type}" relationship in ${name}), which DoeVault cannot check`,
        'In Word, embed linked pictures and objects (File > Info > Edit Links to Files > Break Link), save, and try again.',
      );
    }
  }
  const canvas = await loadCanvas();
  const font = await registerPageFont();
  const pages: Page[] = layout(canvas, font, source.text).map((lines) => ({ kind: 'text', lines }));
  const media = names.filter((n) => /^word\/media\/[^/]+\.(png|jpe?g)$/i.test(n)).sort();
  for (const name of media) {
    const image = new Uint8Array(await zip.files[name]!.async('uint8array'));
    const format = /\.png$/i.test(name) ? 'png' : 'jpeg';
    const opened = await openRasterImage(file, image, format).catch((error: unknown) => {
      if (isVaultError(error, 'VALIDATION')) throw badExhibit(file, `the picture ${name} cannot be read (${error.message.replace(/^[^:]*: /, '').replace(/\. Nothing.*$/s, '')})`, DOCX_ADVICE, error);
      throw error;
    });
    pages.push({ kind: 'image', pages: opened, index: 1 });
  }
  if (pages.length > EXHIBIT_LIMITS.maxPages) {
    throw badExhibit(file, `the Word document makes ${count(pages.length)} pages; DoeVault redacts exhibits of up to ${count(EXHIBIT_LIMITS.maxPages)} pages`, 'Split it into smaller documents.');
  }
  return {
    pageCount: pages.length,
    async render(n, dpi) {
      const page = pages[n - 1]!;
      if (page.kind === 'image') return { ...(await page.pages.render(page.index, dpi)), number: n };
      return renderText(canvas, font, n, page.lines, dpi ?? EXHIBIT_LIMITS.defaultDigitalDpi);
    },
    async close() {},
  };
}

/** Lines of words (points), wrapped to the text width, cut into pages. */
function layout({ createCanvas }: CanvasModule, font: string, text: string): LaidWord[][][] {
  const measure = createCanvas(10, 10).getContext('2d');
  measure.font = `${FONT_SIZE}px "${font}"`;
  const space = measure.measureText(' ').width;
  const maxWidth = PAGE_WIDTH - 2 * MARGIN;
  const lines: LaidWord[][] = [];
  for (const paragraph of text.split('\n')) {
    let line: LaidWord[] = [];
    let x = MARGIN;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      // A word longer than the line (a URL) is cut: all of it must be on the page to be read.
      for (const piece of pieces(word, maxWidth, (s) => measure.measureText(s).width)) {
        const width = measure.measureText(piece).width;
        if (line.length > 0 && x + width > MARGIN + maxWidth) {
          lines.push(line);
          line = [];
          x = MARGIN;
        }
        line.push({ text: piece, x, width });
        x += width + space;
      }
    }
    lines.push(line);
  }
  const pages: LaidWord[][][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));
  return pages.length > 0 ? pages : [[]];
}

function pieces(word: string, maxWidth: number, width: (s: string) => number): string[] {
  if (width(word) <= maxWidth) return [word];
  const out: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current !== '' && width(current + ch) > maxWidth) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current !== '') out.push(current);
  return out;
}

function renderText({ createCanvas }: CanvasModule, font: string, n: number, lines: LaidWord[][], dpi: number): RenderedPage {
  const scale = dpi / 72;
  const canvas = createCanvas(Math.ceil(PAGE_WIDTH * scale), Math.ceil(PAGE_HEIGHT * scale));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  context.font = `${FONT_SIZE * scale}px "${font}"`;
  context.textBaseline = 'alphabetic';
  const words: PageWord[] = [];
  lines.forEach((line, i) => {
    const baseline = MARGIN + (i + 1) * LINE_HEIGHT;
    for (const word of line) {
      context.fillText(word.text, word.x * scale, baseline * scale);
      words.push({
        text: word.text,
        x0: word.x * scale,
        y0: (baseline - FONT_SIZE) * scale,
        x1: (word.x + word.width) * scale,
        y1: (baseline + FONT_SIZE * 0.3) * scale,
        line: i + 1,
        source: 'text-layer',
      });
    }
  });
  // Typeset text only: a picture of the document is a page of its own.
  return { number: n, widthPt: PAGE_WIDTH, heightPt: PAGE_HEIGHT, dpi, image: canvas as unknown as PageCanvas, textWords: words, pictures: async () => [] };
}
