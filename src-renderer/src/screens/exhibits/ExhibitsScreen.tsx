import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { EmptyState, ErrorAlert, Notice } from '../../components/Feedback';
import { useAction } from '../../hooks/useAction';
import { useTitle } from '../../hooks/useTitle';
import { plural } from '../../lib/format';
import type { Route } from '../../routes';
import { Breadcrumb, CaseTabs, useCaseSummary } from '../CaseNav';
import { OperationProgress } from '../filings/OperationProgress';
import { ExhibitReview, openExhibit, type OpenExhibit } from './ExhibitReview';
import { tally, type ExhibitRef } from './review';
import { clearPageImages, forgetPageImages } from './usePageImage';

const RESOLUTIONS = [
  { value: 'auto', label: 'Automatic (300 dpi for scans, 200 for born-digital pages)' },
  { value: '150', label: '150 dpi (faster; small print may be missed)' },
  { value: '200', label: '200 dpi' },
  { value: '300', label: '300 dpi' },
] as const;

/**
 * A case's exhibits: documents from others (PDFs, scans, photographs, Word files) read page by
 * page against the vault, reviewed on pictures of their pages, and redacted for real. Several
 * can be open at once, each with its answers and boxes kept while another is in view.
 */
export function ExhibitsScreen({ caseId, onNavigate }: { caseId: string; onNavigate: (route: Route) => void }) {
  const summary = useCaseSummary(caseId);
  useTitle(summary ? `Exhibits — ${summary.title}` : 'Exhibits');
  const [resolution, setResolution] = useState<(typeof RESOLUTIONS)[number]['value']>('auto');
  const [faces, setFaces] = useState(false);
  const [open, setOpen] = useState<OpenExhibit[]>([]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  /** The file being read, or the last one whose reading failed. */
  const [file, setFile] = useState<string | null>(null);
  const [noFile, setNoFile] = useState(false);
  const dpi = resolution === 'auto' ? undefined : Number(resolution);
  const choose = useAction(() => api().exhibits.chooseFile({ caseId }));
  const read = useAction((ref: ExhibitRef, readDpi: number | undefined, readFaces: boolean) => api().exhibits.scan({ ...ref, dpi: readDpi, faces: readFaces }));
  const current = open.find((e) => e.ref.exhibitId === currentId) ?? null;

  // The chosen files and their pictures are forgotten when the screen goes.
  useEffect(
    () => () => {
      clearPageImages();
      void api()
        .exhibits.clear()
        .catch(() => undefined);
    },
    [],
  );

  const add = async () => {
    setNoFile(false);
    const chosen = await choose.run();
    if (!chosen.ok) return;
    if (chosen.value === null) {
      setNoFile(true);
      return;
    }
    const ref = { caseId, exhibitId: chosen.value.exhibitId };
    const { fileName } = chosen.value;
    setFile(fileName);
    const outcome = await read.run(ref, dpi, faces);
    if (!outcome.ok) {
      forget(ref);
      return;
    }
    setFile(null);
    setOpen((list) => [...list, openExhibit(ref, fileName, dpi, faces, outcome.value)]);
    setCurrentId(ref.exhibitId);
  };

  /** Main forgets the file and its findings' words; the renderer its pictures. */
  const forget = (ref: ExhibitRef) => {
    void api()
      .exhibits.remove(ref)
      .catch(() => undefined);
    forgetPageImages(ref.exhibitId);
  };

  const close = (exhibit: OpenExhibit) => {
    const { exhibitId } = exhibit.ref;
    forget(exhibit.ref);
    const rest = open.filter((e) => e.ref.exhibitId !== exhibitId);
    setOpen(rest);
    if (currentId === exhibitId) setCurrentId(rest.at(-1)?.ref.exhibitId ?? null);
  };

  const update = (exhibitId: string) => (change: (e: OpenExhibit) => OpenExhibit) =>
    setOpen((list) => list.map((e) => (e.ref.exhibitId === exhibitId ? change(e) : e)));

  const reading = read.pending;

  const options = (
    <>
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
    </>
  );

  const addButton = (
    <button type="button" className="button button-primary" onClick={() => void add()} disabled={choose.pending || reading}>
      {open.length > 0 || file ? 'Add another exhibit…' : 'Add an exhibit…'}
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

      {open.length > 0 ? (
        <nav className="card exhibit-list" aria-label="Open exhibits">
          <ul>
            {open.map((e) => {
              const questions = tally(e.scan.findings, e.decisions, e.regions).questions;
              const isCurrent = e.ref.exhibitId === currentId;
              return (
                <li key={e.ref.exhibitId} className={isCurrent ? 'is-current' : undefined}>
                  <button type="button" className="exhibit-list-item" aria-current={isCurrent ? 'true' : undefined} onClick={() => setCurrentId(e.ref.exhibitId)}>
                    <span className="mono">{e.fileName}</span>
                    <span className="muted small">
                      {plural(e.scan.pages.length, 'page')}
                      {questions ? ` · ${plural(questions, 'question')}` : ''}
                    </span>
                  </button>
                  <button type="button" className="button button-quiet button-small" aria-label={`Close ${e.fileName}`} onClick={() => close(e)}>
                    Close
                  </button>
                </li>
              );
            })}
          </ul>
          {!reading ? (
            <details className="exhibit-next-options">
              <summary>How to read the next exhibit</summary>
              {options}
            </details>
          ) : null}
        </nav>
      ) : null}

      {open.length === 0 && !reading ? (
        <section className="card" aria-labelledby="exhibit-reading-title">
          <h2 id="exhibit-reading-title" className="section-title">
            How to read the next exhibit
          </h2>
          {options}
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

      {open.length === 0 && !reading && !read.error ? (
        <EmptyState title="No exhibit open" action={<div className="actions">{addButton}</div>}>
          <p>
            Add a PDF (typed or scanned), a picture (.png, .jpg, .tif) or a Word file. DoeVault renders every page, reads it with OCR where there is no
            text, and proposes a box over every name, address or number of anyone in the vault. You review the boxes, draw your own, answer the
            questions, and DoeVault writes a new PDF made only of the redacted page pictures, read back and checked before it is saved. Several
            exhibits can be open at once.
          </p>
        </EmptyState>
      ) : null}

      {current && !reading ? <ExhibitReview key={current.ref.exhibitId} exhibit={current} onChange={update(current.ref.exhibitId)} /> : null}
    </div>
  );
}
