import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVaultError } from '../../../../src-main/core/errors';
import type { RenderedDocument } from '../../../../src-main/core/filings/document';
import { FONT_FILES } from '../../../../src-main/core/export/fonts';
import { writePdf } from '../../../../src-main/core/export/pdf-writer';
import { CALIFORNIA, FEDERAL, FEDERAL_PLEADING, baselineOf, geometryOf } from '../../../../src-main/core/export/pleading-paper';
import { pdfText } from '../../../../src-main/core/documents/pdf-text';
import { signatureLines } from '../../../../src-main/core/filings/document';
import { codeOf } from '../../../fixtures/checks';
import {
  CREATED_AT,
  FONTS_DIR,
  UNICODE_NAMES,
  expectedTexts,
  longFiling,
  pdfBytesAndStreams,
  pleadingBody,
  pdfjsBody,
  pdftotextBody,
  pdftotextPages,
  readPdf,
  sampleFiling,
  squash,
  withoutLineNumbers,
  type PdfPage,
  type ReadPdf,
} from './typeset-fixtures';
import { SIGNATURE, footnotedPleading } from './pleading-fixtures';
import { greyShares, wordBoxes } from '../../../fixtures/withheld-marks';

const write = (doc: RenderedDocument) => writePdf(doc, { fontsDir: FONTS_DIR });
const PAGE_HEIGHT = 792;

describe.each(['california', 'federal'] as const)('writePdf, %s format', (format) => {
  const doc = sampleFiling(format);
  let bytes: Uint8Array;
  let read: ReadPdf;

  beforeAll(async () => {
    bytes = await write(doc);
    read = await readPdf(bytes);
  });

  it('gives back every text of the filing, word for word, to pdfjs', () => {
    const text = squash(`${pdfjsBody(read, format === 'california' ? CALIFORNIA : FEDERAL)} ${doc.footer}`);
    for (const [what, expected] of expectedTexts(doc)) {
      expect(text, `${what}: ${expected}`).toContain(squash(expected));
    }
  });

  it('gives back every text of the filing to pdftotext, an independent reader', () => {
    const text = squash(`${pdftotextBody(pdftotextPages(bytes), doc.footer)} ${doc.footer}`);
    for (const [what, expected] of expectedTexts(doc)) {
      expect(text, `${what}: ${expected}`).toContain(squash(expected));
    }
  });

  it('prints the Unicode names exactly', () => {
    const viaPdfjs = squash(read.pages.map((page) => page.text).join('\n'));
    const viaPoppler = squash(pdftotextPages(bytes).join('\n'));
    for (const name of UNICODE_NAMES) {
      expect(viaPdfjs).toContain(name.normalize('NFC'));
      expect(viaPoppler).toContain(name.normalize('NFC'));
    }
  });

  it('embeds Tinos only, never a built-in font that cannot print those names', () => {
    const fonts = execFileSync('/usr/bin/pdffonts', ['-'], { input: Buffer.from(bytes) }).toString('utf8');
    const rows = fonts.split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+Tinos-\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).not.toMatch(/Helvetica|Times-Roman|Courier/);
  });

  it('prints the sealing labels on the first page only, above the caption', () => {
    const [first, ...rest] = read.pages;
    const geometry = format === 'california' ? CALIFORNIA : FEDERAL;
    for (const label of doc.labels) {
      const item = first!.items.find((candidate) => candidate.str === label);
      expect(item, label).toBeDefined();
      const caseNumber = first!.items.find((candidate) => candidate.str === doc.captionRight[0])!;
      expect(item!.y).toBeGreaterThan(caseNumber.y);
      // Right-aligned to the text's right edge.
      expect(item!.x + item!.width).toBeCloseTo(geometry.right, 0);
      if (format === 'california') {
        // CRC 2.111: not in the clerk's space (right half, lines 1-7), below the court's title on line 8.
        expect(PAGE_HEIGHT - item!.y).toBeGreaterThan(baselineOf(CALIFORNIA, 14));
      }
      for (const page of rest) expect(page.text).not.toContain(label);
    }
  });

  it('is a tagged PDF: the text in a structure tree in reading order, the page furniture as artifacts', () => {
    const tree = execFileSync('/usr/bin/pdfinfo', ['-struct-text', '-'], { input: Buffer.from(bytes) }).toString('utf8');
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R|\/Marked true/);
    expect(raw).toContain('/Lang (en-US)');
    for (const type of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote', 'Table', 'TR', 'TH', 'TD', 'Note']) {
      expect(tree, type).toMatch(new RegExp(`^\\s*${type}( \\(|$)`, 'm'));
    }
    expect(tree).toContain(`"${UNICODE_NAMES[0]}"`);
    // Line numbers and page numbers are artifacts, outside the tree.
    expect(tree).not.toMatch(/^\s*"(1|2|28)"$/m);
  });

  it('has its metadata from the filing and nothing else', () => {
    expect(read.info.Title).toBe(doc.metadataTitle);
    expect(read.info.Author ?? '').toBe('');
    expect(read.info.Subject ?? '').toBe('');
    expect(read.info.Keywords ?? '').toBe('');
    expect(read.info.Creator).toBe('DoeVault');
    expect(read.info.Producer).toBe('DoeVault');
    expect(read.info.CreationDate).toBe('D:20250304050607Z');
    expect(read.info.ModDate).toBe('D:20250304050607Z');
    expect(read.info.Language).toBe('en-US');
    // The XMP packet says the same (and the "&" and "<" of the title are escaped there).
    expect(read.xmp?.title).toBe(doc.metadataTitle);
    expect(read.xmp?.raw).toContain('<xmp:CreateDate>2025-03-04T05:06:07Z</xmp:CreateDate>');
    expect(read.xmp?.raw).not.toMatch(/PDFKit/i);
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/PDFKit/i);
  });
});

