import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { VaultStatus } from '../../src-preload/contract';
import { api, asDoeVaultError, busyStore, listenToMain, onLocked, type DoeVaultError, type LockReason } from './api/client';
import { ErrorAlert, Loading } from './components/Feedback';
import { HelpPanel } from './components/HelpPanel';
import { useShortcut } from './hooks/useShortcut';
import { CreateVaultScreen } from './screens/CreateVault';
import { RecoveryKeyScreen } from './screens/RecoveryKey';
import { UnlockScreen } from './screens/Unlock';
import { UnlockedApp } from './screens/UnlockedApp';
import type { Route } from './routes';
import { WelcomeScreen } from './screens/Welcome';

export type Phase =
  | { name: 'starting' }
  | { name: 'start-failed'; error: DoeVaultError }
  | { name: 'welcome'; status: VaultStatus }
  | { name: 'create'; status: VaultStatus }
  | { name: 'recovery-key'; recoveryKey: string; status: VaultStatus }
  | { name: 'unlock'; status: VaultStatus; reason?: LockReason; notice?: string; warning?: string; generation: number }
  | { name: 'unlocked'; status: VaultStatus; notice?: string };

let generation = 0;

/** Where a vault status leads: no vault → Welcome, locked → Unlock, unlocked → the app. */
export function phaseFor(status: VaultStatus, extra: { notice?: string; reason?: LockReason } = {}): Phase {
  if (status.state === 'unlocked') return { name: 'unlocked', status, ...(extra.notice ? { notice: extra.notice } : {}) };
  if (status.state === 'locked') return { name: 'unlock', status, generation: ++generation, ...extra };
  return { name: 'welcome', status };
}

/**
 * The whole app: a small state machine over the vault's state. Everything that shows a real
 * name lives under the 'unlocked' phase, so locking — by the user, by main's auto-lock, or a
 * LOCKED reply to any call — unmounts it: revealed names, search queries and forms are gone.
 */
