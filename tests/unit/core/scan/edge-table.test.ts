import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdgeTable } from '../../../../src-main/core/scan/aho-corasick';

// The automaton's transitions live in this table: an edge it loses or misreads is a name the
// scanner no longer finds. A Map is the model; the table starts small so that it grows.
describe('EdgeTable', () => {
  it('agrees with a map through inserts, lookups and growth', () => {
    const edge = fc.tuple(fc.nat(300), fc.integer({ min: -1, max: 50 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('getOrSet', 'set', 'get'), edge, fc.nat()), { maxLength: 400 }), (operations) => {
        const table = new EdgeTable(1);
        const model = new Map<string, number>();
        for (const [operation, [from, sym], to] of operations) {
          const key = `${from},${sym}`;
          const before = model.get(key) ?? -1;
          if (operation === 'get') expect(table.get(from, sym)).toBe(before);
          if (operation === 'getOrSet') {
            expect(table.getOrSet(from, sym, to)).toBe(before);
            if (before === -1) model.set(key, to);
          }
          if (operation === 'set') {
            table.set(from, sym, to);
            model.set(key, to);
          }
        }
        for (const [key, to] of model) {
          const [from, sym] = key.split(',').map(Number) as [number, number];
          expect(table.get(from, sym)).toBe(to);
        }
      }),
    );
  });
});
