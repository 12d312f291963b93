import { describe, expect, it } from 'vitest';
import { excusedByKeep, keepable, type PageFinding } from '../../../../src-main/core/exhibits/find';

/**
 * What a "keep" decision excuses when the written exhibit is read back (issue 14): the kept
 * finding again, at its place; never a full name read over it (OCR of the written page may read
 * more of the line than the analysis did), nor the same word elsewhere.
 */
const surname = (box: PageFinding['box'], page = 1): Pick<PageFinding, 'page' | 'box' | 'kind' | 'confidence' | 'action'> => ({
  page,
  box,
  kind: 'surname',
  confidence: 'low',
  action: { kind: 'redact' },
});
const kept = [{ page: 1, box: { x: 100, y: 200, width: 60, height: 14 } }];

describe('a kept finding at the read-back', () => {
  it('excuses the same surname at the same place (boxes differ a little between readings)', () => {
    expect(excusedByKeep(kept, surname({ x: 102, y: 199, width: 58, height: 15 }))).toBe(true);
  });

  it('does not excuse a full name read over the kept surname', () => {
    const full = { ...surname({ x: 40, y: 199, width: 122, height: 15 }), kind: 'full-name' as const, confidence: 'high' as const, action: { kind: 'redact' as const } };
    expect(keepable(full)).toBe(false);
    expect(excusedByKeep(kept, full)).toBe(false);
  });

  it('does not excuse the surname on another line, another page, or a box mostly outside the kept one', () => {
    expect(excusedByKeep(kept, surname({ x: 100, y: 260, width: 60, height: 14 }))).toBe(false);
    expect(excusedByKeep(kept, surname({ x: 100, y: 200, width: 60, height: 14 }, 2))).toBe(false);
    expect(excusedByKeep(kept, surname({ x: 140, y: 200, width: 200, height: 14 }))).toBe(false);
  });

  it('a surname of high confidence or an ID number is never keepable; a face always is', () => {
    expect(keepable({ ...surname(kept[0]!.box), confidence: 'high' })).toBe(false);
    expect(keepable({ ...surname(kept[0]!.box), kind: 'id-number' })).toBe(false);
    expect(keepable({ ...surname(kept[0]!.box), kind: 'face', action: { kind: 'ask', why: 'face' } })).toBe(true);
  });
});
