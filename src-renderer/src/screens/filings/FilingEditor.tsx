import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FilingDto, FindingDto, RosterEntryDto } from '../../../../src-preload/contract';
import { api, asDoeVaultError, type DoeVaultError } from '../../api/client';
import { ErrorAlert, Loading, LoadError } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { useLeaveGuard } from '../../components/LeaveGuard';
import { Tabs } from '../../components/Tabs';
import { useNotify } from '../../components/Toasts';
import { useDebounced } from '../../hooks/useDebounced';
import { useShortcut } from '../../hooks/useShortcut';
import { useTitle } from '../../hooks/useTitle';
import { formatDateTime, plural } from '../../lib/format';
import { draftOf, fieldsOf, FORMATS, shiftFindings, type FilingDraft } from '../../lib/filings';
import { Breadcrumb, useCaseSummary } from '../CaseNav';
import { DraftEditor, HIGHLIGHT_LIMIT, type DraftEditorHandle } from './DraftEditor';
import { ExportDialog } from './ExportDialog';
import { MentionsList } from './Mentions';
import { PreviewPanel } from './Preview';
import { QuestionsPanel } from './Questions';
import type { EditorView, Route } from '../../routes';

/** How long typing must pause before the body is scanned again. */
export const SCAN_DEBOUNCE_MS = 300;
const LONG_DRAFT = 200_000;

export function FilingEditorScreen({
  caseId,
  filingId,
  notice,
  initialView,
  onNavigate,
}: {
  caseId: string;
  filingId: string;
  notice: string | undefined;
  initialView: EditorView | undefined;
  onNavigate: (route: Route) => void;
}) {
  const summary = useCaseSummary(caseId);
  const [filing, setFiling] = useState<FilingDto | null>(null);
  const [loadError, setLoadError] = useState<DoeVaultError | null>(null);
  const [draft, setDraft] = useState<FilingDraft | null>(null);
  const [saved, setSaved] = useState<FilingDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<DoeVaultError | null>(null);
  const [view, setView] = useState<EditorView>(initialView ?? 'draft');
  const [exportOpen, setExportOpen] = useState(false);
  const [roster, setRoster] = useState<RosterEntryDto[] | null>(null);
  const [shownNotice, setShownNotice] = useState(notice);
  const notify = useNotify();
  const draftRef = useRef(draft);
  draftRef.current = draft;
  useTitle(draft?.title || 'Filing');

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const loaded = await api().filings.get({ caseId, filingId });
      const initial = draftOf(loaded);
      setFiling(loaded);
      setDraft(initial);
      setSaved(initial);
    } catch (error) {
      const failure = asDoeVaultError(error);
      if (failure.code !== 'LOCKED') setLoadError(failure);
    }
  }, [caseId, filingId]);

  useEffect(() => {
    void load();
    api()
      .plaintiffs.roster({ caseId })
      .then(setRoster)
      .catch(() => setRoster([]));
  }, [load, caseId]);

  const dirty = draft !== null && saved !== null && !sameDraft(draft, saved);

  const save = useCallback(async (): Promise<DoeVaultError | null> => {
    const current = draftRef.current;
    if (!current) return null;
    setSaving(true);
    setSaveError(null);
    try {
      const updated = await api().filings.update({ caseId, filingId, filing: fieldsOf(current) });
      setFiling(updated);
      setSaved(current);
      return null;
    } catch (error) {
      const failure = asDoeVaultError(error);
      if (failure.code !== 'LOCKED') setSaveError(failure);
      return failure;
    } finally {
      setSaving(false);
    }
  }, [caseId, filingId]);

  useLeaveGuard(dirty, save);
  useShortcut({ key: 's', mod: true }, () => {
    if (draftRef.current) void save().then((failure) => !failure && notify('Saved.'));
  });

  const scan = useLiveScan(caseId, draft?.body ?? null);

  const trail = [
    { label: 'Cases', route: { name: 'cases' } as Route },
    { label: summary?.title ?? 'Case', route: { name: 'roster', caseId } as Route },
    { label: 'Filings', route: { name: 'filings', caseId } as Route },
    { label: draft?.title || 'Filing' },
  ];

  if (loadError) {
    return (
      <div className="page">
        <Breadcrumb trail={trail} onNavigate={onNavigate} />
        <h1 className="page-title">Filing</h1>
        <LoadError error={loadError} title={loadError.code === 'NOT_FOUND' ? 'This filing is no longer in the vault.' : 'The filing could not be loaded.'} onRetry={() => void load()} />
      </div>
    );
  }
  if (!draft || !filing) {
    return (
      <div className="page">
        <Breadcrumb trail={trail} onNavigate={onNavigate} />
        <Loading label="Opening the filing…" />
      </div>
    );
  }

  const asks = scan.findings.filter((f) => f.action.kind === 'ask').length;
  const views = [
    { id: 'draft' as const, label: 'Draft' },
    {
      id: 'questions' as const,
      label: (
        <>
          Questions
          {asks > 0 ? (
            <>
              <span className="tab-badge" aria-hidden="true">
                {asks}
              </span>
              <span className="visually-hidden">({plural(asks, 'open question')} in the body)</span>
            </>
          ) : null}
        </>
      ),
    },
    { id: 'preview' as const, label: 'Preview' },
  ];

  return (
    <div className="page page-filing">
      <Breadcrumb trail={trail} onNavigate={onNavigate} />
      <div className="page-header">
        <div>
          <h1 className="page-title">{draft.title || 'Untitled filing'}</h1>
          <p className="page-subtitle">
            {[draft.documentType || null, FORMATS[draft.format].label].filter(Boolean).join(' · ')} ·{' '}
            <span className={`save-state${dirty ? ' is-dirty' : ''}`} role="status">
              {saving ? 'Saving…' : dirty ? 'Unsaved changes' : `Saved ${formatDateTime(filing.updatedAt)}`}
            </span>
          </p>
        </div>
        <div className="page-header-actions">
          <button type="button" className="button" onClick={() => void save()} disabled={saving || !dirty} title="Save (Ctrl+S)" aria-keyshortcuts="Control+S">
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button button-primary" onClick={() => setExportOpen(true)}>
            Export…
          </button>
        </div>
      </div>
      {saveError ? <ErrorAlert error={saveError} title="The filing could not be saved. Your text is still here." /> : null}
      {shownNotice ? (
        <div className="alert alert-info" role="status">
          <p>{shownNotice}</p>
          <div className="actions actions-start">
            {asks > 0 && view !== 'questions' ? (
              <button type="button" className="button button-small button-primary" onClick={() => setView('questions')}>
                Answer the questions
              </button>
            ) : null}
            <button type="button" className="button button-small" onClick={() => setShownNotice(undefined)}>
              Dismiss
            </button>
          </div>
        </div>
      ) : null}

      <Tabs label="Filing" items={views} selected={view} onSelect={setView} className="filing-views">
        {view === 'draft' ? (
          <DraftView caseId={caseId} draft={draft} onChange={setDraft} scan={scan} roster={roster} onAnswer={() => setView('questions')} />
        ) : null}
        {view === 'questions' ? <QuestionsPanel caseId={caseId} draft={draft} onDraftChange={setDraft} roster={roster} onDone={() => setView('draft')} /> : null}
        {view === 'preview' ? <PreviewPanel caseId={caseId} draft={draft} openQuestions={asks} /> : null}
      </Tabs>

      {exportOpen ? (
        <ExportDialog
          caseId={caseId}
          draft={draft}
          onDraftChange={setDraft}
          save={save}
          onClose={() => setExportOpen(false)}
          onOpenQuestions={() => {
            setExportOpen(false);
            setView('questions');
          }}
        />
      ) : null}
    </div>
  );
}

