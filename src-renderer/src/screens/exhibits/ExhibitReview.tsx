import { useState } from 'react';
import type { ExhibitScanDto } from '../../../../src-preload/contract';
import { api, type DoeVaultError } from '../../api/client';
import { ErrorAlert } from '../../components/Feedback';
import { plural } from '../../lib/format';
import { FindingsTable } from './FindingsTable';
import { PageView, type Selection } from './PageView';
import { RedactPanel, type RedactChoices } from './RedactPanel';
import { tally, type Decisions, type DrawnRegion, type ExhibitRef } from './review';
import { Thumbnails } from './Thumbnails';

/**
 * An exhibit under review, kept by the screen while others are open: what its reading found,
 * and the attorney's work on it so far (answers, boxes drawn, the page in view).
 */
export interface OpenExhibit {
  ref: ExhibitRef;
  fileName: string;
  /** How it was read: the redaction reads it again the same way (the findings' ids depend on it). */
  dpi: number | undefined;
  faces: boolean;
  scan: ExhibitScanDto;
  decisions: Decisions;
  regions: DrawnRegion[];
  nextKey: number;
  page: number;
  selection: Selection;
}

export function openExhibit(ref: ExhibitRef, fileName: string, dpi: number | undefined, faces: boolean, scan: ExhibitScanDto): OpenExhibit {
  return { ref, fileName, dpi, faces, scan, decisions: {}, regions: [], nextKey: 1, page: 1, selection: null };
}

/** One exhibit's review: its pages with their boxes, the findings to answer, and the redaction. */
export function ExhibitReview({ exhibit, onChange }: { exhibit: OpenExhibit; onChange: (update: (e: OpenExhibit) => OpenExhibit) => void }) {
  const [revealError, setRevealError] = useState<DoeVaultError | null>(null);
  const { ref, scan, decisions, regions, page, selection } = exhibit;
  const counts = tally(scan.findings, decisions, regions);
  const set = (patch: Partial<OpenExhibit>) => onChange((e) => ({ ...e, ...patch }));
  const decide = (id: string, decision: 'redact' | 'keep') => onChange((e) => ({ ...e, decisions: { ...e.decisions, [id]: decision } }));

  const redact = (choices: RedactChoices) =>
    api().exhibits.redact({
      ...ref,
      decisions: { ...decisions },
      regions: regions.map(({ page: p, box }) => ({ page: p, box })),
      ocrLayer: choices.ocrLayer,
      bates: choices.bates,
      cover: choices.cover,
      dpi: exhibit.dpi,
      faces: exhibit.faces,
    });

  return (
    <>
      <section className="card exhibit-summary" aria-label="The exhibit">
        <p>
          <span className="mono">{scan.fileName}</span>: {plural(scan.pages.length, 'page')},{' '}
          {scan.findings.length === 0 ? 'no one of the vault found' : `${plural(scan.findings.length, 'place')} naming or possibly naming someone of the vault`}
          {counts.questions ? `; ${plural(counts.questions, 'question')} to answer` : ''}.
        </p>
      </section>
      <div className="exhibit-review">
        <Thumbnails exhibit={ref} scan={scan} decisions={decisions} regions={regions} current={page} onChoose={(p) => set({ page: p })} />
        <PageView
          exhibit={ref}
          page={page}
          pageCount={scan.pages.length}
          findings={scan.findings}
          decisions={decisions}
          regions={regions}
          selection={selection}
          onSelect={(s) => set({ selection: s })}
          onAddRegion={(onPage, box) =>
            onChange((e) => ({ ...e, regions: [...e.regions, { key: e.nextKey, page: onPage, box }], selection: { kind: 'region', key: e.nextKey }, nextKey: e.nextKey + 1 }))
          }
          onChangeRegion={(key, box) => onChange((e) => ({ ...e, regions: e.regions.map((r) => (r.key === key ? { ...r, box } : r)) }))}
          onRemoveRegion={(key) => onChange((e) => ({ ...e, regions: e.regions.filter((r) => r.key !== key), selection: null }))}
          onKeepFinding={(id) => decide(id, 'keep')}
          onPage={(p) => set({ page: Math.max(1, Math.min(scan.pages.length, p)), selection: null })}
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
            exhibit={ref}
            findings={scan.findings}
            decisions={decisions}
            selectedId={selection?.kind === 'finding' ? selection.id : undefined}
            onDecide={decide}
            onSelect={(f) => set({ page: f.page, selection: { kind: 'finding', id: f.id } })}
            onError={setRevealError}
          />
        )}
      </section>
      <RedactPanel caseId={ref.caseId} tally={counts} onRedact={redact} />
    </>
  );
}
