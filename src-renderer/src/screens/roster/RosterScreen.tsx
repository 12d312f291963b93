import { useCallback, useMemo, useRef, useState } from 'react';
import type { RosterEntryDto } from '../../../../src-preload/contract';
import { api, asDoeVaultError, type DoeVaultError } from '../../api/client';
import { EmptyState, ErrorAlert, Loading, ProgressBar } from '../../components/Feedback';
import { useNotify } from '../../components/Toasts';
import { useShortcut } from '../../hooks/useShortcut';
import { useTitle } from '../../hooks/useTitle';
import { describeScheme, plural } from '../../lib/format';
import type { Route } from '../../routes';
import { Breadcrumb, CaseTabs, type Crumb } from '../CaseNav';
import { EditCaseDialog } from '../cases/EditCaseDialog';
import { ImportWizard } from '../intake/ImportWizard';
import { PlaintiffFormDialog } from './PlaintiffFormDialog';
import { RosterExportDialog } from './RosterExportDialog';
import { RosterTable, type RosterRowActions } from './RosterTable';
import { RosterToolbar } from './RosterToolbar';
import type { StatusFilter } from './rows';
import { useReveal } from './useReveal';
import { useRoster } from './useRoster';
import { useRosterRows } from './useRosterRows';
import { useRosterSearch } from './useRosterSearch';
import { WithdrawDialog } from './WithdrawDialog';

const NO_ENTRIES: readonly RosterEntryDto[] = [];

/**
 * A case's plaintiffs: pseudonyms and status, real names masked until revealed (for a while,
 * audited), a search over both as you type, and the dialogs that add, edit, withdraw, import
 * and export plaintiffs.
 */