export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'starting' });
  const [route, setRoute] = useState<Route>({ name: 'cases' });
  const [helpOpen, setHelpOpen] = useState(false);
  const busy = useSyncExternalStore(busyStore.subscribe, busyStore.get);

  const start = useCallback(async () => {
    setPhase({ name: 'starting' });
    try {
      setPhase(phaseFor(await api().vault.status()));
    } catch (error) {
      setPhase({ name: 'start-failed', error: asDoeVaultError(error) });
    }
  }, []);

  useEffect(() => {
    listenToMain();
    void start();
    return onLocked((reason) => {
      setHelpOpen(false);
      setPhase((current) => {
        switch (current.name) {
          case 'unlocked':
            return { name: 'unlock', status: { ...current.status, state: 'locked' }, reason, generation: ++generation };
          case 'recovery-key':
            // The key is as good as the passphrase: it goes with the lock, and cannot come back.
            return {
              name: 'unlock',
              status: { ...current.status, state: 'locked' },
              reason,
              generation: ++generation,
              warning:
                'The vault locked before you confirmed that the recovery key was stored, so it is no longer shown. If you did not store it, this new vault is still empty: create another vault (in another place) and store its key.',
            };
          case 'unlock':
            // A LOCKED reply to a call made before the lock says nothing new: keep the screen
            // (and main's own reason) as it is. A new lock from main clears a half-typed
            // passphrase too.
            if (reason === 'expired') return current;
            return { ...current, reason, generation: ++generation };
          default:
            return current;
        }
      });
    });
  }, [start]);

  useShortcut({ key: '?' }, () => setHelpOpen(true));

  useEffect(() => {
    const titles: Record<Phase['name'], string> = {
      starting: 'DoeVault',
      'start-failed': 'DoeVault',
      welcome: 'Welcome — DoeVault',
      create: 'Create a vault — DoeVault',
      'recovery-key': 'Recovery key — DoeVault',
      unlock: 'Unlock — DoeVault',
      unlocked: 'DoeVault',
    };
    if (phase.name !== 'unlocked') document.title = titles[phase.name];
  }, [phase.name]);

  return (
    <>
      {busy.slow > 0 ? <GlobalProgress progress={busy.progress} /> : null}
      {renderPhase()}
      {helpOpen ? <HelpPanel onClose={() => setHelpOpen(false)} /> : null}
    </>
  );

  function renderPhase() {
    switch (phase.name) {
      case 'starting':
        return (
          <main className="centered-page" id="main">
            <Loading label="Opening DoeVault…" />
          </main>
        );
      case 'start-failed':
        return (
          <main className="centered-page" id="main">
            <div className="card narrow">
              <h1 className="page-title">DoeVault could not start</h1>
              <ErrorAlert error={phase.error} />
              <div className="actions">
                <button type="button" className="button button-primary" onClick={() => void start()}>
                  Try again
                </button>
              </div>
            </div>
          </main>
        );
      case 'welcome':
        return <WelcomeScreen status={phase.status} onCreate={() => setPhase({ name: 'create', status: phase.status })} onOpened={(s, notice) => setPhase(phaseFor(s, notice ? { notice } : {}))} />;
      case 'create':
        return (
          <CreateVaultScreen
            status={phase.status}
            onBack={() => setPhase({ name: 'welcome', status: phase.status })}
            onCreated={(recoveryKey, status) => setPhase({ name: 'recovery-key', recoveryKey, status })}
          />
        );
      case 'recovery-key':
        return <RecoveryKeyScreen recoveryKey={phase.recoveryKey} path={phase.status.path} onDone={() => { setRoute({ name: 'cases' }); setPhase({ name: 'unlocked', status: phase.status }); }} />;
      case 'unlock':
        return (
          <UnlockScreen
            key={phase.generation}
            status={phase.status}
            reason={phase.reason}
            notice={phase.notice}
            warning={phase.warning}
            onUnlocked={(status, notice) => setPhase({ name: 'unlocked', status, ...(notice ? { notice } : {}) })}
            onSwitched={(status, notice) => setPhase(phaseFor(status, notice ? { notice } : {}))}
            onCreateNew={() => setPhase({ name: 'create', status: { ...phase.status, state: 'none' } })}
          />
        );
      case 'unlocked':
        return (
          <UnlockedApp
            status={phase.status}
            notice={phase.notice}
            route={route}
            onNavigate={setRoute}
            onHelp={() => setHelpOpen(true)}
            onLocked={() => setPhase((p) => (p.name === 'unlocked' ? { name: 'unlock', status: { ...p.status, state: 'locked' }, reason: 'user', generation: ++generation } : p))}
            onSwitched={(status, notice) => {
              setRoute({ name: 'cases' });
              setPhase(phaseFor(status, notice ? { notice } : {}));
            }}
          />
        );
    }
  }
}

/**
 * The thin bar at the top while any call takes longer than SLOW_AFTER_MS: indeterminate, or
 * determinate when main reports how far a long operation has got.
 */
function GlobalProgress({ progress }: { progress: { operation: string; done: number; total: number | null } | null }) {
  const total = progress?.total ?? null;
  if (progress && total && total > 0) {
    const percent = Math.max(0, Math.min(100, (progress.done / total) * 100));
    return (
      <div
        className="global-progress"
        role="progressbar"
        aria-label="Working"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-valuetext={progressText(progress)}
      >
        <div className="progress-determinate" style={{ width: `${percent}%` }} />
      </div>
    );
  }
  return (
    <div className="global-progress" role="progressbar" aria-label="Working" aria-valuetext={progressText(progress)}>
      <div className="progress-indicator" />
    </div>
  );
}

function progressText(progress: { operation: string; done: number; total: number | null } | null): string {
  if (!progress) return 'Working…';
  if (progress.total) return `${progress.operation}: ${Math.round((progress.done / progress.total) * 100)}%`;
  return `${progress.operation}…`;
}
