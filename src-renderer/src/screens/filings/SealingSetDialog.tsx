import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SealingSetChoicesDto, SealingSetReportDto } from '../../../../src-preload/contract';
import { api, type DoeVaultError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, Loading, LoadError, Notice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { plural } from '../../lib/format';
import { OperationProgress } from './OperationProgress';
import { FilesTable, HitsTable, VerificationSummary } from './Report';

/** The caption's source when no filing's front matter is used. */
const CASE_DETAILS = '';

/**
 * Sealing papers (issue 13): the motion for leave to proceed under pseudonyms and to file the
 * identities under seal, the declaration of counsel and the proposed order, and the declaration
 * of identities lodged conditionally under seal. The court and the filing whose front matter
 * gives the caption, Word files or not, then main's folder dialog, progress with Cancel, and a
 * report of each file with its role.
 */
export function SealingSetDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const [choices, setChoices] = useState<SealingSetChoicesDto | null>(null);
  const [court, setCourt] = useState('');
  const [source, setSource] = useState(CASE_DETAILS);
  const [docx, setDocx] = useState(true);
  const [report, setReport] = useState<SealingSetReportDto | null>(null);
  const [noFolder, setNoFolder] = useState(false);
  const load = useAction(() => api().filings.sealingSetChoices({ caseId }));
  const writing = useAction(() => api().filings.sealingSet({ caseId, court, ...(source === CASE_DETAILS ? {} : { factsFrom: source }), docx }));
  const show = useAction(() => api().filings.showInFolder());
  const { run: loadRun } = load;

  useEffect(() => {
    let current = true;
    void loadRun().then((outcome) => {
      if (!current || !outcome.ok) return;
      setChoices(outcome.value);
      setCourt(outcome.value.court ?? '');
      setSource(outcome.value.sources[0]?.filingId ?? CASE_DETAILS);
    });
    return () => {
      current = false;
    };
  }, [loadRun]);

  // What came of the writing goes to the top of the dialog, in view and focused.
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!report && !writing.error && !noFolder) return;
    outcomeRef.current?.scrollIntoView({ block: 'start' });
    outcomeRef.current?.focus({ preventScroll: true });
  }, [report, writing.error, noFolder]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNoFolder(false);
    setReport(null);
    const outcome = await writing.run();
    if (!outcome.ok) return;
    if (outcome.value === null) setNoFolder(true);
    else setReport(outcome.value);
  };

  const busy = writing.pending;
  const written = report?.status === 'written';
  const title = written ? 'Sealing papers written and verified' : report?.status === 'leak-found' ? 'Sealing papers stopped' : 'Sealing papers';
  const states = choices?.courts.filter((c) => c.system === 'state') ?? [];
  const federal = choices?.courts.filter((c) => c.system === 'federal') ?? [];

  return (
    <Dialog title={title} onClose={onClose} closable={!busy} wide>
      {load.error ? <LoadError error={load.error} title="The courts and filings could not be loaded." onRetry={() => void loadRun()} /> : null}
      {choices === null && !load.error ? <Loading label="Loading the courts and the case's filings…" /> : null}

      <div ref={outcomeRef} tabIndex={-1} className="export-outcome">
        {report ? <SetOutcome report={report} onShow={() => void show.run()} showError={show.error} /> : null}
        {writing.error ? <WriteError error={writing.error} /> : null}
        {noFolder ? <Notice>No folder was chosen. Nothing was written.</Notice> : null}
      </div>

      {choices !== null && !written ? (
        <form className="form" onSubmit={submit} noValidate aria-label="Sealing papers choices">
          <p>
            DoeVault writes the papers that ask the court&apos;s leave to proceed under pseudonyms and to seal the plaintiffs&apos; identities: the notice of
            motion and motion with its memorandum, your supporting declaration and a proposed order, all naming the plaintiffs by pseudonym only, and the
            declaration of identities, which lists every plaintiff of the case by legal name and is lodged conditionally under seal. Bracketed prompts mark
            what you complete before filing.
          </p>
          <Field label="Court" hint="The court's pleading form, its sealing labels and the law the papers cite (California rules or the Ninth Circuit's) follow from it.">
            {(props) => (
              <select {...props} className="input" value={court} onChange={(e) => setCourt(e.target.value)} disabled={busy} required>
                {court === '' ? <option value="">Choose the court</option> : null}
                <optgroup label="California superior courts">
                  {states.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Federal courts">
                  {federal.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              </select>
            )}
          </Field>
          <Field
            label="Caption from"
            hint="The case number, judge, department, parties and counsel come from this filing's front matter, as its first page prints them. Without one, the case's details and its stored counsel are used and the rest is left as prompts."
          >
            {(props) => (
              <select {...props} className="input" value={source} onChange={(e) => setSource(e.target.value)} disabled={busy}>
                {choices.sources.map((s) => (
                  <option key={s.filingId} value={s.filingId}>
                    {s.title}
                  </option>
                ))}
                <option value={CASE_DETAILS}>The case&apos;s details only</option>
              </select>
            )}
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={docx} onChange={(e) => setDocx(e.target.checked)} disabled={busy} />
            <span>
              Also write Word files of the public papers <span className="radio-hint">— to complete the bracketed prompts; checked like the PDFs</span>
            </span>
          </label>
          <p className="muted small">
            Next you choose the folder. DoeVault writes into it only after the public papers have been read back and checked against every identity in
            the vault, and never over an earlier set or export.
          </p>
          <div className="dialog-actions">
            <OperationProgress busy={busy} slow={writing.slow} label="Writing the sealing papers…" detail="Typesetting, then reading the public papers back." />
            {busy ? null : (
              <button type="button" className="button" onClick={onClose}>
                Close
              </button>
            )}
            <button type="submit" className="button button-primary" disabled={busy || court === ''}>
              {busy ? 'Writing…' : 'Choose a folder and write…'}
            </button>
          </div>
        </form>
      ) : null}

      {written || (choices === null && load.error) ? (
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}

function WriteError({ error }: { error: DoeVaultError }) {
  if (error.code === 'CANCELLED') return <Notice>Cancelled. Nothing was written.</Notice>;
  if (error.code === 'CONFLICT') {
    return (
      <ErrorAlert error={error} title="That folder already holds a set or an export.">
        <p>DoeVault never overwrites one, so nothing was written. Choose an empty folder (or make a new one in the dialog).</p>
      </ErrorAlert>
    );
  }
  return <ErrorAlert error={error} title="The sealing papers could not be written." />;
}

function SetOutcome({ report, onShow, showError }: { report: SealingSetReportDto; onShow: () => void; showError: DoeVaultError | null }) {
  if (report.status === 'leak-found') {
    return (
      <div className="report">
        <div className="alert alert-error" role="alert">
          <p className="alert-title">A name was found in the public papers, so nothing was written.</p>
          <p>
            The papers take their caption and counsel from the case and the chosen filing&apos;s front matter. Correct the name at its source (answer it
            there with &quot;not a plaintiff&quot; if it names nobody in the vault), then write the papers again.
          </p>
        </div>
        <HitsTable hits={report.verification.hits} />
        <VerificationSummary verification={report.verification} />
      </div>
    );
  }
  return (
    <div className="report">
      <div className="alert alert-success" role="status">
        <p className="alert-title">
          {plural(report.files.length, 'file')} written and verified: the public papers name nobody in the vault, and the declaration of identities lists all{' '}
          {plural(report.set.plaintiffs, 'plaintiff')}.
        </p>
        <p>
          Folder: <span className="path">{report.folder}</span>
        </p>
        <p>Complete the bracketed prompts before filing, and lodge the declaration of identities only under seal.</p>
      </div>
      <FilesTable files={report.files} caption="Files written, with their roles and SHA-256" />
      <VerificationSummary verification={report.verification} />
      {showError ? <ErrorAlert error={showError} /> : null}
      <div className="actions actions-start">
        <button type="button" className="button" onClick={onShow}>
          Show in folder
        </button>
      </div>
    </div>
  );
}
