import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatternList, ROOT } from '../../../../src-main/core/scan/aho-corasick';

// The scanner adds every variant key as it comes, repeats included, and gets one entry list per
// distinct key: equal keys must meet (a text shared by two identities is one 'shared' hit),
// different keys must never (a key merged into another is a name reported as someone else's),
// and the copies must come in the order they were added (the first decides whether a word is
// ordinary). A Map of the patterns is the model.
describe('PatternList', () => {
  it('hands each distinct pattern its copies in order, and reports its value where it ends (empty ones are not looked for)', () => {
    const pattern = fc.oneof(
      fc.constant([] as number[]),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.integer({ min: 0, max: 70_000 }), { minLength: 1, maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(pattern, fc.boolean()), { minLength: 1, maxLength: 200 }), (added) => {
        const list = new PatternList(1, 1);
        const model = new Map<string, number[]>();
        added.forEach(([symbols, asString], index) => {
          const copy = asString && symbols.every((s) => s < 0x10000) ? list.addString(String.fromCharCode(...symbols)) : list.addSymbols(symbols);
          expect(copy).toBe(index);
          const key = symbols.join(',');
          if (symbols.length > 0) model.set(key, [...(model.get(key) ?? []), index]);
        });
        const handed: number[][] = [];
        const automaton = list.finish(70_001, (copies, count) => {
          handed.push(Array.from(copies.subarray(0, count)));
          return handed.length - 1;
        });
        expect(handed.map((copies) => copies.join()).sort()).toEqual([...model.values()].map((copies) => copies.join()).sort());
        for (const [key, copies] of model) {
          let state = ROOT;
          for (const symbol of key.split(',').map(Number)) state = automaton.next(state, symbol);
          expect(handed[automaton.output(state)]).toEqual(copies);
        }
      }),
    );
  });
});
