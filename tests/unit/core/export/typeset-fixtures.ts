import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { Faker, en } from '@faker-js/faker';
import { defaultFormOf, type Block, type FilingFormat, type RenderedDocument, type Run } from '../../../../src-main/core/filings/document';
import { syntheticPlaintiffs } from '../../../fixtures/synthetic';

/** Shared by the PDF and DOCX writer tests: synthetic filings and ways to read them back. */

export const FONTS_DIR = fileURLToPath(new URL('../../../../resources/fonts', import.meta.url));

/** Names the fonts must print and the readers must give back exactly (NFC). */
export const UNICODE_NAMES = ['Nguyễn Thị Minh Khai', 'Łukasz Wiśniewski', 'Zoë'] as const;

export const CREATED_AT = '2025-03-04T05:06:07.000Z';

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function runsText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}

/** A complete filing with every kind of block, synthetic people only (faker, fixed seed). */
export function sampleFiling(format: FilingFormat, overrides: Partial<RenderedDocument> = {}): RenderedDocument {
  const faker = new Faker({ locale: [en] });
  faker.seed(2104);
  const people = syntheticPlaintiffs(6, 77);
  const blocks: Block[] = [
    { type: 'heading', level: 1, runs: [{ text: 'INTRODUCTION' }] },
    {
      type: 'paragraph',
      runs: [
        { text: `${faker.lorem.sentences(3)} The plaintiffs include ` },
        { text: UNICODE_NAMES[0], bold: true },
        { text: ', ' },
        { text: UNICODE_NAMES[1], italic: true },
        { text: ` and ${UNICODE_NAMES[2]} Quillfeather. [1]` },
      ],
    },
    { type: 'heading', level: 2, runs: [{ text: 'A. The Parties' }] },
    { type: 'paragraph', runs: [{ text: faker.lorem.paragraph(6) }, { text: ' Emphasis in italics.', italic: true }] },
    { type: 'heading', level: 3, runs: [{ text: 'Jurisdiction and venue' }] },
    {
      type: 'list',
      ordered: true,
      items: [[{ text: faker.lorem.sentences(3) }], [{ text: 'Second numbered item.' }], [{ text: faker.lorem.sentence() }]],
    },
    { type: 'list', ordered: false, items: [[{ text: 'A bulleted point.' }], [{ text: faker.lorem.sentences(2) }]] },
    { type: 'quote', runs: [{ text: faker.lorem.paragraph(5) }] },
    { type: 'paragraph', runs: [{ text: faker.lorem.paragraph(4) }] },
    {
      type: 'table',
      header: [[{ text: 'Pseudonym' }], [{ text: 'Legal name' }], [{ text: 'Identifiers' }]],
      rows: people.map((person, index) => [
        [{ text: `Jane Doe ${index + 1}` }],
        [{ text: index === 0 ? UNICODE_NAMES[0] : person.legalName }],
        [{ text: `${person.email}; ${person.phone}; ${person.address}; ${(person.idNumbers ?? []).join(', ')}` }],
      ]),
    },
    {
      type: 'footnotes',
      notes: [
        { label: '[1]', runs: [{ text: faker.lorem.sentences(2) }] },
        { label: '[2]', runs: [{ text: 'A second, short note.' }] },
      ],
    },
  ];
  return {
    format,
    form: defaultFormOf(format),
    audience: 'sealed',
    metadataTitle: 'Complaint for Damages & Injunctive Relief <Public>',
    counsel: [
      'Alexandra Q. Testwell (SBN 999001)',
      'atestwell@example.invalid',
      'TESTWELL & PARTNERS LLP',
      '100 Example Plaza, Suite 200',
      'Los Angeles, California 90012',
      'Telephone: (213) 555-0100',
      'Attorneys for Plaintiffs',
    ],
    court:
      format === 'california'
        ? 'SUPERIOR COURT OF THE STATE OF CALIFORNIA, COUNTY OF LOS ANGELES'
        : 'UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT OF CALIFORNIA',
    parties: [
      'JANE DOE 1 through JANE DOE 6,',
      '',
      '                Plaintiffs,',
      '',
      '        v.',
      '',
      'EXAMPLE WIDGETS, INC., a Delaware corporation; and DOES 1 through 50, inclusive,',
      '',
      '                Defendants.',
    ],
    captionRight: ['Case No. 24STCV01234', 'COMPLAINT FOR DAMAGES', 'Assigned to Dept. 99', 'DEMAND FOR JURY TRIAL'],
    labels: ['CONDITIONALLY UNDER SEAL', 'LODGED PURSUANT TO CAL. RULES OF COURT 2.551'],
    footer: 'COMPLAINT FOR DAMAGES',
    blocks,
    createdAt: CREATED_AT,
    ...overrides,
  };
}