describe('writePdf, California pleading paper', () => {
  let read: ReadPdf;
  let bytes: Uint8Array;
  const doc = longFiling('california', 60);

  beforeAll(async () => {
    bytes = await write(doc);
    read = await readPdf(bytes);
  });

  it('numbers lines 1 to 28 at the left margin of every page, aligned with the double-spaced body lines', () => {
    expect(read.pages.length).toBeGreaterThan(5);
    const numberBaselines = Array.from({ length: 28 }, (_, n) => PAGE_HEIGHT - baselineOf(CALIFORNIA, 2 * n));
    read.pages.forEach((page, index) => {
      const numbers = page.items.filter((item) => item.x + item.width <= CALIFORNIA.lineNumbers!.numberRight + 0.5 && /^\d+$/.test(item.str));
      expect(numbers.map((item) => item.str)).toEqual(Array.from({ length: 28 }, (_, n) => String(n + 1)));
      numbers.forEach((item, n) => expect(item.y).toBeCloseTo(numberBaselines[n]!, 3));
      // Every body line of a page after the first (paragraphs and headings only) sits on a numbered line.
      if (index === 0) return;
      const body = page.items.filter((item) => item.x >= CALIFORNIA.left - 0.5 && item.y > PAGE_HEIGHT - CALIFORNIA.gridTop - 28 * 24);
      expect(body.length).toBeGreaterThan(20);
      for (const item of body) expect(numberBaselines.some((y) => Math.abs(y - item.y) < 0.01), item.str).toBe(true);
    });
  });

  it('prints the page number, a rule and the title at the foot of every page (CRC 2.109, 2.110)', () => {
    read.pages.forEach((page, index) => {
      const bottom = page.items.filter((item) => item.str !== '' && item.y < PAGE_HEIGHT - CALIFORNIA.gridTop - 28 * 24);
      expect(bottom.map((item) => item.str)).toEqual([String(index + 1), doc.footer]);
    });
  });

  it('keeps all text inside the text column and the numbered area', () => {
    for (const page of read.pages) {
      for (const item of page.items) {
        if (item.str === '') continue; // line ends
        if (/^\d+$/.test(item.str) && item.x < CALIFORNIA.left) continue; // line numbers
        expect(item.x, item.str).toBeGreaterThanOrEqual(CALIFORNIA.left - 0.01);
        expect(item.x + item.width, item.str).toBeLessThanOrEqual(CALIFORNIA.right + 0.5);
        const top = PAGE_HEIGHT - item.y;
        const inGrid = top >= CALIFORNIA.gridTop && top <= CALIFORNIA.gridTop + CALIFORNIA.slots * 12;
        const inFooter = item.str === doc.footer || /^\d+$/.test(item.str);
        expect(inGrid || inFooter, item.str).toBe(true);
      }
    }
  });
});

