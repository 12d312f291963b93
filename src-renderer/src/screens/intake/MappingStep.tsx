import type { Ref } from 'react';
import { INTAKE_FIELDS, type IntakeFieldName, type IntakeInspectionDto } from '../../../../src-preload/contract';
import { FIELD_LABELS } from './fieldLabels';
import { ImportProgress } from './ImportProgress';
import { SampleTable } from './SampleTable';
import { canCheck, type Mapping, type SampleRows } from './wizardState';

/** Step 2: what each column holds (detected, or remembered for this case), over the masked sample. */
export function MappingStep({
  headingRef,
  inspection,
  mapping,
  revealed,
  busy,
  onShowSample,
  onHideSample,
  onMap,
  onBack,
  onStop,
  onCheck,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  inspection: IntakeInspectionDto;
  mapping: Mapping;
  revealed: SampleRows | null;
  busy: string | null;
  onShowSample: () => void;
  onHideSample: () => void;
  onMap: (column: number, field: IntakeFieldName | null) => void;
  onBack: () => void;
  /** Stops the running check. */
  onStop: () => void;
  onCheck: () => void;
}) {
  return (
    <section aria-labelledby="wizard-mapping">
      <h3 id="wizard-mapping" className="wizard-heading" tabIndex={-1} ref={headingRef}>
        What each column holds
      </h3>
      <p>
        {inspection.mappingSource === 'remembered'
          ? 'These are the choices of the last import into this case from a file with the same columns.'
          : 'DoeVault guessed from the column names. Check each one; a column set to “Not imported” is left out.'}{' '}
        A legal name, or first and last names, are needed.
      </p>
      <SampleTable inspection={inspection} revealed={revealed} onReveal={onShowSample} onHide={onHideSample} busy={busy !== null}>
        {(column) => (
          <select
            className="input input-compact"
            aria-label={`Column “${inspection.headers[column] ?? column + 1}” holds`}
            value={mapping[column] ?? ''}
            onChange={(e) => onMap(column, e.target.value === '' ? null : (e.target.value as IntakeFieldName))}
          >
            <option value="">Not imported</option>
            {INTAKE_FIELDS.map((field) => (
              <option key={field} value={field}>
                {FIELD_LABELS[field]}
              </option>
            ))}
          </select>
        )}
      </SampleTable>
      {busy ? <ImportProgress label={busy} /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack} disabled={busy !== null}>
          Back
        </button>
        {busy ? (
          <button type="button" className="button" onClick={onStop}>
            Stop checking
          </button>
        ) : null}
        <button type="button" className="button button-primary" onClick={onCheck} disabled={busy !== null || !canCheck(mapping)}>
          Next: check the rows
        </button>
      </div>
    </section>
  );
}
