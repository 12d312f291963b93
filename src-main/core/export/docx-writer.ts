/**
 * Writes a RenderedDocument as a Word document (the `docx` package) for co-counsel who edit in
 * Word: the same content and order as the PDF (sealing labels, counsel, court, caption as a
 * table, body, signature), Times New Roman 12 pt, real Word footnotes, and a footer with the
 * page number, a rule and the paper's title.
 *
 * On the pleading forms (geometryOf(doc.form) with numbered lines) the page is pleading paper
 * as firms' Word templates make it: the header of every page holds a text box of the numbers
 * 1–28 and the rules, from resources/pleading/header.xml (pleading-template.ts), and the body is
 * set on the PDF's grid of 12-pt slots with exact line spacing (24 pt double, 12 pt single), so
 * its lines sit on the numbers. Where single-spaced text (counsel, caption, quotations, tables,
 * the signature) could leave the grid, its lines are counted with the shipped fonts'
 * metrics (font-measure.ts) and the space after it brings the next text back onto a numbered
 * line, as the PDF writer does.
 *
 * The output depends on nothing but the input: the package writes "now" into the core
 * properties and the zip entries, so the core properties are written here (title, DoeVault as
 * creator and last editor, `createdAt` as both dates) and the archive is re-zipped with every
 * entry dated `createdAt`.
 */
import JSZip from 'jszip';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  HeightRule,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import { VaultError } from '../errors';
import { signatureLines, type Block, type RenderedDocument, type Run } from '../filings/document';
import { fontMeasure } from './font-measure';
import { faceOf } from './fonts';
import { BODY_SIZE as BODY_POINTS, FOOTER_SIZE as FOOTER_POINTS, PAGE_HEIGHT, PAGE_WIDTH, SLOT, geometryOf, type Geometry } from './pleading-paper';
import { defaultPleadingHeaderPath, pleadingHeaderXml } from './pleading-template';
import { CELL_PADDING, columnWidths } from './table-columns';
import { breakLines, courtTitleLines, escapeXml, isCentredHeading, paragraphMarker, printable, styledRuns, type Measure, type Styled } from './typeset-text';

export const DOCX_CREATOR = 'DoeVault';

export interface WriteDocxOptions {
  /** Folder holding the Tinos faces (resources/fonts): their metrics lay out the grid. */
  fontsDir: string;
  /** The pleading-paper header template; default resources/pleading/header.xml. */
  pleadingHeader?: string | undefined;
}

const FONT = 'Times New Roman';
/** Twentieths of a point (twips) per point, and the sizes in half-points. */
const TWIPS = 20;
const BODY_SIZE = BODY_POINTS * 2;
const FOOTER_SIZE = FOOTER_POINTS * 2;
/** One slot (single spacing) in twips. */
const SINGLE = SLOT * TWIPS;
const INCH = 1440;
const LIST_INDENT = 0.75 * INCH;
const PARAGRAPH_INDENT = 0.5 * INCH;
/** Quotations' margins on each side (the PDF's INDENT), in points. */
const QUOTE_INDENT = 36;
const BULLET = 'doevault-bullet';
/** The header text the pleading-paper template replaces (never left in a written file). */
const HEADER_MARKER = 'DOEVAULT-PLEADING-PAPER-HEADER';

const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
/**
 * What a grid table's rules add to each row (0.9 pt, measured in LibreOffice's rendering), taken
 * off the row's padding so that each row stays a whole number of slots and the body after the
 * table stays on the numbered lines.
 */
const RULE_TWIPS = 18;
const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
/** Text the public version withheld, in the sealed version: the PDF's light grey band, as run shading (w:shd). */
const WITHHELD_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } as const;

/** Lines of exactly `slots` slots each (the grid of pleading-paper.ts). */
function exact(slots: number): { line: number; lineRule: typeof LineRuleType.EXACT } {
  return { line: slots * SINGLE, lineRule: LineRuleType.EXACT };
}

/** After `lines` single-spaced lines from a numbered line: the slots down to the numbered line after the next. */
function padAfter(lines: number): number {
  return lines % 2 === 1 ? 1 : 2;
}