describe('writePdf, federal format', () => {
  it('numbers every page "Page N of M" and prints the footer title beneath', async () => {
    const doc = longFiling('federal', 40);
    const read = await readPdf(await write(doc));
    expect(read.pages.length).toBeGreaterThan(3);
    read.pages.forEach((page, index) => {
      const bottom = page.items.filter((item) => item.str !== '' && PAGE_HEIGHT - item.y > FEDERAL.gridTop + FEDERAL.slots * 12);
      expect(bottom.map((item) => item.str)).toEqual([`Page ${index + 1} of ${read.pages.length}`, doc.footer]);
      for (const item of page.items.filter((candidate) => candidate.str !== '')) {
        expect(item.x).toBeGreaterThanOrEqual(FEDERAL.left - 0.01);
        expect(item.x + item.width).toBeLessThanOrEqual(FEDERAL.right + 0.5);
      }
    });
  });
});

describe('writePdf, long documents', () => {
  it('paginates a 100-page filing with every paragraph once, in order, and no word broken', async () => {
    const doc = longFiling('california', 620);
    const started = performance.now();
    const bytes = await write(doc);
    const elapsed = performance.now() - started;
    const read = await readPdf(bytes);
    console.log(`writePdf: ${read.pages.length} California pages in ${elapsed.toFixed(0)} ms (${bytes.length} bytes)`);
    expect(read.pages.length).toBeGreaterThanOrEqual(100);

    for (const text of [pdfjsBody(read, CALIFORNIA), pdftotextBody(pdftotextPages(bytes), doc.footer)]) {
      const markers = [...squash(text).matchAll(/¶(\d+)\./g)].map((match) => Number(match[1]));
      expect(markers).toEqual(Array.from({ length: 620 }, (_, i) => i + 1));
    }
    // Every printed word is a word of the input: nothing hyphenated or cut by the layout.
    const inputWords = new Set(
      [...expectedTexts(doc).map(([, text]) => text), ...Array.from({ length: 28 }, (_, n) => String(n + 1))].flatMap((text) => text.split(/\s+/)),
    );
    read.pages.forEach((page, index) => {
      for (const word of page.text.split(/\s+/).filter(Boolean)) {
        if (word === String(index + 1)) continue;
        expect(inputWords.has(word), word).toBe(true);
      }
    });
  });

  it('breaks a long declaration table across pages, repeating its header, cutting no name', async () => {
    const base = sampleFiling('california');
    const table = base.blocks.find((block) => block.type === 'table')!;
    if (table.type !== 'table') throw new Error('fixture');
    const rows = Array.from({ length: 120 }, (_, i) => [
      [{ text: `Jane Doe ${i + 1}` }],
      [{ text: i % 3 === 0 ? UNICODE_NAMES[0] : i % 3 === 1 ? UNICODE_NAMES[1] : `${UNICODE_NAMES[2]} Quillfeather-Oakhaven` }],
      [{ text: `Born 19${50 + (i % 50)}-01-0${1 + (i % 9)}; person${i}@example.invalid; ${i % 4 === 0 ? 'a long note '.repeat(30) : ''}ID B-${100000 + i}` }],
    ]);
    const doc: RenderedDocument = { ...base, audience: 'declaration', blocks: [{ ...table, rows }] };
    const bytes = await write(doc);
    const read = await readPdf(bytes);
    expect(read.pages.length).toBeGreaterThan(4);
    for (const page of read.pages) expect(page.items.filter((item) => item.str === 'Pseudonym')).toHaveLength(1);
    const text = squash(read.pages.map((page) => page.text).join('\n'));
    rows.forEach((row, i) => {
      for (const cell of row) expect(text, `row ${i + 1}`).toContain(squash(cell[0]!.text));
    });
  });
});

describe('writePdf, determinism and privacy', () => {
  it('writes the same bytes for the same filing, and a content-derived file ID', async () => {
    const doc = sampleFiling('california');
    const first = await write(doc);
    await write(sampleFiling('federal'));
    const second = await write(doc);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);

    const other = await write({ ...doc, blocks: doc.blocks.slice(1) });
    const id = (bytes: Uint8Array) => /\/ID \[<([0-9a-f]{32})>/.exec(Buffer.from(bytes).toString('latin1'))![1];
    expect(id(other)).not.toBe(id(first));
    expect(id(first)).not.toMatch(/^0+$/);
  });

  it('is the same under another time zone', async () => {
    const doc = sampleFiling('federal');
    const before = await write(doc);
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(Buffer.compare(Buffer.from(await write(doc)), Buffer.from(before))).toBe(0);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('holds nothing from the computer it was made on (user, host, home, working folder)', async () => {
    const parts = pdfBytesAndStreams(await write(sampleFiling('california')));
    const secrets = [userInfo().username, hostname(), homedir(), process.cwd()].filter((secret) => secret.length >= 3);
    expect(secrets.length).toBeGreaterThan(0);
    for (const part of parts) {
      for (const secret of secrets) {
        const forms = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'latin1'), Buffer.from(secret, 'utf16le').swap16()];
        expect(forms.some((form) => part.includes(form)), secret).toBe(false);
      }
    }
  });
});

