import { useCallback, useEffect, useRef, useState } from 'react';
import { asDoeVaultError, type DoeVaultError } from '../api/client';

/** How long a revealed real name (or the words read at a finding) stays on screen. */
export const REVEAL_SECONDS = 30;

/** One revealed item: being fetched, or on screen until hidesAt (ms since the epoch). */
export type Revealed<T extends object> = { state: 'loading' } | ({ state: 'shown'; hidesAt: number } & T);

export interface TimedReveals<T extends object> {
  /** Per id; an id not in the map is masked. */
  revealed: ReadonlyMap<string, Revealed<T>>;
  /** The clock the countdowns read: ticks every second while anything is revealed. */
  now: number;
  /** Fetches the value from main and shows it for REVEAL_SECONDS. */
  show: (id: string) => Promise<void>;
  /** Masks it again now. */
  hide: (id: string) => void;
}

/**
 * What a screen shows of the vault's secrets on request: fetched from main one id at a time,
 * masked again after REVEAL_SECONDS. The values live only in the screen's state, so leaving it
 * or locking the vault (which unmounts it) drops them all. A failure other than LOCKED goes to
 * onError, and the item stays masked. show and hide are stable while `fetch` is.
 */
export function useTimedReveals<T extends object>(fetch: (id: string) => Promise<T>, onError: (id: string, error: DoeVaultError) => void): TimedReveals<T> {
  const [revealed, setRevealed] = useState<ReadonlyMap<string, Revealed<T>>>(new Map());
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
    async (id: string) => {
      setRevealed((map) => new Map(map).set(id, { state: 'loading' }));
      try {
        const value = await fetch(id);
        const hidesAt = Date.now() + REVEAL_SECONDS * 1000;
        clearTimeout(timers.current.get(id));
        timers.current.set(
          id,
          setTimeout(() => hide(id), REVEAL_SECONDS * 1000),
        );
        setNow(Date.now());
        setRevealed((map) => new Map(map).set(id, { state: 'shown', hidesAt, ...value }));
      } catch (error) {
        hide(id);
        const failure = asDoeVaultError(error);
        if (failure.code !== 'LOCKED') onErrorRef.current(id, failure);
      }
    },
    [fetch, hide],
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
