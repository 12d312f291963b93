import { useState, type FormEvent } from 'react';
import type { CaseSummaryDto } from '../../../../src-preload/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, ProgressBar } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { describeScheme } from '../../lib/format';

type Details = Record<'title' | 'court' | 'number', string>;
type Errors = Partial<Record<keyof Details, string>>;
const FIELDS = ['title', 'court', 'number'] as const;

/**
 * Corrects a case's title, court and number: every export prints them, so a title that names a
 * plaintiff stops every export until it is changed here. The naming scheme stays: the case's
 * pseudonyms were given by it.
 */
export function EditCaseDialog({ summary, onClose, onSaved }: { summary: CaseSummaryDto; onClose: () => void; onSaved: (updated: CaseSummaryDto) => void }) {
  const initial: Details = { title: summary.title, court: summary.court ?? '', number: summary.number ?? '' };
  const [details, setDetails] = useState<Details>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const save = useAction((changes: Partial<Details>) => api().cases.update({ caseId: summary.id, ...changes }));

  const edit = (field: keyof Details) => (value: string) => {
    setDetails((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (details.title.trim().length === 0) {
      setErrors({ title: 'Give the case a title, e.g. “Doe v. City of Springfield”.' });
      return;
    }
    // Only what changed is sent: an empty court or number clears it.
    const changes: Partial<Details> = {};
    for (const field of FIELDS) if (details[field].trim() !== initial[field].trim()) changes[field] = details[field].trim();
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    const outcome = await save.run(changes);
    if (outcome.ok) {
      onSaved(outcome.value);
      return;
    }
    const field = (outcome.error.field ?? '').split('.')[0] as keyof Details;
    if (outcome.error.code === 'VALIDATION' && (FIELDS as readonly string[]).includes(field)) {
      setErrors({ [field]: outcome.error.detail });
      save.clearError();
    }
  };

  return (
    <Dialog title="Edit case details" onClose={onClose} closable={!save.pending} wide>
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Title" required error={errors.title} hint="As it appears in the caption. Every export prints it: it must not name a plaintiff.">
          {(props) => <input {...props} className="input" value={details.title} onChange={(e) => edit('title')(e.target.value)} autoFocus maxLength={300} />}
        </Field>
        <div className="field-row">
          <Field label="Court" error={errors.court} hint="Leave empty for none.">
            {(props) => <input {...props} className="input" value={details.court} onChange={(e) => edit('court')(e.target.value)} maxLength={300} />}
          </Field>
          <Field label="Case number" error={errors.number} hint="Leave empty for none.">
            {(props) => <input {...props} className="input" value={details.number} onChange={(e) => edit('number')(e.target.value)} maxLength={100} />}
          </Field>
        </div>
        <p className="muted">
          Pseudonyms: {describeScheme(summary.scheme)}. This cannot be changed: the case’s pseudonyms were given by it and are printed in its filings.
        </p>
        {save.error ? <ErrorAlert error={save.error} /> : null}
        {save.slow ? <ProgressBar label="Saving the case details…" /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={save.pending}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={save.pending}>
            {save.pending ? 'Saving…' : 'Save details'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
