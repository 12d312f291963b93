// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_SLOW_MS, useRosterSearch } from '../../../../../src-renderer/src/screens/roster/useRosterSearch';
import { deferred, installFakeBridge, Refusal } from '../../fake-bridge';
import { wireMask } from './fixtures';

const bridge = installFakeBridge();

type Answer = ReturnType<typeof deferred<{ mask: string }>>;
/** The searches sent to main, each answered when the test says. */
let searches: { query: unknown; answer: Answer }[];

beforeEach(() => {
  bridge.reset();
  searches = [];
  bridge.answer('plaintiffs.filter', (input) => {
    const answer = deferred<{ mask: string }>();
    searches.push({ query: input.query, answer });
    return answer.promise;
  });
});

afterEach(() => {
  vi.useRealTimers();
});

const sentQueries = () => searches.map((s) => s.query);

function renderSearch(caseId = 'case-1') {
  return renderHook(({ caseId }: { caseId: string }) => useRosterSearch(caseId), { initialProps: { caseId } });
}

/** Types a query (one keystroke's new value). */
async function type(result: { current: { setQuery: (q: string) => void } }, query: string) {
  await act(async () => result.current.setQuery(query));
}

/** Main answers search `index` with these sequence numbers. */
async function answer(index: number, ...seqs: number[]) {
  await act(async () => searches[index]!.answer.resolve({ mask: wireMask(...seqs) }));
}

describe('useRosterSearch', () => {
  it('sends nothing for an empty or blank query: no mask, every plaintiff', async () => {
    const { result } = renderSearch();
    await type(result, '   ');
    expect(sentQueries()).toEqual([]);
    expect(result.current.mask).toBeNull();
    expect(result.current.applied).toBe('');
    expect(result.current.searching).toBe(false);
  });

  it('sends the trimmed query for the case and shows main bitset when it comes back', async () => {
    const { result } = renderSearch();
    await type(result, '  Jane ');
    expect(bridge.inputsOf('plaintiffs.filter')).toEqual([{ caseId: 'case-1', query: 'Jane' }]);
    expect(result.current.searching).toBe(true);
    expect(result.current.mask).toBeNull();

    await answer(0, 2, 9);
    expect(result.current.searching).toBe(false);
    expect(result.current.applied).toBe('Jane');
    expect([...result.current.mask!]).toEqual([0b0000_0100, 0b0000_0010]);
  });

  it('keeps one search in flight and skips the queries typed meanwhile but the newest', async () => {
    const { result } = renderSearch();
    await type(result, 'J');
    await type(result, 'Ja');
    await type(result, 'Jan');
    await type(result, 'Jane');
    expect(sentQueries()).toEqual(['J']);

    // The stale answer is not shown; the newest query goes next, the ones between never.
    await answer(0, 1, 2, 3);
    expect(result.current.applied).toBe('');
    expect(result.current.mask).toBeNull();
    expect(sentQueries()).toEqual(['J', 'Jane']);

    await answer(1, 2);
    expect(sentQueries()).toEqual(['J', 'Jane']);
    expect(result.current.applied).toBe('Jane');
    expect([...result.current.mask!]).toEqual([0b0000_0100]);
  });

  it('keeps the shown result on screen until the newer one arrives', async () => {
    const { result } = renderSearch();
    await type(result, 'Jan');
    await answer(0, 1, 2);
    await type(result, 'Jane');
    expect(sentQueries()).toEqual(['Jan', 'Jane']);
    expect(result.current.applied).toBe('Jan');
    expect([...result.current.mask!]).toEqual([0b0000_0110]);
    await answer(1, 2);
    expect(result.current.applied).toBe('Jane');
  });

  it('sends nothing for a query that is the same after trimming as the one shown', async () => {
    const { result } = renderSearch();
    await type(result, 'Jane');
    await answer(0, 2);
    await type(result, 'Jane ');
    await type(result, ' Jane  ');
    expect(sentQueries()).toEqual(['Jane']);
    expect(result.current.applied).toBe('Jane');
    expect(result.current.searching).toBe(false);
    expect(result.current.query).toBe(' Jane  ');
  });

  it('applies the answer in flight to a query typed meanwhile that is the same after trimming, without another search', async () => {
    const { result } = renderSearch();
    await type(result, 'Jane');
    await type(result, 'Jane ');
    await answer(0, 2);
    expect(sentQueries()).toEqual(['Jane']);
    expect(result.current.applied).toBe('Jane');
  });

  it('searches again for the same query after refresh (the roster changed)', async () => {
    const { result } = renderSearch();
    await type(result, 'Jane');
    await answer(0, 2);
    await act(async () => result.current.refresh());
    expect(sentQueries()).toEqual(['Jane', 'Jane']);
    await answer(1, 2, 7);
    expect([...result.current.mask!]).toEqual([0b1000_0100]);
  });

  it('searches again when the case changes', async () => {
    const { result, rerender } = renderSearch('case-1');
    await type(result, 'Jane');
    await answer(0, 2);
    rerender({ caseId: 'case-2' });
    await act(async () => undefined);
    expect(bridge.inputsOf('plaintiffs.filter')).toEqual([
      { caseId: 'case-1', query: 'Jane' },
      { caseId: 'case-2', query: 'Jane' },
    ]);
  });

  it('clears the result when the query is emptied, and sends nothing for it', async () => {
    const { result } = renderSearch();
    await type(result, 'Jane');
    await answer(0, 2);
    await type(result, '');
    expect(sentQueries()).toEqual(['Jane']);
    expect(result.current.mask).toBeNull();
    expect(result.current.applied).toBe('');
  });

  it('sends at most 200 characters', async () => {
    const { result } = renderSearch();
    await type(result, 'x'.repeat(250));
    expect(sentQueries()).toEqual(['x'.repeat(200)]);
  });

  it('shows main refusing a search, and says nothing when the vault locked', async () => {
    const { result } = renderSearch();
    await type(result, 'Jane');
    await act(async () => searches[0]!.answer.reject(new Refusal('VALIDATION', 'Query too long')));
    expect(result.current.error?.code).toBe('VALIDATION');

    await type(result, 'Janet');
    await act(async () => searches[1]!.answer.reject(new Refusal('LOCKED')));
    expect(result.current.error?.code).toBe('VALIDATION'); // unchanged: the app is locking
    await type(result, 'Jane');
    await answer(2, 2);
    expect(result.current.error).toBeNull();
  });

  it('says "searching" over a shown result only once the newer search is slow', async () => {
    vi.useFakeTimers();
    const { result } = renderSearch();
    await type(result, 'Jan');
    await answer(0, 1, 2);
    await type(result, 'Jane');
    expect(result.current.searching).toBe(false);
    await act(async () => vi.advanceTimersByTime(SEARCH_SLOW_MS - 1));
    expect(result.current.searching).toBe(false);
    await act(async () => vi.advanceTimersByTime(1));
    expect(result.current.searching).toBe(true);
    await answer(1, 2);
    expect(result.current.searching).toBe(false);
  });
});
