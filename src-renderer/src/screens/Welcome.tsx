import { useState } from 'react';
import type { VaultStatus } from '../../../src-preload/contract';
import { api } from '../api/client';
import { ErrorAlert, Notice, ProgressBar } from '../components/Feedback';
import { RestoreForm } from '../components/RestoreForm';
import { useAction } from '../hooks/useAction';
import { Brand } from '../components/Brand';

/** No vault yet: create one, open a vault file, or restore one from a backup. */
export function WelcomeScreen({
  status,
  onCreate,
  onOpened,
}: {
  status: VaultStatus;
  onCreate: () => void;
  onOpened: (status: VaultStatus, notice?: string) => void;
}) {
  const open = useAction(() => api().vault.open());
  const [cancelled, setCancelled] = useState(false);
  const [restoring, setRestoring] = useState(false);

  const openVault = async () => {
    setCancelled(false);
    const outcome = await open.run();
    if (!outcome.ok) return;
    if (outcome.value === null) setCancelled(true);
    else onOpened(outcome.value);
  };

  return (
    <main className="centered-page" id="main">
      <div className="welcome">
        <Brand large />
        <h1 className="page-title">Welcome to DoeVault</h1>
        <p className="lead">
          DoeVault keeps the real names of plaintiffs who sue under pseudonyms, encrypted on this computer. Nothing leaves it: there is no cloud and no
          network.
        </p>
        <div className="choice-grid">
          <button type="button" className="choice" onClick={onCreate} autoFocus>
            <span className="choice-title">Create a new vault</span>
            <span className="choice-text">Start an empty vault protected by a passphrase you choose, with a recovery key for emergencies.</span>
          </button>
          <button type="button" className="choice" onClick={() => void openVault()} disabled={open.pending}>
            <span className="choice-title">Open an existing vault…</span>
            <span className="choice-text">Choose a DoeVault vault file, for example one made with the doe-vault command line.</span>
          </button>
        </div>
        {open.slow ? <ProgressBar label="Opening the vault file…" /> : null}
        {open.error ? <ErrorAlert error={open.error} /> : null}
        {cancelled ? <Notice>No file was chosen.</Notice> : null}
        {status.path && !status.exists ? (
          <p className="muted small">
            A new vault is saved by default as <span className="path">{status.path}</span>.
          </p>
        ) : null}
        <div className="welcome-restore">
          {restoring ? (
            <section aria-labelledby="restore-heading" className="card">
              <h2 id="restore-heading" className="section-title">
                Restore a vault from a backup
              </h2>
              <RestoreForm vaultInUse={null} onRestored={(s, notice) => onOpened(s, notice)} />
            </section>
          ) : (
            <button type="button" className="button button-link" onClick={() => setRestoring(true)}>
              Restore a vault from a backup…
            </button>
          )}
        </div>
      </div>
    </main>
  );
}
