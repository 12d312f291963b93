import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { docxPartsText, readDocument } from '../../../../src-main/core/documents';
import { printableStrings } from '../../../../src-main/core/documents/docx-parts';
import { docxText } from '../../../../src-main/core/documents/docx-text';
import { parseBody } from '../../../../src-main/core/filings/markdown';
import { LeakScanner } from '../../../../src-main/core/scan';
import { docxDraftWithNotes, docxWithNameIn, HIDING_PLACES, PART_OF } from '../../../fixtures/docx-parts';

/**
 * Issue 11, leak 7: a name anywhere in a .docx package is seen by `scan` (every part, the part
 * named), and a draft's footnotes and endnotes are kept as Markdown footnotes.
 */
const NAME = 'Zephyrine Quillfeather';
const dir = mkdtempSync(join(tmpdir(), 'doevault-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scannerFor = (legalName: string) =>
  LeakScanner.build([{ plaintiffId: 'p1', caseId: 'c1', pseudonym: 'Jane Doe 1', legalName, aliases: [], idNumbers: [] }]);

describe('every part of a .docx is read for scanning', () => {
  it.each(HIDING_PLACES)('a name only in the %s is found, in its part', async (place) => {
    const path = join(dir, `${place.replace(/\W+/g, '-')}.docx`);
    writeFileSync(path, await docxWithNameIn(place, NAME));
    const source = await readDocument(path, { allParts: true });
    const hits = scannerFor(NAME).scan(source).filter((hit) => hit.kind === 'full-name');
    expect(hits.length, `${place}: ${source.text}`).toBeGreaterThan(0);
    expect(source.parts![hits[0]!.page! - 1]!.name).toBe(PART_OF[place]);
  });

  it('the body alone (a draft) does not hold the hidden parts, so the draft reader is not what scan uses', async () => {
    const bytes = await docxWithNameIn('comment', NAME);
    expect(await docxText(bytes)).not.toContain('Quillfeather');
    expect((await docxPartsText(bytes)).text).toContain(NAME);
  });

  it('printable strings of a binary: 8-bit and UTF-16LE runs, not random noise', () => {
    const bytes = new Uint8Array([0, 1, 2, ...Buffer.from('Hello Ortega'), 0, 0, ...Buffer.from('Łukasz Wiśniewski', 'utf16le'), 0, 0, 7, 3]);
    const strings = printableStrings(bytes);
    expect(strings).toEqual(expect.arrayContaining(['Hello Ortega', 'Łukasz Wiśniewski']));
  });

  // Property: random names (faker, fixed seed) hidden in a random part are all found.
  faker.seed(20_261_206);
  const NAMES = Array.from({ length: 100 }, () => `${faker.person.firstName()} ${faker.person.lastName()}`).filter((name) => /^[\p{L}'-]+ [\p{L}'-]+$/u.test(name));
  it('property: a random name in a random part is found', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), fc.constantFrom(...HIDING_PLACES), async (name, place) => {
        const source = await docxPartsText(await docxWithNameIn(place, name));
        const hits = scannerFor(name).scan(source).filter((hit) => hit.kind === 'full-name');
        expect(hits.length, `${name} in the ${place}`).toBeGreaterThan(0);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('a .docx draft keeps its footnotes and endnotes (as Markdown footnotes)', () => {
  it('puts each reference where it stands and the note texts after the body', async () => {
    const text = await docxText(await docxDraftWithNotes('See the statement of Zephyrine Quillfeather.', 'Transcript, p. 4.'));
    expect(text).toContain('The plaintiff testified.[^fn2] She was credible.[^en1]');
    expect(text).toContain('[^fn2]: See the statement of Zephyrine Quillfeather.');
    expect(text).toContain('[^en1]: Transcript, p. 4.');
    // The filing's Markdown reads them as footnotes, numbered in order of reference.
    const blocks = parseBody(text);
    const notes = blocks.find((block) => block.type === 'footnotes');
    expect(notes).toMatchObject({ notes: [{ label: '1', runs: [{ text: 'See the statement of Zephyrine Quillfeather.' }] }, { label: '2', runs: [{ text: 'Transcript, p. 4.' }] }] });
  });

  it('a draft without notes reads as before', async () => {
    const text = await docxText(await docxWithNameIn('header', NAME));
    expect(text).not.toContain('[^');
    expect(text).toContain('Jane Doe 1 testified');
  });
});
