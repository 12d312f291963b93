import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ExhibitRedactReportDto } from '../../../../src-preload/contract';
import { api, type DoeVaultError } from '../../api/client';
import { ErrorAlert, Notice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { plural } from '../../lib/format';
import { OperationProgress } from '../filings/OperationProgress';
import { FilesTable } from '../filings/Report';
import { kindWords } from './FindingsTable';
import { whomItMayName, type Tally } from './review';

export interface RedactChoices {
  bates: { prefix: string; start: number } | undefined;
  cover: string | undefined;
  ocrLayer: boolean;
}

const BATES_PREFIX = /^[A-Za-z0-9_-]{1,20}$/;

/**
 * The options of the public file, then "Redact and verify…": main's folder dialog, progress with
 * Cancel while pages are burned, written and read back, and the report: the files written with
 * their SHA-256, or where the read-back still found someone (nothing written).
 */
export function RedactPanel({
  caseId,
  tally,
  onRedact,
}: {
  caseId: string;
  tally: Tally;
  onRedact: (choices: RedactChoices) => Promise<ExhibitRedactReportDto | null>;
}) {
  const [batesPrefix, setBatesPrefix] = useState('');
  const [batesStart, setBatesStart] = useState('1');
  const [cover, setCover] = useState('');
  const [ocrLayer, setOcrLayer] = useState(false);
  const [report, setReport] = useState<ExhibitRedactReportDto | null>(null);
  const [noFolder, setNoFolder] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const redact = useAction(onRedact);
  const show = useAction(() => api().exhibits.showInFolder());
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (report || redact.error || noFolder) outcome.current?.focus();
  }, [report, redact.error, noFolder]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setReport(null);
    setNoFolder(false);
    setProblem(null);
    const prefix = batesPrefix.trim();
    const start = Number(batesStart);
    if (prefix !== '' && !BATES_PREFIX.test(prefix)) {
      setProblem('The Bates prefix is 1 to 20 letters, digits, “-” or “_” (for example DOE).');
      return;
    }
    if (prefix !== '' && !(Number.isInteger(start) && start >= 1 && start <= 999_999)) {
      setProblem('The first Bates number is a whole number from 1 to 999999.');
      return;
    }
    const result = await redact.run({ bates: prefix ? { prefix, start } : undefined, cover: cover.trim() || undefined, ocrLayer });
    if (!result.ok) return;
    if (result.value === null) setNoFolder(true);
    else setReport(result.value);
  };

  const busy = redact.pending;
  return (
    <section className="card exhibit-redact" aria-labelledby="exhibit-redact-title">
      <h2 id="exhibit-redact-title" className="section-title">
        Redact and verify
      </h2>
      <p className="exhibit-tally" aria-live="polite">
        <strong>{plural(tally.found + tally.drawn, 'place')} will be removed</strong> ({tally.found} found, {tally.drawn} drawn by hand)
        {tally.kept ? `; ${tally.kept} kept by your decision` : ''}
        {tally.questions ? `; ${plural(tally.questions, 'question')} still to answer` : ''}.
      </p>
      <form className="form exhibit-options" onSubmit={submit} noValidate aria-label="Options of the public file">
        <div className="exhibit-options-row">
          <Field label="Bates prefix" hint="Optional. Numbers every page: DOE000001, DOE000002, …">
            {(props) => <input {...props} className="input input-compact" value={batesPrefix} onChange={(e) => setBatesPrefix(e.target.value)} disabled={busy} maxLength={20} />}
          </Field>
          <Field label="First Bates number">
            {(props) => (
              <input {...props} className="input input-compact input-number" inputMode="numeric" value={batesStart} onChange={(e) => setBatesStart(e.target.value)} disabled={busy || batesPrefix.trim() === ''} />
            )}
          </Field>
          <Field label="Cover page text" hint="Optional, for example EXHIBIT A. It must not name anyone.">
            {(props) => <input {...props} className="input input-compact" value={cover} onChange={(e) => setCover(e.target.value)} disabled={busy} maxLength={80} />}
          </Field>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={ocrLayer} onChange={(e) => setOcrLayer(e.target.checked)} disabled={busy} />
          <span>
            Searchable: add a text layer read from the redacted pages <span className="radio-hint">— the public file stays searchable; it can only hold what the redacted pictures show</span>
          </span>
        </label>
        <p className="muted small">
          Every public page becomes a new picture with the boxes burned in; nothing else of the original is kept. The file is read back with text
          extraction and fresh OCR and checked against every identity in the vault before it is placed in the folder you choose next.
        </p>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="actions actions-start">
          <button type="submit" className="button button-primary" disabled={busy || tally.questions > 0} aria-describedby={tally.questions > 0 ? 'exhibit-open-questions' : undefined}>
            {busy ? 'Redacting…' : 'Redact and verify…'}
          </button>
          {tally.questions > 0 ? (
            <span id="exhibit-open-questions" className="muted small">
              Answer the {plural(tally.questions, 'question')} first.
            </span>
          ) : null}
          <OperationProgress busy={busy} slow={redact.slow} label="Redacting the exhibit" detail="Burning the boxes in, writing the pages and reading them back." />
        </div>
      </form>
      <div ref={outcome} tabIndex={-1} className="export-outcome">
        {redact.error ? <RedactError error={redact.error} /> : null}
        {noFolder ? <Notice>No folder was chosen. Nothing was written.</Notice> : null}
        {report ? <RedactReport caseId={caseId} report={report} onShow={() => void show.run()} /> : null}
        {show.error ? <ErrorAlert error={show.error} /> : null}
      </div>
    </section>
  );
}

