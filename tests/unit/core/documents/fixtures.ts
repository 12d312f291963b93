// Documents made in the test: .docx with the docx package, PDFs with pdfkit and the app's font.
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Document, ExternalHyperlink, Footer, FootnoteReferenceRun, Header, Packer, Paragraph, TextRun, CommentRangeStart, CommentRangeEnd, CommentReference, DeletedTextRun } from 'docx';

export const FONT = join(process.cwd(), 'resources', 'fonts', 'Tinos_400Regular.ttf');

/** Invented people, each name in one place of the .docx. */
export const PLACES = {
  body: 'Zephyrine Quillfeather',
  header: 'Bartholomew Oakhaven',
  footer: 'Ottoline Brackenbury',
  footnote: 'Peregrine Ashcombe',
  comment: 'Isolde Fenwright',
  deleted: 'Cornelius Waxley',
  author: 'Wilhelmina Thorncastle',
  title: 'Evander Mossgrove',
  link: 'rosalind.quarry@example.org',
} as const;

export async function docxWithEveryPart(): Promise<Uint8Array> {
  const doc = new Document({
    creator: PLACES.author,
    title: `Declaration of ${PLACES.title}`,
    description: 'synthetic test document',
    lastModifiedBy: PLACES.author,
    comments: {
      children: [{ id: 0, author: 'Reviewer Q', date: new Date('2024-01-01T00:00:00Z'), children: [new Paragraph(`Check with ${PLACES.comment}`)] }],
    },
    footnotes: { 1: { children: [new Paragraph(`Statement of ${PLACES.footnote}.`)] } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(`Filed for ${PLACES.header}`)] }) },
        footers: { default: new Footer({ children: [new Paragraph(`Copy to ${PLACES.footer}`)] }) },
        children: [
          // The body's name is split across three runs with different formatting.
          new Paragraph({
            children: [new TextRun('Declarant: Zephy'), new TextRun({ text: 'rine Quill', bold: true }), new TextRun({ text: 'feather', italics: true }), new FootnoteReferenceRun(1)],
          }),
          new Paragraph({ children: [new CommentRangeStart(0), new TextRun('A remark.'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
          new Paragraph({
            children: [
              new TextRun('Removed: '),
              new DeletedTextRun({ text: PLACES.deleted, id: 1, author: 'Reviewer Q', date: '2024-01-01T00:00:00Z' }),
            ],
          }),
          new Paragraph({ children: [new ExternalHyperlink({ link: `mailto:${PLACES.link}`, children: [new TextRun('write to counsel')] })] }),
          new Paragraph('Second paragraph.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function simpleDocx(paragraphs: readonly (readonly string[])[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((runs) => new Paragraph({ children: runs.map((text, i) => new TextRun({ text, bold: i % 2 === 1 })) })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function render(draw: (doc: PDFKit.PDFDocument) => void, info: PDFKit.DocumentInfo = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ info, autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('Tinos', FONT);
  doc.font('Tinos').fontSize(12);
  draw(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Pages of lines, one text call per line. */
export function pdfOfPages(pages: readonly (readonly string[])[], info: PDFKit.DocumentInfo = {}): Promise<Uint8Array> {
  return render((doc) => {
    pages.forEach((lines, i) => {
      if (i > 0) doc.addPage();
      for (const line of lines) doc.text(line);
    });
  }, info);
}

/** A "scanned" page: a drawn rectangle, no text at all. */
export function pdfWithoutText(): Promise<Uint8Array> {
  return render((doc) => {
    doc.rect(72, 72, 200, 100).fill('#333333');
  });
}

/** A line drawn in two pieces at adjacent x positions (a word split across text objects). */
export function pdfWithSplitWord(): Promise<Uint8Array> {
  return render((doc) => {
    const width = doc.widthOfString('Zephy');
    doc.text('Zephy', 72, 100, { lineBreak: false });
    doc.text('rine Quillfeather', 72 + width, 100, { lineBreak: false });
    doc.text('next line', 72, 130, { lineBreak: false });
  });
}
