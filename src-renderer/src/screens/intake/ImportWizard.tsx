import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import {
  INTAKE_FIELDS,
  type DuplicateDecisionDto,
  type IntakeDuplicateDto,
  type IntakeFieldName,
  type IntakeInspectionDto,
  type IntakeProblemDto,
} from '../../../../src-preload/contract';
import { api, asDoeVaultError, busyStore, type DoeVaultError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { EmptyState, ErrorAlert, Notice, ProgressBar } from '../../components/Feedback';
import { plural } from '../../lib/format';

/** What each field is called on screen. */
export const FIELD_LABELS: Record<IntakeFieldName, string> = {
  legalName: 'Legal name (full)',
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  aliases: 'Aliases (other names)',
  gender: 'Gender',
  dob: 'Date of birth',
  email: 'Email',
  phone: 'Phone',
  address: 'Address',
  idNumbers: 'ID numbers (badge, serial)',
  notes: 'Notes',
};

type Step = 'file' | 'mapping' | 'preview' | 'importing' | 'summary';
const STEPS: { step: Step; label: string }[] = [
  { step: 'file', label: 'File' },
  { step: 'mapping', label: 'Columns' },
  { step: 'preview', label: 'Check' },
  { step: 'importing', label: 'Import' },
  { step: 'summary', label: 'Done' },
];

interface Preview {
  rows: number;
  valid: number;
  problems: IntakeProblemDto[];
  duplicates: IntakeDuplicateDto[];
}

interface Summary {
  added: number;
  skipped: number;
  merged: number;
  rejected: number;
  pseudonyms?: { first: string; last: string } | undefined;
}

const SAMPLE_SHOWN = 5;

/**
 * Import plaintiffs from a spreadsheet: choose the file (and sheet) in main's dialog → map the
 * columns (detected, or remembered for this case) → check every row (problems and duplicates,
 * each duplicate decided) → import with a progress bar and Cancel → what was done. Nothing is
 * written before the last step, and the import is all rows or none.
 */
export function ImportWizard({ caseId, onClose, onImported }: { caseId: string; onClose: () => void; onImported: (summary: Summary) => void }) {
  const [step, setStep] = useState<Step>('file');
  const [inspection, setInspection] = useState<IntakeInspectionDto | null>(null);
  const [mapping, setMapping] = useState<(IntakeFieldName | null)[]>([]);
  const [revealed, setRevealed] = useState<{ row: number; cells: string[] }[] | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [decisions, setDecisions] = useState<Record<number, DuplicateDecisionDto>>({});
  const [summary, setSummary] = useState<Summary | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ title: string; error: DoeVaultError } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each step's heading takes the focus, so a screen reader hears where the wizard is.
  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  const close = () => {
    void api()
      .intake.clear()
      .catch(() => undefined);
    onClose();
  };

  const attempt = async <T,>(label: string, title: string, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    setError(null);
    try {
      return await work();
    } catch (caught) {
      const failure = asDoeVaultError(caught);
      if (failure.code !== 'LOCKED') setError({ title, error: failure });
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const chooseFile = async () => {
    const chosen = await attempt('Reading the file…', 'The file could not be read.', () => api().intake.chooseFile({ caseId }));
    if (!chosen) return;
    setInspection(chosen);
    setMapping(chosen.mapping);
    setRevealed(null);
    setPreview(null);
    setDecisions({});
  };

  const chooseSheet = async (sheet: string) => {
    const read = await attempt('Reading the sheet…', 'The sheet could not be read.', () => api().intake.inspect({ caseId, sheet }));
    if (!read) return;
    setInspection(read);
    setMapping(read.mapping);
    setRevealed(null);
  };

  const sheetInput = () => (inspection?.sheet ? { sheet: inspection.sheet } : {});

  const reveal = async () => {
    const rows = await attempt('Showing the values…', 'The values could not be shown.', () => api().intake.revealSample({ caseId, ...sheetInput() }));
    if (rows) setRevealed(rows);
  };

  const check = async () => {
    setCancelled(false);
    const checked = await attempt('Checking every row…', 'The rows could not be checked.', () => api().intake.preview({ caseId, ...sheetInput(), mapping }));
    if (!checked) return;
    setPreview(checked);
    setDecisions(Object.fromEntries(checked.duplicates.map((d) => [d.row, 'skip' as const])));
    setStep('preview');
  };

  const runImport = async () => {
    setCancelled(false);
    setError(null);
    setStep('importing');
    try {
      const done = await api().intake.import({
        caseId,
        ...sheetInput(),
        mapping,
        onDuplicate: 'fail',
        decisions: Object.fromEntries(Object.entries(decisions).map(([row, decision]) => [String(row), decision])),
      });
      setSummary(done);
      setStep('summary');
      onImported(done);
    } catch (caught) {
      const failure = asDoeVaultError(caught);
      if (failure.code === 'LOCKED') return;
      setStep('preview');
      if (failure.code === 'CANCELLED') setCancelled(true);
      else setError({ title: 'Nothing was imported.', error: failure });
    }
  };

  const canClose = step !== 'importing' && busy === null;
  const stepIndex = STEPS.findIndex((s) => s.step === step);

  return (
    <Dialog title="Import plaintiffs" onClose={close} closable={canClose} wide>
      <ol className="wizard-steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s.step} className={i === stepIndex ? 'is-current' : i < stepIndex ? 'is-done' : undefined} aria-current={i === stepIndex ? 'step' : undefined}>
            <span className="wizard-step-number" aria-hidden="true">
              {i + 1}
            </span>
            {s.label}
          </li>
        ))}
      </ol>
      {error ? <ErrorAlert error={error.error} title={error.title} /> : null}

      {step === 'file' ? (
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
                    onChange={(e) => void chooseSheet(e.target.value)}
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
            <button type="button" className="button" onClick={close} disabled={!canClose}>
              Cancel
            </button>
            <button type="button" className={`button${inspection ? '' : ' button-primary'}`} onClick={() => void chooseFile()} disabled={busy !== null}>
              {inspection ? 'Choose another file…' : 'Choose a file…'}
            </button>
            {inspection ? (
              <button type="button" className="button button-primary" onClick={() => setStep('mapping')} disabled={busy !== null || inspection.headers.length === 0}>
                Next: columns
              </button>
            ) : null}
          </div>
        </section>
      ) : null}

      {step === 'mapping' && inspection ? (
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
          <SampleTable inspection={inspection} revealed={revealed} onReveal={() => void reveal()} onHide={() => setRevealed(null)} busy={busy !== null}>
            {(column) => (
              <select
                className="input input-compact"
                aria-label={`Column “${inspection.headers[column] ?? column + 1}” holds`}
                value={mapping[column] ?? ''}
                onChange={(e) => {
                  const value = e.target.value === '' ? null : (e.target.value as IntakeFieldName);
                  setMapping((current) => current.map((field, i) => (i === column ? value : field)));
                }}
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
            <button type="button" className="button" onClick={() => setStep('file')} disabled={busy !== null}>
              Back
            </button>
            {busy ? (
              <button type="button" className="button" onClick={() => void api().operations.cancel()}>
                Stop checking
              </button>
            ) : null}
            <button type="button" className="button button-primary" onClick={() => void check()} disabled={busy !== null || mapping.every((m) => m === null)}>
              Next: check the rows
            </button>
          </div>
        </section>
      ) : null}

      {step === 'preview' && inspection && preview ? (
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
          <SampleTable
            inspection={inspection}
            revealed={revealed}
            onReveal={() => void reveal()}
            onHide={() => setRevealed(null)}
            busy={busy !== null}
            mapping={mapping}
          />
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
                        onDecide={(decision) => setDecisions((current) => ({ ...current, [duplicate.row]: decision }))}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : null}
          {preview.rows === 0 ? <EmptyState title="No plaintiff rows in this file">The file has a header but no rows below it.</EmptyState> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setStep('mapping')}>
              Back
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void runImport()}
              disabled={preview.problems.length > 0 || preview.rows === 0 || preview.valid === 0}
            >
              {`Import ${plural(preview.valid - Object.values(decisions).filter((d) => d !== 'import').length, 'plaintiff')}`}
            </button>
          </div>
        </section>
      ) : null}

      {step === 'importing' ? (
        <section aria-labelledby="wizard-importing">
          <h3 id="wizard-importing" className="wizard-heading" tabIndex={-1} ref={headingRef}>
            Importing
          </h3>
          <p>All rows are written in one transaction: if you cancel, or anything fails, the vault stays exactly as it was.</p>
          <ImportProgress label="Importing plaintiffs…" />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => void api().operations.cancel()}>
              Cancel import
            </button>
          </div>
        </section>
      ) : null}

      {step === 'summary' && summary ? (
        <section aria-labelledby="wizard-summary">
          <h3 id="wizard-summary" className="wizard-heading" tabIndex={-1} ref={headingRef}>
            Import finished
          </h3>
          <dl className="wizard-summary">
            <div>
              <dt>Added</dt>
              <dd>{summary.added.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Skipped</dt>
              <dd>{summary.skipped.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Merged</dt>
              <dd>{summary.merged.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Rejected</dt>
              <dd>{summary.rejected.toLocaleString()}</dd>
            </div>
          </dl>
          {summary.pseudonyms ? (
            <p>
              New pseudonyms: {summary.pseudonyms.first}
              {summary.pseudonyms.last !== summary.pseudonyms.first ? ` to ${summary.pseudonyms.last}` : ''}.
            </p>
          ) : null}
          <p className="muted">The import is recorded in the audit log (counts only, no names).</p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={close} autoFocus>
              Done
            </button>
          </div>
        </section>
      ) : null}
    </Dialog>
  );
}

/** The header and the first rows: cells masked until the person asks to see them. */
function SampleTable({
  inspection,
  revealed,
  onReveal,
  onHide,
  busy,
  mapping,
  children,
}: {
  inspection: IntakeInspectionDto;
  revealed: { row: number; cells: string[] }[] | null;
  onReveal: () => void;
  onHide: () => void;
  busy: boolean;
  mapping?: (IntakeFieldName | null)[];
  children?: (column: number) => ReactNode;
}) {
  const rows = (revealed ?? inspection.sampleRows).slice(0, SAMPLE_SHOWN);
  return (
    <div className="wizard-block">
      <div className="wizard-sample-header">
        <h4>{children ? 'Columns' : 'First rows'}</h4>
        {revealed ? (
          <button type="button" className="button button-small" onClick={onHide}>
            Hide the values
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={onReveal} disabled={busy || inspection.sampleRows.length === 0}>
            Show the values
          </button>
        )}
      </div>
      <div className="wizard-scroll" tabIndex={0} role="region" aria-label={children ? 'Columns and first rows' : 'First rows'}>
        <table className="data-table wizard-sample">
          <thead>
            <tr>
              <th scope="col">Row</th>
              {inspection.headers.map((header, i) => (
                <th scope="col" key={i}>
                  {header || `Column ${i + 1}`}
                  {mapping ? <span className="wizard-maps-to">{mapping[i] ? FIELD_LABELS[mapping[i]] : 'Not imported'}</span> : null}
                </th>
              ))}
            </tr>
            {children ? (
              <tr>
                <th scope="row">Holds</th>
                {inspection.headers.map((_, i) => (
                  <td key={i}>{children(i)}</td>
                ))}
              </tr>
            ) : null}
          </thead>
          <tbody>
            {rows.map(({ row, cells }) => (
              <tr key={row}>
                <th scope="row" className="numeric">
                  {row}
                </th>
                {inspection.headers.map((_, i) => (
                  <td key={i} className={revealed ? undefined : 'masked'}>
                    {cells[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!revealed && inspection.sampleRows.length > 0 ? <p className="muted small">Values are hidden: they are real identities. Show them only when nobody else can see the screen.</p> : null}
    </div>
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

/** Main's counts for the running import: a determinate bar with the step and an estimate of the time left. */
function ImportProgress({ label }: { label: string }) {
  const progress = useSyncExternalStore(busyStore.subscribe, busyStore.get).progress;
  const started = useRef<{ step: string | undefined; at: number; done: number } | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const ticker = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(ticker);
  }, []);
  const step = progress?.step;
  if (progress && (started.current === null || started.current.step !== step)) started.current = { step, at: Date.now(), done: progress.done };
  const estimate = useMemo(() => {
    const begin = started.current;
    if (!progress || !begin || progress.total === null || progress.done <= begin.done) return undefined;
    const rate = (progress.done - begin.done) / Math.max(1, now - begin.at);
    const seconds = Math.ceil((progress.total - progress.done) / rate / 1000);
    return seconds <= 1 ? 'about a second left' : seconds < 90 ? `about ${seconds} seconds left` : `about ${Math.round(seconds / 60)} minutes left`;
  }, [progress, now]);
  const counts = progress?.step && progress.total !== null ? `${progress.step}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}` : progress?.step;
  return (
    <ProgressBar
      label={label}
      detail={[counts, estimate].filter(Boolean).join(', ') || undefined}
      value={progress?.step ? progress.done : undefined}
      max={progress?.step ? progress.total : undefined}
    />
  );
}
