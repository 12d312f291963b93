import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../src-preload/contract';
import { api } from '../api/client';
import { ErrorAlert, Loading, Notice, ProgressBar } from '../components/Feedback';
import { Field } from '../components/Field';
import { NewPassphraseFields, useNewPassphrase } from '../components/NewPassphrase';
import { PassphraseInput } from '../components/Passphrase';
import { RecoveryKeyForm } from '../components/RecoveryKeyForm';
import { RestoreForm } from '../components/RestoreForm';
import { useNotify } from '../components/Toasts';
import { useAction } from '../hooks/useAction';
import { useFieldState } from '../hooks/useFieldState';
import { fileName, formatBytes, plural } from '../lib/format';
import { CounselCard } from './counsel/CounselCard';
import { OpenPackageForm } from './filings/OpenPackage';
import { useTitle } from '../hooks/useTitle';

export function SettingsScreen({ status, onSwitched }: { status: VaultStatus; onSwitched: (status: VaultStatus, notice?: string) => void }) {
  useTitle('Settings');
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <div>
          <h1 className="page-title">Settings</h1>
          <p className="page-subtitle">
            Vault file: <span className="path">{status.path}</span>
          </p>
        </div>
      </div>
      <div className="settings-grid">
        <section className="card" aria-labelledby="autolock-heading">
          <h2 id="autolock-heading" className="section-title">
            Automatic lock
          </h2>
          <AutoLockForm />
        </section>
        <section className="card" aria-labelledby="counsel-heading">
          <h2 id="counsel-heading" className="section-title">
            Firm counsel
          </h2>
          <CounselCard />
        </section>
        <section className="card" aria-labelledby="passphrase-heading">
          <h2 id="passphrase-heading" className="section-title">
            Change the passphrase
          </h2>
          <ChangePassphraseForm />
        </section>
        <section className="card" aria-labelledby="recovery-heading">
          <h2 id="recovery-heading" className="section-title">
            Unlock with the recovery key
          </h2>
          <RecoveryKeyForm
            intro="Sets a new passphrase using the recovery key, for when the passphrase is lost or may be known to someone else. This is also on the unlock screen."
            progress={{ label: 'Setting the new passphrase…', detail: 'This takes a few seconds.' }}
            submitLabel="Set the new passphrase"
            pendingLabel="Working…"
            doneNotice="The vault has a new passphrase. The recovery key stays the same."
          />
        </section>
        <section className="card" aria-labelledby="backup-heading">
          <h2 id="backup-heading" className="section-title">
            Back up the vault
          </h2>
          <BackupForm />
        </section>
        <section className="card" aria-labelledby="restore-heading">
          <h2 id="restore-heading" className="section-title">
            Restore from a backup
          </h2>
          <RestoreForm vaultInUse={status.path} onRestored={(s, notice) => onSwitched(s, notice)} />
        </section>
        <section className="card" aria-labelledby="package-heading">
          <h2 id="package-heading" className="section-title">
            Open a sealed package
          </h2>
          <OpenPackageForm />
        </section>
      </div>
    </div>
  );
}

