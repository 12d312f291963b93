/**
 * Writes a RenderedDocument as a Word document (the `docx` package) for co-counsel who edit in
 * Word: the same content and order as the PDF (sealing labels, counsel, court, caption as a
 * table, body, footnotes), Times New Roman 12 pt, double-spaced body, and a footer with the page
 * number, a rule and the paper's title. Word does the pagination, so pleading-paper line numbers
 * are not reproduced.
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
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
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
import { courtTitleLines, escapeXml, isCentredHeading, paragraphMarker, printable } from './typeset-text';

export const DOCX_CREATOR = 'DoeVault';

const FONT = 'Times New Roman';
/** Half-points. */
const BODY_SIZE = 24;
const FOOTER_SIZE = 20;
/** Line spacing in 240ths of a line. */
const SINGLE = 240;
const DOUBLE = 480;
const INCH = 1440;
const LIST_INDENT = 0.75 * INCH;
const PARAGRAPH_INDENT = 0.5 * INCH;
const BULLET = 'doevault-bullet';

const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

export async function writeDocx(doc: RenderedDocument): Promise<Uint8Array> {
  const created = new Date(doc.createdAt);
  if (Number.isNaN(created.getTime())) {
    throw new VaultError('INTERNAL', 'The filing has no valid creation time; it cannot be written.');
  }
  const california = doc.format === 'california';
  const textWidth = california ? 8.5 * INCH - 1.5 * INCH - 0.75 * INCH : 6.5 * INCH;
  let lists = 0;
  const body: (Paragraph | Table)[] = [];

  const labels = doc.labels.flatMap((label) =>
    paragraphs([{ text: label, bold: true }], (children) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: SINGLE }, children })),
  );
  if (!california) body.push(...labels, blank());
  // Counsel, single-spaced and left of centre (the right of lines 1-7 is the clerk's space).
  for (const line of doc.counsel) {
    body.push(
      ...paragraphs([{ text: line }], (children) => new Paragraph({ spacing: { line: SINGLE }, indent: { right: Math.round(textWidth / 2) }, children })),
    );
  }
  body.push(
    // About 60 bold capitals fit on a line of the text width.
    ...paragraphs([{ text: courtTitleLines(doc.court, (line) => line.length <= 60).join('\n'), bold: true }], (children, index) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: SINGLE, before: index > 0 ? 0 : california ? 2 * DOUBLE : DOUBLE },
        children,
      }),
    ),
    blank(),
  );
  if (california) body.push(...labels, blank());
  body.push(caption(doc, textWidth), blank(DOUBLE));

  for (const block of doc.blocks) body.push(...blockOf(block, textWidth, () => ++lists));

  const pageNumber: ParagraphChild[] = california
    ? [new TextRun({ children: [PageNumber.CURRENT] })]
    : [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })];
  const footerChildren = [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumber })];
  if (doc.footer.trim() !== '') {
    footerChildren.push(
      ...paragraphs(
        [{ text: doc.footer }],
        (children, index) => new Paragraph({ alignment: AlignmentType.CENTER, border: index === 0 ? { top: RULE } : undefined, children }),
        FOOTER_SIZE,
      ),
    );
  }

  const document = new Document({
    title: printable(doc.metadataTitle).replace(/\n/g, ' '),
    creator: DOCX_CREATOR,
    lastModifiedBy: DOCX_CREATOR,
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE, language: { value: 'en-US' } }, paragraph: { spacing: { line: SINGLE, before: 0, after: 0 } } },
      },
      paragraphStyles: [1, 2, 3].map((level) => ({
        id: `Heading${level}`,
        name: `Heading ${level}`,
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: BODY_SIZE, bold: true, italics: level === 3, color: '000000' },
        paragraph: { spacing: { line: DOUBLE, before: 0, after: 0 }, keepNext: true, keepLines: true },
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
    sections: [
      {
        properties: {
          page: {
            size: { width: 8.5 * INCH, height: 11 * INCH },
            margin: california
              ? { top: INCH, bottom: 0.75 * INCH, left: 1.5 * INCH, right: 0.75 * INCH, footer: 0.3 * INCH, header: 0.5 * INCH }
              : { top: INCH, bottom: INCH, left: INCH, right: INCH, footer: 0.5 * INCH, header: 0.5 * INCH },
          },
        },
        footers: { default: new Footer({ children: footerChildren }) },
        children: body,
      },
    ],
  });

  const packed = await Packer.toBuffer(document);
  return normalizePackage(packed, printable(doc.metadataTitle).replace(/\n/g, ' '), created);
}

