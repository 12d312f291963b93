import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExhibitFindingDto } from '../../../../../src-preload/contract';
import { boxFrom, centredBox, fate, MIN_SIDE_PT, nudge, tally, whomItMayName } from '../../../../../src-renderer/src/screens/exhibits/review';

const LETTER = { widthPt: 612, heightPt: 792 };

function finding(id: string, over: Partial<ExhibitFindingDto> = {}): ExhibitFindingDto {
  return { id, page: 1, box: { x: 10, y: 10, width: 50, height: 12 }, kind: 'full-name', confidence: 'high', source: 'ocr', targets: [{ plaintiffId: 'p000000000000001', caseId: 'c000000000000001', pseudonym: 'Jane Doe 1' }], question: false, canKeep: false, ocrConfidence: 90, ...over };
}

describe('the review of an exhibit', () => {
  it('a full name stays redacted whatever is answered; a question waits; keep holds only where allowed', () => {
    const name = finding('xa');
    const surname = finding('xb', { kind: 'surname', question: true, canKeep: true });
    expect(fate(name, { xa: 'keep' })).toBe('redact');
    expect(fate(surname, {})).toBe('question');
    expect(fate(surname, { xb: 'keep' })).toBe('keep');
    expect(fate(surname, { xb: 'redact' })).toBe('redact');
  });

  // Pseudonyms repeat from case to case: "Jane Doe 1" of another case is not this case's Jane Doe 1.
  it('says whom a finding may name: this case by pseudonym, another case said so, a face nobody', () => {
    const CASE = 'c000000000000001';
    const target = (n: number, caseId: string) => ({ plaintiffId: `p00000000000000${n}`, caseId, pseudonym: `Jane Doe ${n}` });
    expect(whomItMayName(finding('xa', { targets: [target(1, CASE)] }), CASE)).toBe('Jane Doe 1');
    expect(whomItMayName(finding('xb', { targets: [target(1, 'c000000000000002')] }), CASE)).toBe('Jane Doe 1 (another case)');
    expect(whomItMayName(finding('xc', { targets: [target(2, CASE), target(3, CASE)] }), CASE)).toBe('Jane Doe 2 or Jane Doe 3');
    expect(whomItMayName(finding('xd', { kind: 'face', source: 'face-detector', targets: [] }), CASE)).toBeNull();
  });

  it('the running count adds found and drawn boxes, per page or in all', () => {
    const findings = [finding('xa'), finding('xb', { page: 2, question: true, canKeep: true }), finding('xc', { page: 2, kind: 'initials', question: true, canKeep: true })];
    const regions = [{ key: 1, page: 2, box: centredBox(LETTER) }];
    expect(tally(findings, { xc: 'keep' }, regions)).toEqual({ found: 1, drawn: 1, kept: 1, questions: 1 });
    expect(tally(findings, { xb: 'redact' }, regions, 2)).toEqual({ found: 1, drawn: 1, kept: 0, questions: 1 });
  });

  it('a stray click draws nothing; a drag draws the box between its corners, inside the page', () => {
    expect(boxFrom({ x: 100, y: 100 }, { x: 102, y: 140 }, LETTER)).toBeNull();
    expect(boxFrom({ x: 300, y: 200 }, { x: 100, y: 900 }, LETTER)).toEqual({ x: 100, y: 200, width: 200, height: 592 });
  });

  it('moving or resizing a box from the keyboard never takes it off the page or below the smallest size', () => {
    const key = fc.constantFrom('ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.boolean(), fc.boolean()), { maxLength: 200 }), (presses) => {
        let box = centredBox(LETTER);
        for (const [k, shift, alt] of presses) box = nudge(box, k, { shift, alt }, LETTER) ?? box;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.width).toBeGreaterThanOrEqual(MIN_SIDE_PT);
        expect(box.height).toBeGreaterThanOrEqual(MIN_SIDE_PT);
        expect(box.x + box.width).toBeLessThanOrEqual(LETTER.widthPt + 1e-9);
        expect(box.y + box.height).toBeLessThanOrEqual(LETTER.heightPt + 1e-9);
      }),
    );
    expect(nudge(centredBox(LETTER), 'Enter', { shift: false, alt: false }, LETTER)).toBeNull();
  });
});
