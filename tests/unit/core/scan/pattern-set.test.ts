import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatternSet } from '../../../../src-main/core/scan/aho-corasick';

// Equal variant keys must meet in one pattern (one entry list: a text shared by two identities
// is one 'shared' hit) and different keys must never: a key merged into another is a name
// reported as someone else's. A Map of the keys is the model; the set starts small so that it grows.
describe('PatternSet', () => {
  it('gives equal patterns one index and different ones their own, through growth', () => {
    const pattern = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 5 }),
      fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(pattern, fc.boolean()), { maxLength: 300 }), (operations) => {
        const set = new PatternSet(1, 1);
        const model = new Map<string, number>();
        for (const [symbols, asString] of operations) {
          const index =
            asString && symbols.every((s) => s < 0x10000) ? set.addString(String.fromCharCode(...symbols)) : set.addSymbols(symbols);
          const key = symbols.join(',');
          const known = model.get(key);
          if (known === undefined) {
            expect(index).toBe(model.size);
            expect(set.value(index)).toBe(-1);
            set.setValue(index, model.size * 7);
            model.set(key, index);
          } else {
            expect(index).toBe(known);
          }
          expect(set.length(index)).toBe(symbols.length);
        }
        expect(set.size).toBe(model.size);
        for (const [key, index] of model) {
          const symbols = key === '' ? [] : key.split(',').map(Number);
          expect(set.addSymbols(symbols)).toBe(index);
          expect(set.value(index)).toBe(index * 7);
        }
      }),
    );
  });
});
