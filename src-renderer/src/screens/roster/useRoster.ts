import { useCallback, useEffect, useState } from 'react';
import type { CaseSummaryDto, RosterEntryDto } from '../../../../src-preload/contract';
import { api, asDoeVaultError, type DoeVaultError } from '../../api/client';

/** A load slower than this shows a progress bar instead of the spinner. */
const LOAD_SLOW_MS = 300;

/**
 * The case's summary and its roster, loaded from main: the title first (quick), the roster after
 * (seconds at 100,000 plaintiffs). Once loaded, main starts building the name index in the
 * background, so the first keystroke in the search does not wait for it.
 */
export function useRoster(caseId: string) {
  const [summary, setSummary] = useState<CaseSummaryDto | null>(null);
  const [roster, setRoster] = useState<RosterEntryDto[] | null>(null);
  const [loadError, setLoadError] = useState<DoeVaultError | null>(null);
  const [loading, setLoading] = useState(true);
  const [slowLoad, setSlowLoad] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setLoadError(null);
    const slowTimer = setTimeout(() => setSlowLoad(true), LOAD_SLOW_MS);
    try {
      const title = api()
        .cases.list()
        .then((cases) => setSummary(cases.find((c) => c.id === caseId) ?? null));
      title.catch(() => undefined); // observed below, unless the roster fails first
      const entries = await api().plaintiffs.roster({ caseId });
      await title;
      setRoster(entries);
      if (entries.length > 0) void api().plaintiffs.prepareSearch({ caseId }).catch(() => undefined);
    } catch (error) {
      const failure = asDoeVaultError(error);
      if (failure.code !== 'LOCKED') setLoadError(failure);
    } finally {
      clearTimeout(slowTimer);
      setSlowLoad(false);
      setLoading(false);
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  /** A plaintiff added in this screen goes at the end, as main lists them. */
  const add = useCallback((entry: RosterEntryDto) => setRoster((list) => [...(list ?? []), entry]), []);
  /** A plaintiff edited or withdrawn in this screen replaces its entry. */
  const replace = useCallback((entry: RosterEntryDto) => setRoster((list) => (list ?? []).map((e) => (e.id === entry.id ? entry : e))), []);

  /** The case's details as saved in this screen (Edit details…). */
  const retitle = useCallback((updated: CaseSummaryDto) => setSummary(updated), []);

  return { summary, roster, loading, slowLoad, loadError, reload: load, add, replace, retitle };
}