export async function writeDocx(doc: RenderedDocument, options: WriteDocxOptions): Promise<Uint8Array> {
  const created = new Date(doc.createdAt);
  if (Number.isNaN(created.getTime())) {
    throw new VaultError('INTERNAL', 'The filing has no valid creation time; it cannot be written.');
  }
  const geometry = geometryOf(doc.form);
  const measure = await fontMeasure(options.fontsDir);
  const writer = new DocxBody(doc, geometry, measure);
  const body = writer.build();
  const pleading = geometry.lineNumbers !== undefined;
  const title = printable(doc.metadataTitle).replace(/\n/g, ' ');

  const document = new Document({
    title,
    creator: DOCX_CREATOR,
    lastModifiedBy: DOCX_CREATOR,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, language: { value: 'en-US' } },
          paragraph: { spacing: { ...exact(1), before: 0, after: 0 } },
        },
      },
      paragraphStyles: [1, 2, 3].map((level) => ({
        id: `Heading${level}`,
        name: `Heading ${level}`,
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: BODY_SIZE, bold: true, italics: level === 3, color: '000000' },
        paragraph: { spacing: { ...exact(2), before: 0, after: 0 }, keepNext: true, keepLines: true },
      })),
    },
    numbering: {
      config: [
        {
          reference: BULLET,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '\u2022',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: LIST_INDENT, hanging: 0.5 * INCH } } },
            },
          ],
        },
      ],
    },
    footnotes: writer.footnotes,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH * TWIPS, height: PAGE_HEIGHT * TWIPS },
            margin: margins(geometry),
          },
        },
        ...(pleading ? { headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(HEADER_MARKER)] })] }) } } : {}),
        footers: { default: new Footer({ children: footer(doc, geometry) }) },
        children: body,
      },
    ],
  });

  const packed = await Packer.toBuffer(document);
  const header = pleading ? pleadingHeaderXml(geometry, options.pleadingHeader ?? defaultPleadingHeaderPath()) : undefined;
  return normalizePackage(packed, title, created, header);
}

/**
 * Page margins in twips: the text area is the PDF's grid (line 1 one inch from the top, 28
 * double-spaced lines, left 1.5 in and right 0.75 in on pleading paper); the footer sits in the
 * bottom margin with its title where the PDF prints it.
 */
function margins(geometry: Geometry): { top: number; bottom: number; left: number; right: number; header: number; footer: number } {
  const gridBottom = geometry.gridTop + geometry.slots * SLOT;
  const pleading = geometry.lineNumbers !== undefined;
  return {
    top: geometry.gridTop * TWIPS,
    bottom: (PAGE_HEIGHT - gridBottom) * TWIPS,
    left: geometry.left * TWIPS,
    right: (PAGE_WIDTH - geometry.right) * TWIPS,
    header: 0.5 * INCH,
    // Word sets the footer's last line this far above the page's edge: under the title's baseline.
    footer: pleading ? Math.round((PAGE_HEIGHT - geometry.footer.firstTitleBaseline - 4) * TWIPS) : 0.5 * INCH,
  };
}

/** Page number (a PAGE field, or "Page N of M" with NUMPAGES), then a rule and the title in 10 pt. */
function footer(doc: RenderedDocument, geometry: Geometry): Paragraph[] {
  const pageNumber: ParagraphChild[] =
    geometry.pageNumbers === 'number'
      ? [new TextRun({ children: [PageNumber.CURRENT] })]
      : [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })];
  const children = [new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(1), children: pageNumber })];
  if (doc.footer.trim() !== '') {
    children.push(
      ...paragraphs(
        [{ text: doc.footer }],
        (runs, index) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: Math.round(geometry.footer.titleLeading * TWIPS), lineRule: LineRuleType.EXACT },
            border: index === 0 ? { top: RULE } : undefined,
            children: runs,
          }),
        FOOTER_SIZE,
      ),
    );
  }
  return children;
}

