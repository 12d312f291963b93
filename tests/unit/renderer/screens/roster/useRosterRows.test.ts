// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StatusFilter } from '../../../../../src-renderer/src/screens/roster/rows';
import { useRosterRows } from '../../../../../src-renderer/src/screens/roster/useRosterRows';
import { maskOf, roster } from './fixtures';

describe('useRosterRows', () => {
  const entries = roster(6, [6]);

  const render = () =>
    renderHook(({ mask, status }: { mask: Uint8Array | null; status: StatusFilter }) => useRosterRows(entries, mask, status), {
      initialProps: { mask: null as Uint8Array | null, status: 'all' as StatusFilter },
    });

  it('shows the whole roster, and counts the withdrawn, without a search', () => {
    const { result } = render();
    expect(result.current.rows.order).toBeNull();
    expect(result.current.rows.length).toBe(6);
    expect(result.current.withdrawnCount).toBe(1);
  });

  it('keeps the same rows object while a new search result keeps the same plaintiffs', () => {
    const { result, rerender } = render();
    rerender({ mask: maskOf(2, 4), status: 'all' });
    const first = result.current.rows;
    expect([...first.order!]).toEqual([1, 3]);
    // A longer query, a new bitset, the same matches: the table is handed the same object.
    rerender({ mask: maskOf(2, 4), status: 'all' });
    expect(result.current.rows).toBe(first);
    rerender({ mask: maskOf(2, 4, 6), status: 'active' });
    expect(result.current.rows).toBe(first);
    // Other matches: a new object.
    rerender({ mask: maskOf(4), status: 'all' });
    expect(result.current.rows).not.toBe(first);
    expect([...result.current.rows.order!]).toEqual([3]);
  });

  it('filters by status', () => {
    const { result, rerender } = render();
    rerender({ mask: null, status: 'withdrawn' });
    expect([...result.current.rows.order!]).toEqual([5]);
  });
});