describe('writePdf, refusals', () => {
  const scratch: string[] = [];
  afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('fails with a clear INTERNAL error when a font file is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doevault-fonts-'));
    scratch.push(dir);
    for (const file of Object.values(FONT_FILES).slice(0, 3)) copyFileSync(join(FONTS_DIR, file), join(dir, file));
    const failure = await writePdf(sampleFiling('california'), { fontsDir: dir }).catch((caught: unknown) => caught);
    expect(isVaultError(failure, 'INTERNAL')).toBe(true);
    expect((failure as Error).message).toContain(FONT_FILES.boldItalic);
    expect(await codeOf(() => writePdf(sampleFiling('federal'), { fontsDir: join(dir, 'nowhere') }))).toBe('INTERNAL');
  });

  it('refuses text the font cannot print instead of printing empty boxes, naming no character', async () => {
    const doc = sampleFiling('california', { blocks: [{ type: 'paragraph', runs: [{ text: 'Plaintiff 山田太郎 alleges.' }] }] });
    const failure = await write(doc).catch((caught: unknown) => caught);
    expect(isVaultError(failure, 'VALIDATION')).toBe(true);
    expect((failure as Error).message).toContain('block 1');
    expect((failure as Error).message).not.toMatch(/山|田|太|郎/);
  });

  it('refuses a footer title too long for the footer', async () => {
    expect(await codeOf(() => write(sampleFiling('california', { footer: 'VERY LONG TITLE '.repeat(40) })))).toBe('VALIDATION');
  });
});

describe('writePdf, text as printed', () => {
  it('prints soft hyphens, zero-width characters and no-break spaces as plain readable text', async () => {
    const doc = sampleFiling('federal', {
      blocks: [
        { type: 'paragraph', runs: [{ text: 'Zeph\u00ADyrine Quill\u200Bfeather and Jane\u00A0Doe\u00A03 met\tat noon.' }] },
        { type: 'paragraph', runs: [{ text: 'Zoe\u0308 wrote it.' }] },
      ],
    });
    const text = squash((await readPdf(await write(doc))).pages.map((page) => page.text).join('\n'));
    expect(text).toContain('Zephyrine Quillfeather and Jane Doe 3 met at noon.');
    expect(text).toContain('Zoë wrote it.');
  });

  it('typesets a filing with empty parts (no counsel, labels, caption, footer; empty blocks) on one page', async () => {
    for (const format of ['california', 'federal'] as const) {
      const doc = sampleFiling(format, {
        counsel: [],
        court: '',
        parties: [],
        captionRight: [],
        labels: [],
        footer: '',
        blocks: [
          { type: 'table', header: [], rows: [[[{ text: 'Lone cell' }]]] },
          { type: 'list', ordered: true, items: [] },
          { type: 'footnotes', notes: [] },
          { type: 'table', header: [[{ text: 'Header only' }]], rows: [] },
          { type: 'paragraph', runs: [] },
        ],
      });
      const read = await readPdf(await write(doc));
      expect(read.pages).toHaveLength(1);
      expect(read.pages[0]!.text).toContain('Lone cell');
      expect(read.pages[0]!.text).toContain('Header only');
    }
  });

  it('keeps the creation date as given, in UTC', async () => {
    const read = await readPdf(await write(sampleFiling('federal', { createdAt: '2024-12-31T23:59:58.000Z' })));
    expect(read.info.CreationDate).toBe('D:20241231235958Z');
    expect(CREATED_AT).toBe('2025-03-04T05:06:07.000Z');
  });
});