/** The body of the document, and its footnotes, laid out on the page geometry's grid. */
class DocxBody {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  /** A note's label → its footnote id (Word numbers notes 1, 2, … in order of reference). */
  private readonly noteIds = new Map<string, number>();
  private readonly textWidth: number;
  /**
   * 1 on pleading paper, else 0. Word and LibreOffice set a line of exact height with its text
   * at the bottom, so a double-spaced line's text, and the number beside it, sit in the lower
   * slot of the numbered line: single-spaced text that is to sit on the numbers starts a slot
   * lower than the PDF's and ends a slot lower, the space after it one slot less.
   */
  private readonly lead: number;

  constructor(
    private readonly doc: RenderedDocument,
    private readonly geometry: Geometry,
    private readonly measure: Measure,
  ) {
    this.textWidth = geometry.right - geometry.left;
    this.lead = geometry.lineNumbers ? 1 : 0;
    const referenced = new Set(referencedLabels(doc.blocks));
    let id = 0;
    for (const block of doc.blocks) {
      if (block.type !== 'footnotes') continue;
      for (const note of block.notes) {
        if (!referenced.has(note.label) || this.noteIds.has(note.label)) continue;
        this.noteIds.set(note.label, ++id);
        this.footnotes[String(id)] = {
          children: paragraphs(note.runs, (children) => new Paragraph({ spacing: exact(1), children: [new TextRun({ text: ' ', size: BODY_SIZE }), ...children] })),
        };
      }
    }
  }

  /** How many lines `runs` take in a column `width` points wide (the first line `firstIndent` shorter). */
  private lineCount(runs: readonly Run[], width: number, force: { bold?: boolean; italic?: boolean } = {}, firstIndent = 0): number {
    const spans: Styled[] = runs.map((run) => ({ text: printable(run.text), face: faceOf(run.bold || force.bold, run.italic || force.italic) }));
    return breakLines(spans, { width, firstIndent, size: BODY_POINTS, measure: this.measure }).length;
  }

  build(): (Paragraph | Table)[] {
    const body = this.geometry.lineNumbers ? this.pleadingFirstPage() : this.plainFirstPage();
    let lists = 0;
    for (const block of this.doc.blocks) body.push(...this.block(block, () => ++lists));
    return body;
  }

  // ---- the first page --------------------------------------------------------------------

  private labelParagraphs(): Paragraph[] {
    const indent = Math.round(this.textWidth * 0.3 * TWIPS);
    return this.doc.labels.flatMap((label) =>
      paragraphs([{ text: label, bold: true }], (children) => new Paragraph({ alignment: AlignmentType.RIGHT, indent: { left: indent }, spacing: exact(1), children })),
    );
  }

  private courtTitle(): string[] {
    return courtTitleLines(this.doc.court, (line) => this.measure(line, 'bold', BODY_POINTS) <= this.textWidth);
  }

  /**
   * CRC 2.111 and the California districts' pleading form: counsel single-spaced from line 1 in
   * the left half (the right half of lines 1–7 is the clerk's), the court's title centred on
   * line 8 (or lower, under a long counsel block), the labels right-aligned under it, the caption.
   */
  private pleadingFirstPage(): (Paragraph | Table)[] {
    const doc = this.doc;
    const body: (Paragraph | Table)[] = [spacer(this.lead)];
    const counselWidth = this.textWidth / 2 - 12;
    const counselSlots = doc.counsel.reduce((sum, line) => sum + this.lineCount([{ text: line }], counselWidth), 0);
    const top = this.topLabels(body);
    let slot = Math.max(this.geometry.courtTitleSlot, top + counselSlots + (doc.counsel.length > 0 ? 2 : 0));
    slot += slot % 2;
    // Counsel's lines, then blank slots down to the court's title.
    for (const line of doc.counsel) {
      body.push(...paragraphs([{ text: line }], (children) => new Paragraph({ spacing: exact(1), indent: { right: Math.round((this.textWidth - counselWidth) * TWIPS) }, children })));
    }
    body.push(spacer(slot - top - counselSlots));
    this.courtAndLabels(body, slot);
    body.push(...this.caption());
    return body;
  }