/** Every text a reader must find in the output: [what, text]. */
export function expectedTexts(doc: RenderedDocument): [string, string][] {
  const texts: [string, string][] = [];
  doc.counsel.forEach((line) => texts.push(['counsel', line]));
  doc.court.split('\n').forEach((line) => texts.push(['court', line]));
  doc.labels.forEach((label) => texts.push(['label', label]));
  doc.parties.filter((line) => line.trim() !== '').forEach((line) => texts.push(['party', line]));
  doc.captionRight.forEach((line) => texts.push(['caption', line]));
  texts.push(['footer', doc.footer]);
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
      case 'quote':
        texts.push([block.type, runsText(block.runs)]);
        break;
      case 'list':
        block.items.forEach((item) => texts.push(['list item', runsText(item)]));
        break;
      case 'table':
        [block.header, ...block.rows].forEach((row) => row.forEach((cell) => texts.push(['table cell', runsText(cell)])));
        break;
      case 'footnotes':
        block.notes.forEach((note) => texts.push(['footnote', `${note.label} ${runsText(note.runs)}`]));
        break;
    }
  }
  return texts;
}

/** A filing of `paragraphs` numbered paragraphs ("¶1." …), for pagination and timing. */
export function longFiling(format: FilingFormat, paragraphs: number): RenderedDocument {
  const faker = new Faker({ locale: [en] });
  faker.seed(28);
  const blocks: Block[] = [];
  for (let i = 1; i <= paragraphs; i++) {
    if (i % 60 === 1) blocks.push({ type: 'heading', level: 1, runs: [{ text: `PART ${Math.ceil(i / 60)}` }] });
    blocks.push({ type: 'paragraph', runs: [{ text: `¶${i}. ${faker.lorem.paragraph(7)}` }] });
  }
  return sampleFiling(format, { blocks, labels: [] });
}

export interface PdfItem {
  str: string;
  x: number;
  /** Baseline, from the bottom of the page (PDF coordinates). */
  y: number;
  width: number;
  hasEOL: boolean;
}

export interface PdfPage {
  items: PdfItem[];
  text: string;
}

export interface ReadPdf {
  pages: PdfPage[];
  info: Record<string, unknown>;
  xmp: { title: string | null; raw: string } | null;
}

/** Reads a PDF back with pdfjs-dist, as the export's verifier does. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, hasEOL: item.hasEOL });
      }
      pages.push({ items, text: items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('') });
    }
    const meta = await pdf.getMetadata();
    const metadata = meta.metadata as { get(name: string): unknown; getRaw(): string } | null;
    return {
      pages,
      info: meta.info as Record<string, unknown>,
      xmp: metadata ? { title: (metadata.get('dc:title') as string | null) ?? null, raw: metadata.getRaw() } : null,
    };
  } finally {
    await pdf.destroy();
  }
}

/** Pages as pdftotext (poppler) reads them: an independent reader. */
export function pdftotextPages(bytes: Uint8Array, mode: string[] = []): string[] {
  const out = execFileSync('/usr/bin/pdftotext', [...mode, '-enc', 'UTF-8', '-', '-'], { input: Buffer.from(bytes) }).toString('utf8');
  return out.split('\f').slice(0, -1);
}

/** pdftotext's text without the pleading line numbers (lines holding only a number). */
export function withoutLineNumbers(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*\d+\s*$/.test(line))
    .join('\n');
}

/**
 * pdftotext's pages joined without the page furniture: line numbers, and each page's footer
 * (its last lines: the page number and the footer title), so that text running over a page
 * break reads on.
 */
export function pdftotextBody(pages: readonly string[], footer: string): string {
  return pages
    .map((page) => {
      const lines = page.split('\n');
      for (;;) {
        const last = lines[lines.length - 1];
        if (last === undefined) break;
        const line = last.trim();
        if (line === '' || line === footer || /^(Page \d+ of \d+|\d+)$/.test(line)) lines.pop();
        else break;
      }
      return withoutLineNumbers(lines.join('\n'));
    })
    .join('\n');
}

/** pdfjs text without the furniture: items left of the text column or below the text area. */
export function pdfjsBody(read: ReadPdf, geometry: { left: number; gridTop: number; slots: number }): string {
  const bottom = 792 - (geometry.gridTop + geometry.slots * 12);
  return read.pages
    .map((page) =>
      page.items
        .filter((item) => item.str === '' || (item.x >= geometry.left - 0.5 && item.y >= bottom))
        .map((item) => item.str + (item.hasEOL ? '\n' : ''))
        .join(''),
    )
    .join('\n');
}

