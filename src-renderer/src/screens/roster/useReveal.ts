import { useCallback, useEffect, useRef, useState } from 'react';
import type { RosterEntryDto } from '../../../../src-preload/contract';
import { api, asDoeVaultError, type DoeVaultError } from '../../api/client';

/** How long a revealed real name stays on screen. */
export const REVEAL_SECONDS = 30;

/** A row's real name: being fetched, or on screen until hidesAt (ms since the epoch). */
export type Revealed = { state: 'loading' } | { state: 'shown'; legalName: string; hidesAt: number };

export interface Reveals {
  /** Per plaintiff id; a plaintiff not in the map is masked. */
  revealed: ReadonlyMap<string, Revealed>;
  /** The clock the countdowns read: ticks every second while any name is revealed. */
  now: number;
  /** Fetches the real name from main (audited) and shows it for REVEAL_SECONDS. */
  show: (entry: RosterEntryDto) => Promise<void>;
  /** Masks the name again now. */
  hide: (id: string) => void;
}

/**
 * Revealed real names: one per row, fetched from main (audited), hidden again after
 * REVEAL_SECONDS. They live only in the roster's state, so leaving the roster or locking the
 * vault (which unmounts it) drops them all. show and hide are stable.
 */
export function useReveal(caseId: string, onError: (what: string, error: DoeVaultError) => void): Reveals {
  const [revealed, setRevealed] = useState<ReadonlyMap<string, Revealed>>(new Map());
  const [now, setNow] = useState(() => Date.now());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const hide = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setRevealed((map) => {
      if (!map.has(id)) return map;
      const next = new Map(map);
      next.delete(id);
      return next;
    });
  }, []);

  const show = useCallback(
    async (entry: RosterEntryDto) => {
      setRevealed((map) => new Map(map).set(entry.id, { state: 'loading' }));
      try {
        const plaintiff = await api().plaintiffs.reveal({ caseId, plaintiffId: entry.id });
        const hidesAt = Date.now() + REVEAL_SECONDS * 1000;
        clearTimeout(timers.current.get(entry.id));
        timers.current.set(
          entry.id,
          setTimeout(() => hide(entry.id), REVEAL_SECONDS * 1000),
        );
        setNow(Date.now());
        setRevealed((map) => new Map(map).set(entry.id, { state: 'shown', legalName: plaintiff.legalName, hidesAt }));
      } catch (error) {
        hide(entry.id);
        const failure = asDoeVaultError(error);
        if (failure.code !== 'LOCKED') onErrorRef.current(`The real name of ${entry.pseudonym} could not be revealed.`, failure);
      }
    },
    [caseId, hide],
  );

  useEffect(() => {
    if (revealed.size === 0) return;
    const ticker = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(ticker);
  }, [revealed.size]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      pending.forEach((timer) => clearTimeout(timer));
      pending.clear();
    };
  }, []);

  return { revealed, now, show, hide };
}
