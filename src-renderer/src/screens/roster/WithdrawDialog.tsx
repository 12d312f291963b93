import type { RosterEntryDto } from '../../../../src-preload/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, ProgressBar } from '../../components/Feedback';
import { useAction } from '../../hooks/useAction';

/** Marks a plaintiff as withdrawn, after asking. The pseudonym stays reserved. */
export function WithdrawDialog({
  caseId,
  entry,
  onClose,
  onWithdrawn,
}: {
  caseId: string;
  entry: RosterEntryDto;
  onClose: () => void;
  onWithdrawn: (entry: RosterEntryDto) => void;
}) {
  const withdraw = useAction(() => api().plaintiffs.withdraw({ caseId, plaintiffId: entry.id }));
  return (
    <Dialog title={`Withdraw ${entry.pseudonym}?`} onClose={onClose} closable={!withdraw.pending}>
      <p>
        {entry.pseudonym} will be marked as withdrawn from the case. The record stays in the vault, and the pseudonym stays reserved: it is never given to
        another plaintiff.
      </p>
      <p className="muted">Withdrawing cannot be undone from DoeVault. It is recorded in the audit log.</p>
      {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
      {withdraw.slow ? <ProgressBar label="Withdrawing…" /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={withdraw.pending} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={withdraw.pending}
          onClick={() =>
            void withdraw.run().then((outcome) => {
              if (outcome.ok) onWithdrawn(outcome.value);
            })
          }
        >
          {withdraw.pending ? 'Withdrawing…' : `Withdraw ${entry.pseudonym}`}
        </button>
      </div>
    </Dialog>
  );
}