/** The PDF's bytes and every FlateDecode stream in it inflated: where to look for leaks. */
export function pdfBytesAndStreams(bytes: Uint8Array): Buffer[] {
  const buffer = Buffer.from(bytes);
  const parts: Buffer[] = [buffer];
  const latin = buffer.toString('latin1');
  const pattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(latin))) {
    const start = match.index + match[0].length;
    const end = latin.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(buffer.subarray(start, end)));
    } catch {
      parts.push(buffer.subarray(start, end));
    }
    pattern.lastIndex = end;
  }
  return parts;
}

/** The body of a pleading: causes of action, a subhead, numbered paragraphs from 17 on. */
export function pleadingBody(): { blocks: Block[]; long: string } {
  const faker = new Faker({ locale: [en] });
  faker.seed(1217);
  const long = faker.lorem.sentences(6);
  return {
    long,
    blocks: [
      { type: 'heading', level: 1, runs: [{ text: 'FIRST CAUSE OF ACTION' }] },
      { type: 'heading', level: 3, runs: [{ text: 'Second Claim for Relief' }] },
      { type: 'heading', level: 3, runs: [{ text: 'Damages in detail' }] },
      { type: 'list', ordered: true, start: 17, items: [[{ text: long }], [{ text: 'Plaintiffs incorporate paragraphs 1 through 16.' }]] },
    ],
  };
}

/**
 * A complaint of several pages on a pleading form, as the filing model gives it since issue 12:
 * numbered paragraphs continuing across centred causes of action, footnote references (`noteRef`
 * runs) with their notes, a quotation, a table and the signature block. Synthetic text only.
 */
export function complaintFiling(form: 'california-pleading' | 'federal-pleading'): RenderedDocument {
  const faker = new Faker({ locale: [en] });
  faker.seed(2111);
  const numbered = (start: number, count: number): Block => ({
    type: 'list',
    ordered: true,
    start,
    items: Array.from({ length: count }, () => [{ text: faker.lorem.sentences(4) }]),
  });
  const blocks: Block[] = [
    { type: 'heading', level: 1, runs: [{ text: 'INTRODUCTION' }] },
    {
      type: 'paragraph',
      runs: [
        { text: `${faker.lorem.sentences(4)} Plaintiffs sue under pseudonyms.` },
        { text: '1', noteRef: true },
        { text: ` ${faker.lorem.sentences(3)}` },
      ],
    },
    { type: 'heading', level: 1, runs: [{ text: 'PARTIES' }] },
    numbered(1, 6),
    { type: 'quote', runs: [{ text: faker.lorem.paragraph(5) }] },
    { type: 'heading', level: 1, runs: [{ text: 'FIRST CAUSE OF ACTION' }] },
    numbered(7, 5),
    {
      type: 'paragraph',
      runs: [{ text: faker.lorem.sentences(3) }, { text: '2', noteRef: true }, { text: ` ${faker.lorem.sentences(2)}` }],
    },
    {
      type: 'table',
      header: [[{ text: 'Plaintiff' }], [{ text: 'Assignment' }], [{ text: 'Assigned' }], [{ text: 'Years' }]],
      rows: Array.from({ length: 4 }, (_, index) => [
        [{ text: `Jane Doe ${index + 1}` }],
        [{ text: faker.lorem.sentences(3) }],
        [{ text: faker.date.between({ from: '2012-01-01', to: '2024-12-31' }).toLocaleDateString('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' }) }],
        [{ text: String(index + 3) }],
      ]),
    },
    { type: 'heading', level: 1, runs: [{ text: 'SECOND CAUSE OF ACTION' }] },
    numbered(12, 6),
    { type: 'heading', level: 1, runs: [{ text: 'PRAYER FOR RELIEF' }] },
    { type: 'paragraph', runs: [{ text: faker.lorem.paragraph(4) }] },
    { type: 'signature', signature: { dated: 'December 5, 2026', firm: 'TESTWELL & PARTNERS LLP', signer: 'Alexandra Q. Testwell', attorneysFor: 'Attorneys for Plaintiffs JANE DOES 1 through 6' } },
    {
      type: 'footnotes',
      notes: [
        { label: '1', runs: [{ text: `Footnote one: ${faker.lorem.sentences(2)}` }] },
        { label: '2', runs: [{ text: `Footnote two: ${faker.lorem.sentence()}` }] },
      ],
    },
  ];
  const federal = form === 'federal-pleading';
  return sampleFiling(federal ? 'federal' : 'california', {
    form,
    court: federal ? 'UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT OF CALIFORNIA' : 'SUPERIOR COURT OF THE STATE OF CALIFORNIA, COUNTY OF LOS ANGELES',
    blocks,
  });
}
