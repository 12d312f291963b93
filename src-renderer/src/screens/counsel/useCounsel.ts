import { useCallback, useEffect, useState } from 'react';
import type { CounselDto, CounselViewDto } from '../../../../src-preload/contract';
import { api } from '../../api/client';
import { useAction } from '../../hooks/useAction';

/** The counsel stored for the vault (no caseId) or one case: loaded, saved, cleared. */
export function useCounsel(caseId?: string) {
  const scope = caseId === undefined ? {} : { caseId };
  const [view, setView] = useState<CounselViewDto | null>(null);
  const load = useAction(() => api().counsel.get(scope));
  const save = useAction((counsel: CounselDto[]) => api().counsel.set({ ...scope, counsel }));
  const clear = useAction(() => api().counsel.clear(scope));
  const { run } = load;

  const reload = useCallback(async () => {
    const outcome = await run();
    if (outcome.ok) setView(outcome.value);
  }, [run]);

  useEffect(() => {
    void reload();
  }, [reload, caseId]);

  return {
    view,
    load,
    reload,
    save,
    clear,
    /** Saves and keeps what main answered; the outcome says whether it worked. */
    async saveCounsel(counsel: CounselDto[]) {
      const outcome = await save.run(counsel);
      if (outcome.ok) setView(outcome.value);
      return outcome;
    },
    async clearCounsel() {
      const outcome = await clear.run();
      if (outcome.ok) await reload();
      return outcome;
    },
  };
}
