import { useEffect, useRef } from 'react';
import type { VaultStatus } from '../../../src-preload/contract';
import { api } from '../api/client';
import { Brand } from '../components/Brand';
import { ErrorAlert } from '../components/Feedback';
import { ToastProvider, useNotify } from '../components/Toasts';
import { useAction } from '../hooks/useAction';
import { useShortcut } from '../hooks/useShortcut';
import { fileName } from '../lib/format';
import { AuditScreen } from './Audit';
import { CasesScreen } from './Cases';
import { RosterScreen } from './Roster';
import { SettingsScreen } from './Settings';

export type Route = { name: 'cases' } | { name: 'roster'; caseId: string } | { name: 'audit' } | { name: 'settings' };

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
    <ToastProvider resetKey={props.route.name === 'roster' ? `roster:${props.route.caseId}` : props.route.name}>
      <Shell {...props} />
    </ToastProvider>
  );
}

function Shell({
  status,
  notice,
  route,
  onNavigate,
  onHelp,
  onLocked,
  onSwitched,
}: Parameters<typeof UnlockedApp>[0]) {
  const lock = useAction(() => api().vault.lock());
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
  const routeKey = route.name === 'roster' ? `roster:${route.caseId}` : route.name;
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [routeKey]);

  const current = route.name === 'roster' ? 'cases' : route.name;

  return (
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
      <main id="main" ref={main} className="app-main" tabIndex={-1}>
        {route.name === 'cases' ? <CasesScreen onOpen={(caseId) => onNavigate({ name: 'roster', caseId })} /> : null}
        {route.name === 'roster' ? <RosterScreen key={route.caseId} caseId={route.caseId} onBack={() => onNavigate({ name: 'cases' })} /> : null}
        {route.name === 'audit' ? <AuditScreen /> : null}
        {route.name === 'settings' ? <SettingsScreen status={status} onSwitched={onSwitched} /> : null}
      </main>
    </div>
  );
}

/** Sets the window title for a screen. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — DoeVault`;
  }, [title]);
}
