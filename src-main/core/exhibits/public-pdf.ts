/**
 * The public PDF of a redacted exhibit (issue 14, item 5): nothing of the source but the pixels
 * of its pages, burned. Each page is a JPEG image on a page of the source's size; over it,
 * when asked, an invisible text layer made by OCR of the REDACTED image (so the file stays
 * searchable and can only say what the image shows), a Bates number, and before the pages a
 * cover ("EXHIBIT A"). Written as a stream to a file: pages are not held in memory. The only
 * metadata is a neutral title and producer (and pdfkit's dates).
 */
import { createWriteStream } from 'node:fs';
import type PDFDocument from 'pdfkit';
import { loadFonts } from '../export/fonts';
import type { PageWord } from './types';

const FONT = 'Tinos';
export const PUBLIC_TITLE = 'Exhibit';
export const PRODUCER = 'DoeVault';

export interface Bates {
  prefix: string;
  start: number;
}

export function batesNumber(bates: Bates, index: number): string {
  return `${bates.prefix}${String(bates.start + index).padStart(6, '0')}`;
}

export class PublicPdfWriter {
  private stamped = 0;
  private readonly finished: Promise<void>;
  private readonly out: ReturnType<typeof createWriteStream>;

  private constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly bates: Bates | undefined,
    path: string,
  ) {
    const out = createWriteStream(path, { mode: 0o600, flags: 'wx' });
    this.out = out;
    this.finished = new Promise((resolve, reject) => {
      out.on('finish', () => resolve());
      out.on('error', reject);
      pdf.on('error', reject);
    });
    // Awaited by end(); until then an error must not count as unhandled (it would end the process).
    this.finished.catch(() => undefined);
    pdf.pipe(out);
  }

  static async create(path: string, fontsDir: string, options: { bates?: Bates | undefined; created: Date }): Promise<PublicPdfWriter> {
    const { default: PDF } = (await import('pdfkit')) as { default: typeof PDFDocument };
    const fonts = loadFonts(fontsDir);
    const pdf = new PDF({
      autoFirstPage: false,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      pdfVersion: '1.7',
      font: null as unknown as string,
      info: { Title: PUBLIC_TITLE, Creator: PRODUCER, Producer: PRODUCER, CreationDate: options.created, ModDate: options.created },
    });
    pdf.registerFont(FONT, fonts.regular.data);
    return new PublicPdfWriter(pdf, options.bates, path);
  }

  /** A cover page (letter size): the text centred, large. Not Bates-numbered. */
  cover(text: string): void {
    const pdf = this.pdf;
    pdf.addPage({ size: 'LETTER', margin: 0 });
    pdf.font(FONT).fontSize(40).fillColor('#000000');
    const height = pdf.heightOfString(text, { width: 468, align: 'center' });
    pdf.text(text, 72, (792 - height) / 2, { width: 468, align: 'center' });
  }

  /**
   * One exhibit page: `jpeg` drawn over the whole page (`widthPt` × `heightPt`); `words` (pixels
   * at `dpi`, OCR of that same image) as invisible text.
   */
  page(jpeg: Buffer, widthPt: number, heightPt: number, dpi: number, words: readonly PageWord[] = []): void {
    const pdf = this.pdf;
    pdf.addPage({ size: [widthPt, heightPt], margin: 0 });
    pdf.image(jpeg, 0, 0, { width: widthPt, height: heightPt });
    if (words.length > 0) {
      const scale = 72 / dpi;
      pdf.save();
      // Text render mode 3: neither filled nor stroked; found by search and copy, never seen.
      pdf.addContent('3 Tr');
      pdf.font(FONT).fillColor('#000000');
      // One size and one top per OCR line: a reader (pdftotext, search) then keeps the line's
      // words together and in order.
      const lines = new Map<number, PageWord[]>();
      for (const word of words) lines.set(word.line, [...(lines.get(word.line) ?? []), word]);
      for (const line of lines.values()) {
        const top = Math.min(...line.map((w) => w.y0)) * scale;
        const height = Math.max(...line.map((w) => w.y1 - w.y0)) * scale;
        if (!(height > 0)) continue;
        pdf.fontSize(Math.max(1, height * 0.8));
        // The line as one string, stretched to the width OCR saw it take.
        const sorted = line.sort((a, b) => a.x0 - b.x0);
        const text = sorted.map((w) => w.text).join(' ');
        const left = sorted[0]!.x0 * scale;
        const natural = pdf.widthOfString(text);
        const target = (Math.max(...sorted.map((w) => w.x1)) * scale) - left;
        const horizontalScaling = natural > 0 ? Math.min(1000, Math.max(10, (100 * target) / natural)) : 100;
        // horizontalScaling is pdfkit's (0.15+), not yet in @types/pdfkit.
        pdf.text(text, left, top, { lineBreak: false, horizontalScaling } as PDFKit.Mixins.TextOptions);
      }
      pdf.restore();
    }
    if (this.bates) {
      const label = batesNumber(this.bates, this.stamped++);
      pdf.font(FONT).fontSize(10);
      const width = pdf.widthOfString(label);
      const x = widthPt - width - 18;
      const y = heightPt - 24;
      pdf.rect(x - 3, y - 3, width + 6, 16).fill('#ffffff');
      pdf.fillColor('#000000').text(label, x, y, { lineBreak: false });
    }
  }

  async end(): Promise<void> {
    this.pdf.end();
    await this.finished;
  }

  /** Stops writing: the file is left incomplete, for the caller to remove. */
  discard(): void {
    this.pdf.unpipe(this.out);
    this.out.destroy();
  }
}