function runs(items: readonly Run[], size = BODY_SIZE): TextRun[] {
  return items
    .map((item) => ({ ...item, text: printable(item.text).replace(/\n/g, ' ') }))
    .filter((item) => item.text !== '')
    .map((item) => new TextRun({ text: item.text, bold: item.bold, italics: item.italic, size }));
}

/**
 * Runs split at their line breaks into one paragraph per line (a `w:br` inside a paragraph reads
 * back, with mammoth and other text extractors, as no space at all, gluing words together).
 */
function paragraphs(items: readonly Run[], make: (children: TextRun[], index: number) => Paragraph, size = BODY_SIZE): Paragraph[] {
  const lines: Run[][] = [[]];
  for (const item of items) {
    printable(item.text)
      .split('\n')
      .forEach((text, index) => {
        if (index > 0) lines.push([]);
        lines[lines.length - 1]!.push({ ...item, text });
      });
  }
  return lines.map((line, index) => make(runs(line, size), index));
}

function blank(line = SINGLE): Paragraph {
  return new Paragraph({ spacing: { line }, children: [] });
}

function blockOf(block: Block, textWidth: number, nextList: () => number): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading': {
      const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1];
      const styled = block.runs.map((run) => ({ ...run, bold: true, italic: run.italic || block.level === 3 }));
      return paragraphs(styled, (children) => new Paragraph({ heading, alignment: isCentredHeading(block) ? AlignmentType.CENTER : AlignmentType.LEFT, children }));
    }
    case 'paragraph':
      return paragraphs(block.runs, (children, index) => new Paragraph({ spacing: { line: DOUBLE }, indent: { firstLine: index === 0 ? 0.5 * INCH : 0 }, children }));
    case 'list': {
      if (block.ordered) return numberedParagraphs(block.items, block.start);
      const instance = nextList();
      const reference = BULLET;
      return block.items.flatMap((item) =>
        paragraphs(item, (children, index) =>
          index === 0
            ? new Paragraph({ spacing: { line: DOUBLE }, numbering: { reference, level: 0, instance }, children })
            : new Paragraph({ spacing: { line: DOUBLE }, indent: { left: LIST_INDENT }, children }),
        ),
      );
    }
    case 'quote': {
      // Single-spaced and indented half an inch on each side, half a line after.
      const lines = paragraphs(block.runs, (children) => new Paragraph({ spacing: { line: SINGLE }, indent: { left: 0.5 * INCH, right: 0.5 * INCH }, children }));
      return [...lines, blank()];
    }
    case 'table':
      return [table(block.header, block.rows, textWidth), blank()];
    case 'signature':
      return blockOf({ type: 'quote', runs: [{ text: signatureLines(block.signature).join('\n') }] }, textWidth, nextList);
    case 'footnotes': {
      if (block.notes.length === 0) return [];
      const hang = 0.4 * INCH;
      return [
        // The rule the notes are printed under: the top border of a short empty paragraph.
        new Paragraph({ spacing: { before: SINGLE, line: SINGLE }, border: { top: RULE }, indent: { right: textWidth - 2 * INCH }, children: [] }),
        ...block.notes.flatMap((note) =>
          paragraphs([{ text: `${note.label}\t` }, ...note.runs], (children) =>
            new Paragraph({ spacing: { line: SINGLE }, indent: { left: hang, hanging: hang }, tabStops: [{ type: 'left', position: hang }], children }),
          ),
        ),
      ];
    }
  }
}

