import { useCallback } from 'react';
import { api, type DoeVaultError } from '../../api/client';
import { useTimedReveals, type TimedReveals } from '../../hooks/useTimedReveals';
import type { ExhibitRef } from './review';

/**
 * The words read at a finding, shown on request like a name in the roster: fetched from main,
 * on screen for REVEAL_SECONDS, masked again after, and gone with the screen.
 */
export function useFindingReveal({ caseId, exhibitId }: ExhibitRef, onError: (error: DoeVaultError) => void): TimedReveals<{ text: string }> {
  const fetch = useCallback(async (id: string) => ({ text: (await api().exhibits.revealFinding({ caseId, exhibitId, findingId: id })).text }), [caseId, exhibitId]);
  return useTimedReveals(fetch, (_id, error) => onError(error));
}
