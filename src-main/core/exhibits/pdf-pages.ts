/**
 * Pages of a PDF exhibit (pdfjs-dist with @napi-rs/canvas, the canvas pdfjs itself creates
 * through `canvasFactory`): each page rendered to pixels, and the words of its text layer with
 * their boxes, drawn or not (under an image, white on white, clipped): a name there is still a
 * finding, and the output, made from pixels only, cannot carry it.
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { looksLikePdf, openPdf } from '../documents';
import { badExhibit, count, EXHIBIT_LIMITS } from './limits';
import type { Box, PageCanvas, PageWord, RenderedPage } from './types';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: unknown };
  destroy(entry: { canvas: unknown; context: unknown }): void;
}

export interface PdfPages {
  pageCount: number;
  /** Page `n` (1-based) rendered at `dpi`; `dpi` undefined: by the page (scan or born-digital). */
  render(n: number, dpi: number | undefined): Promise<RenderedPage>;
  /** The text layer of page `n` alone (no rendering): tells a scan from a born-digital page. */
  hasText(n: number): Promise<boolean>;
  close(): Promise<void>;
}

const PDF_ADVICE = 'Print it to a new PDF (or scan the paper again) and try that file.';

/** Opens a PDF exhibit; refuses it (naming `file` and the limit) before any page is rendered. */
export async function openPdfPages(file: string, bytes: Uint8Array): Promise<PdfPages> {
  if (!looksLikePdf(bytes)) throw badExhibit(file, 'the file is not a PDF (it does not begin like one)', PDF_ADVICE);
  // Scripts, forms and annotations are never run or drawn: the page's own content only.
  const opened = await openPdf(bytes);
  if ('failure' in opened) {
    if (opened.failure === 'password') {
      throw badExhibit(file, 'the PDF is encrypted with a password, so its pages cannot be read', 'Save or print a copy without the password and redact that one.', opened.error);
    }
    throw badExhibit(file, 'the PDF is damaged or not a PDF DoeVault can read', PDF_ADVICE, opened.error);
  }
  const { pdf } = opened;
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    if (pdf.numPages > EXHIBIT_LIMITS.maxPages) {
      throw badExhibit(
        file,
        `the PDF has ${count(pdf.numPages)} pages; DoeVault redacts exhibits of up to ${count(EXHIBIT_LIMITS.maxPages)} pages`,
        'Split it into smaller PDFs and redact each one.',
      );
    }
    // Every page's size before any is rendered: a giant page anywhere stops the exhibit early.
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      if (!(width > 0 && height > 0) || width > EXHIBIT_LIMITS.maxPageSidePt || height > EXHIBIT_LIMITS.maxPageSidePt) {
        throw badExhibit(
          file,
          `page ${n} is ${Math.round(width)} × ${Math.round(height)} points; DoeVault renders pages of up to ${count(EXHIBIT_LIMITS.maxPageSidePt)} points a side (200 inches)`,
          'Print that page to a normal paper size first.',
        );
      }
      page.cleanup();
    }
  } catch (error) {
    await pdf.destroy();
    if ((error as { code?: string }).code === 'VALIDATION') throw error;
    throw badExhibit(file, 'the PDF is damaged or not a PDF DoeVault can read', PDF_ADVICE, error);
  }
  const factory = (pdf as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const textWords = async (page: PDFPageProxy, transform: number[], scale: number): Promise<PageWord[]> => {
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) => ('str' in item ? [item as TextItem] : []));
    return textLayerWords(items, transform, scale);
  };
  return {
    pageCount: pdf.numPages,
    async hasText(n) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      page.cleanup();
      return content.items.some((item) => 'str' in item && item.str.trim() !== '');
    },
    async render(n, requestedDpi) {
      const page = await pdf.getPage(n);
      try {
        const base = page.getViewport({ scale: 1 });
        const words0 = await textWords(page, base.transform, 1);
        const dpi = requestedDpi ?? (words0.length > 0 ? EXHIBIT_LIMITS.defaultDigitalDpi : EXHIBIT_LIMITS.defaultScanDpi);
        const viewport = page.getViewport({ scale: dpi / 72 });
        const width = Math.ceil(viewport.width);
        const height = Math.ceil(viewport.height);
        if (width * height > EXHIBIT_LIMITS.maxRenderPixels) {
          throw badExhibit(
            file,
            `page ${n} at ${dpi} dpi would be ${count(width * height)} pixels; DoeVault renders up to ${count(EXHIBIT_LIMITS.maxRenderPixels)} a page`,
            'Choose a lower --dpi.',
          );
        }
        const entry = factory.create(width, height);
        const context = entry.context as { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, width, height);
        try {
          await page.render({ canvasContext: entry.context as never, canvas: entry.canvas as never, viewport, annotationMode: 0 }).promise;
        } catch (error) {
          throw badExhibit(file, `page ${n} of the PDF cannot be drawn (it is damaged)`, PDF_ADVICE, error);
        }
        return {
          number: n,
          widthPt: base.width,
          heightPt: base.height,
          dpi,
          image: entry.canvas as PageCanvas,
          textWords: scaleWords(words0, dpi / 72),
          pictures: async () => {
            const again = await pdf.getPage(n);
            try {
              const ops = await again.getOperatorList({ annotationMode: 0 });
              return pictureBoxes(ops.fnArray, ops.argsArray, again.getViewport({ scale: 1 }).transform, { width: base.width, height: base.height }, OPS);
            } finally {
              again.cleanup();
            }
          },
        };
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await pdf.destroy();
    },
  };
}