describe.each(['california', 'federal'] as const)("writePdf, a pleading's body, %s format", (format) => {
  const geometry = format === 'california' ? CALIFORNIA : FEDERAL;
  const { blocks, long } = pleadingBody();
  let read: ReadPdf;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await write(sampleFiling(format, { blocks }));
    read = await readPdf(bytes);
  });

  const itemsOf = () => read.pages.flatMap((page) => page.items).filter((item) => item.str.trim() !== '');
  const find = (text: string) => itemsOf().find((item) => item.str.trim() === text || item.str.startsWith(text))!;
  const middleOf = (item: { x: number; width: number }) => item.x + item.width / 2;

  it('centres the headings of causes of action and claims, and sets a plain subhead at the margin', () => {
    const centre = (geometry.left + geometry.right) / 2;
    expect(middleOf(find('FIRST CAUSE OF ACTION'))).toBeCloseTo(centre, 0);
    expect(middleOf(find('Second Claim for Relief'))).toBeCloseTo(centre, 0);
    expect(find('Damages in detail').x).toBeCloseTo(geometry.left, 0);
  });

  it('prints numbered paragraphs with their own numbers, the number at the first-line indent and the next lines at the margin', () => {
    const marker = find('17.');
    expect(marker.x).toBeCloseTo(geometry.left + 36, 0);
    const sameLine = itemsOf().filter((item) => Math.abs(item.y - marker.y) < 0.5 && item.x > marker.x);
    expect(sameLine[0]!.x).toBeCloseTo(geometry.left + 72, 0);
    expect(long.startsWith(sameLine[0]!.str.trim())).toBe(true);
    // The second line of the paragraph, two slots (one numbered line) lower, starts at the margin: no hanging indent.
    const next = itemsOf().filter((item) => Math.abs(item.y - (marker.y - 24)) < 0.5 && item.x >= geometry.left - 0.5);
    expect(next[0]!.x).toBeCloseTo(geometry.left, 0);
    expect(long).toContain(next[0]!.str.trim().split(' ')[0]!);
    expect(find('18.').x).toBeCloseTo(geometry.left + 36, 0);
  });

  it('reads back with pdftotext -layout as a pleading: the number, then the text, on one line', () => {
    const text = withoutLineNumbers(pdftotextPages(bytes, ['-layout']).join('\n'))
      .split('\n')
      .map((line) => line.replace(/^\s*\d+\s{2,}/, '').trim());
    expect(text.find((line) => line.startsWith('17.'))).toMatch(new RegExp(`^17\\.\\s+${long.split(' ')[0]}`));
    expect(text.find((line) => line.startsWith('18.'))).toMatch(/^18\.\s+Plaintiffs incorporate paragraphs 1 through 16\.$/);
  });
});


