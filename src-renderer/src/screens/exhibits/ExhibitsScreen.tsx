import { useCallback, useEffect, useState } from 'react';
import type { ExhibitScanDto } from '../../../../src-preload/contract';
import { api, type DoeVaultError } from '../../api/client';
import { EmptyState, ErrorAlert, Notice } from '../../components/Feedback';
import { useAction } from '../../hooks/useAction';
import { useTitle } from '../../hooks/useTitle';
import { plural } from '../../lib/format';
import type { Route } from '../../routes';
import { Breadcrumb, CaseTabs, useCaseSummary } from '../CaseNav';
import { OperationProgress } from '../filings/OperationProgress';
import { FindingsTable } from './FindingsTable';
import { PageView, type Selection } from './PageView';
import { RedactPanel, type RedactChoices } from './RedactPanel';
import { tally, type Decisions, type DrawnRegion } from './review';
import { Thumbnails } from './Thumbnails';
import { clearPageImages } from './usePageImage';

const RESOLUTIONS = [
  { value: 'auto', label: 'Automatic (300 dpi for scans, 200 for born-digital pages)' },
  { value: '150', label: '150 dpi (faster; small print may be missed)' },
  { value: '200', label: '200 dpi' },
  { value: '300', label: '300 dpi' },
] as const;

/**
 * A case's exhibits: documents from others (PDFs, scans, photographs, Word files) read page by
 * page against the vault, reviewed on pictures of their pages, and redacted for real.
 */
