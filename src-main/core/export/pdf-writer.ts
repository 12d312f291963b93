/**
 * Typesets a RenderedDocument as a PDF (pdfkit, Tinos embedded): California pleading paper or
 * plain federal format. See pleading-paper.ts for the page geometry and the rules it follows.
 *
 * Every line is laid out here (typeset-text.ts breaks lines at spaces only) and drawn with one
 * text call per run of one face at an exact baseline, left-aligned or centred, without
 * justification, hyphenation or character spacing: the text reads back from the file, with
 * pdfjs or pdftotext, in reading order and word for word, as the export's leak scan needs.
 * The page furniture (line numbers, rules, footers) is drawn after each page's text, so it
 * follows the text in the content stream; a page's footnotes are drawn when the page is done,
 * after its body, so readers give them after the body they annotate.
 *
 * The output depends on nothing but the input and the fonts: the dates are `createdAt`, the
 * metadata names DoeVault only, and the file identifier is derived from the file's content.
 */
import { createHash } from 'node:crypto';
import type PDFDocument from 'pdfkit';
import { VaultError } from '../errors';
import { signatureLines, type Block, type RenderedDocument, type Run, type SignatureBlock } from '../filings/document';
import { FONT_FACES, loadFonts, type LoadedFonts } from './fonts';
import { wordMeasure } from './font-measure';
import { PageNotes } from './page-notes';
import { addOutputIntent, pdfaIdentification } from './pdf-archive';
import { PdfOutline } from './pdf-outline';
import { CELL_PADDING, columnWidths } from './table-columns';
import {
  BODY_SIZE,
  FOOTER_SIZE,
  PAGE_HEIGHT,
  SLOT,
  baselineOf,
  geometryOf,
  pageLabel,
  slotTop,
  type Geometry,
} from './pleading-paper';
import {
  breakLines,
  courtTitleLines,
  escapeXml,
  isCentredHeading,
  lineText,
  paragraphMarker,
  printedText,
  styledRuns,
  styledText,
  SUPERSCRIPT,
  type Styled,
  type TextLine,
} from './typeset-text';

export interface WritePdfOptions {
  /** Folder holding the four Tinos faces (resources/fonts in the app). */
  fontsDir: string;
  /** PDF/A-2b (pdf-archive.ts), for portals and records offices that ask for archival PDFs. */
  pdfa?: boolean | undefined;
}

export const PDF_PRODUCER = 'DoeVault';
export const PDF_LANGUAGE = 'en-US';

/** First-line indent of a paragraph, hanging indents of bulleted lists, quotation margins. */
const INDENT = 36;
/** Least room between a paragraph's number and its text. */
const MARKER_GAP = 6;
const LIST_MARKER_X = 18;
const LIST_TEXT_X = 54;
const RULE_WIDTH = 0.6;
/**
 * The band behind text the public version withheld (sealed version, issue 13): light grey, so
 * it prints in grey scale and the black text stays legible, from the ascenders to the
 * descenders of the line's type.
 */
const WITHHELD_BAND = { color: '#d9d9d9', above: 0.8, below: 0.22 } as const;

type Align = 'left' | 'center' | 'right';

export async function writePdf(doc: RenderedDocument, options: WritePdfOptions): Promise<Uint8Array> {
  const fonts = loadFonts(options.fontsDir);
  const created = new Date(doc.createdAt);
  if (Number.isNaN(created.getTime())) {
    throw new VaultError('INTERNAL', 'The filing has no valid creation time; it cannot be typeset.');
  }
  // Loaded on first use: pdfkit (with fontkit) is heavy, and only an export typesets.
  const { default: PDF } = await import('pdfkit');
  const pdf = createPdf(PDF, doc, fonts, created, options.pdfa === true);
  const chunks: Uint8Array[] = [];
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  // A failure while typesetting leaves the half-built document to the garbage collector.
  new Typesetter(pdf, doc, fonts).run();
  pdf.end();
  await finished;
  return withContentId(Buffer.concat(chunks));
}

function createPdf(PDF: typeof PDFDocument, doc: RenderedDocument, fonts: LoadedFonts, created: Date, pdfa: boolean): PDFKit.PDFDocument {
  const pdf = new PDF({
    size: 'LETTER',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: PDF_LANGUAGE,
    displayTitle: true,
    // A tagged PDF: a structure tree in reading order, page furniture marked as artifacts.
    tagged: true,
    // No default font: pdfkit would otherwise load its built-in Helvetica, which can print none
    // of the names this app exists for. Every text call below names a Tinos face.
    font: null as unknown as string,
    info: {
      Title: metadataText(doc.metadataTitle),
      Creator: PDF_PRODUCER,
      Producer: PDF_PRODUCER,
      CreationDate: created,
      ModDate: created,
    },
  });
  for (const face of FONT_FACES) pdf.registerFont(face, fonts[face].data);
  replaceXmp(pdf, metadataText(doc.metadataTitle), created, pdfa ? [pdfaIdentification()] : []);
  if (pdfa) addOutputIntent(pdf);
  return pdf;
}

