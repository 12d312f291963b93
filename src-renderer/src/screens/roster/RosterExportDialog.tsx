import { useState } from 'react';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, Notice, ProgressBar } from '../../components/Feedback';
import { useAction } from '../../hooks/useAction';
import { plural } from '../../lib/format';

type Kind = 'public-csv' | 'sealed-csv' | 'sealed-xlsx';

const KINDS: { kind: Kind; title: string; text: string }[] = [
  { kind: 'public-csv', title: 'Public roster (CSV)', text: 'Pseudonyms and status only. Safe to share with the court and opposing counsel.' },
  { kind: 'sealed-csv', title: 'Sealed roster (CSV)', text: 'With real names and identities. For filing under seal only.' },
  { kind: 'sealed-xlsx', title: 'Sealed roster (Excel)', text: 'With real names and identities, as an .xlsx workbook. For filing under seal only.' },
];

/**
 * Writes the roster to a file chosen in main's save dialog. The sealed kinds name everyone:
 * the person confirms first, and the save dialog repeats the warning; the export is audited.
 */
export function RosterExportDialog({ caseId, initial, onClose }: { caseId: string; initial: 'public' | 'sealed'; onClose: () => void }) {
  const [kind, setKind] = useState<Kind>(initial === 'public' ? 'public-csv' : 'sealed-csv');
  const [confirmed, setConfirmed] = useState(false);
  const [written, setWritten] = useState<{ fileName: string; rows: number; sha256: string } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const sealed = kind !== 'public-csv';
  const exporting = useAction(() => api().plaintiffs.exportRoster({ caseId, sealed, format: kind === 'sealed-xlsx' ? 'xlsx' : 'csv' }));

  const submit = async () => {
    setCancelled(false);
    setWritten(null);
    const outcome = await exporting.run();
    if (!outcome.ok) return;
    if (outcome.value === null) setCancelled(true);
    else setWritten(outcome.value);
  };

  return (
    <Dialog title="Export the roster" onClose={onClose} closable={!exporting.pending}>
      {written ? (
        <Notice tone="success">
          <p className="alert-title">
            Saved {written.fileName}: {plural(written.rows, 'plaintiff')}.
          </p>
          <p className="muted small">SHA-256 {written.sha256}</p>
        </Notice>
      ) : null}
      {cancelled ? <Notice>No file was chosen, so nothing was written.</Notice> : null}
      {exporting.error ? <ErrorAlert error={exporting.error} title="The roster was not exported." /> : null}
      <fieldset className="fieldset">
        <legend className="field-label">What to export</legend>
        {KINDS.map((option) => (
          <label key={option.kind} className="radio">
            <input
              type="radio"
              name="roster-kind"
              value={option.kind}
              checked={kind === option.kind}
              onChange={() => {
                setKind(option.kind);
                setConfirmed(false);
                setWritten(null);
              }}
            />
            <span>
              <strong>{option.title}</strong>
              <br />
              <span className="radio-hint">{option.text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {sealed ? (
        <div className="alert alert-warning" role="note">
          <p className="alert-title">This file will hold the real names of every plaintiff of the case, unencrypted.</p>
          <p>Save it only to an encrypted drive or a folder the court or your firm allows, never to a shared or synced folder. The export is recorded in the audit log.</p>
          <label className="checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />I understand: this file names the plaintiffs.
          </label>
        </div>
      ) : null}
      {exporting.slow ? <ProgressBar label="Writing the roster…" /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={exporting.pending}>
          {written ? 'Close' : 'Cancel'}
        </button>
        <button type="button" className={`button ${sealed ? 'button-danger' : 'button-primary'}`} onClick={() => void submit()} disabled={exporting.pending || (sealed && !confirmed)}>
          {exporting.pending ? 'Exporting…' : sealed ? 'Choose where to save the sealed roster…' : 'Choose where to save…'}
        </button>
      </div>
    </Dialog>
  );
}
