import { useCallback, useRef } from 'react';
import type { RosterEntryDto } from '../../../../src-preload/contract';
import { api, type DoeVaultError } from '../../api/client';
import { REVEAL_SECONDS, useTimedReveals, type Revealed as TimedRevealed } from '../../hooks/useTimedReveals';

export { REVEAL_SECONDS };

/** A row's real name: being fetched, or on screen until hidesAt (ms since the epoch). */
export type Revealed = TimedRevealed<{ legalName: string }>;

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
 * Revealed real names in the roster: one per row, fetched from main (audited), hidden again
 * after REVEAL_SECONDS (useTimedReveals). show and hide are stable.
 */
export function useReveal(caseId: string, onError: (what: string, error: DoeVaultError) => void): Reveals {
  const pseudonyms = useRef(new Map<string, string>());
  const fetch = useCallback(async (id: string) => ({ legalName: (await api().plaintiffs.reveal({ caseId, plaintiffId: id })).legalName }), [caseId]);
  const reveals = useTimedReveals(fetch, (id, error) => onError(`The real name of ${pseudonyms.current.get(id) ?? 'this plaintiff'} could not be revealed.`, error));
  const showId = reveals.show;
  const show = useCallback(
    (entry: RosterEntryDto) => {
      pseudonyms.current.set(entry.id, entry.pseudonym);
      return showId(entry.id);
    },
    [showId],
  );
  return { ...reveals, show };
}