function AutoLockForm() {
  const minutes = useFieldState<string | null>(null);
  const load = useAction(() => api().settings.get());
  const save = useAction((autoLockMinutes: number) => api().settings.set({ autoLockMinutes }));
  const notify = useNotify();
  const loadRun = load.run;
  const setMinutes = minutes.setValue;

  useEffect(() => {
    void loadRun().then((outcome) => outcome.ok && setMinutes(String(outcome.value.autoLockMinutes)));
  }, [loadRun, setMinutes]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes.value);
    if (!Number.isInteger(value) || value < 1 || value > 240) {
      minutes.setError('Enter a whole number of minutes from 1 to 240.');
      return;
    }
    minutes.setError(undefined);
    const outcome = await save.run(value);
    if (outcome.ok) notify(`The vault now locks after ${plural(outcome.value.autoLockMinutes, 'minute')} without use.`);
  };

  if (load.error) return <ErrorAlert error={load.error} title="The settings could not be loaded." />;
  if (minutes.value === null) return <Loading label="Loading the settings…" />;
  const typed = minutes.value;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Automatic lock">
      <p className="muted">The vault also locks when the computer sleeps or its screen locks.</p>
      <Field label="Lock after this many minutes without use" error={minutes.error} hint="From 1 to 240 minutes.">
        {(props) => (
          <input
            {...props}
            className="input input-number"
            type="number"
            min={1}
            max={240}
            step={1}
            inputMode="numeric"
            value={typed}
            onChange={(e) => minutes.change(e.target.value)}
            disabled={save.pending}
          />
        )}
      </Field>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <div className="actions actions-start">
        <button type="submit" className="button" disabled={save.pending}>
          {save.pending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

function ChangePassphraseForm() {
  const current = useFieldState('');
  const next = useNewPassphrase();
  const change = useAction((c: string, n: string) => api().vault.changePassphrase({ current: c, next: n }));
  const [done, setDone] = useState(false);
  const currentInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const missing = current.value.length === 0 ? 'Enter the current passphrase.' : undefined;
    current.setError(missing);
    const ok = await next.validate();
    if (missing || !ok) return;
    if (current.value === next.passphrase) {
      next.setServerError('The new passphrase is the same as the current one.');
      return;
    }
    const outcome = await change.run(current.value, next.passphrase);
    if (outcome.ok) {
      current.setValue('');
      next.reset();
      setDone(true);
      return;
    }
    if (outcome.error.code === 'WRONG_PASSPHRASE') {
      current.setError('That is not the current passphrase.');
      change.clearError();
      currentInput.current?.focus();
    } else if (outcome.error.code === 'VALIDATION') {
      next.setServerError(outcome.error.detail);
      change.clearError();
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Change the passphrase">
      <p className="muted">The recovery key stays the same. Backups made earlier keep the passphrase they were made with.</p>
      <PassphraseInput
        label="Current passphrase"
        value={current.value}
        onChange={(v) => {
          current.change(v);
          setDone(false);
        }}
        error={current.error}
        inputRef={currentInput}
        disabled={change.pending}
      />
      <NewPassphraseFields state={next} disabled={change.pending} />
      {change.error ? <ErrorAlert error={change.error} /> : null}
      {change.slow ? <ProgressBar label="Changing the passphrase…" detail="Deriving the new key takes a few seconds." /> : null}
      {done ? <Notice tone="success">The passphrase is changed. Use the new one from now on.</Notice> : null}
      <div className="actions actions-start">
        <button type="submit" className="button" disabled={change.pending}>
          {change.pending ? 'Changing…' : 'Change passphrase'}
        </button>
      </div>
    </form>
  );
}

function BackupForm() {
  const backup = useAction(() => api().vault.backup());
  const [result, setResult] = useState<{ path: string; bytes: number; cases: number } | 'cancelled' | null>(null);

  const run = async () => {
    setResult(null);
    const outcome = await backup.run();
    if (outcome.ok) setResult(outcome.value ?? 'cancelled');
  };

  return (
    <div className="form">
      <p className="muted">
        Writes a copy of the whole vault to a file you choose, then checks it by opening it. The backup stays encrypted with the current passphrase. Keep
        backups on an encrypted drive, away from this computer.
      </p>
      {backup.error ? <ErrorAlert error={backup.error} title="The backup was not made." /> : null}
      {backup.slow ? <ProgressBar label="Making the backup…" detail="Copying and checking the vault." /> : null}
      {result === 'cancelled' ? <Notice>No file was chosen, so no backup was made.</Notice> : null}
      {result && result !== 'cancelled' ? (
        <Notice tone="success">
          Backup made and checked: <span className="path">{fileName(result.path)}</span> ({formatBytes(result.bytes)}, {plural(result.cases, 'case')}).
          <span className="path-full"> {result.path}</span>
        </Notice>
      ) : null}
      <div className="actions actions-start">
        <button type="button" className="button" onClick={() => void run()} disabled={backup.pending}>
          {backup.pending ? 'Backing up…' : 'Back up to a file…'}
        </button>
      </div>
    </div>
  );
}
