import { Faker, en } from '@faker-js/faker';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../src-main/core/documents';
import type { Block, RenderedDocument } from '../../../../src-main/core/filings/document';
import { descendants, nestOutline, type OutlineNode } from '../../../../src-main/core/export/pdf-outline';
import { writePdf } from '../../../../src-main/core/export/pdf-writer';
import { FONTS_DIR, pdftotextPages, sampleFiling } from './typeset-fixtures';

const write = (doc: RenderedDocument) => writePdf(doc, { fontsDir: FONTS_DIR });

interface Bookmark {
  title: string;
  /** 1-based page the bookmark opens. */
  page: number;
  /** PDF y (upwards) the view scrolls to. */
  top: number;
  /** The /Count written for the item (pdfjs: positive when open). */
  count: number | undefined;
  items: Bookmark[];
}

/** The outline as a reader (pdfjs, which the leak check uses too) shows it. */
async function bookmarks(bytes: Uint8Array): Promise<Bookmark[] | null> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    type Node = { title: string; dest: unknown; count?: number; items: Node[] };
    const walk = async (nodes: Node[]): Promise<Bookmark[]> => {
      const marks: Bookmark[] = [];
      for (const node of nodes) {
        const dest = node.dest as [{ num: number; gen: number }, { name: string }, number | null, number, number | null];
        expect(dest[1].name).toBe('XYZ');
        marks.push({ title: node.title, page: (await pdf.getPageIndex(dest[0])) + 1, top: dest[3], count: node.count, items: await walk(node.items) });
      }
      return marks;
    };
    const outline = (await pdf.getOutline()) as Node[] | null;
    return outline && (await walk(outline));
  } finally {
    await pdf.destroy();
  }
}

const titles = (marks: readonly Bookmark[]): unknown[] => marks.map((mark) => (mark.items.length > 0 ? [mark.title, titles(mark.items)] : mark.title));
const flat = (marks: readonly Bookmark[]): Bookmark[] => marks.flatMap((mark) => [mark, ...flat(mark.items)]);

describe('nestOutline', () => {
  const levels = fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 40 });
  const entries = (list: number[]) => list.map((level, index) => ({ level, index }));

  it('keeps every heading once, in document order', () => {
    fc.assert(
      fc.property(levels, (list) => {
        const order: number[] = [];
        const visit = (nodes: OutlineNode<{ index: number }>[]) => nodes.forEach((node) => (order.push(node.entry.index), visit(node.children)));
        const tree = nestOutline(entries(list));
        visit(tree);
        expect(order).toEqual(list.map((_, index) => index));
        expect(descendants(tree)).toBe(list.length);
      }),
    );
  });

  it('puts each heading under the nearest heading before it of a higher rank, or at the top', () => {
    fc.assert(
      fc.property(levels, (list) => {
        const parent = new Map<number, number | undefined>();
        const visit = (nodes: OutlineNode<{ index: number; level: number }>[], above?: number) =>
          nodes.forEach((node) => (parent.set(node.entry.index, above), visit(node.children, node.entry.index)));
        visit(nestOutline(entries(list)));
        list.forEach((level, index) => {
          let expected: number | undefined;
          for (let before = index - 1; before >= 0; before--) {
            if (list[before]! < level) {
              expected = before;
              break;
            }
          }
          expect(parent.get(index), `heading ${index} (level ${level}) of ${list.join(',')}`).toBe(expected);
        });
      }),
    );
  });
});

describe('writePdf bookmarks', () => {
  it('has one bookmark per heading, nested by level, the sub-levels shown open', async () => {
    const marks = (await bookmarks(await write(sampleFiling('california'))))!;
    expect(titles(marks)).toEqual([['INTRODUCTION', [['A. The Parties', ['Jurisdiction and venue']]]]]);
    expect(marks[0]!.count).toBe(2);
    expect(marks[0]!.items[0]!.count).toBe(1);
  });

  describe.each(['california', 'federal'] as const)('a long %s filing', (format) => {
    const faker = new Faker({ locale: [en] });
    faker.seed(808);
    const blocks: Block[] = [];
    const headings: string[] = [];
    for (let part = 1; part <= 4; part++) {
      const title = `${['FIRST', 'SECOND', 'THIRD', 'FOURTH'][part - 1]} CAUSE OF ACTION`;
      headings.push(title);
      blocks.push({ type: 'heading', level: 1, runs: [{ text: title }] });
      for (let section = 1; section <= 2; section++) {
        const subhead = `${part}.${section} ${faker.lorem.words(3)}`;
        headings.push(subhead);
        blocks.push({ type: 'heading', level: 3, runs: [{ text: subhead, italic: true }] });
        for (let n = 0; n < 4; n++) blocks.push({ type: 'paragraph', runs: [{ text: faker.lorem.paragraph(6) }] });
      }
    }
    let bytes: Uint8Array;
    let marks: Bookmark[];
    beforeAll(async () => {
      bytes = await write(sampleFiling(format, { blocks }));
      marks = (await bookmarks(bytes))!;
    });

    it('opens each bookmark on the page its heading is printed on, scrolled to just above it', () => {
      const pages = pdftotextPages(bytes);
      expect(pages.length).toBeGreaterThan(4);
      const all = flat(marks);
      expect(all.map((mark) => mark.title)).toEqual(headings);
      for (const mark of all) {
        const printedOn = pages.findIndex((page) => page.includes(mark.title)) + 1;
        expect(mark.page, mark.title).toBe(printedOn);
        expect(mark.top).toBeGreaterThan(36);
        expect(mark.top).toBeLessThan(792 - 36);
      }
      expect(new Set(all.map((mark) => mark.page)).size).toBeGreaterThan(2);
      expect(titles(marks).length).toBe(4);
    });

    it('gives its bookmark titles to the leak check with the rest of the metadata', async () => {
      const { metadata } = await pdfText(bytes);
      for (const heading of headings) expect(metadata).toContain(heading);
    });
  });

  it('points a bookmark at the top of its heading: the text sits just below the bookmark', async () => {
    const doc = sampleFiling('federal', { blocks: [{ type: 'paragraph', runs: [{ text: 'Opening.' }] }, { type: 'heading', level: 2, runs: [{ text: 'ARGUMENT' }] }] });
    const bytes = await write(doc);
    const [mark] = (await bookmarks(bytes))!;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    const items = (await (await pdf.getPage(1)).getTextContent()).items as { str: string; transform: number[] }[];
    const baseline = items.find((item) => item.str === 'ARGUMENT')!.transform[5]!;
    await pdf.destroy();
    expect(mark!.top - baseline).toBeGreaterThan(0);
    expect(mark!.top - baseline).toBeLessThan(24);
  });

  it('writes no outline for a document without headings, and none for an empty heading', async () => {
    const doc = sampleFiling('california', {
      blocks: [
        { type: 'heading', level: 1, runs: [{ text: '  ' }] },
        { type: 'paragraph', runs: [{ text: 'Only a paragraph.' }] },
      ],
    });
    const bytes = await write(doc);
    expect(await bookmarks(bytes)).toBeNull();
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('/Outlines');
  });
});
