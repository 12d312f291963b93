import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOnPage } from '../../../../src-main/core/exhibits/find';
import { skeletonIdentities } from '../../../../src-main/core/exhibits/ocr-skeleton';
import type { PageWord } from '../../../../src-main/core/exhibits/types';
import { LeakScanner, type ScanIdentity } from '../../../../src-main/core/scan';
import { syntheticPeople } from '../../../fixtures/exhibits';

/**
 * Finding on a page's words (issue 14, item 2), without OCR: words as OCR reports them, with
 * its confusions and broken words, must still be found, and each finding's box must cover the
 * words of the name and nothing far from them.
 */
const [person, other] = syntheticPeople(2, 1401);
const CASE = 'case-a';
const identities: ScanIdentity[] = [
  { plaintiffId: 'p1', caseId: CASE, pseudonym: 'Jane Doe 1', legalName: person!.legalName, aliases: [], idNumbers: [] },
  { plaintiffId: 'p2', caseId: 'case-b', pseudonym: 'John Roe 1', legalName: other!.legalName, aliases: [], idNumbers: [] },
];
const scanners = { scanner: LeakScanner.build(identities), skeleton: LeakScanner.build(skeletonIdentities(identities)) };

/** One OCR line: words 100 px apart on a baseline, 40 px high. */
function line(texts: string[], lineNo = 1, y = 100): PageWord[] {
  return texts.map((text, i) => ({ text, x0: 50 + i * 120, y0: y, x1: 50 + i * 120 + 100, y1: y + 40, line: lineNo, source: 'ocr' as const }));
}

const find = (words: PageWord[]) => findOnPage(1, { textLayer: [], ocr: words }, scanners, CASE, 1);

describe('finding names in OCR words', () => {
  it('finds a full name and boxes exactly its words, padded; the text around it is not covered', () => {
    const words = line(['Officer', person!.given, person!.surname, 'of', 'the', 'Gangs', 'and', 'Narcotics', 'Division']);
    const [finding, ...rest] = find(words);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'full-name', action: { kind: 'redact' }, targets: [expect.objectContaining({ pseudonym: 'Jane Doe 1' })] });
    const box = finding!.box;
    expect(box.x).toBeLessThanOrEqual(words[1]!.x0);
    expect(box.x + box.width).toBeGreaterThanOrEqual(words[2]!.x1);
    // Not "Officer" (ends at 150) nor "of" (starts at 410).
    expect(box.x).toBeGreaterThan(words[0]!.x1);
    expect(box.x + box.width).toBeLessThan(words[3]!.x0);
  });

  it('reads through OCR confusions (l/1/I/|, O/0, rn/m, vv/w) on the page side', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (flips) => {
        let k = 0;
        const confuse = (word: string) =>
          word
            .replace(/l/g, (c) => (flips[k++ % 12] ? '1' : c))
            .replace(/i/g, (c) => (flips[k++ % 12] ? 'l' : c))
            .replace(/o/g, (c) => (flips[k++ % 12] ? '0' : c))
            .replace(/m/g, (c) => (flips[k++ % 12] ? 'rn' : c))
            .replace(/w/g, (c) => (flips[k++ % 12] ? 'vv' : c));
        const found = find(line(['Report', 'by', confuse(person!.given), confuse(person!.surname), 'today']));
        expect(found.some((f) => f.targets.some((t) => t.plaintiffId === 'p1'))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('finds a surname OCR broke in two, and boxes both pieces', () => {
    const cut = Math.ceil(person!.surname.length / 2);
    const words = line(['Sergeant', person!.surname.slice(0, cut), person!.surname.slice(cut), 'wrote']);
    const found = find(words);
    expect(found).toHaveLength(1);
    expect(found[0]!.box.x).toBeLessThanOrEqual(words[1]!.x0);
    expect(found[0]!.box.x + found[0]!.box.width).toBeGreaterThanOrEqual(words[2]!.x1);
  });

  it('someone of another case is a question, not an automatic redaction', () => {
    const found = find(line(['Witness', other!.given, other!.surname]));
    expect(found).toHaveLength(1);
    expect(found[0]!.action).toEqual({ kind: 'ask', why: 'other-case' });
  });

  it('the text layer and OCR reading one name make one finding', () => {
    const ocr = line(['By', person!.given, person!.surname]);
    const textLayer = ocr.map((w) => ({ ...w, x0: w.x0 + 2, x1: w.x1 + 1, source: 'text-layer' as const }));
    expect(findOnPage(1, { textLayer, ocr }, scanners, CASE, 1)).toHaveLength(1);
  });

  it('a name wrapped onto the next line is covered on both lines, by a box per line (not one over the lines between)', () => {
    const words = [...line(['Notes', 'by', person!.given], 1, 100), ...line([person!.surname, 'arrived'], 2, 400)];
    const found = find(words);
    const covers = (w: PageWord) => found.some((f) => f.box.x <= w.x0 && f.box.x + f.box.width >= w.x1 && f.box.y <= w.y0 && f.box.y + f.box.height >= w.y1);
    expect(covers(words[2]!)).toBe(true);
    expect(covers(words[3]!)).toBe(true);
    expect(covers(words[0]!) || covers(words[4]!)).toBe(false);
    for (const finding of found) expect(finding.box.height).toBeLessThan(100);
  });
});