function DraftView({
  caseId,
  draft,
  onChange,
  scan,
  roster,
  onAnswer,
}: {
  caseId: string;
  draft: FilingDraft;
  onChange: (next: FilingDraft) => void;
  scan: LiveScan;
  roster: RosterEntryDto[] | null;
  onAnswer: () => void;
}) {
  const [captionOpen, setCaptionOpen] = useState(draft.body.trim() === '');
  const [caret, setCaret] = useState(0);
  const editor = useRef<DraftEditorHandle>(null);
  const ids = useId();
  const set = (patch: Partial<FilingDraft>) => onChange({ ...draft, ...patch });
  const active = scan.findings.findIndex((f) => caret >= f.start && caret <= f.end);

  return (
    <div className="draft-view">
      <section className="caption-section" aria-labelledby={`${ids}-caption`}>
        <h2 id={`${ids}-caption`} className="caption-heading">
          <button type="button" className="caption-toggle" aria-expanded={captionOpen} aria-controls={`${ids}-caption-fields`} onClick={() => setCaptionOpen((o) => !o)}>
            <span className="caption-chevron" aria-hidden="true">
              {captionOpen ? '▾' : '▸'}
            </span>
            Caption: title, court, parties, counsel
          </button>
        </h2>
        {!captionOpen ? (
          <p className="muted small caption-summary">
            {[draft.title, draft.court || 'court of the case', draft.caseNumber || 'case number of the case'].join(' · ')}
          </p>
        ) : null}
        <div id={`${ids}-caption-fields`} hidden={!captionOpen} className="caption-fields">
          <div className="field-row">
            <Field label="Title" required hint="Public: printed in the caption and every page's footer.">
              {(props) => <input {...props} className="input" value={draft.title} onChange={(e) => set({ title: e.target.value })} maxLength={300} />}
            </Field>
            <Field label="Document type" hint="E.g. Complaint, Motion.">
              {(props) => <input {...props} className="input" value={draft.documentType} onChange={(e) => set({ documentType: e.target.value })} maxLength={100} />}
            </Field>
          </div>
          <div className="field-row">
            <Field label="Court" hint="Blank: the court of the case.">
              {(props) => <input {...props} className="input" value={draft.court} onChange={(e) => set({ court: e.target.value })} maxLength={300} />}
            </Field>
            <Field label="Case number" hint="Blank: the number of the case.">
              {(props) => <input {...props} className="input" value={draft.caseNumber} onChange={(e) => set({ caseNumber: e.target.value })} maxLength={100} />}
            </Field>
            <Field label="Format">
              {(props) => (
                <select {...props} className="input" value={draft.format} onChange={(e) => set({ format: e.target.value as FilingDraft['format'] })}>
                  {(Object.keys(FORMATS) as FilingDraft['format'][]).map((value) => (
                    <option key={value} value={value}>
                      {FORMATS[value].label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="field-row">
            <Field label="Parties" hint="Left of the caption, one line each, as filed publicly (pseudonyms). Blank: the case title.">
              {(props) => <textarea {...props} className="input" rows={4} value={draft.parties} onChange={(e) => set({ parties: e.target.value })} maxLength={2000} />}
            </Field>
            <Field label="Counsel" hint="Name, bar number, firm, address, phone, email; one per line.">
              {(props) => <textarea {...props} className="input" rows={4} value={draft.counsel} onChange={(e) => set({ counsel: e.target.value })} maxLength={2000} />}
            </Field>
          </div>
        </div>
      </section>

      <div className="editor-grid">
        <div className="editor-main">
          <label htmlFor={`${ids}-body`} className="field-label">
            Body
          </label>
          <p id={`${ids}-body-hint`} className="field-hint">
            Markdown. Type <kbd className="kbd">@</kbd> to cite a plaintiff by pseudonym or real name; the text holds {'{{Jane Doe 3}}'} and prints the
            pseudonym publicly, the real name under seal. Names of people in the vault are marked as you type.
          </p>
          <DraftEditor
            caseId={caseId}
            id={`${ids}-body`}
            value={draft.body}
            onChange={(body) => set({ body })}
            findings={scan.findings}
            activeFinding={active}
            onCaret={setCaret}
            describedBy={`${ids}-body-hint`}
            editorRef={editor}
            roster={roster}
          />
          <p className="editor-legend small muted">
            <span className="legend-swatch hl-ask" aria-hidden="true" /> needs your decision;
            <span className="legend-swatch hl-auto" aria-hidden="true" /> becomes a pseudonym or a redaction on export;
            <span className="legend-swatch hl-token" aria-hidden="true" /> plaintiff token.
            {draft.body.length > HIGHLIGHT_LIMIT ? ' This draft is very long: names are listed beside it, not marked in the text.' : ''}
          </p>
          {scan.error ? <ErrorAlert error={scan.error} title="The live check for names stopped." /> : null}
        </div>
        <aside className="editor-side" aria-label="Names found">
          <MentionsList
            caseId={caseId}
            findings={scan.findings}
            active={active}
            state={scan.state}
            onSelect={(f) => editor.current?.select(f.start, f.end)}
            onAnswer={onAnswer}
          />
        </aside>
      </div>
    </div>
  );
}

interface LiveScan {
  findings: FindingDto[];
  state: 'scanning' | 'idle' | 'failed';
  error: DoeVaultError | null;
}

/**
 * The body scanned in main once typing pauses; between scans the last findings follow the
 * edits (shifted, or dropped where the text changed), so the marks do not jump about.
 */
function useLiveScan(caseId: string, body: string | null): LiveScan {
  const settled = useDebounced(body, (body?.length ?? 0) > LONG_DRAFT ? SCAN_DEBOUNCE_MS * 3 : SCAN_DEBOUNCE_MS);
  const [scanned, setScanned] = useState<{ text: string; findings: FindingDto[] } | null>(null);
  const [error, setError] = useState<DoeVaultError | null>(null);

  useEffect(() => {
    if (settled === null) return;
    let current = true;
    api()
      .filings.scan({ caseId, text: settled })
      .then(
        (findings) => {
          if (!current) return;
          setScanned({ text: settled, findings });
          setError(null);
        },
        (caught: unknown) => {
          if (!current) return;
          const failure = asDoeVaultError(caught);
          if (failure.code !== 'LOCKED') setError(failure);
        },
      );
    return () => {
      current = false;
    };
  }, [caseId, settled]);

  const findings = useMemo(() => (scanned && body !== null ? shiftFindings(scanned.findings, scanned.text, body) : []), [scanned, body]);
  return { findings, state: error ? 'failed' : scanned?.text === body ? 'idle' : 'scanning', error };
}

function sameDraft(a: FilingDraft, b: FilingDraft): boolean {
  if (a === b) return true;
  return (
    a.body === b.body &&
    a.title === b.title &&
    a.documentType === b.documentType &&
    a.format === b.format &&
    a.court === b.court &&
    a.caseNumber === b.caseNumber &&
    a.parties === b.parties &&
    a.counsel === b.counsel &&
    a.orderDate === b.orderDate &&
    JSON.stringify(a.labels) === JSON.stringify(b.labels) &&
    a.keyFields.join() === b.keyFields.join() &&
    JSON.stringify(a.identities) === JSON.stringify(b.identities)
  );
}