  /** The labels above everything, where the form puts them there: the slots they take (with the blank after). */
  private topLabels(body: (Paragraph | Table)[]): number {
    if (this.geometry.labels !== 'top' || this.doc.labels.length === 0) return 0;
    body.push(...this.labelParagraphs(), spacer(1));
    return 1 + this.labelSlots();
  }

  private labelSlots(): number {
    return this.doc.labels.reduce((sum, label) => sum + this.lineCount([{ text: label }], this.textWidth * 0.7, { bold: true }), 0);
  }

  /** The court's title from `slot`, the labels under it where the form puts them there, then down to a numbered line: the slot after. */
  private courtAndLabels(body: (Paragraph | Table)[], from: number): number {
    let slot = from;
    for (const line of this.courtTitle()) {
      body.push(...paragraphs([{ text: line, bold: true }], (children) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(1), keepNext: true, children })));
      slot += this.lineCount([{ text: line }], this.textWidth, { bold: true });
    }
    if (this.geometry.labels === 'below-court' && this.doc.labels.length > 0) {
      body.push(spacer(1), ...this.labelParagraphs());
      slot += 1 + this.labelSlots();
    }
    slot += 1;
    body.push(spacer(1 + (slot % 2)));
    return slot + (slot % 2);
  }

  /** The plain federal form: labels at the top, counsel, a blank line, the court's title, the caption. */
  private plainFirstPage(): (Paragraph | Table)[] {
    const doc = this.doc;
    const body: (Paragraph | Table)[] = [];
    const counselWidth = this.textWidth / 2 - 12;
    let slot = this.topLabels(body);
    for (const line of doc.counsel) {
      body.push(...paragraphs([{ text: line }], (children) => new Paragraph({ spacing: exact(1), indent: { right: Math.round((this.textWidth - counselWidth) * TWIPS) }, children })));
      slot += this.lineCount([{ text: line }], counselWidth);
    }
    if (doc.counsel.length > 0) {
      const before = 2 + ((slot + 2) % 2);
      body.push(spacer(before));
      slot += before;
    }
    this.courtAndLabels(body, slot);
    body.push(...this.caption());
    return body;
  }

  /**
   * Parties left (rule on the right and beneath, as on a California caption), number and title
   * right, in the PDF's column widths; the row as tall as the PDF's caption, then a blank
   * numbered line.
   */
  private caption(): (Paragraph | Table)[] {
    const doc = this.doc;
    const dividerAt = this.textWidth * 0.52;
    const leftText = dividerAt - 8;
    const rightText = this.textWidth - dividerAt - 10;
    const left = doc.parties.flatMap((line) => paragraphs([{ text: line }], (children) => new Paragraph({ spacing: exact(1), children })));
    const right: Paragraph[] = [];
    let rightLines = 0;
    doc.captionRight.forEach((line, index) => {
      if (index > 0 && index <= 2) {
        right.push(spacer(1));
        rightLines++;
      }
      right.push(...paragraphs([{ text: line, bold: index === 1 }], (children) => new Paragraph({ spacing: exact(1), children })));
      rightLines += this.lineCount([{ text: line }], rightText, { bold: index === 1 });
    });
    const leftLines = doc.parties.reduce((sum, line) => sum + this.lineCount([{ text: line }], leftText), 0);
    if (left.length === 0) left.push(spacer(1));
    if (right.length === 0) right.push(spacer(1));
    const rows = Math.max(leftLines, rightLines) + 1;
    return [
      new Table({
        layout: TableLayoutType.FIXED,
        width: { size: Math.round(this.textWidth * TWIPS), type: WidthType.DXA },
        columnWidths: [Math.round(dividerAt * TWIPS), Math.round((this.textWidth - dividerAt) * TWIPS)],
        borders: { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
        rows: [
          new TableRow({
            height: { value: rows * SINGLE, rule: HeightRule.ATLEAST },
            children: [
              new TableCell({
                width: { size: Math.round(dividerAt * TWIPS), type: WidthType.DXA },
                borders: { top: NO_BORDER, left: NO_BORDER, right: RULE, bottom: RULE },
                margins: { top: 0, bottom: 0, left: 0, right: 8 * TWIPS },
                children: left,
              }),
              new TableCell({
                width: { size: Math.round((this.textWidth - dividerAt) * TWIPS), type: WidthType.DXA },
                borders: NO_BORDERS,
                margins: { top: 0, bottom: 0, left: 10 * TWIPS, right: 0 },
                children: right,
              }),
            ],
          }),
        ],
      }),
      // A blank numbered line between the caption and the body.
      spacer(2 + (rows % 2) - this.lead),
    ];
  }

  // ---- blocks ----------------------------------------------------------------------------

  private runs(items: readonly Run[], size = BODY_SIZE): ParagraphChild[] {
    return runs(items, size, (label) => this.noteIds.get(label));
  }

  private paragraphs(items: readonly Run[], make: (children: ParagraphChild[], index: number) => Paragraph): Paragraph[] {
    return paragraphs(items, make, BODY_SIZE, (label) => this.noteIds.get(label));
  }

  private block(block: Block, nextList: () => number): (Paragraph | Table)[] {
    switch (block.type) {
      case 'heading': {
        const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1];
        const styled = block.runs.map((run) => ({ ...run, bold: true, italic: run.italic || block.level === 3 }));
        return this.paragraphs(styled, (children) => new Paragraph({ heading, alignment: isCentredHeading(block) ? AlignmentType.CENTER : AlignmentType.LEFT, children }));
      }
      case 'paragraph':
        return this.paragraphs(block.runs, (children, index) => new Paragraph({ spacing: exact(2), indent: { firstLine: index === 0 ? PARAGRAPH_INDENT : 0 }, children }));
      case 'list': {
        if (block.ordered) return this.numberedParagraphs(block.items, block.start);
        const instance = nextList();
        const reference = BULLET;
        return block.items.flatMap((item) =>
          this.paragraphs(item, (children, index) =>
            index === 0
              ? new Paragraph({ spacing: exact(2), numbering: { reference, level: 0, instance }, children })
              : new Paragraph({ spacing: exact(2), indent: { left: LIST_INDENT }, children }),
          ),
        );
      }
      case 'quote': {
        // CRC 2.108(3): quotations may be single-spaced; indented half an inch on each side.
        const width = this.textWidth - 2 * QUOTE_INDENT;
        const lines = this.lineCount(block.runs, width);
        const quote = this.paragraphs(block.runs, (children) => new Paragraph({ spacing: exact(1), indent: { left: QUOTE_INDENT * TWIPS, right: QUOTE_INDENT * TWIPS }, children }));
        return this.onTheLines(quote, lines);
      }
      case 'table':
        return this.table(block.header, block.rows);
      case 'signature':
        return this.signature(signatureLines(block.signature));
      case 'footnotes':
        // Printed at the foot of the page of each reference (Word footnotes, see the constructor);
        // a note nothing refers to would never print there, so it prints here.
        return this.unreferencedNotes(block.notes.filter((note) => !this.noteIds.has(note.label)));
    }
  }

  /** Notes without a reference: under a short rule, each label hanging before its text, single-spaced. */
  private unreferencedNotes(notes: readonly { label: string; runs: Run[] }[]): Paragraph[] {
    if (notes.length === 0) return [];
    const hang = 0.4 * INCH;
    const lines = notes.reduce((sum, note) => sum + this.lineCount(note.runs, this.textWidth - hang / TWIPS), 0);
    return this.onTheLines(
      [
        new Paragraph({ spacing: exact(1), border: { top: RULE }, indent: { right: Math.round(this.textWidth * TWIPS) - 2 * INCH }, children: [] }),
        ...notes.flatMap((note) =>
          this.paragraphs([{ text: `${note.label}\t` }, ...note.runs], (children) =>
            new Paragraph({ spacing: exact(1), indent: { left: hang, hanging: hang }, tabStops: [{ type: 'left', position: hang }], children }),
          ),
        ),
      ],
      1 + lines,
    );
  }

  /** Single-spaced from the middle of the text column, kept together on one page. */
  private signature(lines: readonly string[]): Paragraph[] {
    const half = this.textWidth / 2;
    const count = lines.reduce((sum, line) => sum + this.lineCount([{ text: line }], half), 0);
    const out = lines.map(
      (line, index) =>
        new Paragraph({
          spacing: exact(1),
          indent: { left: Math.round(half * TWIPS) },
          keepLines: true,
          keepNext: index < lines.length - 1,
          children: this.runs([{ text: line }]),
        }),
    );
    return this.onTheLines(out, count);
  }

  /** Single-spaced paragraphs of `lines` lines from a numbered line, and the space down to the numbered line after them. */
  private onTheLines(paragraphs: Paragraph[], lines: number): Paragraph[] {
    const after = padAfter(lines) - this.lead;
    return [...(this.lead > 0 ? [spacer(this.lead)] : []), ...paragraphs, ...(after > 0 ? [spacer(after)] : [])];
  }

  /**
   * A pleading's numbered paragraphs as the PDF prints them: the number at the first-line indent,
   * a tab to the text, the lines after it at the margin. The numbers are text, not Word list
   * numbering: they are the numbers `{{para:…}}` references printed, and Word's renumbering after
   * an edit would leave those references pointing at other paragraphs.
   */
  private numberedParagraphs(items: readonly Run[][], start: number | undefined): Paragraph[] {
    return items.flatMap((item, index) =>
      this.paragraphs(item, (children, line) =>
        line === 0
          ? new Paragraph({
              spacing: exact(2),
              indent: { firstLine: PARAGRAPH_INDENT },
              tabStops: [{ type: 'left', position: 2 * PARAGRAPH_INDENT }],
              children: [new TextRun({ text: paragraphMarker(start, index), size: BODY_SIZE }), new TextRun({ children: [new Tab()], size: BODY_SIZE }), ...children],
            })
          : new Paragraph({ spacing: exact(2), children }),
      ),
    );
  }

  /**
   * A grid table within the text column; the header row repeats on every page (the declaration of
   * identities runs for pages). Cells single-spaced with half a slot above and below, so each row is a
   * whole number of slots, and the space after brings the body back onto a numbered line.
   */
  private table(header: Run[][], rows: Run[][][]): (Paragraph | Table)[] {
    const columns = Math.max(header.length, ...rows.map((row) => row.length), 1);
    // The PDF writer's widths: each cell wraps where it wraps there.
    const printed = [...(header.length > 0 ? [{ cells: header, bold: true }] : []), ...rows.map((cells) => ({ cells, bold: false }))];
    const widths = columnWidths(
      printed.map(({ cells, bold }) => Array.from({ length: columns }, (_, column) => styledRuns(cells[column] ?? [], { bold }))),
      columns,
      { textWidth: this.textWidth, size: BODY_POINTS, measure: this.measure },
    ).map((width) => Math.floor(width * TWIPS));
    let slots = 0;
    const row = (cells: Run[][], isHeader: boolean): TableRow => {
      const lines = Math.max(
        1,
        ...Array.from({ length: columns }, (_, column) => this.lineCount(cells[column] ?? [], widths[column]! / TWIPS - 2 * CELL_PADDING, { bold: isHeader })),
      );
      slots += lines + 1;
      return new TableRow({
        tableHeader: isHeader,
        // A row stays whole on its page: a pseudonym never parts from its legal name.
        cantSplit: true,
        height: { value: (lines + 1) * SINGLE - RULE_TWIPS, rule: HeightRule.ATLEAST },
        children: Array.from(
          { length: columns },
          (_, column) =>
            new TableCell({
              width: { size: widths[column]!, type: WidthType.DXA },
              margins: { top: SINGLE / 2 - RULE_TWIPS / 2, bottom: SINGLE / 2 - RULE_TWIPS / 2, left: CELL_PADDING * TWIPS, right: CELL_PADDING * TWIPS },
              children: this.paragraphs(
                (cells[column] ?? []).map((run) => ({ ...run, bold: isHeader || run.bold })),
                (children) => new Paragraph({ spacing: exact(1), children }),
              ),
            }),
        ),
      });
    };
    const borders = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };
    const table = new Table({
      layout: TableLayoutType.FIXED,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders,
      rows: [...(header.length > 0 ? [row(header, true)] : []), ...rows.map((cells) => row(cells, false))],
    });
    return [table, spacer(padAfter(slots))];
  }
}

