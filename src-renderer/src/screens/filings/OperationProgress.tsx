import { useSyncExternalStore } from 'react';
import { api, busyStore } from '../../api/client';
import { ProgressBar } from '../../components/Feedback';
import { useAction } from '../../hooks/useAction';

/**
 * The progress of a long operation in a dialog's actions (an export, a sealing set): the steps
 * the worker reports once it has run for a moment, and Cancel while it runs. A cancelled
 * operation writes nothing; its dialog shows the CANCELLED error it ends with.
 */
export function OperationProgress({ busy, slow, label, detail }: { busy: boolean; slow: boolean; label: string; detail: string }) {
  const progress = useSyncExternalStore(busyStore.subscribe, busyStore.get).progress;
  const cancel = useAction(() => api().operations.cancel());
  return (
    <>
      <div className="dialog-progress">
        {busy && slow ? (
          <ProgressBar
            label={progress?.operation ? `${progress.operation}…` : label}
            detail={progress?.step ? `${progress.step} (step ${progress.done} of ${progress.total ?? '?'}).` : detail}
            value={progress?.step ? progress.done : undefined}
            max={progress?.step ? progress.total : undefined}
          />
        ) : null}
      </div>
      {busy ? (
        <button type="button" className="button" onClick={() => void cancel.run()} disabled={cancel.pending}>
          Cancel
        </button>
      ) : null}
    </>
  );
}
