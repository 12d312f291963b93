import type { Ref } from 'react';
import type { DuplicateDecisionDto, IntakeDuplicateDto, IntakeInspectionDto } from '../../../../src-preload/contract';
import { EmptyState, Notice } from '../../components/Feedback';
import { plural } from '../../lib/format';
import { SampleTable } from './SampleTable';
import { canImport, type Mapping, type Preview, type SampleRows } from './wizardState';

/** Step 3: every row checked: the problems (which refuse the file), and a decision per possible duplicate. */
export function PreviewStep({
  headingRef,
  caseId,
  inspection,
  mapping,
  revealed,
  preview,
  decisions,
  importCount,
  cancelled,
  busy,
  onShowSample,
  onHideSample,
  onDecide,
  onBack,
  onImport,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  caseId: string;
  inspection: IntakeInspectionDto;
  mapping: Mapping;
  revealed: SampleRows | null;
  preview: Preview;
  decisions: Record<number, DuplicateDecisionDto>;
  /** How many plaintiffs the import adds. */
  importCount: number;
  /** The last import was cancelled. */
  cancelled: boolean;
  busy: string | null;
  onShowSample: () => void;
  onHideSample: () => void;
  onDecide: (row: number, decision: DuplicateDecisionDto) => void;
  onBack: () => void;
  onImport: () => void;
}) {
  return (
    <section aria-labelledby="wizard-preview">
      <h3 id="wizard-preview" className="wizard-heading" tabIndex={-1} ref={headingRef}>
        Check before importing
      </h3>
      {cancelled ? <Notice tone="info">The import was cancelled. Nothing was changed in the vault.</Notice> : null}
      <p>
        {plural(preview.rows, 'row')} read: {preview.valid.toLocaleString()} ready
        {preview.problems.length > 0 ? `, ${plural(preview.problems.length, 'problem')}` : ''}
        {preview.duplicates.length > 0 ? `, ${plural(preview.duplicates.length, 'possible duplicate')}` : ''}.
      </p>
      <SampleTable inspection={inspection} revealed={revealed} onReveal={onShowSample} onHide={onHideSample} busy={busy !== null} mapping={mapping} />
      {preview.problems.length > 0 ? (
        <div className="wizard-block">
          <h4>Problems ({preview.problems.length.toLocaleString()})</h4>
          <div className="alert alert-error" role="alert">
            <p className="alert-title">The file cannot be imported as it is.</p>
            <p>Correct these rows in the spreadsheet (or change the columns), save it, and choose it again. Nothing was imported.</p>
          </div>
          <div className="wizard-scroll" tabIndex={0} role="region" aria-label="Problems">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Field</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {preview.problems.map((problem, i) => (
                  <tr key={`${problem.row}-${problem.field}-${i}`}>
                    <td className="numeric">{problem.row}</td>
                    <td>{problem.field}</td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {preview.duplicates.length > 0 ? (
        <div className="wizard-block">
          <h4>Possible duplicates ({preview.duplicates.length.toLocaleString()})</h4>
          <p className="muted">The same name (and date of birth, when both have one) as someone already in this file or in the vault. Decide for each.</p>
          <div className="wizard-scroll" tabIndex={0} role="region" aria-label="Possible duplicates">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Same as</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {preview.duplicates.map((duplicate) => (
                  <DuplicateRow
                    key={duplicate.row}
                    caseId={caseId}
                    duplicate={duplicate}
                    decision={decisions[duplicate.row] ?? 'skip'}
                    onDecide={(decision) => onDecide(duplicate.row, decision)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {preview.rows === 0 ? <EmptyState title="No plaintiff rows in this file">The file has a header but no rows below it.</EmptyState> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="button button-primary" onClick={onImport} disabled={!canImport(preview)}>
          {`Import ${plural(importCount, 'plaintiff')}`}
        </button>
      </div>
    </section>
  );
}

function DuplicateRow({
  caseId,
  duplicate,
  decision,
  onDecide,
}: {
  caseId: string;
  duplicate: IntakeDuplicateDto;
  decision: DuplicateDecisionDto;
  onDecide: (decision: DuplicateDecisionDto) => void;
}) {
  const against =
    duplicate.against === 'file'
      ? `Row ${duplicate.otherRow ?? '?'} of this file`
      : `${duplicate.pseudonym ?? 'A plaintiff'}${duplicate.caseId !== caseId ? ' (another case)' : ''}`;
  // Merging fills in the existing record: only within this case, or into an earlier row.
  const canMerge = duplicate.against === 'file' || duplicate.caseId === caseId;
  const name = `duplicate-${duplicate.row}`;
  const options: { value: DuplicateDecisionDto; label: string }[] = [
    { value: 'skip', label: 'Skip' },
    { value: 'import', label: 'Import anyway' },
    ...(canMerge ? [{ value: 'merge' as const, label: 'Merge' }] : []),
  ];
  return (
    <tr>
      <th scope="row" className="numeric">
        {duplicate.row}
      </th>
      <td>
        {against}
        {duplicate.sameDateOfBirth ? <span className="muted"> · same date of birth</span> : null}
      </td>
      <td>
        <div role="radiogroup" aria-label={`Row ${duplicate.row}`} className="wizard-decisions">
          {options.map((option) => (
            <label key={option.value} className="radio">
              <input type="radio" name={name} value={option.value} checked={decision === option.value} onChange={() => onDecide(option.value)} />
              {option.label}
            </label>
          ))}
        </div>
      </td>
    </tr>
  );
}