/** The labels of the footnote references (`noteRef` runs) anywhere in the body. */
function referencedLabels(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
      case 'quote':
        return block.runs.filter((run) => run.noteRef).map((run) => run.text);
      case 'list':
        return block.items.flat().filter((run) => run.noteRef).map((run) => run.text);
      case 'table':
        return [...block.header, ...block.rows.flat()].flat().filter((run) => run.noteRef).map((run) => run.text);
      case 'footnotes':
      case 'signature':
        return [];
    }
  });
}

/** An empty paragraph exactly `slots` slots tall. */
function spacer(slots: number): Paragraph {
  return new Paragraph({ spacing: exact(slots), children: [] });
}

/** A run of text, or a footnote's reference mark where `noteId` knows its label. */
function runs(items: readonly Run[], size = BODY_SIZE, noteId: (label: string) => number | undefined = () => undefined): ParagraphChild[] {
  return items
    .map((item) => ({ ...item, text: printable(item.text).replace(/\n/g, ' ') }))
    .filter((item) => item.text !== '')
    .map((item) => {
      const id = item.noteRef ? noteId(item.text) : undefined;
      if (id !== undefined) return new FootnoteReferenceRun(id);
      return new TextRun({
        text: item.text,
        bold: item.bold,
        italics: item.italic,
        superScript: item.noteRef === true ? true : undefined,
        shading: item.withheld?.mark === 'highlight' ? WITHHELD_SHADING : undefined,
        size,
      });
    });
}

