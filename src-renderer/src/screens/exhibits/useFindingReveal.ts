import { useCallback, useEffect, useRef, useState } from 'react';
import { api, asDoeVaultError, type DoeVaultError } from '../../api/client';
import { REVEAL_SECONDS } from '../roster/useReveal';

/**
 * The words read at a finding, shown on request like a name in the roster: fetched from main,
 * on screen for REVEAL_SECONDS, masked again after, and gone with the screen.
 */
export function useFindingReveal(caseId: string, onError: (error: DoeVaultError) => void) {
  const [revealed, setRevealed] = useState<ReadonlyMap<string, { text: string; hidesAt: number }>>(new Map());
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
      try {
        const { text } = await api().exhibits.revealFinding({ caseId, findingId: id });
        clearTimeout(timers.current.get(id));
        timers.current.set(
          id,
          setTimeout(() => hide(id), REVEAL_SECONDS * 1000),
        );
        setNow(Date.now());
        setRevealed((map) => new Map(map).set(id, { text, hidesAt: Date.now() + REVEAL_SECONDS * 1000 }));
      } catch (error) {
        const failure = asDoeVaultError(error);
        if (failure.code !== 'LOCKED') onErrorRef.current(failure);
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
