import { useCallback, useEffect, useState } from 'react';
import type { CaseSummaryDto } from '../../../../src-preload/contract';
import { api } from '../../api/client';
import { EmptyState, Loading, LoadError } from '../../components/Feedback';
import { useNotify } from '../../components/Toasts';
import { useAction } from '../../hooks/useAction';
import { useShortcut } from '../../hooks/useShortcut';
import { useTitle } from '../../hooks/useTitle';
import { describeScheme, formatDate, plural } from '../../lib/format';
import { CaseCounselDialog } from './CaseCounselDialog';
import { DeleteCaseDialog } from './DeleteCaseDialog';
import { NewCaseDialog } from './NewCaseDialog';

export function CasesScreen({ onOpen }: { onOpen: (caseId: string) => void }) {
  useTitle('Cases');
  const [cases, setCases] = useState<CaseSummaryDto[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<CaseSummaryDto | null>(null);
  const [counselOf, setCounselOf] = useState<CaseSummaryDto | null>(null);
  const load = useAction(() => api().cases.list());
  const notify = useNotify();
  const { run } = load;

  const reload = useCallback(async () => {
    const outcome = await run();
    if (outcome.ok) setCases(outcome.value);
  }, [run]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useShortcut({ key: 'n', mod: true }, () => setCreating(true));

  const newCaseButton = (
    <button type="button" className="button button-primary" onClick={() => setCreating(true)} title="New case (Ctrl+N)" aria-keyshortcuts="Control+N">
      New case
    </button>
  );

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Cases</h1>
          <p className="page-subtitle">Each case has its own roster of plaintiffs and its own pseudonyms.</p>
        </div>
        <div className="page-header-actions">{newCaseButton}</div>
      </div>

      {load.error ? <LoadError error={load.error} onRetry={() => void reload()} /> : null}

      {cases === null && !load.error ? <Loading label="Loading cases…" /> : null}

      {cases !== null && cases.length === 0 ? (
        <EmptyState title="No cases yet" action={newCaseButton}>
          <p>Create a case for each lawsuit. You choose how its plaintiffs are named in public: Jane Doe 1, Plaintiff A, Officer Doe 1…</p>
        </EmptyState>
      ) : null}

      {cases !== null && cases.length > 0 ? (
        <div className="table-card">
          <table className="data-table">
            <caption className="visually-hidden">Cases, {plural(cases.length, 'case')}</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Court and number</th>
                <th scope="col">Pseudonyms</th>
                <th scope="col" className="numeric">
                  Plaintiffs
                </th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <button type="button" className="button-link case-title" onClick={() => onOpen(c.id)}>
                      {c.title}
                    </button>
                  </th>
                  <td>
                    {c.court || c.number ? (
                      <>
                        {c.court ? <div>{c.court}</div> : null}
                        {c.number ? <div className="muted">{c.number}</div> : null}
                      </>
                    ) : (
                      <span className="muted">Not given</span>
                    )}
                  </td>
                  <td>{describeScheme(c.scheme)}</td>
                  <td className="numeric">{c.plaintiffs.toLocaleString()}</td>
                  <td className="nowrap">{formatDate(c.createdAt)}</td>
                  <td className="row-actions">
                    <button type="button" className="button button-small" onClick={() => onOpen(c.id)} aria-label={`Open roster of ${c.title}`}>
                      Open roster
                    </button>
                    <button type="button" className="button button-small" onClick={() => setCounselOf(c)} aria-label={`Counsel for ${c.title}`}>
                      Counsel…
                    </button>
                    <button type="button" className="button button-small button-danger-quiet" onClick={() => setDeleting(c)} aria-label={`Delete ${c.title}`}>
                      Delete…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {creating ? (
        <NewCaseDialog
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setCases((list) => [...(list ?? []), created]);
            notify(`Created the case “${created.title}”.`);
          }}
        />
      ) : null}
      {counselOf ? <CaseCounselDialog summary={counselOf} onClose={() => setCounselOf(null)} /> : null}
      {deleting ? (
        <DeleteCaseDialog
          summary={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(plaintiffs) => {
            setDeleting(null);
            setCases((list) => (list ?? []).filter((c) => c.id !== deleting.id));
            notify(`Deleted the case “${deleting.title}” and its ${plural(plaintiffs, 'plaintiff')}.`);
          }}
        />
      ) : null}
    </div>
  );
}
