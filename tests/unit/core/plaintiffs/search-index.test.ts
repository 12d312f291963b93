import { describe, expect, it } from 'vitest';
import { SearchIndex, WARM_SLICE, type SearchEntry } from '../../../../src-main/core/plaintiffs/search-index';

const ENTRIES: SearchEntry[] = [
  { id: 'a', seq: 1, parts: ['Jane Doe 1', 'María Ramírez', 'Mia'] },
  { id: 'b', seq: 2, parts: ['John Doe 2', 'Tomás Okafor'] },
  { id: 'c', seq: 5, parts: ['Jane Doe 5', 'Kai Ramirez-Lee'] },
];

function source(entries: SearchEntry[], counter?: { built: number }) {
  return () =>
    (function* () {
      for (const entry of entries) {
        if (counter) counter.built += 1;
        yield entry;
      }
    })();
}

const bits = (mask: Uint8Array) => [...mask].flatMap((byte, i) => [0, 1, 2, 3, 4, 5, 6, 7].filter((b) => byte & (1 << b)).map((b) => i * 8 + b));
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('SearchIndex', () => {
  it('finds by folded substring of any part, in source order; everyone for an empty query', () => {
    const index = new SearchIndex();
    expect(index.search('k', 'RAMIREZ', source(ENTRIES))).toEqual(['a', 'c']);
    expect(index.search('k', 'doe 2', source(ENTRIES))).toEqual(['b']);
    expect(index.search('k', 'tomas ok', source(ENTRIES))).toEqual(['b']);
    expect(index.search('k', '', source(ENTRIES))).toEqual(['a', 'b', 'c']);
    expect(index.search('k', 'nobody', source(ENTRIES))).toEqual([]);
    // An entry matched by two of its parts counts once; a needle never spans two entries.
    expect(index.search('k', 'a', source(ENTRIES))).toEqual(['a', 'b', 'c']);
    expect(index.search('k', 'mia jane', source(ENTRIES))).toEqual([]);
  });

  it('answers the roster with a bitset over sequence numbers', () => {
    const index = new SearchIndex();
    const found = index.mask('k', 'ramírez', source(ENTRIES));
    expect(found.count).toBe(2);
    expect(bits(found.mask)).toEqual([1, 5]);
    expect(bits(index.mask('k', '', source(ENTRIES)).mask)).toEqual([1, 2, 5]);
  });

  it('builds once, then searches without the source; forget drops it', () => {
    const index = new SearchIndex();
    const counter = { built: 0 };
    index.search('k', 'doe', source(ENTRIES, counter));
    index.search('k', 'jane', source(ENTRIES, counter));
    expect(counter.built).toBe(3);
    index.forget('k');
    index.search('k', 'jane', source(ENTRIES, counter));
    expect(counter.built).toBe(6);
  });

  it('warms in slices between turns of the event loop; a search meanwhile finishes the build', async () => {
    const many: SearchEntry[] = Array.from({ length: WARM_SLICE * 3 + 7 }, (_, i) => ({ id: `p${i}`, seq: i + 1, parts: [`Doe ${i + 1}`, `Person ${i}`] }));
    const counter = { built: 0 };
    const index = new SearchIndex();
    expect(index.warm('k', source(many, counter))).toBe(false);
    expect(counter.built).toBe(0); // nothing synchronously
    await turns(1);
    expect(counter.built).toBe(WARM_SLICE);
    expect(index.isReady('k')).toBe(false);
    expect(index.search('k', 'person 1234', source(many, counter))).toEqual(['p1234']);
    expect(counter.built).toBe(many.length); // finished from where the warm-up was, not again
    await turns(5);
    expect(counter.built).toBe(many.length);
    expect(index.warm('k', source(many, counter))).toBe(true);
  });

  it('a build under way stops when the case is forgotten (lock, a change)', async () => {
    const many: SearchEntry[] = Array.from({ length: WARM_SLICE * 4 }, (_, i) => ({ id: `p${i}`, seq: i + 1, parts: [`Doe ${i + 1}`] }));
    const counter = { built: 0 };
    const index = new SearchIndex();
    index.warm('k', source(many, counter));
    await turns(1);
    index.forget();
    await turns(6);
    expect(counter.built).toBe(WARM_SLICE);
    expect(index.isReady('k')).toBe(false);
  });

  it('a source that fails is not published half-built: the next search starts again', () => {
    const index = new SearchIndex();
    let fail = true;
    const flaky = () =>
      (function* () {
        yield ENTRIES[0]!;
        if (fail) throw new Error('locked');
        yield* ENTRIES.slice(1);
      })();
    expect(() => index.search('k', 'doe', flaky)).toThrow('locked');
    expect(index.isReady('k')).toBe(false);
    fail = false;
    expect(index.search('k', 'doe', flaky)).toEqual(['a', 'b', 'c']);
  });
});
