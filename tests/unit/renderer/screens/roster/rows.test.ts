import { describe, expect, it } from 'vitest';
import { nextRows, rosterColumns, rowAt, sameOrder, selectRows } from '../../../../../src-renderer/src/screens/roster/rows';
import { maskOf, roster } from './fixtures';

describe('rosterColumns', () => {
  it('reads each plaintiff sequence number and status, and counts the withdrawn', () => {
    const columns = rosterColumns(roster(4, [2, 4]));
    expect([...columns.seqs]).toEqual([1, 2, 3, 4]);
    expect([...columns.withdrawn]).toEqual([0, 1, 0, 1]);
    expect(columns.withdrawnCount).toBe(2);
  });
});

describe('selectRows', () => {
  const columns = rosterColumns(roster(10, [3, 9]));

  it('keeps everyone (null) without a search or a status filter', () => {
    expect(selectRows(columns, null, 'all')).toBeNull();
  });

  it('keeps the positions whose sequence number is in the search bitset, in roster order', () => {
    expect([...selectRows(columns, maskOf(9, 2, 5), 'all')!]).toEqual([1, 4, 8]);
  });

  it('keeps nobody when the bitset is empty', () => {
    expect([...selectRows(columns, new Uint8Array(0), 'all')!]).toEqual([]);
  });

  it('filters by status', () => {
    expect([...selectRows(columns, null, 'withdrawn')!]).toEqual([2, 8]);
    expect([...selectRows(columns, null, 'active')!]).toEqual([0, 1, 3, 4, 5, 6, 7, 9]);
  });

  it('applies the search and the status together', () => {
    expect([...selectRows(columns, maskOf(2, 3, 9), 'withdrawn')!]).toEqual([2, 8]);
    expect([...selectRows(columns, maskOf(2, 3, 9), 'active')!]).toEqual([1]);
  });

  it('says null again when a search matches everyone', () => {
    expect(selectRows(columns, maskOf(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 'all')).toBeNull();
  });

  it('reads the roster order, not the sequence numbers, for positions', () => {
    const shuffled = roster(3).reverse(); // seqs 3, 2, 1
    expect([...selectRows(rosterColumns(shuffled), maskOf(1), 'all')!]).toEqual([2]);
  });
});

describe('sameOrder', () => {
  it('compares by content; null only equals null', () => {
    expect(sameOrder(null, null)).toBe(true);
    expect(sameOrder(null, new Uint32Array([]))).toBe(false);
    expect(sameOrder(new Uint32Array([1, 2]), new Uint32Array([1, 2]))).toBe(true);
    expect(sameOrder(new Uint32Array([1, 2]), new Uint32Array([1, 3]))).toBe(false);
    expect(sameOrder(new Uint32Array([1]), new Uint32Array([1, 2]))).toBe(false);
  });
});

describe('rowAt and nextRows', () => {
  const entries = roster(5);

  it('reads the roster itself without an order, and through the order with one', () => {
    const all = nextRows(null, entries, null);
    expect(all.length).toBe(5);
    expect(rowAt(all, 3).pseudonym).toBe('Doe 4');
    const some = nextRows(all, entries, new Uint32Array([1, 4]));
    expect(some.length).toBe(2);
    expect([rowAt(some, 0).pseudonym, rowAt(some, 1).pseudonym]).toEqual(['Doe 2', 'Doe 5']);
  });

  it('keeps the previous object for the same roster and the same order, and only then', () => {
    const first = nextRows(null, entries, new Uint32Array([0, 2]));
    expect(nextRows(first, entries, new Uint32Array([0, 2]))).toBe(first);
    expect(nextRows(first, entries, new Uint32Array([0, 3]))).not.toBe(first);
    expect(nextRows(first, [...entries], new Uint32Array([0, 2]))).not.toBe(first);
    const all = nextRows(null, entries, null);
    expect(nextRows(all, entries, null)).toBe(all);
  });
});
