import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CaseSummaryDto } from '../../../../src-preload/contract';
import { api, asDoeVaultError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, ProgressBar } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { useDebounced } from '../../hooks/useDebounced';
import { SCHEMES, type SchemeKind } from '../../lib/format';

type Errors = Partial<Record<'title' | 'court' | 'number' | 'scheme', string>>;

export function NewCaseDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (created: CaseSummaryDto) => void }) {
  const [title, setTitle] = useState('');
  const [court, setCourt] = useState('');
  const [number, setNumber] = useState('');
  const [kind, setKind] = useState<SchemeKind>('gendered');
  const [prefix, setPrefix] = useState('Officer Doe');
  const [errors, setErrors] = useState<Errors>({});
  const create = useAction((input: { title: string; court?: string; number?: string; scheme: string }) => api().cases.create(input));

  const idBase = useId();
  const scheme = kind === 'prefix' ? `prefix:${prefix}` : kind;
  const examples = useSchemeExamples(scheme);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Errors = {};
    if (title.trim().length === 0) problems.title = 'Give the case a title, e.g. “Doe v. City of Springfield”.';
    if (kind === 'prefix' && prefix.trim().length === 0) problems.scheme = 'Type the prefix, e.g. “Officer Doe”.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const outcome = await create.run({
      title: title.trim(),
      scheme,
      ...(court.trim() ? { court: court.trim() } : {}),
      ...(number.trim() ? { number: number.trim() } : {}),
    });
    if (outcome.ok) {
      onCreated(outcome.value);
      return;
    }
    if (outcome.error.code === 'VALIDATION') {
      const field = (outcome.error.field ?? '').split('.')[0] as keyof Errors;
      if (['title', 'court', 'number', 'scheme'].includes(field)) {
        setErrors({ [field]: outcome.error.detail });
        create.clearError();
      }
    }
  };

  return (
    <Dialog title="New case" onClose={onClose} closable={!create.pending} wide>
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Title" required error={errors.title} hint="As it appears in the caption, e.g. Doe v. City of Springfield.">
          {(props) => <input {...props} className="input" value={title} onChange={(e) => {
                setTitle(e.target.value);
                setErrors((x) => ({ ...x, title: undefined }));
              }} autoFocus maxLength={300} />}
        </Field>
        <div className="field-row">
          <Field label="Court" error={errors.court}>
            {(props) => <input {...props} className="input" value={court} onChange={(e) => setCourt(e.target.value)} maxLength={300} />}
          </Field>
          <Field label="Case number" error={errors.number}>
            {(props) => <input {...props} className="input" value={number} onChange={(e) => setNumber(e.target.value)} maxLength={100} />}
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend className="field-label">How plaintiffs are named in public</legend>
          <div className="scheme-options">
            {SCHEMES.map((s) => (
              <label key={s.value} className={`scheme-option${kind === s.value ? ' is-selected' : ''}`}>
                <input
                  type="radio"
                  name="scheme"
                  value={s.value}
                  checked={kind === s.value}
                  onChange={() => setKind(s.value)}
                  aria-labelledby={`${idBase}-${s.value}`}
                  aria-describedby={`${idBase}-${s.value}-description`}
                />
                <span>
                  <span className="scheme-label" id={`${idBase}-${s.value}`}>
                    {s.label}
                  </span>
                  <span className="scheme-description" id={`${idBase}-${s.value}-description`}>
                    {s.description}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {kind === 'prefix' ? (
            <Field label="Prefix" error={errors.scheme} hint="Letters, spaces, dots, apostrophes or hyphens; up to 40.">
              {(props) => (
                <input
                  {...props}
                  className="input"
                  value={prefix}
                  onChange={(e) => {
                    setPrefix(e.target.value);
                    setErrors((x) => ({ ...x, scheme: undefined }));
                  }}
                  maxLength={40}
                />
              )}
            </Field>
          ) : errors.scheme ? (
            <p className="field-error">{errors.scheme}</p>
          ) : null}
          <div className="scheme-example" aria-live="polite">
            <span className="scheme-example-label">Plaintiffs will be named: </span>
            {examples.kind === 'ok' ? (
              <span className="scheme-example-names">{examples.names.join(', ')} …</span>
            ) : examples.kind === 'error' ? (
              <span className="field-error-inline">{examples.message}</span>
            ) : (
              <span className="muted">…</span>
            )}
          </div>
        </fieldset>
        {create.error ? <ErrorAlert error={create.error} /> : null}
        {create.slow ? <ProgressBar label="Creating the case…" /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={create.pending}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={create.pending}>
            {create.pending ? 'Creating…' : 'Create case'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type Examples = { kind: 'loading' } | { kind: 'ok'; names: string[] } | { kind: 'error'; message: string };

/** The first names a scheme gives, from main, as the user types (debounced). */
function useSchemeExamples(scheme: string): Examples {
  const settled = useDebounced(scheme, 150);
  const [examples, setExamples] = useState<Examples>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    api()
      .cases.schemeExamples({ scheme: settled })
      .then(
        (names) => current && setExamples({ kind: 'ok', names }),
        (error: unknown) => current && setExamples({ kind: 'error', message: asDoeVaultError(error).detail }),
      );
    return () => {
      current = false;
    };
  }, [settled]);
  return examples;
}