function RedactError({ error }: { error: DoeVaultError }) {
  if (error.code === 'CANCELLED') return <Notice>Cancelled. Nothing was written.</Notice>;
  return <ErrorAlert error={error} title="The exhibit could not be redacted. Nothing was written." />;
}

function RedactReport({ caseId, report, onShow }: { caseId: string; report: ExhibitRedactReportDto; onShow: () => void }) {
  if (report.status === 'needs-decision') {
    return (
      <div className="alert alert-warning" role="alert">
        <p className="alert-title">{plural(report.questions.length, 'place')} still need your answer. Nothing was written.</p>
        <p>Answer them in the list above, then redact again.</p>
      </div>
    );
  }
  if (report.status === 'leak-found') {
    return (
      <div className="report">
        <div className="alert alert-error" role="alert">
          <p className="alert-title">The redacted file still names or shows someone when read back, so nothing was written.</p>
          <p>Draw a box over each place listed below (or answer “Redact”), then redact again.</p>
        </div>
        <div className="table-card table-compact">
          <table className="data-table">
            <caption className="visually-hidden">Where the read-back found someone</caption>
            <thead>
              <tr>
                <th scope="col">Page</th>
                <th scope="col">Place (points from the top left)</th>
                <th scope="col">What</th>
                <th scope="col">May name</th>
              </tr>
            </thead>
            <tbody>
              {report.hits.map((hit, i) => (
                <tr key={i}>
                  <th scope="row">{hit.page === 0 ? 'cover' : hit.page}</th>
                  <td className="mono">
                    {Math.round(hit.box.x)}, {Math.round(hit.box.y)} · {Math.round(hit.box.width)} × {Math.round(hit.box.height)}
                  </td>
                  <td>{kindWords(hit.kind)}</td>
                  <td>{whomItMayName(hit, caseId) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  }
  return (
    <div className="report">
      <div className="alert alert-success" role="status">
        <p className="alert-title">
          Redacted and verified: {plural(report.pages, 'page')}, {plural(report.redactions, 'redaction')}
          {report.kept ? `, ${report.kept} kept by your decision` : ''}. Read back with text extraction and OCR: no one in the vault is named.
        </p>
        <p>
          Folder: <span className="path">{report.folder}</span>
        </p>
        <p>File the public PDF; lodge the redaction log under seal.</p>
      </div>
      <FilesTable files={report.files} caption="Files written, with their roles and SHA-256" />
      <div className="actions actions-start">
        <button type="button" className="button" onClick={onShow}>
          Show in folder
        </button>
      </div>
    </div>
  );
}
