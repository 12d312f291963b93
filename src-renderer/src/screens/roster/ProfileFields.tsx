import { useId, useRef, type ReactNode } from 'react';
import { blankRow, type AffiliationKind, type ProfileList, type ProfileRows } from './profileRows';

type Errors = Partial<Record<ProfileList, string>>;

/**
 * The doxxing surface in the plaintiff form: one fieldset per list, a row of inputs per entry,
 * "Add" and "Remove" buttons. Every input has its own label (visually the column heading for
 * rows after the first is the fieldset's legend), and Add moves the focus to the new row's first
 * input, Remove to the Add button, so it all works from the keyboard.
 */
export function ProfileFields({
  rows,
  errors,
  disabled,
  onChange,
}: {
  rows: ProfileRows;
  errors: Errors;
  disabled: boolean;
  onChange: (rows: ProfileRows) => void;
}) {
  const update = <L extends ProfileList>(list: L, next: ProfileRows[L]) => onChange({ ...rows, [list]: next });
  const edit =
    <L extends ProfileList>(list: L, index: number) =>
    (patch: Partial<ProfileRows[L][number]>) =>
      update(list, rows[list].map((row, i) => (i === index ? { ...row, ...patch } : row)) as ProfileRows[L]);
  const text = (list: 'pastAddresses' | 'handles' | 'characteristics', label: string, placeholder: string) => (
    <RowList list={list} legend={LEGENDS[list]} noun={NOUNS[list]} rows={rows[list]} error={errors[list]} disabled={disabled} onChange={(next) => update(list, next)}>
      {(row, i) => (
        <input
          className="input"
          aria-label={`${label} ${i + 1}`}
          placeholder={placeholder}
          value={row.text}
          onChange={(e) => edit(list, i)({ text: e.target.value })}
          autoComplete="off"
          disabled={disabled}
        />
      )}
    </RowList>
  );
  return (
    <div className="profile-fields">
      <p className="muted small">What doxxers publish besides a name. Leak scans look for all of it; only the sealed roster and the declaration of identities show it.</p>
      <RowList list="family" legend={LEGENDS.family} noun={NOUNS.family} rows={rows.family} error={errors.family} disabled={disabled} onChange={(next) => update('family', next)}>
        {(row, i) => (
          <>
            <input className="input" aria-label={`Family member ${i + 1} name`} placeholder="Full name" value={row.name} onChange={(e) => edit('family', i)({ name: e.target.value })} autoComplete="off" disabled={disabled} />
            <input className="input" aria-label={`Family member ${i + 1} relation`} placeholder="Relation (daughter, spouse…)" value={row.relation} onChange={(e) => edit('family', i)({ relation: e.target.value })} autoComplete="off" disabled={disabled} />
          </>
        )}
      </RowList>
      {text('pastAddresses', 'Past address', 'Street, city')}
      <RowList list="affiliations" legend={LEGENDS.affiliations} noun={NOUNS.affiliations} rows={rows.affiliations} error={errors.affiliations} disabled={disabled} onChange={(next) => update('affiliations', next)}>
        {(row, i) => (
          <>
            <input className="input" aria-label={`School or employer ${i + 1} name`} placeholder="Name" value={row.name} onChange={(e) => edit('affiliations', i)({ name: e.target.value })} autoComplete="off" disabled={disabled} />
            <select className="input" aria-label={`School or employer ${i + 1} kind`} value={row.kind} onChange={(e) => edit('affiliations', i)({ kind: e.target.value as AffiliationKind })} disabled={disabled}>
              <option value="school">School</option>
              <option value="employer">Employer</option>
              <option value="other">Other</option>
            </select>
          </>
        )}
      </RowList>
      <RowList list="vehicles" legend={LEGENDS.vehicles} noun={NOUNS.vehicles} rows={rows.vehicles} error={errors.vehicles} disabled={disabled} onChange={(next) => update('vehicles', next)}>
        {(row, i) => (
          <>
            <input className="input" aria-label={`Vehicle ${i + 1} plate`} placeholder="Plate" value={row.plate} onChange={(e) => edit('vehicles', i)({ plate: e.target.value })} autoComplete="off" disabled={disabled} />
            <input className="input" aria-label={`Vehicle ${i + 1} state`} placeholder="State" value={row.state} onChange={(e) => edit('vehicles', i)({ state: e.target.value })} autoComplete="off" disabled={disabled} />
            <input className="input" aria-label={`Vehicle ${i + 1} description`} placeholder="Description (not scanned)" value={row.description} onChange={(e) => edit('vehicles', i)({ description: e.target.value })} autoComplete="off" disabled={disabled} />
          </>
        )}
      </RowList>
      {text('handles', 'Handle', '@username')}
      {text('characteristics', 'Identifying characteristic', 'e.g. phoenix tattoo on the left forearm')}
    </div>
  );
}

const LEGENDS: Record<ProfileList, string> = {
  family: 'Family members',
  pastAddresses: 'Past addresses',
  affiliations: 'Schools and employers',
  vehicles: 'Vehicles',
  handles: 'Social media handles',
  characteristics: 'Identifying characteristics',
};

const NOUNS: Record<ProfileList, string> = {
  family: 'family member',
  pastAddresses: 'past address',
  affiliations: 'school or employer',
  vehicles: 'vehicle',
  handles: 'handle',
  characteristics: 'characteristic',
};

function RowList<L extends ProfileList>({
  list,
  legend,
  noun,
  rows,
  error,
  disabled,
  onChange,
  children,
}: {
  list: L;
  legend: string;
  noun: string;
  rows: ProfileRows[L];
  error: string | undefined;
  disabled: boolean;
  onChange: (rows: ProfileRows[L]) => void;
  children: (row: ProfileRows[L][number], index: number) => ReactNode;
}) {
  const box = useRef<HTMLFieldSetElement>(null);
  const errorId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const add = () => {
    onChange([...rows, blankRow(list)] as ProfileRows[L]);
    // After React renders the new row: focus its first input.
    requestAnimationFrame(() => {
      const inputs = box.current?.querySelectorAll<HTMLElement>('.profile-row');
      inputs?.[inputs.length - 1]?.querySelector<HTMLElement>('input, select')?.focus();
    });
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index) as ProfileRows[L]);
    addButton.current?.focus();
  };
  return (
    // Focusable (not in the tab order) so that the form can move the focus to a list at fault.
    <fieldset
      ref={box}
      className={`fieldset profile-list${error ? ' field-invalid' : ''}`}
      tabIndex={-1}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="field-label">{legend}</legend>
      {rows.map((row, i) => (
        <div className="profile-row" key={i}>
          {children(row as ProfileRows[L][number], i)}
          <button type="button" className="button button-small" onClick={() => remove(i)} disabled={disabled} aria-label={`Remove ${noun} ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <div>
        <button ref={addButton} type="button" className="button button-small" onClick={add} disabled={disabled}>
          Add {noun}
        </button>
      </div>
    </fieldset>
  );
}
