import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick, ROOT, type FlatPatterns } from '../../../../src-main/core/scan/aho-corasick';

function flat(patterns: readonly (readonly number[])[]): FlatPatterns {
  const offsets = new Int32Array(patterns.length + 1);
  const symbols: number[] = [];
  patterns.forEach((pattern, p) => {
    symbols.push(...pattern);
    offsets[p + 1] = symbols.length;
  });
  return { symbols: Int32Array.from(symbols), offsets };
}

/** Every (pattern, end) found by the automaton in one pass. */
function run(automaton: AhoCorasick, text: readonly number[]): string[] {
  const found: string[] = [];
  let state = ROOT;
  text.forEach((sym, i) => {
    state = automaton.next(state, sym);
    for (let s = automaton.firstOutput(state); s > 0; s = automaton.nextOutput(s)) found.push(`${automaton.output(s)}@${i + 1 - automaton.depth(s)}`);
  });
  return found.sort();
}

/** The same by brute force; of equal patterns only the first counts. */
function naive(patterns: readonly (readonly number[])[], text: readonly number[]): string[] {
  const found: string[] = [];
  patterns.forEach((pattern, p) => {
    if (pattern.length === 0 || patterns.findIndex((q) => q.join() === pattern.join()) !== p) return;
    for (let i = 0; i + pattern.length <= text.length; i++) {
      if (pattern.every((sym, k) => text[i + k] === sym)) found.push(`${p}@${i}`);
    }
  });
  return found.sort();
}

describe('AhoCorasick', () => {
  it('finds overlapping and nested patterns in one pass', () => {
    // he, she, his, hers over h=1 e=2 s=3 i=4 r=5
    const patterns = [[1, 2], [3, 1, 2], [1, 4, 3], [1, 2, 5, 3]];
    const automaton = AhoCorasick.build(flat(patterns), 6);
    const text = [4, 3, 1, 2, 5, 3]; // "ishers"
    expect(run(automaton, text)).toEqual(['0@2', '1@1', '3@2']);
  });

  it('agrees with brute force on random patterns and texts', () => {
    const symbols = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(symbols, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }), (patterns, text) => {
        expect(run(AhoCorasick.build(flat(patterns), 5), text)).toEqual(naive(patterns, text));
      }),
      { numRuns: 300 },
    );
  });

  // The trie is laid out by sorting runs of patterns by their next symbol: by insertion (short
  // runs, above), by counting (dense symbols) and natively (sparse symbols) for long runs.
  it('agrees with brute force with many patterns over dense and sparse alphabets', () => {
    const sparse = [0, 7, 1_000, 40_000, 65_535, 99_999];
    const dense = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 });
    const spread = fc.array(fc.constantFrom(...sparse), { minLength: 1, maxLength: 4 });
    const text = (symbols: readonly number[]) => fc.array(fc.constantFrom(...symbols), { maxLength: 200 });
    fc.assert(
      fc.property(fc.array(dense, { minLength: 20, maxLength: 120 }), text([0, 1, 2, 3, 4]), (patterns, input) => {
        expect(run(AhoCorasick.build(flat(patterns), 5), input)).toEqual(naive(patterns, input));
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(fc.array(spread, { minLength: 20, maxLength: 120 }), text([...sparse, 5]), (patterns, input) => {
        expect(run(AhoCorasick.build(flat(patterns), 100_000), input)).toEqual(naive(patterns, input));
      }),
      { numRuns: 50 },
    );
  });

  it('finds every one of thousands of patterns that share no prefix (the layout grows its arrays)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 6, maxLength: 6 }), { minLength: 3000, maxLength: 3000, selector: (p) => p.join() }), (patterns) => {
        const automaton = AhoCorasick.build(flat(patterns), 1000);
        const text = patterns.slice(0, 400).flat();
        const found = new Set(run(automaton, text));
        patterns.slice(0, 400).forEach((_, p) => expect(found.has(`${p}@${p * 6}`)).toBe(true));
      }),
      { numRuns: 3 },
    );
  });

  it('works with a large sparse alphabet and no patterns', () => {
    expect(run(AhoCorasick.build(flat([[70_000, 3]]), 100_000), [1, 70_000, 3, 70_000])).toEqual(['0@1']);
    expect(run(AhoCorasick.build(flat([]), 10), [1, 2, 3])).toEqual([]);
  });
});
