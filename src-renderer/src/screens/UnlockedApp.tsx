import { useCallback, useEffect, useRef, useState } from 'react';
import type { VaultStatus } from '../../../src-preload/contract';
import { api } from '../api/client';
import { Brand } from '../components/Brand';
import { ErrorAlert } from '../components/Feedback';
import { ToastProvider, useNotify } from '../components/Toasts';
import { useAction } from '../hooks/useAction';
import { useShortcut } from '../hooks/useShortcut';
import { fileName } from '../lib/format';
import { LeaveGuardContext, LeaveWithoutSavingDialog, type LeaveGuard } from '../components/LeaveGuard';
import { AuditScreen } from './Audit';
import { CasesScreen } from './cases/CasesScreen';
import { ExhibitsScreen } from './exhibits/ExhibitsScreen';
import { FilingEditorScreen } from './filings/FilingEditor';
import { FilingsScreen } from './filings/Filings';
import { RosterScreen } from './roster/RosterScreen';
import { SettingsScreen } from './Settings';
import { routeKey, type Route } from '../routes';

const NAV: { name: 'cases' | 'audit' | 'settings'; label: string }[] = [
  { name: 'cases', label: 'Cases' },
  { name: 'audit', label: 'Audit log' },
  { name: 'settings', label: 'Settings' },
];

/** The unlocked app: header with navigation and the Lock button, and the current screen. */
export function UnlockedApp(props: {
  status: VaultStatus;
  notice: string | undefined;
  route: Route;
  onNavigate: (route: Route) => void;
  onHelp: () => void;
  onLocked: () => void;
  onSwitched: (status: VaultStatus, notice?: string) => void;
}) {
  return (
    <ToastProvider resetKey={routeKey(props.route)}>
      <Shell {...props} />
    </ToastProvider>
  );
}

function Shell({
  status,
  notice,
  route,
  onNavigate: navigateNow,
  onHelp,
  onLocked,
  onSwitched,
}: Parameters<typeof UnlockedApp>[0]) {
  const lock = useAction(() => api().vault.lock());
  // A screen with unsaved work (the filing editor) registers a guard: leaving asks first.
  const guard = useRef<LeaveGuard | null>(null);
  const [leaving, setLeaving] = useState<Route | null>(null);
  const registerGuard = useCallback((next: LeaveGuard | null) => {
    guard.current = next;
  }, []);
  const onNavigate = useCallback(
    (next: Route) => {
      if (guard.current?.dirty()) setLeaving(next);
      else navigateNow(next);
    },
    [navigateNow],
  );
  const notify = useNotify();
  const main = useRef<HTMLElement>(null);

  const lockNow = async () => {
    const outcome = await lock.run();
    if (outcome.ok || outcome.error.code === 'LOCKED') onLocked();
  };
  useShortcut({ key: 'l', mod: true }, () => void lockNow());

  useEffect(() => {
    if (notice) notify(notice, 'success');
  }, [notice, notify]);

  // A new screen: the focus goes to its content, so Tab starts there and a screen reader
  // announces it (the button that led here may be gone).
  const screenKey = routeKey(route);
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [screenKey]);

  const current = route.name === 'roster' || route.name === 'filings' || route.name === 'filing' || route.name === 'exhibits' ? 'cases' : route.name;

  return (
    <LeaveGuardContext.Provider value={registerGuard}>
    <div className="app-shell">
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <div className="header-left">
          <Brand />
          <span className="header-vault" title={status.path ?? undefined}>
            <span className="visually-hidden">Vault file: </span>
            {fileName(status.path)}
          </span>
        </div>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {NAV.map((item) => (
              <li key={item.name}>
                <button
                  type="button"
                  className={`nav-link${current === item.name ? ' is-current' : ''}`}
                  aria-current={current === item.name ? 'page' : undefined}
                  onClick={() => onNavigate({ name: item.name })}
                >
                  {item.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-actions">
          <button type="button" className="button button-quiet" onClick={onHelp} title="Keyboard shortcuts and help (?)" aria-keyshortcuts="?">
            Help
          </button>
          <button
            type="button"
            className="button button-lock"
            onClick={() => void lockNow()}
            disabled={lock.pending}
            title="Lock the vault now (Ctrl+L)"
            aria-keyshortcuts="Control+L"
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
              <path d="M5.2 7V5.2a2.8 2.8 0 015.6 0V7" stroke="currentColor" strokeWidth="1.6" fill="none" />
            </svg>
            Lock
          </button>
        </div>
      </header>
      {lock.error ? (
        <div className="page-alert">
          <ErrorAlert error={lock.error} title="The vault could not be locked." />
        </div>
      ) : null}
      {status.damage ? (
        <div className="page-alert">
          <div className="alert alert-danger" role="alert" aria-label="The vault is damaged">
            <p className="alert-title">This vault is damaged. Restore a backup.</p>
            <p className="alert-detail">{status.damage}</p>
          </div>
        </div>
      ) : null}
      {status.cleanedExports ? (
        <div className="page-alert">
          <div className="alert alert-warning" role="status">
            <p className="alert-title">
              {status.cleanedExports === 1 ? 'An export was interrupted by a crash.' : `${status.cleanedExports} exports were interrupted by a crash.`}
            </p>
            <p className="alert-detail">What they had written, real names included, was removed when the vault was opened. Export the filing again if you still need it.</p>
          </div>
        </div>
      ) : null}
      <main id="main" ref={main} className="app-main" tabIndex={-1}>
        {route.name === 'cases' ? <CasesScreen onOpen={(caseId) => onNavigate({ name: 'roster', caseId })} /> : null}
        {route.name === 'roster' ? <RosterScreen key={route.caseId} caseId={route.caseId} onNavigate={onNavigate} /> : null}
        {route.name === 'filings' ? <FilingsScreen key={route.caseId} caseId={route.caseId} onNavigate={onNavigate} /> : null}
        {route.name === 'exhibits' ? <ExhibitsScreen key={route.caseId} caseId={route.caseId} onNavigate={onNavigate} /> : null}
        {route.name === 'filing' ? (
          <FilingEditorScreen
            key={route.filingId}
            caseId={route.caseId}
            filingId={route.filingId}
            notice={route.notice}
            initialView={route.view}
            onNavigate={onNavigate}
          />
        ) : null}
        {route.name === 'audit' ? <AuditScreen /> : null}
        {route.name === 'settings' ? <SettingsScreen status={status} onSwitched={onSwitched} /> : null}
      </main>
      {leaving ? (
        <LeaveWithoutSavingDialog
          guard={guard.current}
          onStay={() => setLeaving(null)}
          onLeave={() => {
            const next = leaving;
            setLeaving(null);
            guard.current = null;
            navigateNow(next);
          }}
        />
      ) : null}
    </div>
    </LeaveGuardContext.Provider>
  );
}