/**
 * A pleading's numbered paragraphs as the PDF prints them: the number at the first-line indent,
 * a tab to the text, the lines after it at the margin. The numbers are text, not Word list
 * numbering: they are the numbers `{{para:…}}` references printed, and Word's renumbering after
 * an edit would leave those references pointing at other paragraphs.
 */
function numberedParagraphs(items: readonly Run[][], start: number | undefined): Paragraph[] {
  return items.flatMap((item, index) =>
    paragraphs(item, (children, line) =>
      line === 0
        ? new Paragraph({
            spacing: { line: DOUBLE },
            indent: { firstLine: PARAGRAPH_INDENT },
            tabStops: [{ type: 'left', position: 2 * PARAGRAPH_INDENT }],
            children: [new TextRun({ text: paragraphMarker(start, index), size: BODY_SIZE }), new TextRun({ children: [new Tab()], size: BODY_SIZE }), ...children],
          })
        : new Paragraph({ spacing: { line: DOUBLE }, children }),
    ),
  );
}

/** Parties left (rule on the right and beneath, as on a California caption), number and title right. */
function caption(doc: RenderedDocument, textWidth: number): Table {
  const leftWidth = Math.round(textWidth * 0.52);
  const rightWidth = textWidth - leftWidth;
  const single = (children: TextRun[]): Paragraph => new Paragraph({ spacing: { line: SINGLE }, children });
  const left = doc.parties.flatMap((line) => paragraphs([{ text: line }], single));
  const right: Paragraph[] = [];
  doc.captionRight.forEach((line, index) => {
    if (index > 0 && index <= 2) right.push(blank());
    right.push(...paragraphs([{ text: line, bold: index === 1 }], single));
  });
  if (left.length === 0) left.push(blank());
  left.push(blank());
  if (right.length === 0) right.push(blank());
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: leftWidth, type: WidthType.DXA },
            borders: { top: NO_BORDER, left: NO_BORDER, right: RULE, bottom: RULE },
            margins: { right: 120 },
            children: left,
          }),
          new TableCell({
            width: { size: rightWidth, type: WidthType.DXA },
            borders: NO_BORDERS,
            margins: { left: 200 },
            children: right,
          }),
        ],
      }),
    ],
  });
}

/** A grid table; the header row repeats on every page (the identity key runs for pages). */
function table(header: Run[][], rows: Run[][][], textWidth: number): Table {
  const columns = Math.max(header.length, ...rows.map((row) => row.length), 1);
  // Column widths by the longest text in each column (square root, so one long column does not
  // squeeze the others to nothing).
  const weights = Array.from({ length: columns }, (_, column) =>
    Math.sqrt(
      Math.max(
        4,
        ...[header, ...rows].map((row) => (row[column] ?? []).reduce((sum, run) => sum + printable(run.text).length, 0)),
      ),
    ),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((weight) => Math.round((weight / total) * textWidth));
  const cell = (cellRuns: Run[], column: number, bold: boolean): TableCell =>
    new TableCell({
      width: { size: widths[column]!, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: paragraphs(
        cellRuns.map((run) => ({ ...run, bold: bold || run.bold })),
        (children) => new Paragraph({ spacing: { line: SINGLE }, children }),
      ),
    });
  const row = (cells: Run[][], isHeader: boolean): TableRow =>
    new TableRow({
      tableHeader: isHeader,
      children: Array.from({ length: columns }, (_, column) => cell(cells[column] ?? [], column, isHeader)),
    });
  const borders = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders,
    rows: [...(header.length > 0 ? [row(header, true)] : []), ...rows.map((cells) => row(cells, false))],
  });
}

/**
 * Replaces the core properties with ours and re-zips the package with every entry dated
 * `created` (zip times are UTC in jszip), [Content_Types].xml first, in a fixed order.
 */
async function normalizePackage(packed: Uint8Array, title: string, created: Date): Promise<Uint8Array> {
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
  const out = new JSZip();
  for (const name of names) {
    const content = name === 'docProps/core.xml' ? new TextEncoder().encode(core) : await source.file(name)!.async('uint8array');
    out.file(name, content, { date: created, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