describe.each(['california-pleading', 'federal-pleading', 'federal-plain'] as const)('writePdf, a footnoted pleading on the %s form', (form) => {
  const geometry = geometryOf(form);
  const { doc, notes } = footnotedPleading(form);
  let read: ReadPdf;
  let bytes: Uint8Array;
  const gridBottom = PAGE_HEIGHT - (geometry.gridTop + geometry.slots * 12);

  beforeAll(async () => {
    bytes = await write(doc);
    read = await readPdf(bytes);
  });

  /** Text items in the text column of a page (not line numbers, not the footer). */
  const columnItems = (page: PdfPage) => page.items.filter((item) => item.str.trim() !== '' && item.x >= geometry.left - 0.5 && item.y >= gridBottom - 1);
  const pageOf = (text: string) => read.pages.findIndex((page) => squash(page.text).includes(text));
  const mark = (label: string) => {
    for (const [index, page] of read.pages.entries()) {
      const body = columnItems(page);
      const found = body.find((item) => item.str === label && body.some((other) => other !== item && item.y - other.y > 2 && item.y - other.y < 6 && Math.abs(other.x + other.width - item.x) < 1));
      if (found) return { page: index, item: found };
    }
    throw new Error(`no superscript mark ${label}`);
  };

  it('prints each reference as a raised mark inside the text column, right after its word', () => {
    for (const label of notes.keys()) {
      const { item } = mark(label);
      expect(item.x).toBeGreaterThanOrEqual(geometry.left);
      expect(item.x + item.width).toBeLessThanOrEqual(geometry.right + 0.5);
    }
  });

  it('prints a note at the foot of the page of its reference, below the last body line, inside the grid, single-spaced', () => {
    const short = notes.get('1')!;
    const { page, item } = mark('1');
    expect(pageOf(squash(short))).toBe(page);
    const items = columnItems(read.pages[page]!);
    const first = items.find((candidate) => short.startsWith(candidate.str.trim()) && candidate.str.trim().length > 3)!;
    expect(first, 'the note text').toBeDefined();
    // Below the reference and every body line that is not part of a note (body lines are double-spaced on the numbered lines).
    expect(first.y).toBeLessThan(item.y);
    const noteTop = first.y;
    const inNotes = (text: string) => notes.has(text.trim()) || [...notes.values()].some((note) => squash(note).includes(squash(text)));
    const bodyBelow = items.filter((candidate) => candidate.y < noteTop - 0.5 && !inNotes(candidate.str));
    expect(bodyBelow.map((candidate) => candidate.str)).toEqual([]);
    for (const candidate of items.filter((other) => other.y <= noteTop)) {
      expect(candidate.y, candidate.str).toBeGreaterThanOrEqual(gridBottom);
      expect(candidate.x + candidate.width).toBeLessThanOrEqual(geometry.right + 0.5);
    }
    // Single-spaced: the note's lines are one slot (12 pt) apart.
    const noteLines = [...new Set(items.filter((other) => other.y <= noteTop && other.y > gridBottom).map((other) => Math.round(other.y * 10) / 10))].sort((a, b) => b - a);
    expect(noteLines.length).toBeGreaterThan(1);
    expect(noteLines[0]! - noteLines[1]!).toBeCloseTo(12, 1);
  });

  it('continues a note too long for one foot at the foot of the next page, and the body goes on above it', () => {
    const long = notes.get('2')!;
    const { page } = mark('2');
    const words = long.split(' ');
    expect(pageOf(words.slice(0, 6).join(' '))).toBe(page);
    expect(pageOf(words.slice(-6).join(' '))).toBe(page + 1);
    const next = read.pages[page + 1]!;
    const continued = next.items.find((item) => long.includes(item.str.trim()) && item.str.trim().length > 20)!;
    const above = columnItems(next).filter((item) => item.y > continued.y + 12 && !long.includes(item.str.trim()));
    expect(above.length).toBeGreaterThan(0);
    // Every paragraph number once, in order: the body was shortened, nothing lost.
    const markers = [...squash(read.pages.map((each) => each.text).join(' ')).matchAll(/(?:^| )(\d+)\. [A-Z]/g)].map((match) => Number(match[1]));
    expect(markers).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  it('reads back with pdftotext -layout: the note on the page of its reference, below the body text', () => {
    const pages = pdftotextPages(bytes, ['-layout']);
    for (const [label, note] of notes) {
      const { page } = mark(label);
      const rows = pages[page]!.split('\n');
      const start = note.split(' ').slice(1, 4).join(' ');
      const noteRow = rows.findIndex((row) => squash(row).includes(start));
      expect(noteRow, `note ${label}`).toBeGreaterThan(0);
      const inNotes = (row: string) => [...notes.values()].some((each) => squash(each).includes(squash(row.replace(/^\s*\d+\s+/, '')).slice(0, 30)));
      const lastBody = rows.findLastIndex((row) => /^\s*\d+\s+\S/.test(row) && !inNotes(row));
      expect(noteRow).toBeGreaterThan(lastBody);
    }
  });

  it('keeps the signature block together on one page, in the right half, with "/s/"', () => {
    const lines = signatureLines(SIGNATURE).filter((line) => line !== '');
    const index = pageOf(`By: /s/ ${SIGNATURE.signer}`);
    const page = read.pages[index]!;
    // All of it on that page, below the body (the signer's name is also on page 1, in the counsel block).
    for (const line of lines) expect(page.items.some((item) => item.str === line), line).toBe(true);
    const middle = (geometry.left + geometry.right) / 2;
    const at = (text: string) => page.items.find((item) => item.str === text)!;
    expect(at(`By: /s/ ${SIGNATURE.signer}`).x).toBeGreaterThanOrEqual(middle - 0.5);
    expect(at(SIGNATURE.firm!).x).toBeGreaterThanOrEqual(middle - 0.5);
    expect(at(SIGNATURE.attorneysFor!).x).toBeGreaterThanOrEqual(middle - 0.5);
    expect(at(`Dated: ${SIGNATURE.dated}`).x).toBeCloseTo(geometry.left, 0);
    // Single-spaced, top to bottom in the order of the block.
    const ys = lines.map((line) => page.items.find((item) => item.str === line)!.y);
    expect([...ys].sort((a, b) => b - a)).toEqual(ys);
  });

  it('prints the caption lines (judge, department, jury demand, dates) right of the caption, one per line, the title in bold', () => {
    const first = read.pages[0]!;
    const caseNumber = first.items.find((item) => item.str === doc.captionRight[0])!;
    const texts = doc.captionRight.filter((line) => line !== '');
    const items = texts.map((text) => first.items.find((item) => item.str === text)!);
    items.forEach((item, i) => {
      expect(item, texts[i]).toBeDefined();
      expect(item.x).toBeCloseTo(caseNumber.x, 0);
    });
    const ys = items.map((item) => item.y);
    expect([...ys].sort((a, b) => b - a)).toEqual(ys);
    expect(new Set(ys).size).toBe(ys.length);
  });
});

describe('writePdf, the federal pleading form of the California districts', () => {
  const { doc } = footnotedPleading('federal-pleading');
  let bytes: Uint8Array;
  let read: ReadPdf;
  beforeAll(async () => {
    bytes = await write(doc);
    read = await readPdf(bytes);
  });

  it('numbers 28 lines on every page on the grid of California paper, with its rules, and "Page N of M" below', () => {
    const geometry = FEDERAL_PLEADING;
    expect(read.pages.length).toBeGreaterThan(1);
    const numberBaselines = Array.from({ length: 28 }, (_, n) => PAGE_HEIGHT - baselineOf(geometry, 2 * n));
    read.pages.forEach((page, index) => {
      const numbers = page.items.filter((item) => item.x + item.width <= geometry.lineNumbers!.numberRight + 0.5 && /^\d+$/.test(item.str));
      expect(numbers.map((item) => item.str)).toEqual(Array.from({ length: 28 }, (_, n) => String(n + 1)));
      numbers.forEach((item, n) => expect(item.y).toBeCloseTo(numberBaselines[n]!, 3));
      expect(page.items.some((item) => item.str === `Page ${index + 1} of ${read.pages.length}`)).toBe(true);
    });
    // The double rule left of the text and the single rule at the right, the full height of each page.
    const raw = Buffer.from(bytes);
    const streams = [...raw.toString('latin1').matchAll(/(?<!end)stream\r?\n/g)]
      .map((match) => {
        const start = match.index + match[0].length;
        const end = raw.indexOf('endstream', start, 'latin1');
        try {
          return inflateSync(raw.subarray(start, end)).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('\n');
    for (const x of [...geometry.lineNumbers!.leftRules, geometry.lineNumbers!.rightRule]) {
      expect(streams.split(`${x} 0 m\n${x} ${PAGE_HEIGHT} l`).length - 1, `rule at ${x}`).toBe(read.pages.length);
    }
  });

  it('prints counsel from line 1 and the court title centred on line 8', () => {
    const first = read.pages[0]!;
    const counsel = first.items.find((item) => item.str === doc.counsel[0])!;
    expect(counsel.y).toBeCloseTo(PAGE_HEIGHT - baselineOf(FEDERAL_PLEADING, 0), 3);
    expect(counsel.x).toBeCloseTo(FEDERAL_PLEADING.left, 3);
    const [district, division] = doc.court.split('\n');
    const title = first.items.find((item) => item.str === district)!;
    expect(title.y).toBeCloseTo(PAGE_HEIGHT - baselineOf(FEDERAL_PLEADING, FEDERAL_PLEADING.courtTitleSlot), 3);
    expect(title.x + title.width / 2).toBeCloseTo((FEDERAL_PLEADING.left + FEDERAL_PLEADING.right) / 2, 0);
    expect(first.items.some((item) => item.str === division)).toBe(true);
  });

  it('is read back by the verifier with each text line on its pleading line (1–28), marks and notes included', async () => {
    const text = await pdfText(bytes);
    const pages = text.text.split('\n').reduce<string[][]>((acc, line, index, all) => {
      const offset = all.slice(0, index).reduce((sum, previous) => sum + previous.length + 1, 0);
      const page = text.pageStarts.filter((start) => start <= offset).length;
      (acc[page] ??= []).push(line);
      return acc;
    }, []);
    pages.forEach((lines, page) => {
      const numbered = text.pleadingLines[page]!;
      expect(numbered).toHaveLength(lines.length);
      for (const n of numbered) expect(n === -1 || (n >= 0 && n <= 28)).toBe(true);
      // Each body line's pleading line is the number printed level with it.
      const items = read.pages[page]!.items;
      const numbers = items.filter((item) => /^\d+$/.test(item.str) && item.x + item.width <= FEDERAL_PLEADING.lineNumbers!.numberRight + 0.5);
      let checked = 0;
      lines.forEach((line, i) => {
        if (lines.filter((other) => other === line).length > 1) return;
        const matching = items.filter((candidate) => candidate.str.length > 12 && line.startsWith(candidate.str));
        const item = matching.length === 1 ? matching[0] : undefined;
        const level = item && numbers.find((number) => Math.abs(number.y - item.y) < 0.5);
        if (level) {
          expect(numbered[i], line).toBe(Number(level.str));
          checked++;
        }
      });
      expect(checked).toBeGreaterThan(3);
    });
    // A reference mark is a word of its own: "note 2 applies", never "note2".
    expect(text.text).toMatch(/The second note 2 applies here\./);
  });
});

describe('PageNotes and the footnotes block', () => {
  it('prints a note without a reference where the footnotes block stands, so no text is lost', async () => {
    const doc = sampleFiling('california', {
      blocks: [
        { type: 'paragraph', runs: [{ text: 'Cited here' }, { text: '1', noteRef: true }, { text: '.' }] },
        { type: 'footnotes', notes: [{ label: '1', runs: [{ text: 'The cited note.' }] }, { label: '2', runs: [{ text: 'An uncited note.' }] }] },
        { type: 'paragraph', runs: [{ text: 'After the notes.' }] },
      ],
    });
    const read = await readPdf(await write(doc));
    const items = read.pages[0]!.items;
    const uncited = items.find((item) => item.str.includes('An uncited note.'))!;
    const cited = items.find((item) => item.str.includes('The cited note.'))!;
    const after = items.find((item) => item.str === 'After the notes.')!;
    expect(uncited.y).toBeGreaterThan(after.y);
    expect(cited.y).toBeLessThan(after.y);
  });
});

describe('writePdf, what the public version withheld (issue 13)', () => {
  const withheld = (mark: 'highlight' | 'bracket') => ({ ref: '[REDACTED-1]', mark });
  const filing = (mark: 'highlight' | 'bracket'): RenderedDocument =>
    sampleFiling('california', {
      labels: [],
      blocks: [
        {
          type: 'paragraph',
          runs: [
            { text: 'Defendant printed her address, ' },
            { text: mark === 'bracket' ? '[[12 Quillfeather Lane, Unit 4]]' : '12 Quillfeather Lane, Unit 4', withheld: withheld(mark) },
            { text: ', and her badge number on a flyer posted at every station of the transit line.' },
          ],
        },
        { type: 'table', header: [[{ text: 'Item' }], [{ text: 'Value' }]], rows: [[[{ text: 'Serial' }], [{ text: 'SN-4471-QX', withheld: withheld(mark) }]]] },
      ],
    });

  it('draws a light grey band behind each withheld word, in a paragraph and a table cell, and behind nothing else', async () => {
    const bytes = await write(filing('highlight'));
    const words = wordBoxes(bytes).filter((box) => box.page === 1);
    const shares = greyShares(bytes, words);
    // pdftotext's word "4," holds the comma after the withheld text.
    const marked = new Set(['12', 'Quillfeather', 'Lane,', 'Unit', '4,', 'SN-4471-QX']);
    const banded = words.filter((_, i) => shares[i]! > 0.3).map((box) => box.word);
    expect(banded.sort()).toEqual([...marked].sort());
    for (const [i, box] of words.entries()) if (!marked.has(box.word)) expect(shares[i], box.word).toBe(0);
    // The band is drawn, not text: the words read back as they are, in order.
    expect(squash(pdftotextPages(bytes)[0]!)).toContain('printed her address, 12 Quillfeather Lane, Unit 4, and her badge');
  });

  it('draws no band where the court asks for brackets: the brackets are in the text', async () => {
    const bytes = await write(filing('bracket'));
    const words = wordBoxes(bytes);
    expect(greyShares(bytes, words).every((share) => share === 0)).toBe(true);
    expect(squash(pdftotextPages(bytes)[0]!)).toContain('address, [[12 Quillfeather Lane, Unit 4]], and');
  });
});
