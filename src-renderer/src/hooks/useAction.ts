import { useCallback, useEffect, useRef, useState } from 'react';
import { asDoeVaultError, SLOW_AFTER_MS, type DoeVaultError } from '../api/client';

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: DoeVaultError };

export interface Action<A extends unknown[], R> {
  run: (...args: A) => Promise<Outcome<R>>;
  pending: boolean;
  /** True once the call has taken longer than SLOW_AFTER_MS: time to show progress. */
  slow: boolean;
  error: DoeVaultError | null;
  clearError: () => void;
}

/**
 * One user action against the vault: its pending state, whether it is slow enough to show
 * progress, and its error. A LOCKED error is not kept: the app is on its way to the unlock
 * screen and this screen is going away.
 */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [slow, setSlow] = useState(false);
  const [error, setError] = useState<DoeVaultError | null>(null);
  const mounted = useRef(true);
  const latest = useRef(fn);
  latest.current = fn;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A): Promise<Outcome<R>> => {
    setPending(true);
    setError(null);
    const timer = setTimeout(() => mounted.current && setSlow(true), SLOW_AFTER_MS);
    try {
      const value = await latest.current(...args);
      return { ok: true, value };
    } catch (caught) {
      const failure = asDoeVaultError(caught);
      if (mounted.current && failure.code !== 'LOCKED') setError(failure);
      return { ok: false, error: failure };
    } finally {
      clearTimeout(timer);
      if (mounted.current) {
        setPending(false);
        setSlow(false);
      }
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, slow, error, clearError };
}