/** A metadata string: printable, on one line. */
function metadataText(text: string): string {
  return printedText(styledText(text)[0]!.text).replace(/\n/g, ' ');
}

/**
 * pdfkit writes the XMP packet without escaping the title ("&" would break it) and without a
 * modification date; this writes it properly, from the same values as the Info dictionary,
 * with `extra` descriptions after it (the PDF/A identification).
 */
function replaceXmp(pdf: PDFKit.PDFDocument, title: string, created: Date, extra: readonly string[]): void {
  const internals = pdf as unknown as { _addInfo?: () => void; appendXML?: (xml: string, newline?: boolean) => void };
  if (typeof internals._addInfo !== 'function' || typeof internals.appendXML !== 'function') {
    throw new VaultError('INTERNAL', 'The PDF library is not the expected version (no XMP metadata hook).');
  }
  const appendXML = internals.appendXML.bind(pdf);
  const date = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  internals._addInfo = () => {
    appendXML(
      [
        `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
        `<xmp:CreateDate>${date}</xmp:CreateDate>`,
        `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
        `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
        `<xmp:CreatorTool>${PDF_PRODUCER}</xmp:CreatorTool>`,
        `</rdf:Description>`,
        `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
        `<dc:format>application/pdf</dc:format>`,
        `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(title)}</rdf:li></rdf:Alt></dc:title>`,
        `<dc:language><rdf:Bag><rdf:li>${PDF_LANGUAGE}</rdf:li></rdf:Bag></dc:language>`,
        `</rdf:Description>`,
        `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
        `<pdf:Producer>${PDF_PRODUCER}</pdf:Producer>`,
        `</rdf:Description>`,
        ...extra,
      ].join('\n'),
    );
  };
}

/**
 * pdfkit's file identifier (trailer /ID) is an MD5 of the Info dictionary: the same for two
 * different filings with the same title and time. Replace it, in place and at the same length,
 * with the first 16 bytes of the SHA-256 of the file as written (identifier zeroed first), so
 * that it identifies this content and nothing else.
 */
function withContentId(bytes: Buffer): Uint8Array {
  const tailStart = Math.max(0, bytes.length - 1024);
  const tail = bytes.subarray(tailStart).toString('latin1');
  const match = /\/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]/.exec(tail);
  if (!match) throw new VaultError('INTERNAL', 'The PDF library wrote no file identifier where one was expected.');
  const start = tailStart + match.index;
  const zeroed = `/ID [<${'0'.repeat(32)}> <${'0'.repeat(32)}>]`;
  bytes.write(zeroed, start, 'latin1');
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  bytes.write(`/ID [<${id}> <${id}>]`, start, 'latin1');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

interface Cell {
  lines: TextLine[];
  align: Align;
}

/**
 * Where drawn content belongs in the structure tree: a structure element (the text of a
 * paragraph, a cell, a label), or an artifact (line numbers, rules, page numbers, footers,
 * borders, a table header repeated on a new page), which assistive technology skips.
 */
type Tag = { element: PDFKit.PDFStructureElement; type: string } | { artifact: 'Pagination' | 'Layout' };

const PAGINATION: Tag = { artifact: 'Pagination' };
const LAYOUT: Tag = { artifact: 'Layout' };

/** Length of the rule above a page's footnotes (a note continued from the page before gets one across the column). */
const NOTE_RULE = 144;

/** A line of a footnote waiting for the foot of its page. */
interface NoteLine {
  first: boolean;
  line: TextLine;
  x: number;
  tag: Tag;
  label: Tag;
}

/** The labels of the footnotes whose reference mark prints somewhere in the body. */
function referencedNotes(blocks: readonly Block[]): Set<string> {
  const labels = new Set<string>();
  const visit = (runs: readonly Run[]): void => {
    for (const run of runs) if (run.noteRef) labels.add(run.text);
  };
  for (const block of blocks) {
    if (block.type === 'heading' || block.type === 'paragraph' || block.type === 'quote') visit(block.runs);
    else if (block.type === 'list') block.items.forEach(visit);
    else if (block.type === 'table') [block.header, ...block.rows].forEach((row) => row.forEach(visit));
  }
  return labels;
}

class Typesetter {
  private readonly geometry: Geometry;
  private slot = 0;
  private readonly root: PDFKit.PDFStructureElement;
  private readonly outline = new PdfOutline();
  /** Each footnote by label, for the foot of the page that prints its reference. */
  private readonly notes = new Map<string, { runs: Run[]; where: string }>();
  /** Notes whose reference has printed (a second reference to one prints the mark only). */
  private readonly noted = new Set<string>();
  private readonly referenced: Set<string>;
  private readonly pageNotes: PageNotes<NoteLine>;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly doc: RenderedDocument,
    private readonly fonts: LoadedFonts,
  ) {
    this.geometry = geometryOf(doc.form);
    this.pageNotes = new PageNotes(this.geometry.slots);
    this.root = pdf.struct('Document');
    pdf.addStructure(this.root);
    this.referenced = referencedNotes(doc.blocks);
    doc.blocks.forEach((block, index) => {
      if (block.type !== 'footnotes') return;
      block.notes.forEach((note, n) => {
        if (this.referenced.has(note.label)) this.notes.set(note.label, { runs: note.runs, where: `block ${index + 1}, note ${n + 1}` });
      });
    });
  }

  private get textWidth(): number {
    return this.geometry.right - this.geometry.left;
  }

  /** The last slot the body may use on this page, plus one: the page's footnotes take the rest. */
  private get limit(): number {
    return this.geometry.slots - this.pageNotes.reserved;
  }

  run(): void {
    this.firstPage();
    this.doc.blocks.forEach((block, index) => this.block(block, `block ${index + 1}`));
    this.finishNotes();
    this.furniture();
    this.outline.finish(this.pdf);
  }

  // ---- structure -------------------------------------------------------------------------

  /** A new structure element under `parent` (the document by default). */
  private element(type: string, parent?: Tag): Tag & { element: PDFKit.PDFStructureElement; type: string } {
    const element = this.pdf.struct(type);
    if (parent && 'element' in parent) parent.element.add(element);
    else this.root.add(element);
    return { element, type };
  }

  /** Draws inside a marked-content sequence tied to `tag`. */
  private marked(tag: Tag, draw: () => void): void {
    if ('artifact' in tag) {
      this.pdf.markContent('Artifact', { type: tag.artifact });
      draw();
      this.pdf.endMarkedContent();
      return;
    }
    const content = this.pdf.markStructureContent(tag.type);
    draw();
    this.pdf.endMarkedContent();
    tag.element.add(content);
  }

  // ---- measuring and drawing -------------------------------------------------------------

  /** Width of `text` as pdfkit will print it (font-measure.ts, shared with the Word writer). */
  private readonly measure = wordMeasure((word, face) => this.pdf.font(face).fontSize(1000).widthOfString(word), (face) => this.fonts[face]);

  /** Lays out `spans` in a column, after checking the fonts can print every character. */
  private wrap(spans: Styled[], width: number, where: string, options: { firstIndent?: number; size?: number } = {}): TextLine[] {
    for (const span of spans) this.checkPrintable(span, where);
    return breakLines(spans, { width, firstIndent: options.firstIndent, size: options.size ?? BODY_SIZE, measure: this.measure });
  }

  private checkPrintable(span: Styled, where: string): void {
    const font = this.fonts[span.face];
    let missing = 0;
    for (const char of span.text) {
      const code = char.codePointAt(0)!;
      if (code !== 0x0a && !font.covers(code)) missing++;
    }
    if (missing > 0) {
      throw new VaultError(
        'VALIDATION',
        `The filing has ${missing} character(s) in ${where} that the PDF font (Tinos) cannot print, such as letters of a non-Latin script or emoji. ` +
          'They would print as empty boxes and could not be read back, so the PDF was not written.',
        { field: where },
      );
    }
  }

  /**
   * One line of type at `baseline`, one text call per run of one face. A footnote mark is set
   * smaller and raised: in the body a Reference (its note queued for the foot of this page),
   * in a note its label (`label`).
   */
  private drawLine(tag: Tag, line: TextLine, x: number, baseline: number, width: number, align: Align = 'left', size = BODY_SIZE, label?: Tag): void {
    if (line.pieces.every((piece) => piece.text.length === 0)) return;
    let left = x;
    if (align === 'center') left = x + (width - line.width) / 2;
    else if (align === 'right') left = x + width - line.width;
    this.withheldBands(line, left, baseline, size);
    const draw = (piece: TextLine['pieces'][number], at: number): void => {
      if (piece.text.length === 0) return;
      const pieceSize = piece.sup ? size * SUPERSCRIPT.scale : size;
      const pieceBaseline = piece.sup ? baseline - size * SUPERSCRIPT.rise : baseline;
      this.pdf.font(piece.face).fontSize(pieceSize).text(printedText(piece.text), at, pieceBaseline, { lineBreak: false, baseline: 'alphabetic' });
    };
    let index = 0;
    while (index < line.pieces.length) {
      const sup = Boolean(line.pieces[index]!.sup);
      let end = index;
      while (end < line.pieces.length && Boolean(line.pieces[end]!.sup) === sup) end++;
      const group = line.pieces.slice(index, end);
      const start = left;
      let target = tag;
      if (sup && label) target = label;
      else if (sup && 'element' in tag) target = this.element('Reference', tag);
      this.marked(target, () => {
        let at = start;
        for (const piece of group) {
          draw(piece, at);
          at += piece.width;
        }
      });
      left += group.reduce((sum, piece) => sum + piece.width, 0);
      if (sup && !label && 'element' in tag) {
        for (const piece of group) this.queueNote(tag, piece.text.trim(), baseline);
      }
      index = end;
    }
  }

  /** Grey bands behind a line's withheld pieces, drawn before its text so the text sits on them. */
  private withheldBands(line: TextLine, left: number, baseline: number, size: number): void {
    let at = left;
    const bands: { x: number; width: number }[] = [];
    for (const piece of line.pieces) {
      if (piece.shade && piece.width > 0) bands.push({ x: at, width: piece.width });
      at += piece.width;
    }
    if (bands.length === 0) return;
    this.marked(LAYOUT, () => {
      this.pdf.save();
      for (const band of bands) this.pdf.rect(band.x, baseline - size * WITHHELD_BAND.above, band.width, size * (WITHHELD_BAND.above + WITHHELD_BAND.below));
      this.pdf.fill(WITHHELD_BAND.color);
      this.pdf.restore();
    });
  }

  private hLine(x1: number, x2: number, y: number, tag: Tag = LAYOUT): void {
    this.marked(tag, () => this.pdf.moveTo(x1, y).lineTo(x2, y).lineWidth(RULE_WIDTH).stroke());
  }

  private vLine(x: number, y1: number, y2: number, tag: Tag = LAYOUT): void {
    this.marked(tag, () => this.pdf.moveTo(x, y1).lineTo(x, y2).lineWidth(RULE_WIDTH).stroke());
  }

  // ---- the grid --------------------------------------------------------------------------

  private newPage(): void {
    this.flushNotes();
    this.pdf.addPage({ size: 'LETTER', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    this.slot = 0;
  }

  /** Room for `slots` more slots on this page, or a new page. */
  private ensure(slots: number): void {
    if (this.slot + Math.min(slots, this.limit) > this.limit) this.newPage();
  }

  /**
   * Room for a line of `slots` slots and, when it prints a footnote's reference, for the
   * start of that note at the foot of the same page; else a new page.
   */
  private ensureLine(line: TextLine, slots: number): void {
    const fresh = line.pieces.filter((piece) => piece.sup && this.notes.has(piece.text.trim()) && !this.noted.has(piece.text.trim()));
    if (fresh.length > 0 && this.slot > 0) {
      const need = Math.max(slots, 2) + this.pageNotes.need(fresh.map((piece) => this.noteLines(piece.text.trim()).length));
      if (this.slot + need > this.limit) this.newPage();
    }
    this.ensure(slots);
  }

  /** To the next full (numbered) line. */
  private alignToLine(): void {
    if (this.slot % 2 === 1) this.slot++;
    if (this.slot >= this.limit) this.newPage();
  }

  /** Single-spaced lines from the current slot, breaking pages as needed. */
  private singleSpaced(tag: Tag, lines: TextLine[], x: number, width: number, align: Align = 'left'): void {
    for (const line of lines) {
      this.ensureLine(line, 1);
      this.drawLine(tag, line, x, baselineOf(this.geometry, this.slot), width, align);
      this.slot++;
    }
  }

  /** Double-spaced lines on numbered lines; the first may be indented by `firstX`. */
  private doubleSpaced(tag: Tag, lines: TextLine[], x: number, width: number, align: Align = 'left', firstX = x): void {
    lines.forEach((line, index) => {
      this.alignToLine();
      this.ensureLine(line, 2);
      const lineX = index === 0 ? firstX : x;
      this.drawLine(tag, line, lineX, baselineOf(this.geometry, this.slot), width - (lineX - x), align);
      this.slot += 2;
    });
  }

  // ---- footnotes at the foot of the page ---------------------------------------------------

  private readonly noteLayouts = new Map<string, TextLine[]>();

  /** A note as printed at the foot of a page: its label raised before the text at the paragraph indent, single-spaced. */
  private noteLines(label: string): TextLine[] {
    let lines = this.noteLayouts.get(label);
    if (!lines) {
      const note = this.notes.get(label)!;
      const spans: Styled[] = [{ ...styledText(label)[0]!, sup: true }, ...styledText(' '), ...styledRuns(note.runs)];
      lines = this.wrap(spans, this.textWidth, note.where, { firstIndent: INDENT });
      this.noteLayouts.set(label, lines);
    }
    return lines;
  }

  /** The reference to note `label` printed in `tag` at `baseline`: the note goes to the foot of this page. */
  private queueNote(tag: Tag & { element: PDFKit.PDFStructureElement }, label: string, baseline: number): void {
    if (!this.notes.has(label) || this.noted.has(label)) return;
    this.noted.add(label);
    const note = this.element('Note', tag);
    const lbl = this.element('Lbl', note);
    const { left } = this.geometry;
    const lines = this.noteLines(label).map((line, index) => ({ first: index === 0, line, x: index === 0 ? left + INDENT : left, tag: note, label: lbl }));
    const lineSlot = Math.round((baseline - baselineOf(this.geometry, 0)) / SLOT);
    this.pageNotes.add(lines, Math.max(lineSlot + 2, this.slot));
  }

  /** Draws this page's footnotes at its foot: a short rule (across the column for a note continued), then the lines. */
  private flushNotes(): void {
    const { lines, continued } = this.pageNotes.take();
    if (lines.length === 0) return;
    const { left } = this.geometry;
    const first = this.geometry.slots - lines.length;
    this.hLine(left, left + (continued ? this.textWidth : NOTE_RULE), slotTop(this.geometry, first - 1) + SLOT / 2);
    lines.forEach((entry, index) => {
      this.drawLine(entry.tag, entry.line, entry.x, baselineOf(this.geometry, first + index), this.geometry.right - entry.x, 'left', BODY_SIZE, entry.label);
    });
  }

  /** The notes still waiting after the body: at the foot of this page, then of pages of their own. */
  private finishNotes(): void {
    this.pageNotes.fill(this.slot);
    while (this.pageNotes.pending > this.pageNotes.placed) {
      this.newPage();
      this.pageNotes.fill(0);
    }
    this.flushNotes();
  }

  // ---- the first page --------------------------------------------------------------------

  private firstPage(): void {
    const { left, right } = this.geometry;
    const middle = (left + right) / 2;
    const doc = this.doc;
    const labelWidth = this.textWidth * 0.7;
    const labelX = right - labelWidth;
    const labels = doc.labels.map((label) => this.wrap(styledText(label, 'bold'), labelWidth, 'the sealing labels'));
    const drawLabels = (): void => {
      for (const lines of labels) this.singleSpaced(this.element('P'), lines, labelX, labelWidth, 'right');
    };

    if (this.geometry.labels === 'top' && labels.length > 0) {
      drawLabels();
      this.slot++;
    }
    // Counsel, single-spaced from line 1, left of centre (the right half of lines 1-7 is the clerk's).
    const counselWidth = middle - left - 12;
    const counsel = doc.counsel.map((line) => this.wrap(styledText(line), counselWidth, 'the counsel block'));
    const counselBlock = this.element('Div');
    doc.counsel.forEach((line, index) => {
      const lines = counsel[index]!;
      if (line.trim() === '') this.slot += lines.length;
      else this.singleSpaced(this.element('P', counselBlock), lines, left, counselWidth);
    });

    // The court's title, centred, on or below line 8 (pleading paper) or a line below counsel.
    this.slot = Math.max(this.geometry.courtTitleSlot, this.slot + (counsel.length > 0 ? 2 : 0));
    this.alignToLine();
    const court = courtTitleLines(doc.court, (line) => this.measure(line, 'bold', BODY_SIZE) <= this.textWidth).flatMap((line) =>
      this.wrap(styledText(line, 'bold'), this.textWidth, 'the court title'),
    );
    this.singleSpaced(this.element('P'), court, left, this.textWidth, 'center');

    // Pleading paper: sealing labels on the first page (CRC 2.551), right-aligned above the
    // caption, out of the clerk's space (CRC 2.111(2)).
    if (this.geometry.labels === 'below-court' && labels.length > 0) {
      this.slot++;
      drawLabels();
    }
    this.slot++;
    this.alignToLine();
    this.caption();
  }

  /**
   * Parties on the left, in a cell closed by a rule on its right and one beneath it (the usual
   * California caption); the case number and the paper's title on the right, opposite them.
   * Each column is drawn whole before the other, so the caption reads column by column.
   */
  private caption(): void {
    const { left, right } = this.geometry;
    const divider = left + this.textWidth * 0.52;
    const leftWidth = divider - left - 8;
    const rightX = divider + 10;
    const rightWidth = right - rightX;
    const parties = this.doc.parties.flatMap((line) => this.wrap(styledText(line), leftWidth, 'the caption'));
    const rightLines = this.captionRight(rightWidth);
    const caption = this.element('Div');
    const partiesTag = this.element('P', caption);
    const rightTag = this.element('P', caption);
    const rows = Math.max(parties.length, rightLines.length) + 1;
    let row = 0;
    while (row < rows) {
      this.ensure(1);
      const top = slotTop(this.geometry, this.slot);
      const fit = Math.min(rows - row, this.limit - this.slot);
      for (const [lines, tag, x, width] of [
        [parties, partiesTag, left, leftWidth],
        [rightLines, rightTag, rightX, rightWidth],
      ] as const) {
        for (let i = 0; i < fit; i++) {
          const line = lines[row + i];
          if (line) this.drawLine(tag, line, x, baselineOf(this.geometry, this.slot + i), width);
        }
      }
      row += fit;
      this.slot += fit;
      const bottom = slotTop(this.geometry, this.slot);
      this.vLine(divider, top, bottom);
      if (row >= rows) this.hLine(left, divider, bottom);
      else this.newPage();
    }
    // A blank numbered line between the caption and the body.
    this.slot += 2;
    this.alignToLine();
  }

  /**
   * The right of the caption as the filing gives it (the case number, the paper's title in
   * bold, then judge, department, jury demand and dates), with a blank line after the case
   * number and after the title where the filing has none.
   */
  private captionRight(width: number): TextLine[] {
    const lines = this.doc.captionRight;
    const titleIndex = lines.findIndex((line, index) => index > 0 && line.trim() !== '');
    const out: TextLine[] = [];
    const blank = (): void => {
      const last = out[out.length - 1];
      if (last && last.pieces.length > 0) out.push({ pieces: [], width: 0 });
    };
    lines.forEach((line, index) => {
      if (index === titleIndex || (index === titleIndex + 1 && titleIndex > 0)) blank();
      if (line.trim() === '') blank();
      else out.push(...this.wrap(styledText(line, index === titleIndex ? 'bold' : 'regular'), width, 'the caption'));
    });
    return out;
  }

  // ---- blocks ----------------------------------------------------------------------------

  private block(block: Block, where: string): void {
    const { left } = this.geometry;
    const width = this.textWidth;
    switch (block.type) {
      case 'heading': {
        const align: Align = isCentredHeading(block) ? 'center' : 'left';
        const lines = this.wrap(styledRuns(block.runs, { bold: true, italic: block.level === 3 }), width, where);
        this.alignToLine();
        // Keep a heading with the first line after it.
        this.ensure(Math.min(lines.length * 2 + 2, this.geometry.slots));
        this.outline.add(block.level, lines.map(lineText).join(' '), this.pdf.page, slotTop(this.geometry, this.slot));
        this.doubleSpaced(this.element(`H${block.level}`), lines, left, width, align);
        return;
      }
      case 'paragraph': {
        const lines = this.wrap(styledRuns(block.runs), width, where, { firstIndent: INDENT });
        this.doubleSpaced(this.element('P'), lines, left, width, 'left', left + INDENT);
        return;
      }
      case 'list': {
        if (block.ordered) {
          this.numberedParagraphs(block.items, block.start, where);
          return;
        }
        const list = this.element('L');
        block.items.forEach((item, index) => {
          const marker = '\u2022';
          const textX = left + LIST_TEXT_X;
          const lines = this.wrap(styledRuns(item), this.geometry.right - textX, `${where}, item ${index + 1}`);
          const markerLine = this.wrap(styledText(marker), LIST_TEXT_X - LIST_MARKER_X, where)[0]!;
          const entry = this.element('LI', list);
          this.alignToLine();
          this.ensure(2);
          this.drawLine(this.element('Lbl', entry), markerLine, left + LIST_MARKER_X, baselineOf(this.geometry, this.slot), LIST_TEXT_X - LIST_MARKER_X);
          this.doubleSpaced(this.element('LBody', entry), lines, textX, this.geometry.right - textX);
        });
        return;
      }
      case 'quote': {
        // CRC 2.108(3): quotations may be single-spaced. Indented half an inch on both sides.
        const lines = this.wrap(styledRuns(block.runs), width - 2 * INDENT, where);
        this.alignToLine();
        this.singleSpaced(this.element('BlockQuote'), lines, left + INDENT, width - 2 * INDENT);
        this.slot++;
        this.alignToLine();
        return;
      }
      case 'table':
        this.table(block.header, block.rows, where);
        return;
      case 'signature':
        this.signature(block.signature, where);
        return;
      case 'footnotes': {
        // A note whose reference printed went to the foot of that page; one without a
        // reference (a draft that never cites it) is printed here, so no text is lost.
        const unreferenced = block.notes.filter((note) => !this.notes.has(note.label));
        if (unreferenced.length < block.notes.length) {
          this.block({ type: 'footnotes', notes: unreferenced }, where);
          return;
        }
        if (block.notes.length === 0) return;
        this.alignToLine();
        this.ensure(3);
        this.hLine(left, left + 144, slotTop(this.geometry, this.slot) + SLOT / 2);
        this.slot++;
        // Each note's label hangs in the margin of its text: "[1]  The note, wrapped ...".
        const labels = block.notes.map((note) => styledText(note.label));
        const hang = Math.max(...labels.map((label) => this.measure(label[0]!.text, 'regular', BODY_SIZE))) + 6;
        const notes = this.element('Div');
        block.notes.forEach((note, index) => {
          const lines = this.wrap(styledRuns(note.runs), width - hang, `${where}, note ${index + 1}`);
          const label = this.wrap(labels[index]!, hang, `${where}, note ${index + 1}`)[0]!;
          const tag = this.element('Note', notes);
          this.ensure(Math.min(lines.length, 2));
          this.drawLine(this.element('Lbl', tag), label, left, baselineOf(this.geometry, this.slot), hang);
          this.singleSpaced(this.element('P', tag), lines, left + hang, width - hang);
        });
        this.slot++;
        this.alignToLine();
        return;
      }
    }
  }

  /**
   * The signature block, kept together on one page: "Dated:" at the left margin, the firm, the
   * signature and the attorney's name and role in the right half of the column, single-spaced,
   * as California firms set it; the typed name sits under the signature, after "By: ".
   */
  private signature(signature: SignatureBlock, where: string): void {
    const { left, right } = this.geometry;
    const middle = (left + right) / 2;
    const [dated, ...rest] = signatureLines(signature);
    const datedLines = this.wrap(styledText(dated!), middle - left - 12, where);
    const byIndent = this.measure('By: ', 'regular', BODY_SIZE);
    const restLines = rest.map((line, index) => {
      const x = index > 0 && rest[index - 1]!.startsWith('By: ') && line === signature.signer ? middle + byIndent : middle;
      return { x, lines: this.wrap(styledText(line), right - x, where) };
    });
    const height = datedLines.length + restLines.reduce((sum, entry) => sum + entry.lines.length, 0);
    this.alignToLine();
    // A blank numbered line above it, unless the page is new.
    if (this.slot > 0) this.slot += 2;
    this.alignToLine();
    this.ensure(height);
    const block = this.element('Div');
    this.singleSpaced(this.element('P', block), datedLines, left, middle - left - 12);
    for (const entry of restLines) {
      if (entry.lines.every((line) => line.pieces.length === 0)) this.slot += entry.lines.length;
      else this.singleSpaced(this.element('P', block), entry.lines, entry.x, right - entry.x);
    }
    this.alignToLine();
  }

  /**
   * A pleading's numbered paragraphs: the number at the paragraph indent, the text from the
   * next tab stop (or just after a long number), the lines after it from the left margin, all
   * double-spaced on the numbered lines. A web list's hanging indent would not be a pleading's.
   */
  private numberedParagraphs(items: readonly Run[][], start: number | undefined, where: string): void {
    const { left } = this.geometry;
    const width = this.textWidth;
    const list = this.element('L');
    items.forEach((item, index) => {
      const itemWhere = `${where}, paragraph ${paragraphMarker(start, index)}`;
      const marker = this.wrap(styledText(paragraphMarker(start, index)), width, itemWhere)[0]!;
      const textX = Math.max(left + 2 * INDENT, left + INDENT + marker.width + MARKER_GAP);
      const lines = this.wrap(styledRuns(item), width, itemWhere, { firstIndent: textX - left });
      const entry = this.element('LI', list);
      this.alignToLine();
      this.ensure(2);
      this.drawLine(this.element('Lbl', entry), marker, left + INDENT, baselineOf(this.geometry, this.slot), marker.width);
      this.doubleSpaced(this.element('LBody', entry), lines, left, width, 'left', textX);
    });
  }

  /**
   * A grid table: header row in bold, repeated at the top of every page the table continues
   * on (as an artifact: it is the same header); cells single-spaced and wrapped; a row taller
   * than the rest of the page is split.
   */
  private table(header: Run[][], rows: Run[][][], where: string): void {
    const columns = Math.max(header.length, ...rows.map((row) => row.length), 1);
    const cellSpans = (cells: Run[][], bold: boolean): Styled[][] =>
      Array.from({ length: columns }, (_, column) => styledRuns(cells[column] ?? [], { bold }));
    const headerSpans = header.length > 0 ? cellSpans(header, true) : undefined;
    const bodySpans = rows.map((row) => cellSpans(row, false));
    const widths = columnWidths([...(headerSpans ? [headerSpans] : []), ...bodySpans], columns, { textWidth: this.textWidth, size: BODY_SIZE, measure: this.measure });
    const xs: number[] = [this.geometry.left];
    for (const width of widths) xs.push(xs[xs.length - 1]! + width);

    const layoutRow = (spans: Styled[][], label: string): Cell[] =>
      spans.map((cell, column) => ({
        lines: this.wrap(cell, widths[column]! - 2 * CELL_PADDING, `${where}, ${label}`),
        align: 'left' as Align,
      }));
    const headerCells = headerSpans ? layoutRow(headerSpans, 'header') : undefined;
    const headerHeight = headerCells ? Math.max(...headerCells.map((cell) => cell.lines.length)) + 1 : 0;
    // A header taller than a third of a page is printed once, not on every page.
    const repeatHeader = headerHeight <= this.geometry.slots / 3;

    const table = this.element('Table');
    const headerRow = headerCells ? this.element('TR', table) : undefined;
    const headerTags = headerRow ? headerCells!.map(() => this.element('TH', headerRow)) : [];
    this.alignToLine();
    let headerDrawn = false;
    let headerPrinted = false;
    const drawHeader = (): void => {
      if (!headerCells || (headerPrinted && !repeatHeader)) return;
      this.rowChunk(headerPrinted ? headerCells.map(() => PAGINATION) : headerTags, headerCells, 0, headerHeight - 1, xs, true);
      headerDrawn = true;
      headerPrinted = true;
    };
    const headerRoom = repeatHeader ? headerHeight : 0;
    bodySpans.forEach((spans, index) => {
      const cells = layoutRow(spans, `row ${index + 1}`);
      const height = Math.max(...cells.map((cell) => cell.lines.length)) + 1;
      const rowTag = this.element('TR', table);
      const cellTags = cells.map(() => this.element('TD', rowTag));
      // The row whole where it fits; otherwise at the top of a new page (after the header).
      const needed = (headerDrawn || !headerCells ? 0 : headerHeight) + Math.min(height, 3);
      const rowFitsAPage = height <= this.geometry.slots - headerRoom;
      if (this.slot + needed > this.limit || (this.slot + height > this.limit && rowFitsAPage)) {
        if (this.slot > 0) this.newPage();
        headerDrawn = false;
      }
      if (!headerDrawn) drawHeader();
      let from = 0;
      while (from < height - 1) {
        const room = this.limit - this.slot - 1;
        if (room >= 1) {
          const count = Math.min(height - 1 - from, room);
          this.rowChunk(cellTags, cells, from, count, xs, false);
          from += count;
          if (from >= height - 1) break;
        }
        this.newPage();
        headerDrawn = false;
        drawHeader();
      }
    });
    if (bodySpans.length === 0) drawHeader();
    this.slot++;
    this.alignToLine();
  }

  /** Lines `from`..`from+count` of each cell, in a bordered box of `count + 1` slots. */
  private rowChunk(tags: Tag[], cells: Cell[], from: number, count: number, xs: number[], header: boolean): void {
    const top = slotTop(this.geometry, this.slot);
    const bottom = top + (count + 1) * SLOT;
    const firstBaseline = top + SLOT / 2 + (baselineOf(this.geometry, 0) - this.geometry.gridTop);
    cells.forEach((cell, column) => {
      const x = xs[column]! + CELL_PADDING;
      const width = xs[column + 1]! - xs[column]! - 2 * CELL_PADDING;
      for (let i = 0; i < count; i++) {
        const line = cell.lines[from + i];
        if (line) this.drawLine(tags[column]!, line, x, firstBaseline + i * SLOT, width, cell.align);
      }
    });
    const x1 = xs[0]!;
    const x2 = xs[xs.length - 1]!;
    this.hLine(x1, x2, top);
    this.hLine(x1, x2, bottom);
    if (header) this.hLine(x1, x2, bottom - 1.2);
    for (const x of xs) this.vLine(x, top, bottom);
    this.slot += count + 1;
  }

  // ---- page furniture --------------------------------------------------------------------

  /** Line numbers and rules (California), page number, rule and title on every page. */
  private furniture(): void {
    const range = this.pdf.bufferedPageRange();
    const footer = this.doc.footer.trim() === '' ? [] : this.wrap(styledText(this.doc.footer), this.textWidth, 'the footer', { size: FOOTER_SIZE });
    const { footer: place, left, right } = this.geometry;
    if (footer.length > place.maxTitleLines) {
      throw new VaultError(
        'VALIDATION',
        `The footer title is too long for the page footer (more than ${place.maxTitleLines} lines); use a shorter title or an abbreviation (CRC 2.110(b)).`,
        { field: 'footer' },
      );
    }
    const numbers = this.geometry.lineNumbers;
    const numberLines = numbers
      ? Array.from({ length: numbers.count }, (_, n) => this.wrap(styledText(String(n + 1)), 40, 'the line numbers')[0]!)
      : [];
    for (let index = 0; index < range.count; index++) {
      this.pdf.switchToPage(range.start + index);
      if (numbers) {
        for (const x of [...numbers.leftRules, numbers.rightRule]) this.vLine(x, 0, PAGE_HEIGHT, PAGINATION);
        numberLines.forEach((line, n) => {
          this.drawLine(PAGINATION, line, numbers.numberRight - 40, baselineOf(this.geometry, n * 2), 40, 'right');
        });
      }
      const pageNumber = this.wrap(styledText(pageLabel(this.geometry, index + 1, range.count)), this.textWidth, 'the page number')[0]!;
      this.drawLine(PAGINATION, pageNumber, left, place.pageNumberBaseline, this.textWidth, 'center');
      if (footer.length > 0) {
        this.hLine(left, right, place.ruleY, PAGINATION);
        footer.forEach((line, i) => {
          this.drawLine(PAGINATION, line, left, place.firstTitleBaseline + i * place.titleLeading, this.textWidth, 'center', FOOTER_SIZE);
        });
      }
    }
  }
}