/** A picture smaller than this (points a side) holds no face worth a proposal: glyphs of Type 3 fonts, rules, bullets. */
const MIN_PICTURE_PT = 24;

/**
 * Where a page draws images (points, from the top left), read from its operator list: each
 * image fills the unit square under the current transform. An image drawn in a way this does
 * not follow (repeated, grouped) counts as the whole page: faces are looked for everywhere
 * rather than missed. Overlapping pictures merge, so no pixel is searched twice.
 */
export function pictureBoxes(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  viewportTransform: readonly number[],
  page: { width: number; height: number },
  ops: Record<string, number>,
): Box[] {
  const whole: Box = { x: 0, y: 0, width: page.width, height: page.height };
  const stack: number[][] = [];
  let ctm = [...viewportTransform];
  const boxes: Box[] = [];
  const single = new Set([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject, ops.paintSolidColorImageMask]);
  const wholePage = new Set([ops.paintImageXObjectRepeat, ops.paintImageMaskXObjectRepeat, ops.paintImageMaskXObjectGroup, ops.paintInlineImageXObjectGroup]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as number[] | null | undefined;
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (wholePage.has(fn)) return [whole];
    else if (single.has(fn)) {
      const [a, b, c, d, e, f] = ctm as [number, number, number, number, number, number];
      const xs = [e, a + e, c + e, a + c + e];
      const ys = [f, b + f, d + f, b + d + f];
      const x0 = Math.max(0, Math.min(...xs));
      const y0 = Math.max(0, Math.min(...ys));
      const x1 = Math.min(page.width, Math.max(...xs));
      const y1 = Math.min(page.height, Math.max(...ys));
      if (!(x1 - x0 >= MIN_PICTURE_PT && y1 - y0 >= MIN_PICTURE_PT)) continue;
      boxes.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
    }
  }
  return mergeOverlapping(boxes);
}

function mergeOverlapping(boxes: Box[]): Box[] {
  const out: Box[] = [];
  for (let box of boxes) {
    for (let i = out.length - 1; i >= 0; i--) {
      const other = out[i]!;
      const apart = box.x > other.x + other.width || other.x > box.x + box.width || box.y > other.y + other.height || other.y > box.y + box.height;
      if (apart) continue;
      const x = Math.min(box.x, other.x);
      const y = Math.min(box.y, other.y);
      box = { x, y, width: Math.max(box.x + box.width, other.x + other.width) - x, height: Math.max(box.y + box.height, other.y + other.height) - y };
      out.splice(i, 1);
    }
    out.push(box);
  }
  return out;
}

