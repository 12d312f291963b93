import { useId, useState, type FormEvent } from 'react';
import type { CaseSummaryDto } from '../../../../src-preload/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, ProgressBar } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { plural } from '../../lib/format';

/** Deleting a case destroys its key: typed confirmation of the title, and the consequences said. */
export function DeleteCaseDialog({ summary, onClose, onDeleted }: { summary: CaseSummaryDto; onClose: () => void; onDeleted: (plaintiffs: number) => void }) {
  const [typed, setTyped] = useState('');
  const del = useAction(() => api().cases.delete({ caseId: summary.id }));
  const matches = typed.trim() === summary.title.trim();
  const explanationId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!matches) return;
    const outcome = await del.run();
    if (outcome.ok) onDeleted(outcome.value.plaintiffs);
  };

  return (
    <Dialog title={`Delete “${summary.title}”?`} onClose={onClose} closable={!del.pending} describedBy={explanationId}>
      <form className="form" onSubmit={submit} noValidate>
        <div id={explanationId} className="alert alert-danger">
          <p className="alert-title">This cannot be undone.</p>
          <p>
            The case and its {plural(summary.plaintiffs, 'plaintiff')} — real names, contact details and pseudonyms — are destroyed. DoeVault deletes the
            case&apos;s encryption key, so nobody can read them again from this vault.
          </p>
          <p>Backups made before now still hold the case; delete or lock away those backups too if the case must be gone everywhere.</p>
        </div>
        <Field
          label={
            <>
              Type the case title to confirm: <span className="confirm-phrase">{summary.title}</span>
            </>
          }
        >
          {(props) => (
            <input {...props} className="input" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus autoComplete="off" spellCheck={false} />
          )}
        </Field>
        {del.error ? <ErrorAlert error={del.error} /> : null}
        {del.slow ? <ProgressBar label="Deleting the case…" /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={del.pending}>
            Keep the case
          </button>
          <button type="submit" className="button button-danger" disabled={!matches || del.pending}>
            {del.pending ? 'Deleting…' : 'Delete case for good'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
