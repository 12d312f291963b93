import { useCallback, useEffect, useRef, useState } from 'react';
import { api, asDoeVaultError, type DoeVaultError } from '../../api/client';
import { decodeMask } from './bitset';

/** A search slower than this says "Searching…" (the first, when the index is still being built). */
export const SEARCH_SLOW_MS = 200;
/** The longest query sent to main; the rest is ignored. */
export const QUERY_LIMIT = 200;

export interface RosterSearch {
  /** What is typed, as typed. */
  query: string;
  setQuery: (query: string) => void;
  /** Null: no search (every plaintiff). Else a bitset over sequence numbers. */
  mask: Uint8Array | null;
  /** The query whose result is on screen ('' for none). */
  applied: string;
  /** Whether to say "Searching…": no result yet, or a slow search for another query. */
  searching: boolean;
  error: DoeVaultError | null;
  /** Searches again (the roster changed), even for an unchanged query. */
  refresh: () => void;
}

/** What is sent to main for a typed query. */
export function searchText(query: string): string {
  return query.trim().slice(0, QUERY_LIMIT);
}

/** Two searches with the same key have the same answer. */
function searchKey(want: { caseId: string; query: string; version: number }): string {
  return `${want.caseId}\n${want.version}\n${searchText(want.query)}`;
}

/**
 * Search over pseudonyms and real names as you type. Main answers with a bitset over sequence
 * numbers (no name, a few kB even for 100,000 plaintiffs). No debounce: one search at a time,
 * and when it comes back the newest query goes next, so a fast typist's stale queries are
 * skipped, never queued. The shown result stays until the newer one arrives (no flicker). A
 * query whose result is already shown or on its way (the same after trimming: a typed space)
 * sends nothing, so it never holds up the next keystroke's search.
 */
export function useRosterSearch(caseId: string): RosterSearch {
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<{ query: string; mask: Uint8Array } | null>(null);
  const [slow, setSlow] = useState(false);
  const [error, setError] = useState<DoeVaultError | null>(null);
  const wanted = useRef<{ caseId: string; query: string; version: number } | null>(null);
  const inFlight = useRef(false);
  /** The search (searchKey) whose result is on screen, if any. */
  const shown = useRef<string | null>(null);
  const mounted = useRef(true);

  const pump = useCallback(() => {
    const want = wanted.current;
    if (inFlight.current || !want) return;
    const q = searchText(want.query);
    if (q === '') {
      shown.current = null;
      setResult(null);
      setError(null);
      setSlow(false);
      return;
    }
    const key = searchKey(want);
    if (key === shown.current) {
      setSlow(false);
      return;
    }
    inFlight.current = true;
    const slowTimer = setTimeout(() => mounted.current && setSlow(true), SEARCH_SLOW_MS);
    const settle = (apply: () => void) => {
      clearTimeout(slowTimer);
      inFlight.current = false;
      if (!mounted.current) return;
      if (wanted.current && searchKey(wanted.current) === key) {
        setSlow(false);
        apply();
      } else {
        pump();
      }
    };
    api()
      .plaintiffs.filter({ caseId: want.caseId, query: q })
      .then(
        ({ mask }) =>
          settle(() => {
            shown.current = key;
            setResult({ query: q, mask: decodeMask(mask) });
            setError(null);
          }),
        (caught: unknown) =>
          settle(() => {
            const failure = asDoeVaultError(caught);
            if (failure.code !== 'LOCKED') setError(failure);
          }),
      );
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    wanted.current = { caseId, query, version };
    pump();
  }, [caseId, query, version, pump]);

  const trimmed = query.trim();
  return {
    query,
    setQuery,
    mask: trimmed === '' ? null : (result?.mask ?? null),
    applied: trimmed === '' ? '' : (result?.query ?? ''),
    searching: trimmed !== '' && (result === null || (slow && result.query !== searchText(query))),
    error,
    refresh: () => setVersion((v) => v + 1),
  };
}