export function ExhibitsScreen({ caseId, onNavigate }: { caseId: string; onNavigate: (route: Route) => void }) {
  const summary = useCaseSummary(caseId);
  useTitle(summary ? `Exhibits — ${summary.title}` : 'Exhibits');
  const [resolution, setResolution] = useState<(typeof RESOLUTIONS)[number]['value']>('auto');
  const [faces, setFaces] = useState(false);
  const [file, setFile] = useState<string | null>(null);
  const [scan, setScan] = useState<ExhibitScanDto | null>(null);
  const [noFile, setNoFile] = useState(false);
  const [decisions, setDecisions] = useState<Decisions>({});
  const [regions, setRegions] = useState<DrawnRegion[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [page, setPage] = useState(1);
  const [selection, setSelection] = useState<Selection>(null);
  const [revealError, setRevealError] = useState<DoeVaultError | null>(null);
  const dpi = resolution === 'auto' ? undefined : Number(resolution);
  const choose = useAction(() => api().exhibits.chooseFile({ caseId }));
  const read = useAction(() => api().exhibits.scan({ caseId, dpi, faces }));

  // The chosen file and its pictures are forgotten when the screen goes.
  useEffect(
    () => () => {
      clearPageImages();
      void api()
        .exhibits.clear()
        .catch(() => undefined);
    },
    [],
  );

  const reset = () => {
    clearPageImages();
    setScan(null);
    setFile(null);
    setDecisions({});
    setRegions([]);
    setSelection(null);
    setPage(1);
  };

  const add = async () => {
    setNoFile(false);
    const chosen = await choose.run();
    if (!chosen.ok) return;
    if (chosen.value === null) {
      setNoFile(true);
      return;
    }
    reset();
    setFile(chosen.value.fileName);
    const outcome = await read.run();
    if (outcome.ok) setScan(outcome.value);
  };

  const addRegion = useCallback(
    (onPage: number, box: DrawnRegion['box']) => {
      setRegions((list) => [...list, { key: nextKey, page: onPage, box }]);
      setSelection({ kind: 'region', key: nextKey });
      setNextKey((k) => k + 1);
    },
    [nextKey],
  );

  const redact = (choices: RedactChoices) =>
    api().exhibits.redact({
      caseId,
      decisions: { ...decisions },
      regions: regions.map(({ page: p, box }) => ({ page: p, box })),
      ocrLayer: choices.ocrLayer,
      bates: choices.bates,
      cover: choices.cover,
      dpi,
      faces,
    });

  const decide = (id: string, decision: 'redact' | 'keep') => setDecisions((d) => ({ ...d, [id]: decision }));
  const counts = scan ? tally(scan.findings, decisions, regions) : null;
  const reading = read.pending;

  const addButton = (
    <button type="button" className="button button-primary" onClick={() => void add()} disabled={choose.pending || reading}>
      {scan || file ? 'Add another exhibit…' : 'Add an exhibit…'}
    </button>
  );

  return (
    <div className="page page-wide">
      <Breadcrumb
        trail={[{ label: 'Cases', route: { name: 'cases' } }, { label: summary?.title ?? 'Case', route: { name: 'roster', caseId } }, { label: 'Exhibits' }]}
        onNavigate={onNavigate}
      />
      <div className="page-header">
        <div>
          <h1 className="page-title">{summary?.title ?? 'Exhibits'}</h1>
          <p className="page-subtitle">
            Documents from others — police reports, records, screenshots, photographs — checked against every identity in the vault, reviewed page by page, and
            redacted for real.
          </p>
        </div>
        <div className="page-header-actions">{addButton}</div>
      </div>
      <CaseTabs caseId={caseId} current="exhibits" onNavigate={onNavigate} />

      {!scan && !reading ? (
        <section className="card" aria-labelledby="exhibit-reading-title">
          <h2 id="exhibit-reading-title" className="section-title">
            How to read the next exhibit
          </h2>
          <div className="exhibit-options-row">
            <label className="field">
              <span className="field-label">Resolution</span>
              <select className="input" value={resolution} onChange={(e) => setResolution(e.target.value as typeof resolution)}>
                {RESOLUTIONS.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={faces} onChange={(e) => setFaces(e.target.checked)} />
            <span>
              Propose faces in photographs <span className="radio-hint">— each face is a question: you keep or remove it</span>
            </span>
          </label>
        </section>
      ) : null}

      {choose.error ? <ErrorAlert error={choose.error} title="The exhibit could not be added." /> : null}
      {noFile ? <Notice>No file was chosen.</Notice> : null}
      {reading || read.error ? (
        <section className="card" aria-labelledby="exhibit-progress-title">
          <h2 id="exhibit-progress-title" className="section-title">
            {file ?? 'The exhibit'}
          </h2>
          {reading ? (
            <div className="actions actions-start">
              <OperationProgress
                busy={reading}
                slow={read.slow}
                label="Reading the exhibit"
                detail="Rendering each page, reading it with OCR and looking for every identity in the vault. A long scan takes minutes."
              />
            </div>
          ) : null}
          {read.error?.code === 'CANCELLED' ? <Notice>Cancelled. The exhibit was not read; add it again when you are ready.</Notice> : null}
          {read.error && read.error.code !== 'CANCELLED' ? <ErrorAlert error={read.error} title={`${file ?? 'The exhibit'} could not be read.`} /> : null}
        </section>
      ) : null}

      {!scan && !reading && !read.error && !file ? (
        <EmptyState title="No exhibit open" action={<div className="actions">{addButton}</div>}>
          <p>
            Add a PDF (typed or scanned), a picture (.png, .jpg, .tif) or a Word file. DoeVault renders every page, reads it with OCR where there is no
            text, and proposes a box over every name, address or number of anyone in the vault. You review the boxes, draw your own, answer the
            questions, and DoeVault writes a new PDF made only of the redacted page pictures, read back and checked before it is saved.
          </p>
        </EmptyState>
      ) : null}

      {scan && counts ? (
        <>
          <section className="card exhibit-summary" aria-label="The exhibit">
            <p>
              <span className="mono">{scan.fileName}</span>: {plural(scan.pages.length, 'page')},{' '}
              {scan.findings.length === 0 ? 'no one of the vault found' : `${plural(scan.findings.length, 'place')} naming or possibly naming someone of the vault`}
              {counts.questions ? `; ${plural(counts.questions, 'question')} to answer` : ''}.
            </p>
          </section>
          <div className="exhibit-review">
            <Thumbnails caseId={caseId} scan={scan} decisions={decisions} regions={regions} current={page} onChoose={(p) => setPage(p)} />
            <PageView
              caseId={caseId}
              page={page}
              pageCount={scan.pages.length}
              findings={scan.findings}
              decisions={decisions}
              regions={regions}
              selection={selection}
              onSelect={setSelection}
              onAddRegion={addRegion}
              onChangeRegion={(key, box) => setRegions((list) => list.map((r) => (r.key === key ? { ...r, box } : r)))}
              onRemoveRegion={(key) => {
                setRegions((list) => list.filter((r) => r.key !== key));
                setSelection(null);
              }}
              onKeepFinding={(id) => decide(id, 'keep')}
              onPage={(p) => {
                setPage(Math.max(1, Math.min(scan.pages.length, p)));
                setSelection(null);
              }}
            />
          </div>
          <section className="card" aria-labelledby="exhibit-findings-title">
            <h2 id="exhibit-findings-title" className="section-title">
              What the exhibit names
            </h2>
            {revealError ? <ErrorAlert error={revealError} title="The text could not be revealed." /> : null}
            {scan.findings.length === 0 ? (
              <p className="muted">Nothing was found. Draw boxes over anything else that must not be public.</p>
            ) : (
              <FindingsTable
                caseId={caseId}
                findings={scan.findings}
                decisions={decisions}
                selectedId={selection?.kind === 'finding' ? selection.id : undefined}
                onDecide={decide}
                onSelect={(f) => {
                  setPage(f.page);
                  setSelection({ kind: 'finding', id: f.id });
                }}
                onError={setRevealError}
              />
            )}
          </section>
          <RedactPanel key={scan.fileName} tally={counts} onRedact={redact} />
        </>
      ) : null}
    </div>
  );
}
