import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../../../src-main/core/export/docx-writer';
import { writePdf } from '../../../../src-main/core/export/pdf-writer';
import { geometryOf } from '../../../../src-main/core/export/pleading-paper';
import type { RenderedDocument, Run } from '../../../../src-main/core/filings/document';
import { FONTS_DIR, complaintFiling, pdftotextPages, readPdf, runsText, type ReadPdf } from './typeset-fixtures';

/**
 * Issue 12, item 5: the Word file is pleading paper. Each DOCX is rendered to PDF by LibreOffice
 * (an independent renderer of Word files) and read back: 28 numbered lines on every page, counsel
 * on line 1, the court's title on line 8, the same words as the PDF writer prints, each footnote
 * on the page of its reference.
 */

const FORMS = ['california-pleading', 'federal-pleading'] as const;
type PleadingForm = (typeof FORMS)[number];

function requireSoffice(): void {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'LibreOffice (soffice) is needed to render the Word files of these tests and was not found. ' +
        'Install the Debian package libreoffice-writer-nogui (and fonts-liberation); .ci/run installs them on CI.',
    );
  }
}

/** The words of text, with the footnote reference marks (the notes' labels) taken off. */
function words(text: string, labels: readonly string[]): string[] {
  const marks = new RegExp(`(?<=\\D)(${labels.join('|')})$`);
  return text
    .split(/\s+/)
    .filter((word) => word !== '' && !labels.includes(word))
    .map((word) => word.replace(marks, ''));
}

/** Takes the words of `note` out of `all`; false when they are not there in order. */
function takeOut(all: string[], note: readonly string[]): boolean {
  for (let i = 0; i + note.length <= all.length; i++) {
    if (note.every((word, j) => all[i + j] === word)) {
      all.splice(i, note.length);
      return true;
    }
  }
  return false;
}

/** pdftotext of the text column only: no line numbers, no footer. */
function columnText(pdf: string, geometry: ReturnType<typeof geometryOf>): string {
  const [x, y, w, h] = [geometry.left - 4, geometry.gridTop, geometry.right - geometry.left + 8, geometry.slots * 12];
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-x', `${x}`, '-y', `${y}`, '-W', `${w}`, '-H', `${h}`, pdf, '-']).toString('utf8');
}

interface Rendered {
  doc: RenderedDocument;
  docx: Uint8Array;
  /** The PDF LibreOffice made of the DOCX, and the PDF writer's PDF of the same document. */
  office: string;
  writer: string;
  read: ReadPdf;
}

