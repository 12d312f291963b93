import { useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../src-preload/contract';
import { api, type LockReason } from '../api/client';
import { Brand } from '../components/Brand';
import { ErrorAlert, Notice, ProgressBar } from '../components/Feedback';
import { PassphraseInput } from '../components/Passphrase';
import { RecoveryKeyForm } from '../components/RecoveryKeyForm';
import { RestoreForm } from '../components/RestoreForm';
import { useAction } from '../hooks/useAction';
import { useFieldState } from '../hooks/useFieldState';
import { fileName } from '../lib/format';

const REASONS: Record<LockReason, string> = {
  user: 'The vault is locked.',
  idle: 'The vault locked itself because the computer was idle.',
  suspend: 'The vault locked itself because the computer went to sleep.',
  'screen-lock': 'The vault locked itself because the screen was locked.',
  expired: 'The vault was locked. Unlock it to go on.',
};

type Mode = 'passphrase' | 'recovery' | 'restore';

export function UnlockScreen({
  status,
  reason,
  notice,
  warning,
  onUnlocked,
  onSwitched,
  onCreateNew,
}: {
  status: VaultStatus;
  reason: LockReason | undefined;
  notice: string | undefined;
  warning?: string | undefined;
  onUnlocked: (status: VaultStatus, notice?: string) => void;
  onSwitched: (status: VaultStatus, notice?: string) => void;
  onCreateNew: () => void;
}) {
  const [mode, setMode] = useState<Mode>('passphrase');
  const [openCancelled, setOpenCancelled] = useState(false);
  const open = useAction(() => api().vault.open());

  const openOther = async () => {
    setOpenCancelled(false);
    const outcome = await open.run();
    if (!outcome.ok) return;
    if (outcome.value === null) setOpenCancelled(true);
    else onSwitched(outcome.value, `Opened ${fileName(outcome.value.path)}.`);
  };

  const titles: Record<Mode, string> = {
    passphrase: 'Unlock the vault',
    recovery: 'Unlock with the recovery key',
    restore: 'Restore from a backup',
  };

  return (
    <main className="centered-page" id="main">
      <div className="card narrow">
        <Brand />
        <h1 className="page-title">{titles[mode]}</h1>
        <p className="vault-file">
          Vault file: <span className="path">{status.path ? fileName(status.path) : 'none'}</span>
          {status.path ? <span className="path-full"> {status.path}</span> : null}
        </p>
        {notice ? <Notice tone="success">{notice}</Notice> : null}
        {warning ? <Notice tone="warning">{warning}</Notice> : null}
        {reason && !notice && mode === 'passphrase' ? <Notice>{REASONS[reason]}</Notice> : null}

        {mode === 'passphrase' ? (
          <PassphraseForm onUnlocked={onUnlocked} onUseRecovery={() => setMode('recovery')} onRestore={() => setMode('restore')} />
        ) : null}
        {mode === 'recovery' ? (
          <RecoveryKeyForm
            intro="The recovery key opens the vault and sets a new passphrase. It is 14 groups of 4 letters and digits."
            showKeyFormat
            progress={{ label: 'Unlocking with the recovery key…', detail: 'Setting the new passphrase takes a few seconds.' }}
            submitLabel="Unlock and set the new passphrase"
            pendingLabel="Unlocking…"
            autoFocus
            onBack={() => setMode('passphrase')}
            onRecovered={(s) =>
              onUnlocked(s, 'Unlocked with the recovery key. The vault has a new passphrase: use it from now on. The recovery key stays the same.')
            }
          />
        ) : null}
        {mode === 'restore' ? (
          <>
            <RestoreForm vaultInUse={status.path} onRestored={(s, n) => onSwitched(s, n)} />
            <div className="actions actions-start">
              <button type="button" className="button button-link" onClick={() => setMode('passphrase')}>
                Back to unlocking with the passphrase
              </button>
            </div>
          </>
        ) : null}

        <nav className="other-ways" aria-label="Other ways in">
          <h2 className="section-title small-title">Other ways in</h2>
          <ul className="link-list">
            {mode !== 'recovery' ? (
              <li>
                <button type="button" className="button button-link" onClick={() => setMode('recovery')}>
                  Forgot the passphrase? Use the recovery key
                </button>
              </li>
            ) : null}
            {mode !== 'restore' ? (
              <li>
                <button type="button" className="button button-link" onClick={() => setMode('restore')}>
                  Restore from a backup…
                </button>
              </li>
            ) : null}
            <li>
              <button type="button" className="button button-link" onClick={() => void openOther()} disabled={open.pending}>
                Open a different vault file…
              </button>
            </li>
            <li>
              <button type="button" className="button button-link" onClick={onCreateNew}>
                Create a new vault
              </button>
            </li>
          </ul>
          {open.error ? <ErrorAlert error={open.error} /> : null}
          {openCancelled ? <Notice>No file was chosen. The same vault stays open.</Notice> : null}
        </nav>
      </div>
    </main>
  );
}

function PassphraseForm({
  onUnlocked,
  onUseRecovery,
  onRestore,
}: {
  onUnlocked: (status: VaultStatus) => void;
  onUseRecovery: () => void;
  onRestore: () => void;
}) {
  const passphrase = useFieldState('');
  const input = useRef<HTMLInputElement>(null);
  const unlock = useAction((p: string) => api().vault.unlock({ passphrase: p }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.value.length === 0) {
      passphrase.setError('Enter the passphrase.');
      input.current?.focus();
      return;
    }
    passphrase.setError(undefined);
    const outcome = await unlock.run(passphrase.value);
    if (outcome.ok) {
      passphrase.setValue('');
      if (outcome.value.state === 'unlocked') onUnlocked(outcome.value);
      return;
    }
    if (outcome.error.code === 'WRONG_PASSPHRASE') {
      // The passphrase stays, so a typo can be fixed rather than typed again.
      passphrase.setError('Wrong passphrase. Check it — is Caps Lock on? — and try again.');
      unlock.clearError();
      input.current?.focus();
    }
  };

  const error = unlock.error;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Unlock with the passphrase">
      <PassphraseInput
        label="Passphrase"
        value={passphrase.value}
        onChange={passphrase.change}
        error={passphrase.error}
        autoFocus
        inputRef={input}
        disabled={unlock.pending}
      />
      {error && error.code === 'DAMAGED' ? (
        <ErrorAlert error={error} title="The vault file is damaged.">
          <div className="actions actions-start">
            <button type="button" className="button button-small" onClick={onRestore}>
              Restore from a backup…
            </button>
            <button type="button" className="button button-small" onClick={onUseRecovery}>
              Use the recovery key
            </button>
          </div>
        </ErrorAlert>
      ) : error ? (
        <ErrorAlert error={error} />
      ) : null}
      {unlock.slow ? <ProgressBar label="Unlocking…" detail="Checking the passphrase takes a second or two." /> : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={unlock.pending}>
          {unlock.pending ? 'Unlocking…' : 'Unlock'}
        </button>
      </div>
    </form>
  );
}
