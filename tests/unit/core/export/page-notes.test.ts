import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageNotes } from '../../../../src-main/core/export/page-notes';

const SLOTS = 56;
const lines = (note: number, count: number) => Array.from({ length: count }, (_, i) => ({ first: i === 0, note, line: i }));

describe('PageNotes', () => {
  it('takes no room until a note is referenced, then a rule and its lines', () => {
    const notes = new PageNotes<ReturnType<typeof lines>[number]>(SLOTS);
    expect(notes.reserved).toBe(0);
    expect(notes.need([3])).toBe(3);
    notes.add(lines(1, 3), 10);
    expect(notes.reserved).toBe(4);
    expect(notes.need([1, 5])).toBe(3);
    expect(notes.take()).toEqual({ lines: lines(1, 3), continued: false });
    expect(notes.reserved).toBe(0);
  });

  it('moves what does not fit below the body to the next page, marked as continued there', () => {
    const notes = new PageNotes<ReturnType<typeof lines>[number]>(SLOTS);
    notes.add(lines(1, 20), SLOTS - 6);
    expect(notes.reserved).toBe(6);
    const first = notes.take();
    expect(first.lines).toHaveLength(5);
    expect(notes.pending).toBe(15);
    const second = notes.take();
    expect(second.continued).toBe(true);
    expect(second.lines).toEqual(lines(1, 20).slice(5));
  });

  it('keeps every line once and in order, and never reserves the slots the body has used', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ count: fc.integer({ min: 1, max: 40 }), at: fc.integer({ min: 0, max: SLOTS - 2 }), newPage: fc.boolean() }), { maxLength: 12 }),
        (events) => {
          const notes = new PageNotes<ReturnType<typeof lines>[number]>(SLOTS);
          const out: ReturnType<typeof lines> = [];
          let body = 0;
          events.forEach((event, note) => {
            if (event.newPage || event.at < body) {
              out.push(...notes.take().lines);
              body = 0;
            }
            body = Math.max(body, Math.min(event.at, SLOTS - notes.reserved - 2));
            notes.add(lines(note, event.count), body + 2);
            expect(notes.reserved).toBeLessThanOrEqual(Math.max(SLOTS - body - 2, SLOTS / 2));
          });
          for (let page = 0; notes.pending > 0 && page < 100; page++) {
            notes.fill(0);
            out.push(...notes.take().lines);
          }
          const expected = events.flatMap((event, note) => lines(note, event.count));
          expect(out).toEqual(expected);
        },
      ),
      { seed: 1205, numRuns: 200 },
    );
  });
});