/**
 * Runs split at their line breaks into one paragraph per line (a `w:br` inside a paragraph reads
 * back, with mammoth and other text extractors, as no space at all, gluing words together).
 */
function paragraphs(
  items: readonly Run[],
  make: (children: ParagraphChild[], index: number) => Paragraph,
  size = BODY_SIZE,
  noteId?: (label: string) => number | undefined,
): Paragraph[] {
  const lines: Run[][] = [[]];
  for (const item of items) {
    printable(item.text)
      .split('\n')
      .forEach((text, index) => {
        if (index > 0) lines.push([]);
        lines[lines.length - 1]!.push({ ...item, text });
      });
  }
  return lines.map((line, index) => make(runs(line, size, noteId), index));
}

/**
 * Replaces the core properties with ours (and the pleading paper's header placeholder with the
 * template's header) and re-zips the package with every entry dated
 * `created` (zip times are UTC in jszip), [Content_Types].xml first, in a fixed order.
 */
async function normalizePackage(packed: Uint8Array, title: string, created: Date, pleadingHeader: string | undefined): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(packed);
  const date = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:creator>${DOCX_CREATOR}</dc:creator>` +
    `<cp:lastModifiedBy>${DOCX_CREATOR}</cp:lastModifiedBy>` +
    `<cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>';
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name]!.dir)
    .sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  if (!names.includes('docProps/core.xml')) throw new VaultError('INTERNAL', 'The Word writer produced no core properties part.');
  const replaced = new Map<string, string>([['docProps/core.xml', core]]);
  if (pleadingHeader !== undefined) {
    const headers: string[] = [];
    for (const name of names) {
      if (/^word\/header\d*\.xml$/.test(name) && (await source.file(name)!.async('string')).includes(HEADER_MARKER)) headers.push(name);
    }
    if (headers.length === 0) throw new VaultError('INTERNAL', 'The Word writer produced no header for the pleading paper.');
    for (const name of headers) replaced.set(name, pleadingHeader);
  }
  const out = new JSZip();
  for (const name of names) {
    const text = replaced.get(name);
    const content = text !== undefined ? new TextEncoder().encode(text) : await source.file(name)!.async('uint8array');
    out.file(name, content, { date: created, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
