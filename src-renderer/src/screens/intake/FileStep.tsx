import type { Ref } from 'react';
import type { IntakeInspectionDto } from '../../../../src-preload/contract';
import { ProgressBar } from '../../components/Feedback';
import { plural } from '../../lib/format';

/** Step 1: choose the spreadsheet in main's dialog, and the sheet of a workbook. */
export function FileStep({
  headingRef,
  inspection,
  busy,
  canClose,
  onChooseFile,
  onChooseSheet,
  onCancel,
  onNext,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  inspection: IntakeInspectionDto | null;
  busy: string | null;
  canClose: boolean;
  onChooseFile: () => void;
  onChooseSheet: (sheet: string) => void;
  onCancel: () => void;
  onNext: () => void;
}) {
  return (
    <section aria-labelledby="wizard-file">
      <h3 id="wizard-file" className="wizard-heading" tabIndex={-1} ref={headingRef}>
        Choose the spreadsheet
      </h3>
      <p>
        A CSV file (comma, semicolon or tab separated; UTF-8 or UTF-16) or an Excel workbook (.xlsx), with one plaintiff per row and the column names in the
        first row. Nothing is written to the vault until the last step.
      </p>
      {inspection ? (
        <div className="wizard-file">
          <p>
            <strong>{inspection.fileName}</strong>{' '}
            <span className="muted">
              {inspection.format === 'xlsx' ? 'Excel workbook' : 'CSV'}
              {inspection.totalRows !== null ? `, ${plural(inspection.totalRows, 'row')}` : ''}, {plural(inspection.headers.length, 'column')}
            </span>
          </p>
          {inspection.sheets.length > 1 ? (
            <div className="field">
              <label htmlFor="wizard-sheet" className="field-label">
                Sheet
              </label>
              <p className="field-hint" id="wizard-sheet-hint">
                This workbook has {inspection.sheets.length} sheets. Choose the one with the plaintiffs.
              </p>
              <select
                id="wizard-sheet"
                className="input"
                aria-describedby="wizard-sheet-hint"
                value={inspection.sheet ?? ''}
                disabled={busy !== null}
                onChange={(e) => onChooseSheet(e.target.value)}
              >
                {inspection.sheets.map((sheet) => (
                  <option key={sheet} value={sheet}>
                    {sheet}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
      ) : null}
      {busy ? <ProgressBar label={busy} /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={!canClose}>
          Cancel
        </button>
        <button type="button" className={`button${inspection ? '' : ' button-primary'}`} onClick={onChooseFile} disabled={busy !== null}>
          {inspection ? 'Choose another file…' : 'Choose a file…'}
        </button>
        {inspection ? (
          <button type="button" className="button button-primary" onClick={onNext} disabled={busy !== null || inspection.headers.length === 0}>
            Next: columns
          </button>
        ) : null}
      </div>
    </section>
  );
}
