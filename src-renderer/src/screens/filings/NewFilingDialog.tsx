import { useState, type FormEvent } from 'react';
import type { FilingDto, FilingFormat } from '../../../../src-preload/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { FORMATS } from '../../lib/filings';

/** A new, empty filing: its title, type and format; everything else is in the editor. */
export function NewFilingDialog({ caseId, onClose, onCreated }: { caseId: string; onClose: () => void; onCreated: (filing: FilingDto) => void }) {
  const [title, setTitle] = useState('');
  const [documentType, setDocumentType] = useState('');
  const [format, setFormat] = useState<FilingFormat>('california');
  const [titleError, setTitleError] = useState<string | undefined>();
  const create = useAction(() => api().filings.create({ caseId, filing: { title: title.trim(), documentType: documentType.trim(), format, body: '' } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setTitleError('Give the filing a title, e.g. “Complaint for Damages”.');
      return;
    }
    const outcome = await create.run();
    if (outcome.ok) onCreated(outcome.value);
    else if (outcome.error.code === 'VALIDATION' && outcome.error.field === 'title') {
      setTitleError(outcome.error.detail);
      create.clearError();
    }
  };

  return (
    <Dialog title="New filing" onClose={onClose} closable={!create.pending}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Title" required error={titleError} hint="As printed in the caption and the footer. It is public: use pseudonyms only.">
          {(props) => (
            <input
              {...props}
              className="input"
              value={title}
              onChange={(e) => {
                setTitle(e.target.value);
                setTitleError(undefined);
              }}
              autoFocus
              maxLength={300}
            />
          )}
        </Field>
        <Field label="Document type" hint="E.g. Complaint, Motion, Declaration. Optional.">
          {(props) => <input {...props} className="input" value={documentType} onChange={(e) => setDocumentType(e.target.value)} maxLength={100} />}
        </Field>
        <fieldset className="fieldset">
          <legend className="field-label">Format</legend>
          {(Object.keys(FORMATS) as FilingFormat[]).map((value) => (
            <label key={value} className="radio">
              <input type="radio" name="new-filing-format" value={value} checked={format === value} onChange={() => setFormat(value)} />
              <span>
                {FORMATS[value].label}
                <span className="radio-hint"> — {FORMATS[value].description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={create.pending}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={create.pending}>
            {create.pending ? 'Creating…' : 'Create filing'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