function scaleWords(words: PageWord[], scale: number): PageWord[] {
  return words.map((w) => ({ ...w, x0: w.x0 * scale, y0: w.y0 * scale, x1: w.x1 * scale, y1: w.y1 * scale }));
}

/**
 * The words of a page's text items, in the viewport's coordinates (points, top left). An item's
 * words share its width by their characters (pdfjs gives no glyph positions); a rotated or
 * skewed item gives each of its words the item's whole bounding box: more is covered, never less.
 */
export function textLayerWords(items: readonly TextItem[], viewportTransform: number[], scale: number): PageWord[] {
  const words: PageWord[] = [];
  let line = 0;
  let previousBaseline: number | undefined;
  let previousEol = false;
  for (const item of items) {
    if (item.str.trim() === '') {
      if (item.hasEOL) previousEol = true;
      continue;
    }
    const [a, b, c, d, e, f] = multiply(viewportTransform, item.transform);
    const size = Math.hypot(c, d) || Math.abs(item.height) || 1;
    const upright = Math.abs(b) < 1e-6 * Math.abs(a) && Math.abs(c) < 1e-6 * Math.abs(d) && a > 0;
    if (previousBaseline === undefined || previousEol || Math.abs(f - previousBaseline) > size / 3) line++;
    previousBaseline = f;
    previousEol = item.hasEOL;
    // Item width is in text space units scaled by the item's own matrix: to the viewport.
    const widthPx = item.width * Math.hypot(viewportTransform[0]!, viewportTransform[1]!) * scale;
    const x0 = e;
    const top = f - size;
    const bottom = f + size * 0.3;
    const chars = item.str.length;
    const bbox = quadBox(a, b, c, d, e, f, widthPx / (Math.hypot(a, b) || 1), size);
    for (const match of item.str.matchAll(/\S+/g)) {
      if (upright) {
        const start = x0 + (widthPx * match.index) / chars;
        const end = x0 + (widthPx * (match.index + match[0].length)) / chars;
        words.push({ text: match[0], x0: start, y0: top, x1: end, y1: bottom, line, source: 'text-layer' });
      } else {
        words.push({ text: match[0], ...bbox, line, source: 'text-layer' });
      }
    }
  }
  return words;
}

/** The axis-aligned box around an item drawn by matrix [a b c d e f], `width` text units long, `size` high. */
function quadBox(a: number, b: number, c: number, d: number, e: number, f: number, width: number, size: number) {
  const ux = a / (Math.hypot(a, b) || 1);
  const uy = b / (Math.hypot(a, b) || 1);
  const vx = c / (Math.hypot(c, d) || 1);
  const vy = d / (Math.hypot(c, d) || 1);
  const length = width * Math.hypot(a, b);
  const corners = [
    [e - vx * size * 0.3, f - vy * size * 0.3],
    [e + ux * length - vx * size * 0.3, f + uy * length - vy * size * 0.3],
    [e + vx * size, f + vy * size],
    [e + ux * length + vx * size, f + uy * length + vy * size],
  ] as const;
  // Viewport y grows downwards while text's "up" is -y there; take both sides generously.
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const pad = size * 0.3;
  return { x0: Math.min(...xs) - pad, y0: Math.min(...ys) - pad, x1: Math.max(...xs) + pad, y1: Math.max(...ys) + pad };
}

function multiply(m1: readonly number[], m2: readonly number[]): [number, number, number, number, number, number] {
  const [a1, b1, c1, d1, e1, f1] = m1 as [number, number, number, number, number, number];
  const [a2, b2, c2, d2, e2, f2] = m2 as [number, number, number, number, number, number];
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}
