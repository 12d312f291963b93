import { useCallback, useEffect, useState } from 'react';
import type { FilingSummaryDto } from '../../../../src-preload/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { EmptyState, ErrorAlert, Loading, LoadError, Notice, ProgressBar } from '../../components/Feedback';
import { useNotify } from '../../components/Toasts';
import { useAction } from '../../hooks/useAction';
import { useShortcut } from '../../hooks/useShortcut';
import { formatDateTime, plural } from '../../lib/format';
import { FORMATS } from '../../lib/filings';
import { Breadcrumb, CaseTabs, useCaseSummary } from '../CaseNav';
import { useTitle } from '../../hooks/useTitle';
import type { Route } from '../../routes';
import { NewFilingDialog } from './NewFilingDialog';
import { OpenPackageForm } from './OpenPackage';
import { SealingSetDialog } from './SealingSetDialog';

/** A case's filings: drafts that cite plaintiffs by pseudonym, exported as public and sealed versions. */
export function FilingsScreen({ caseId, onNavigate }: { caseId: string; onNavigate: (route: Route) => void }) {
  const summary = useCaseSummary(caseId);
  useTitle(summary ? `Filings — ${summary.title}` : 'Filings');
  const [filings, setFilings] = useState<FilingSummaryDto[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<FilingSummaryDto | null>(null);
  const [opening, setOpening] = useState(false);
  const [sealing, setSealing] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const load = useAction(() => api().filings.list({ caseId }));
  const importDraft = useAction(() => api().filings.importDraft({ caseId }));
  const createImported = useAction((title: string, body: string) => api().filings.create({ caseId, filing: { title, body } }));
  const notify = useNotify();
  const { run } = load;

  const reload = useCallback(async () => {
    const outcome = await run();
    if (outcome.ok) setFilings(outcome.value);
  }, [run]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useShortcut({ key: 'n', mod: true }, () => setCreating(true));

  const open = (filingId: string, extra: Partial<Extract<Route, { name: 'filing' }>> = {}) => onNavigate({ name: 'filing', caseId, filingId, ...extra });

  const startImport = async () => {
    setCancelled(false);
    const outcome = await importDraft.run();
    if (!outcome.ok) return;
    if (outcome.value === null) {
      setCancelled(true);
      return;
    }
    const { fileName, title, text, converted, questions } = outcome.value;
    // Never the file's name: "MartaKowalczyk.md" would print a plaintiff on every page.
    const created = await createImported.run((title ?? UNTITLED).slice(0, 300), text);
    if (!created.ok) return;
    const notice =
      `Imported “${fileName}”: ${plural(converted, 'mention')} ${converted === 1 ? 'became a pseudonym or a redaction' : 'became pseudonyms or redactions'}` +
      (questions.length > 0 ? `, and ${plural(questions.length, 'mention')} ${questions.length === 1 ? 'needs' : 'need'} your decision.` : '. Nothing needs a decision.');
    open(created.value.id, { notice });
  };

  const actions = (
    <>
      <button type="button" className="button" onClick={() => void startImport()} disabled={importDraft.pending}>
        {importDraft.pending ? 'Importing…' : 'Import draft (.txt, .md, .docx)…'}
      </button>
      <button type="button" className="button button-primary" onClick={() => setCreating(true)} title="New filing (Ctrl+N)" aria-keyshortcuts="Control+N">
        New filing
      </button>
    </>
  );

  return (
    <div className="page">
      <Breadcrumb
        trail={[{ label: 'Cases', route: { name: 'cases' } }, { label: summary?.title ?? 'Case', route: { name: 'roster', caseId } }, { label: 'Filings' }]}
        onNavigate={onNavigate}
      />
      <div className="page-header">
        <div>
          <h1 className="page-title">{summary?.title ?? 'Filings'}</h1>
          <p className="page-subtitle">Filings cite plaintiffs by pseudonym. DoeVault exports a public version that names nobody, and the sealed versions for the court.</p>
        </div>
        <div className="page-header-actions">{actions}</div>
      </div>
      <CaseTabs caseId={caseId} current="filings" onNavigate={onNavigate} />

      {importDraft.error ? <ErrorAlert error={importDraft.error} title="The draft could not be imported." /> : null}
      {createImported.error ? <ErrorAlert error={createImported.error} title="The imported draft could not be saved as a filing." /> : null}
      {importDraft.slow ? <ProgressBar label="Importing the draft…" detail="Reading the file and looking for every name in the vault." /> : null}
      {cancelled ? <Notice>No file was chosen. Nothing was imported.</Notice> : null}
      {load.error ? <LoadError error={load.error} title="The filings could not be loaded." onRetry={() => void reload()} /> : null}
      {filings === null && !load.error ? <Loading label="Loading the filings…" /> : null}

      {filings !== null && filings.length === 0 ? (
        <EmptyState title="No filings in this case yet" action={<div className="actions">{actions}</div>}>
          <p>
            A filing is a document for the court — a complaint, a motion, a declaration — written once with pseudonyms. Type <kbd className="kbd">@</kbd> in
            the text to cite a plaintiff. DoeVault prints the pseudonym in the public version and the real name in the sealed version and in the
            declaration of identities, and checks every public file for names before it is written.
          </p>
          <p>Already have a draft with real names in it? Import it: DoeVault turns each name into a pseudonym and asks you about the ones it cannot be sure of.</p>
        </EmptyState>
      ) : null}

      {filings !== null && filings.length > 0 ? (
        <div className="table-card">
          <table className="data-table">
            <caption className="visually-hidden">Filings of this case, {plural(filings.length, 'filing')}</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Type</th>
                <th scope="col">Format</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {filings.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    <button type="button" className="button-link case-title" onClick={() => open(f.id)}>
                      {f.title}
                    </button>
                  </th>
                  <td>{f.documentType ?? <span className="muted">Not given</span>}</td>
                  <td>{FORMATS[f.format].label}</td>
                  <td className="nowrap">{formatDateTime(f.updatedAt)}</td>
                  <td className="row-actions">
                    <button type="button" className="button button-small" onClick={() => open(f.id)} aria-label={`Open ${f.title}`}>
                      Open
                    </button>
                    <button type="button" className="button button-small button-danger-quiet" onClick={() => setDeleting(f)} aria-label={`Delete ${f.title}`}>
                      Delete…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <section className="card" aria-labelledby="sealing-heading">
        <h2 id="sealing-heading" className="section-title">
          Sealing papers
        </h2>
        <p className="muted">
          The motion for leave to proceed under pseudonyms and to file the plaintiffs&apos; identities under seal, your declaration and a proposed order,
          on the court&apos;s pleading paper and naming the plaintiffs by pseudonym only, with the declaration of identities to lodge conditionally under seal.
        </p>
        <div className="actions actions-start">
          <button type="button" className="button" onClick={() => setSealing(true)} disabled={summary?.plaintiffs === 0} aria-describedby={summary?.plaintiffs === 0 ? 'sealing-none' : undefined}>
            Sealing papers…
          </button>
          {summary?.plaintiffs === 0 ? (
            <span id="sealing-none" className="muted small">
              Add the plaintiffs to the roster first.
            </span>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby="packages-heading">
        <h2 id="packages-heading" className="section-title">
          Sealed packages
        </h2>
        <p className="muted">
          An export can include a sealed package (.doesealed) with the sealed PDF, the declaration of identities and the manifest, encrypted for co-counsel or the court.
        </p>
        <div className="actions actions-start">
          <button type="button" className="button" onClick={() => setOpening(true)}>
            Open a sealed package…
          </button>
        </div>
      </section>

      {creating ? (
        <NewFilingDialog
          caseId={caseId}
          onClose={() => setCreating(false)}
          onCreated={(filing) => {
            setCreating(false);
            open(filing.id);
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteFilingDialog
          caseId={caseId}
          filing={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            setFilings((list) => (list ?? []).filter((f) => f.id !== deleting.id));
            notify(`Deleted the filing “${deleting.title}”.`);
          }}
        />
      ) : null}
      {sealing ? <SealingSetDialog caseId={caseId} onClose={() => setSealing(false)} /> : null}
      {opening ? (
        <Dialog title="Open a sealed package" onClose={() => setOpening(false)} wide>
          <OpenPackageForm />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setOpening(false)}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}

const UNTITLED = 'Untitled draft';

function DeleteFilingDialog({ caseId, filing, onClose, onDeleted }: { caseId: string; filing: FilingSummaryDto; onClose: () => void; onDeleted: () => void }) {
  const del = useAction(() => api().filings.delete({ caseId, filingId: filing.id }));
  return (
    <Dialog title={`Delete “${filing.title}”?`} onClose={onClose} closable={!del.pending}>
      <p>The draft is deleted from the vault. Files already exported stay where they were written.</p>
      {del.error ? <ErrorAlert error={del.error} /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={del.pending} autoFocus>
          Keep the filing
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={del.pending}
          onClick={() => void del.run().then((outcome) => outcome.ok && onDeleted())}
        >
          {del.pending ? 'Deleting…' : 'Delete filing'}
        </button>
      </div>
    </Dialog>
  );
}
