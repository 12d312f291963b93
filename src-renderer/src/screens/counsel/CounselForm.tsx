import { useRef, type FormEvent } from 'react';
import type { CounselDto } from '../../../../src-preload/contract';
import type { DoeVaultError } from '../../api/client';
import { ErrorAlert } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { FIELD_LABELS, type CounselField, type CounselRow, type RowErrors } from './counselRows';
import { useCounselForm } from './useCounselForm';

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
  const state = useCounselForm(initial, onSave);
  const { rows, errors, failure } = state;
  const form = useRef<HTMLFormElement>(null);
  const change = state.change;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await state.submit())) requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const add = () => {
    state.add();
    requestAnimationFrame(() => {
      const groups = form.current?.querySelectorAll<HTMLElement>('fieldset');
      groups?.[groups.length - 1]?.querySelector('input')?.focus();
    });
  };
  const remove = state.remove;

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
        <button type="button" className="button" onClick={add} disabled={saving || !state.canAdd}>
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