describe('the Word file on pleading paper, rendered by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doevault-docx-pleading-'));
  const rendered = new Map<PleadingForm, Rendered>();

  beforeAll(async () => {
    requireSoffice();
    for (const form of FORMS) {
      const doc = complaintFiling(form);
      const docx = await writeDocx(doc, { fontsDir: FONTS_DIR });
      writeFileSync(join(dir, `${form}.docx`), docx);
      const writer = join(dir, `${form}-writer.pdf`);
      writeFileSync(writer, await writePdf(doc, { fontsDir: FONTS_DIR }));
      rendered.set(form, { doc, docx, office: join(dir, `${form}.pdf`), writer, read: undefined as unknown as ReadPdf });
    }
    // A private profile: parallel runs (and a LibreOffice the user has open) do not collide.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...FORMS.map((form) => join(dir, `${form}.docx`))],
      { stdio: 'pipe', timeout: 170_000 },
    );
    for (const entry of rendered.values()) entry.read = await readPdf(new Uint8Array(readFileSync(entry.office)));
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(FORMS)('%s', (form) => {
    const geometry = geometryOf(form);
    const get = (): Rendered => rendered.get(form)!;
    /** The margin's numbers of a page: [number, baseline from the top]. */
    const lineNumbers = (page: number): [number, number][] =>
      get()
        .read.pages[page]!.items.filter((item) => item.x + item.width < geometry.left && /^\d+$/.test(item.str.trim()))
        .map((item) => [Number(item.str.trim()), 792 - item.y] as [number, number])
        .sort((a, b) => a[1] - b[1]);
    /** Baseline (from the top) of the first item on `page` starting with `text`, in the text column. */
    const baselineOf = (page: number, text: string): number => {
      const item = get().read.pages[page]!.items.find((i) => i.x >= geometry.left - 2 && i.str.trim().startsWith(text));
      expect(item, `"${text}" on page ${page + 1}`).toBeDefined();
      return 792 - item!.y;
    };

    it('has several pages, each with the numbers 1–28 in the margin at a 24-pt pitch', () => {
      const pages = get().read.pages;
      expect(pages.length).toBeGreaterThanOrEqual(3);
      pages.forEach((_, page) => {
        const numbers = lineNumbers(page);
        expect(numbers.map(([n]) => n), `page ${page + 1}`).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
        numbers.slice(1).forEach(([, y], i) => expect(y - numbers[i]![1]).toBeCloseTo(24, 0));
        // Line 1 an inch from the top (its baseline within the first numbered line).
        expect(numbers[0]![1]).toBeGreaterThan(geometry.gridTop);
        expect(numbers[0]![1]).toBeLessThan(geometry.gridTop + 24);
      });
    });

    it('prints counsel on line 1 and the court\'s title on line 8 of page 1', () => {
      const numbers = new Map(lineNumbers(0));
      const { doc } = get();
      // Within a quarter line of the number's baseline.
      expect(Math.abs(baselineOf(0, doc.counsel[0]!.split(' ')[0]!) - numbers.get(1)!)).toBeLessThan(6);
      expect(Math.abs(baselineOf(0, doc.court.split(/[\s,]/)[0]!) - numbers.get(8)!)).toBeLessThan(6);
    });

    it('sets the body on the numbered lines: every heading and every paragraph number beside a number of the margin', () => {
      const { doc, read } = get();
      const starts = doc.blocks.flatMap((block) =>
        block.type === 'heading'
          ? [runsText(block.runs).split(' ')[0]!]
          : block.type === 'list' && block.ordered
            ? block.items.map((_, index) => `${(block.start ?? 1) + index}.`)
            : [],
      );
      expect(starts.length).toBeGreaterThan(20);
      for (const start of starts) {
        const page = read.pages.findIndex((p) => p.items.some((i) => i.x >= geometry.left - 2 && i.str.trim().split(/\s/)[0] === start));
        expect(page, start).toBeGreaterThanOrEqual(0);
        const item = read.pages[page]!.items.find((i) => i.x >= geometry.left - 2 && i.str.trim().split(/\s/)[0] === start)!;
        const nearest = Math.min(...lineNumbers(page).map(([, y]) => Math.abs(792 - item.y - y)));
        expect(nearest, `"${start}" on page ${page + 1}`).toBeLessThan(3);
      }
    });

    it('prints the words the PDF writer prints, in the same order, and every footnote', () => {
      const { doc, office, writer } = get();
      const notes = doc.blocks.flatMap((block) => (block.type === 'footnotes' ? block.notes : []));
      const labels = notes.map((note) => note.label);
      const officeWords = words(columnText(office, geometry), labels);
      const writerWords = words(columnText(writer, geometry), labels);
      for (const note of notes) {
        const noteWords = words(runsText(note.runs), labels);
        expect(takeOut(officeWords, noteWords), `note ${note.label} in the Word file`).toBe(true);
        expect(takeOut(writerWords, noteWords), `note ${note.label} in the PDF`).toBe(true);
      }
      // The body word for word; the first page (whose caption columns read in either order) as the same words.
      const firstBlock = doc.blocks[0]!.type === 'heading' ? runsText(doc.blocks[0]!.runs).split(' ')[0]! : '';
      const split = (all: string[]): [string[], string[]] => [all.slice(0, all.indexOf(firstBlock)), all.slice(all.indexOf(firstBlock))];
      const [officeFirst, officeBody] = split(officeWords);
      const [writerFirst, writerBody] = split(writerWords);
      expect(officeBody.length).toBeGreaterThan(500);
      expect(officeBody).toEqual(writerBody);
      expect([...officeFirst].sort()).toEqual([...writerFirst].sort());
    });

    // A date, a pseudonym or a legal name broken in the Word file and whole in the PDF (or the
    // other way) misleads whoever compares the two, and moves every line after it.
    it('wraps each table cell where the PDF writer wraps it: every row as tall in Word as in the PDF', async () => {
      const table = get().doc.blocks.find((block) => block.type === 'table');
      if (table?.type !== 'table') throw new Error('the fixture has a table');
      // From the header's baseline to each row's: the cells' own offset from the grid cancels out.
      const marks = [runsText(table.header[0]!), ...table.rows.map((row) => runsText(row[0]!))];
      /** The height of the header and of each row but the last: from its first cell's baseline to the next row's. */
      const heights = (read: ReadPdf): number[] => {
        const at = marks.map((text) => {
          const page = read.pages.findIndex((p) => p.items.some((i) => i.x >= geometry.left - 2 && i.str.trim() === text));
          expect(page, `"${text}"`).toBeGreaterThanOrEqual(0);
          return { page, y: 792 - read.pages[page]!.items.find((i) => i.x >= geometry.left - 2 && i.str.trim() === text)!.y };
        });
        return at.slice(1).map((next, i) => (next.page === at[i]!.page ? Math.round(next.y - at[i]!.y) : -1));
      };
      const writer = await readPdf(new Uint8Array(readFileSync(get().writer)));
      // Each date whole on its line, in both.
      for (const row of table.rows) {
        const date = runsText(row[2]!);
        for (const [name, read] of [['Word', get().read], ['PDF', writer]] as const) {
          expect(read.pages.some((p) => p.items.some((i) => i.str.trim() === date)), `"${date}" on one line in the ${name} file`).toBe(true);
        }
      }
      const office = heights(get().read);
      const printed = heights(writer);
      expect(office.length).toBe(printed.length);
      office.forEach((height, i) => {
        if (height < 0 || printed[i]! < 0) return; // a row that starts a new page in one of them
        expect(Math.abs(height - printed[i]!), `row ${i + 1}: Word ${office.join(', ')}; PDF ${printed.join(', ')}`).toBeLessThanOrEqual(3);
      });
    });

    it('prints each footnote at the foot of the page of its reference', () => {
      const { doc, office } = get();
      const pages = pdftotextPages(new Uint8Array(readFileSync(office))).map((page) => page.replace(/\s+/g, ' '));
      const notes = doc.blocks.flatMap((block) => (block.type === 'footnotes' ? block.notes : []));
      const references: { label: string; before: string }[] = [];
      for (const block of doc.blocks) {
        if (block.type !== 'paragraph') continue;
        block.runs.forEach((run: Run, index) => {
          if (run.noteRef) references.push({ label: run.text, before: block.runs[index - 1]!.text.trim().split(' ').slice(-3).join(' ') });
        });
      }
      expect(references.map((ref) => ref.label)).toEqual(notes.map((note) => note.label));
      for (const ref of references) {
        const note = runsText(notes.find((n) => n.label === ref.label)!.runs).split(' ').slice(0, 6).join(' ');
        const page = pages.findIndex((text) => text.includes(ref.before));
        expect(page, ref.before).toBeGreaterThanOrEqual(0);
        expect(pages[page], `note ${ref.label}`).toContain(note);
        const text = pages[page]!;
        expect(text.indexOf(note), 'the note below its reference').toBeGreaterThan(text.indexOf(ref.before));
      }
    });

    it('is built as firms build pleading paper: a header text box of 28 numbers at 24 pt, rules, Word footnotes, the margins of the PDF', async () => {
      const zip = await JSZip.loadAsync(get().docx);
      const names = Object.keys(zip.files);
      const headers = await Promise.all(names.filter((name) => /^word\/header\d*\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
      expect(headers).toHaveLength(1);
      const header = headers[0]!;
      const box = /<v:textbox[^>]*>\s*<w:txbxContent>([\s\S]*?)<\/w:txbxContent>/.exec(header);
      expect(box, 'a text box in the header').not.toBeNull();
      const numbers = [...box![1]!.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((p) => p[1]!);
      expect(numbers.map((p) => /<w:t>(\d+)<\/w:t>/.exec(p)?.[1])).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
      for (const p of numbers) expect(p).toContain('w:line="480" w:lineRule="exact"');
      expect(header.match(/<v:line /g)).toHaveLength(3);
      expect(header).not.toContain('{{');

      const document = await zip.file('word/document.xml')!.async('string');
      expect(document).toMatch(/<w:pgMar w:top="1440" w:right="1080" w:bottom="960" w:left="2160"/);
      expect(document.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
      const footnotes = await zip.file('word/footnotes.xml')!.async('string');
      const notes = get().doc.blocks.flatMap((block) => (block.type === 'footnotes' ? block.notes : []));
      for (const note of notes) expect(footnotes).toContain(runsText(note.runs).slice(0, 40));
      // The footnotes block prints nothing where it stands.
      expect(document).not.toContain(runsText(notes[0]!.runs).slice(0, 40));
      const footer = await zip.file('word/footer1.xml')!.async('string');
      if (geometry.pageNumbers === 'page-of') expect(footer).toContain('NUMPAGES');
      else expect(footer).not.toContain('NUMPAGES');
    });
  });
});