export function RosterScreen({ caseId, onNavigate }: { caseId: string; onNavigate: (route: Route) => void }) {
  const onBack = () => onNavigate({ name: 'cases' });
  const { summary, roster, loading, slowLoad, loadError, reload, add, replace, retitle } = useRoster(caseId);
  const [actionError, setActionError] = useState<{ what: string; error: DoeVaultError } | null>(null);
  const [form, setForm] = useState<{ editing?: RosterEntryDto } | null>(null);
  const [withdrawing, setWithdrawing] = useState<RosterEntryDto | null>(null);
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');
  const [focusId, setFocusId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [exportKind, setExportKind] = useState<'public' | 'sealed' | null>(null);
  const [editingCase, setEditingCase] = useState(false);
  const notify = useNotify();
  const search = useRosterSearch(caseId);
  const reveal = useReveal(caseId, (what, error) => setActionError({ what, error }));
  const searchInput = useRef<HTMLInputElement>(null);
  useTitle(summary ? summary.title : 'Roster');

  useShortcut([{ key: 'f', mod: true }, { key: '/' }], () => {
    searchInput.current?.focus();
    searchInput.current?.select();
  });
  useShortcut({ key: 'n', mod: true }, () => setForm({}), roster !== null);

  const { rows, withdrawnCount } = useRosterRows(roster ?? NO_ENTRIES, search.mask, statusFilter);

  const copyName = useCallback(
    async (entry: RosterEntryDto) => {
      setActionError(null);
      try {
        const { clearsAfterSeconds } = await api().plaintiffs.copyName({ caseId, plaintiffId: entry.id });
        notify(`Copied the real name of ${entry.pseudonym}. The clipboard is cleared in ${clearsAfterSeconds} seconds.`);
      } catch (error) {
        const failure = asDoeVaultError(error);
        if (failure.code !== 'LOCKED') setActionError({ what: `The real name of ${entry.pseudonym} could not be copied.`, error: failure });
      }
    },
    [caseId, notify],
  );

  // Stable, so that a keystroke in the search field re-renders neither the table nor its rows.
  const { show: showName, hide: hideName } = reveal;
  const rowActions = useMemo<RosterRowActions>(
    () => ({
      onReveal: (entry) => void showName(entry),
      onHide: (entry) => hideName(entry.id),
      onCopy: (entry) => void copyName(entry),
      onEdit: (entry) => setForm({ editing: entry }),
      onWithdraw: (entry) => setWithdrawing(entry),
    }),
    [showName, hideName, copyName],
  );
  const onFocused = useCallback(() => setFocusId(null), []);

  const trail: Crumb[] = [{ label: 'Cases', route: { name: 'cases' } }, ...(summary?.title ? [{ label: summary.title }] : [])];
  const breadcrumb = <Breadcrumb trail={trail} onNavigate={onNavigate} />;

  if (loading && roster === null) {
    return (
      <div className="page page-roster">
        {breadcrumb}
        <h1 className="page-title">{summary?.title ?? 'Roster'}</h1>
        {slowLoad ? (
          <ProgressBar
            label="Loading the roster…"
            detail={summary && summary.plaintiffs >= 10_000 ? `${plural(summary.plaintiffs, 'plaintiff')}: this takes a few seconds.` : undefined}
          />
        ) : (
          <Loading label="Loading the roster…" />
        )}
      </div>
    );
  }

  if (loadError || roster === null) {
    return (
      <div className="page page-roster">
        {breadcrumb}
        <h1 className="page-title">{summary?.title ?? 'Roster'}</h1>
        {loadError ? (
          <ErrorAlert error={loadError} title={loadError.code === 'NOT_FOUND' ? 'This case is no longer in the vault.' : 'The roster could not be loaded.'}>
            <div className="actions actions-start">
              <button type="button" className="button" onClick={onBack}>
                Back to cases
              </button>
              {loadError.code !== 'NOT_FOUND' ? (
                <button type="button" className="button" onClick={() => void reload()}>
                  Try again
                </button>
              ) : null}
            </div>
          </ErrorAlert>
        ) : null}
      </div>
    );
  }

  const addButton = (
    <button type="button" className="button button-primary" onClick={() => setForm({})} title="Add a plaintiff (Ctrl+N)" aria-keyshortcuts="Control+N">
      Add plaintiff
    </button>
  );

  const importButton = (
    <button type="button" className="button" onClick={() => setImporting(true)}>
      Import plaintiffs…
    </button>
  );

  return (
    <div className="page page-roster">
      {breadcrumb}
      <div className="page-header">
        <div>
          <h1 className="page-title">{summary?.title ?? 'Roster'}</h1>
          <p className="page-subtitle">
            {[summary?.court, summary?.number, summary ? `Pseudonyms: ${describeScheme(summary.scheme)}` : null].filter(Boolean).join(' · ')}
          </p>
        </div>
        <div className="page-header-actions">
          {summary ? (
            <button type="button" className="button" onClick={() => setEditingCase(true)}>
              Edit details…
            </button>
          ) : null}
          {importButton}
          {addButton}
        </div>
      </div>
      <CaseTabs caseId={caseId} current="roster" onNavigate={onNavigate} />

      {roster.length === 0 ? (
        <EmptyState
          title="No plaintiffs in this case yet"
          action={
            <div className="actions">
              {addButton}
              {importButton}
            </div>
          }
        >
          <p>
            Add the plaintiffs one by one, or import them from a spreadsheet (CSV or Excel). Each gets the next pseudonym of the case; the real name stays
            encrypted and hidden until you reveal it.
          </p>
        </EmptyState>
      ) : (
        <>
          <RosterToolbar
            search={search}
            inputRef={searchInput}
            status={statusFilter}
            onStatus={setStatusFilter}
            shown={rows.length}
            total={roster.length}
            withdrawnCount={withdrawnCount}
          />
          {search.error ? <ErrorAlert error={search.error} title="The search did not work." /> : null}
          {actionError ? (
            <ErrorAlert error={actionError.error} title={actionError.what}>
              <div className="actions actions-start">
                <button type="button" className="button button-small" onClick={() => setActionError(null)}>
                  Dismiss
                </button>
              </div>
            </ErrorAlert>
          ) : null}
          {rows.length === 0 ? (
            <EmptyState
              title={search.query.trim() ? `No plaintiff matches “${search.query.trim()}”` : 'No plaintiff has this status'}
              action={
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    search.setQuery('');
                    setStatusFilter('all');
                  }}
                >
                  Show all plaintiffs
                </button>
              }
            >
              <p>The search looks at pseudonyms, legal names and aliases, ignoring case and accents.</p>
            </EmptyState>
          ) : (
            <RosterTable
              caption={`Plaintiffs of ${summary?.title ?? 'this case'}`}
              rows={rows}
              revealed={reveal.revealed}
              now={reveal.now}
              focusId={focusId}
              onFocused={onFocused}
              actions={rowActions}
            />
          )}
        </>
      )}

      {roster.length > 0 ? (
        <div className="roster-exports" role="group" aria-label="Export the roster">
          <span className="muted">Export the roster:</span>
          <button type="button" className="button button-small" onClick={() => setExportKind('public')}>
            Public CSV…
          </button>
          <button type="button" className="button button-small" onClick={() => setExportKind('sealed')}>
            Sealed CSV or Excel…
          </button>
        </div>
      ) : null}

      {importing ? (
        <ImportWizard
          caseId={caseId}
          onClose={() => setImporting(false)}
          onImported={(summary) => {
            void reload();
            search.refresh();
            notify(`Imported ${summary.added.toLocaleString()} plaintiff${summary.added === 1 ? '' : 's'}.`);
          }}
        />
      ) : null}
      {editingCase && summary ? (
        <EditCaseDialog
          summary={summary}
          onClose={() => setEditingCase(false)}
          onSaved={(updated) => {
            setEditingCase(false);
            retitle(updated);
            notify(`Saved the case details of “${updated.title}”.`);
          }}
        />
      ) : null}
      {exportKind ? <RosterExportDialog caseId={caseId} initial={exportKind} onClose={() => setExportKind(null)} /> : null}

      {form ? (
        <PlaintiffFormDialog
          caseId={caseId}
          {...(form.editing ? { editing: form.editing } : {})}
          onClose={() => setForm(null)}
          onSaved={(entry, added) => {
            setForm(null);
            if (added) add(entry);
            else replace(entry);
            reveal.hide(entry.id);
            search.refresh();
            setFocusId(entry.id);
            notify(added ? `Added the plaintiff as ${entry.pseudonym}.` : `Saved the changes to ${entry.pseudonym}.`);
          }}
        />
      ) : null}
      {withdrawing ? (
        <WithdrawDialog
          caseId={caseId}
          entry={withdrawing}
          onClose={() => setWithdrawing(null)}
          onWithdrawn={(entry) => {
            setWithdrawing(null);
            replace(entry);
            setFocusId(entry.id);
            notify(`${entry.pseudonym} is withdrawn. The pseudonym stays reserved and is never given to anyone else.`);
          }}
        />
      ) : null}
    </div>
  );
}
