import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseSummaryDto, RosterEntryDto } from '../../../src-preload/contract';
import { api, asDoeVaultError, type DoeVaultError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { EmptyState, ErrorAlert, Kbd, Loading, ProgressBar } from '../components/Feedback';
import { useNotify } from '../components/Toasts';
import { useAction } from '../hooks/useAction';
import { useShortcut } from '../hooks/useShortcut';
import { useTitle } from '../hooks/useTitle';
import { describeScheme, plural } from '../lib/format';
import type { Route } from '../routes';
import { ImportWizard } from './ImportWizard';
import { PlaintiffFormDialog } from './PlaintiffForm';
import { RosterExportDialog } from './RosterExportDialog';
import { Breadcrumb as Trail, CaseTabs } from './CaseNav';
import { RosterTable, type Revealed, type RosterRowActions, type RosterRows } from './RosterTable';

/** How long a revealed real name stays on screen. */
export const REVEAL_SECONDS = 30;
/** A search slower than this says "Searching…" (the first, when the index is still being built). */
const SEARCH_SLOW_MS = 200;

type StatusFilter = 'all' | 'active' | 'withdrawn';

export function RosterScreen({ caseId, onNavigate }: { caseId: string; onNavigate: (route: Route) => void }) {
  const onBack = () => onNavigate({ name: 'cases' });
  const [summary, setSummary] = useState<CaseSummaryDto | null>(null);
  const [roster, setRoster] = useState<RosterEntryDto[] | null>(null);
  const [loadError, setLoadError] = useState<DoeVaultError | null>(null);
  const [loading, setLoading] = useState(true);
  const [slowLoad, setSlowLoad] = useState(false);
  const [actionError, setActionError] = useState<{ what: string; error: DoeVaultError } | null>(null);
  const [form, setForm] = useState<{ editing?: RosterEntryDto } | null>(null);
  const [withdrawing, setWithdrawing] = useState<RosterEntryDto | null>(null);
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');
  const [focusId, setFocusId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [exportKind, setExportKind] = useState<'public' | 'sealed' | null>(null);
  const notify = useNotify();
  const search = useSearch(caseId);
  const reveal = useReveals(caseId, (what, error) => setActionError({ what, error }));
  const searchInput = useRef<HTMLInputElement>(null);
  useTitle(summary ? summary.title : 'Roster');

  const load = useCallback(async () => {
    setLoading(true);
    setLoadError(null);
    const slowTimer = setTimeout(() => setSlowLoad(true), 300);
    try {
      // The case's title comes first (quick), the roster after (seconds at 100,000 plaintiffs).
      const title = api()
        .cases.list()
        .then((cases) => setSummary(cases.find((c) => c.id === caseId) ?? null));
      title.catch(() => undefined); // observed below, unless the roster fails first
      const entries = await api().plaintiffs.roster({ caseId });
      await title;
      setRoster(entries);
      // The name index builds in the vault's background now, not at the first keystroke.
      if (entries.length > 0) void api().plaintiffs.prepareSearch({ caseId }).catch(() => undefined);
    } catch (error) {
      const failure = asDoeVaultError(error);
      if (failure.code !== 'LOCKED') setLoadError(failure);
    } finally {
      clearTimeout(slowTimer);
      setSlowLoad(false);
      setLoading(false);
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  useShortcut([{ key: 'f', mod: true }, { key: '/' }], () => {
    searchInput.current?.focus();
    searchInput.current?.select();
  });
  useShortcut({ key: 'n', mod: true }, () => setForm({}), roster !== null);

  const columns = useMemo(() => rosterColumns(roster ?? []), [roster]);
  const rows = useRows(roster ?? [], columns, search.mask, statusFilter);
  const withdrawnCount = columns.withdrawnCount;

  const replace = (entry: RosterEntryDto) => setRoster((list) => (list ?? []).map((e) => (e.id === entry.id ? entry : e)));

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

  if (loading && roster === null) {
    return (
      <div className="page page-roster">
        <Breadcrumb title={summary?.title ?? null} onBack={onBack} />
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
        <Breadcrumb title={summary?.title ?? null} onBack={onBack} />
        <h1 className="page-title">{summary?.title ?? 'Roster'}</h1>
        {loadError ? (
          <ErrorAlert error={loadError} title={loadError.code === 'NOT_FOUND' ? 'This case is no longer in the vault.' : 'The roster could not be loaded.'}>
            <div className="actions actions-start">
              <button type="button" className="button" onClick={onBack}>
                Back to cases
              </button>
              {loadError.code !== 'NOT_FOUND' ? (
                <button type="button" className="button" onClick={() => void load()}>
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

  const filtering = search.query.trim() !== '' || statusFilter !== 'all';

  return (
    <div className="page page-roster">
      <Breadcrumb title={summary?.title ?? null} onBack={onBack} />
      <div className="page-header">
        <div>
          <h1 className="page-title">{summary?.title ?? 'Roster'}</h1>
          <p className="page-subtitle">
            {[summary?.court, summary?.number, summary ? `Pseudonyms: ${describeScheme(summary.scheme)}` : null].filter(Boolean).join(' · ')}
          </p>
        </div>
        <div className="page-header-actions">
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
          <div className="toolbar" role="search">
            <div className="search-field">
              <label htmlFor="roster-search" className="visually-hidden">
                Search pseudonyms and real names
              </label>
              <svg className="search-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <circle cx="7" cy="7" r="4.5" stroke="currentColor" strokeWidth="1.5" fill="none" />
                <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
              </svg>
              <input
                id="roster-search"
                ref={searchInput}
                type="search"
                className="input search-input"
                placeholder="Search pseudonyms and real names"
                value={search.query}
                onChange={(e) => search.setQuery(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape' && search.query) {
                    e.preventDefault();
                    search.setQuery('');
                  }
                }}
                autoComplete="off"
                spellCheck={false}
                aria-keyshortcuts="Control+F /"
                title="Search (Ctrl+F or /)"
              />
              <span className="search-hint" aria-hidden="true">
                <Kbd>/</Kbd>
              </span>
            </div>
            <div className="filter-field">
              <label htmlFor="roster-status" className="filter-label">
                Status
              </label>
              <select id="roster-status" className="input input-compact" value={statusFilter} onChange={(e) => setStatusFilter(e.target.value as StatusFilter)}>
                <option value="all">All</option>
                <option value="active">Active</option>
                <option value="withdrawn">Withdrawn</option>
              </select>
            </div>
            <p className="toolbar-count" aria-live="polite" data-search-applied={search.applied}>
              {search.searching ? 'Searching…' : filtering ? `${rows.length.toLocaleString()} of ${plural(roster.length, 'plaintiff')}` : plural(roster.length, 'plaintiff')}
              {!filtering && withdrawnCount > 0 ? `, ${withdrawnCount.toLocaleString()} withdrawn` : ''}
            </p>
          </div>
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
            void load();
            search.refresh();
            notify(`Imported ${summary.added.toLocaleString()} plaintiff${summary.added === 1 ? '' : 's'}.`);
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
            if (added) setRoster((list) => [...(list ?? []), entry]);
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

function Breadcrumb({ title, onBack }: { title: string | null; onBack: () => void }) {
  return <Trail trail={[{ label: 'Cases', route: { name: 'cases' } }, ...(title ? [{ label: title }] : [])]} onNavigate={onBack} />;
}

/**
 * Search over pseudonyms and real names as you type. Main answers with a bitset over sequence
 * numbers (no name, a few kB even for 100,000 plaintiffs). No debounce: one search at a time,
 * and when it comes back the newest query goes next, so a fast typist's stale queries are
 * skipped, never queued. The shown result stays until the newer one arrives (no flicker). A
 * query whose result is already shown or on its way (the same after trimming: a typed space)
 * sends nothing, so it never holds up the next keystroke's search.
 */
function useSearch(caseId: string) {
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<{ query: string; mask: Uint8Array } | null>(null);
  const [slow, setSlow] = useState(false);
  const [error, setError] = useState<DoeVaultError | null>(null);
  const wanted = useRef<{ caseId: string; query: string; version: number } | null>(null);
  const inFlight = useRef(false);
  /** The search (searchKey) whose result is on screen, if any. */
  const shown = useRef<string | null>(null);
  const mounted = useRef(true);

  const pump = useCallback(() => {
    const want = wanted.current;
    if (inFlight.current || !want) return;
    const q = want.query.trim().slice(0, 200);
    if (q === '') {
      shown.current = null;
      setResult(null);
      setError(null);
      setSlow(false);
      return;
    }
    const key = searchKey(want);
    if (key === shown.current) {
      setSlow(false);
      return;
    }
    inFlight.current = true;
    const slowTimer = setTimeout(() => mounted.current && setSlow(true), SEARCH_SLOW_MS);
    const settle = (apply: () => void) => {
      clearTimeout(slowTimer);
      inFlight.current = false;
      if (!mounted.current) return;
      if (wanted.current && searchKey(wanted.current) === key) {
        setSlow(false);
        apply();
      } else {
        pump();
      }
    };
    api()
      .plaintiffs.filter({ caseId: want.caseId, query: q })
      .then(
        ({ mask }) =>
          settle(() => {
            shown.current = key;
            setResult({ query: q, mask: decodeMask(mask) });
            setError(null);
          }),
        (caught: unknown) =>
          settle(() => {
            const failure = asDoeVaultError(caught);
            if (failure.code !== 'LOCKED') setError(failure);
          }),
      );
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    wanted.current = { caseId, query, version };
    pump();
  }, [caseId, query, version, pump]);

  const trimmed = query.trim();
  return {
    query,
    setQuery,
    /** Null: no search (every plaintiff). Else a bitset over sequence numbers. */
    mask: trimmed === '' ? null : (result?.mask ?? null),
    /** The query whose result is on screen ('' for none). */
    applied: trimmed === '' ? '' : (result?.query ?? ''),
    searching: trimmed !== '' && (result === null || (slow && result.query !== trimmed.slice(0, 200))),
    error,
    refresh: () => setVersion((v) => v + 1),
  };
}

/** Two searches with the same key have the same answer. */
function searchKey(want: { caseId: string; query: string; version: number }): string {
  return `${want.caseId}\n${want.version}\n${want.query.trim().slice(0, 200)}`;
}

function decodeMask(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** What the filters read of each plaintiff, as typed arrays built once per roster. */
type RosterColumns = { seqs: Int32Array; withdrawn: Uint8Array; withdrawnCount: number };

function rosterColumns(roster: readonly RosterEntryDto[]): RosterColumns {
  const seqs = new Int32Array(roster.length);
  const withdrawn = new Uint8Array(roster.length);
  let withdrawnCount = 0;
  roster.forEach((entry, i) => {
    seqs[i] = entry.seq;
    if (entry.status === 'withdrawn') {
      withdrawn[i] = 1;
      withdrawnCount += 1;
    }
  });
  return { seqs, withdrawn, withdrawnCount };
}

/**
 * The rows to show: the roster itself, or the positions in it that the search's bitset and the
 * status filter keep. The same rows as last time (a longer query that still matches the same
 * plaintiffs, often all of them) keep the same object, so the table does not even re-render.
 */
function useRows(roster: readonly RosterEntryDto[], columns: RosterColumns, mask: Uint8Array | null, status: StatusFilter): RosterRows {
  const last = useRef<RosterRows | null>(null);
  return useMemo(() => {
    const order = selectRows(columns, mask, status);
    const previous = last.current;
    const rows =
      previous && previous.entries === roster && sameOrder(previous.order, order) ? previous : { entries: roster, order, length: order?.length ?? roster.length };
    last.current = rows;
    return rows;
  }, [roster, columns, mask, status]);
}

function selectRows({ seqs, withdrawn }: RosterColumns, mask: Uint8Array | null, status: StatusFilter): Uint32Array | null {
  if (mask === null && status === 'all') return null;
  const count = seqs.length;
  const keep = status === 'withdrawn' ? 1 : 0;
  const order = new Uint32Array(count);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    if (status !== 'all' && withdrawn[i] !== keep) continue;
    if (mask !== null) {
      const seq = seqs[i]!;
      if (((mask[seq >> 3] ?? 0) & (1 << (seq & 7))) === 0) continue;
    }
    order[kept++] = i;
  }
  return kept === count ? null : order.slice(0, kept);
}

function sameOrder(a: Uint32Array | null, b: Uint32Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Revealed real names: one per row, fetched from main (audited), hidden again after
 * REVEAL_SECONDS. They live only in this component's state, so leaving the roster or locking
 * the vault (which unmounts it) drops them all.
 */
function useReveals(caseId: string, onError: (what: string, error: DoeVaultError) => void) {
  const [revealed, setRevealed] = useState<ReadonlyMap<string, Revealed>>(new Map());
  const [now, setNow] = useState(() => Date.now());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const hide = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setRevealed((map) => {
      if (!map.has(id)) return map;
      const next = new Map(map);
      next.delete(id);
      return next;
    });
  }, []);

  const show = useCallback(
    async (entry: RosterEntryDto) => {
      setRevealed((map) => new Map(map).set(entry.id, { state: 'loading' }));
      try {
        const plaintiff = await api().plaintiffs.reveal({ caseId, plaintiffId: entry.id });
        const hidesAt = Date.now() + REVEAL_SECONDS * 1000;
        clearTimeout(timers.current.get(entry.id));
        timers.current.set(
          entry.id,
          setTimeout(() => hide(entry.id), REVEAL_SECONDS * 1000),
        );
        setNow(Date.now());
        setRevealed((map) => new Map(map).set(entry.id, { state: 'shown', legalName: plaintiff.legalName, hidesAt }));
      } catch (error) {
        hide(entry.id);
        const failure = asDoeVaultError(error);
        if (failure.code !== 'LOCKED') onErrorRef.current(`The real name of ${entry.pseudonym} could not be revealed.`, failure);
      }
    },
    [caseId, hide],
  );

  useEffect(() => {
    if (revealed.size === 0) return;
    const ticker = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(ticker);
  }, [revealed.size]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      pending.forEach((timer) => clearTimeout(timer));
      pending.clear();
    };
  }, []);

  return { revealed, now, show, hide };
}

function WithdrawDialog({
  caseId,
  entry,
  onClose,
  onWithdrawn,
}: {
  caseId: string;
  entry: RosterEntryDto;
  onClose: () => void;
  onWithdrawn: (entry: RosterEntryDto) => void;
}) {
  const withdraw = useAction(() => api().plaintiffs.withdraw({ caseId, plaintiffId: entry.id }));
  return (
    <Dialog title={`Withdraw ${entry.pseudonym}?`} onClose={onClose} closable={!withdraw.pending}>
      <p>
        {entry.pseudonym} will be marked as withdrawn from the case. The record stays in the vault, and the pseudonym stays reserved: it is never given to
        another plaintiff.
      </p>
      <p className="muted">Withdrawing cannot be undone from DoeVault. It is recorded in the audit log.</p>
      {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
      {withdraw.slow ? <ProgressBar label="Withdrawing…" /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={withdraw.pending} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={withdraw.pending}
          onClick={() =>
            void withdraw.run().then((outcome) => {
              if (outcome.ok) onWithdrawn(outcome.value);
            })
          }
        >
          {withdraw.pending ? 'Withdrawing…' : `Withdraw ${entry.pseudonym}`}
        </button>
      </div>
    </Dialog>
  );
}
