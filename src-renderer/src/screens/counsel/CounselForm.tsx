import { useRef, useState, type FormEvent } from 'react';
import type { CounselDto } from '../../../../src-preload/contract';
import type { DoeVaultError } from '../../api/client';
import { ErrorAlert } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { emptyRow, fieldOfError, FIELD_LABELS, fromRows, hasErrors, MAX_COUNSEL, toRows, validateRows, type CounselField, type CounselRow, type RowErrors } from './counselRows';

const HINTS: Partial<Record<CounselField, string>> = {
  address: 'Street, suite, city: one line each, up to 6 lines.',
  attorneysFor: 'e.g. Plaintiffs JANE DOES 1 through 70',
};

/**
 * Editing a list of attorneys: each a group of labelled fields, added and removed by buttons;
 * errors next to the field at fault. `onSave` answers main's refusal, if any, to place it.
 */
export function CounselForm({
  initial,
  saving,
  onSave,
  onCancel,
}: {
  initial: readonly CounselDto[];
  saving: boolean;
  onSave: (counsel: CounselDto[]) => Promise<DoeVaultError | null>;
  onCancel: () => void;
}) {
  const [rows, setRows] = useState<CounselRow[]>(() => (initial.length > 0 ? toRows(initial) : [emptyRow()]));
  const [errors, setErrors] = useState<RowErrors[]>([]);
  const [failure, setFailure] = useState<DoeVaultError | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const change = (index: number, field: CounselField, value: string) => {
    setRows((list) => list.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
    setErrors((list) => list.map((row, i) => (i === index ? { ...row, [field]: undefined } : row)));
  };

  const focusFirstInvalid = () => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateRows(rows);
    setErrors(found);
    setFailure(null);
    if (hasErrors(found)) {
      focusFirstInvalid();
      return;
    }
    const refused = await onSave(fromRows(rows));
    if (!refused) return;
    const at = fieldOfError(refused.field);
    if (at && refused.code === 'VALIDATION') {
      setErrors(rows.map((_, i) => (i === at.row ? { [at.field]: refused.detail } : {})));
      focusFirstInvalid();
    } else setFailure(refused);
  };

  const add = () => {
    setRows((list) => [...list, emptyRow()]);
    requestAnimationFrame(() => {
      const groups = form.current?.querySelectorAll<HTMLElement>('fieldset');
      groups?.[groups.length - 1]?.querySelector('input')?.focus();
    });
  };
  const remove = (index: number) => {
    setRows((list) => list.filter((_, i) => i !== index));
    setErrors((list) => list.filter((_, i) => i !== index));
  };

  return (
    <form ref={form} className="form" onSubmit={submit} noValidate aria-label="Counsel">
      {rows.map((row, index) => (
        <fieldset key={row.key} className="fieldset counsel-attorney">
          <legend className="field-label">
            Attorney {index + 1}
            {index === 0 ? <span className="muted"> (signs the filing)</span> : null}
          </legend>
          <div className="field-row">
            {(['name', 'barNumber'] as const).map((field) => (
              <TextField key={field} field={field} row={row} index={index} errors={errors} onChange={change} disabled={saving} />
            ))}
          </div>
          <TextField field="firm" row={row} index={index} errors={errors} onChange={change} disabled={saving} />
          <TextField field="address" row={row} index={index} errors={errors} onChange={change} disabled={saving} multiline />
          <div className="field-row">
            {(['phone', 'email'] as const).map((field) => (
              <TextField key={field} field={field} row={row} index={index} errors={errors} onChange={change} disabled={saving} />
            ))}
          </div>
          <TextField field="attorneysFor" row={row} index={index} errors={errors} onChange={change} disabled={saving} />
          {rows.length > 1 ? (
            <div className="actions actions-start">
              <button type="button" className="button button-small button-danger-quiet" onClick={() => remove(index)} disabled={saving}>
                Remove attorney {index + 1}
                {row.name.trim() ? <span className="visually-hidden"> ({row.name.trim()})</span> : null}
              </button>
            </div>
          ) : null}
        </fieldset>
      ))}
      {failure ? <ErrorAlert error={failure} title="The counsel was not saved." /> : null}
      <div className="actions actions-start">
        <button type="button" className="button" onClick={add} disabled={saving || rows.length >= MAX_COUNSEL}>
          Add an attorney
        </button>
      </div>
      <div className="actions actions-start">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save counsel'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function TextField({
  field,
  row,
  index,
  errors,
  onChange,
  disabled,
  multiline,
}: {
  field: CounselField;
  row: CounselRow;
  index: number;
  errors: readonly RowErrors[];
  onChange: (index: number, field: CounselField, value: string) => void;
  disabled: boolean;
  multiline?: boolean;
}) {
  return (
    <Field label={FIELD_LABELS[field]} hint={HINTS[field]} error={errors[index]?.[field]} required={field === 'name'}>
      {(props) =>
        multiline ? (
          <textarea {...props} className="input" rows={3} value={row[field]} onChange={(e) => onChange(index, field, e.target.value)} disabled={disabled} maxLength={600} />
        ) : (
          <input
            {...props}
            className="input"
            type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
            autoComplete="off"
            value={row[field]}
            onChange={(e) => onChange(index, field, e.target.value)}
            disabled={disabled}
          />
        )
      }
    </Field>
  );
}
