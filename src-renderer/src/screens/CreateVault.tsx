import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../src-preload/contract';
import { api } from '../api/client';
import { Brand } from '../components/Brand';
import { ErrorAlert, Notice, ProgressBar } from '../components/Feedback';
import { NewPassphraseFields, useNewPassphrase } from '../components/NewPassphrase';
import { useAction } from '../hooks/useAction';

/** A new vault: the passphrase (typed twice, measured), and where the file goes. */
export function CreateVaultScreen({
  status,
  onBack,
  onCreated,
}: {
  status: VaultStatus;
  onBack: () => void;
  onCreated: (recoveryKey: string, status: VaultStatus) => void;
}) {
  const passphrase = useNewPassphrase();
  const [location, setLocation] = useState<'default' | 'choose'>(status.path && !status.exists ? 'default' : 'choose');
  const [cancelled, setCancelled] = useState(false);
  const create = useAction((p: string, where: 'default' | 'choose') => api().vault.create({ passphrase: p, location: where }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCancelled(false);
    if (!(await passphrase.validate())) return;
    const outcome = await create.run(passphrase.passphrase, location);
    if (!outcome.ok) {
      if (outcome.error.code === 'VALIDATION') {
        passphrase.setServerError(outcome.error.detail);
        create.clearError();
      }
      return;
    }
    if (outcome.value === null) {
      setCancelled(true);
      return;
    }
    passphrase.reset();
    onCreated(outcome.value.recoveryKey, outcome.value.status);
  };

  return (
    <main className="centered-page" id="main">
      <div className="card narrow">
        <Brand />
        <h1 className="page-title">Create a new vault</h1>
        <p className="lead">
          The passphrase encrypts every name in the vault. Nobody — not DoeVault, not IT — can open the vault without it or the recovery key you get
          next.
        </p>
        <form className="form" onSubmit={submit} noValidate aria-label="Create a new vault">
          <NewPassphraseFields state={passphrase} label="Passphrase" disabled={create.pending} />
          <fieldset className="fieldset">
            <legend className="field-label">Where to save the vault file</legend>
            <label className="radio">
              <input
                type="radio"
                name="location"
                value="default"
                checked={location === 'default'}
                onChange={() => setLocation('default')}
                disabled={create.pending}
              />
              <span>
                The usual place
                {status.path ? (
                  <span className="radio-hint">
                    {' '}
                    <span className="path">{status.path}</span>
                  </span>
                ) : null}
              </span>
            </label>
            <label className="radio">
              <input type="radio" name="location" value="choose" checked={location === 'choose'} onChange={() => setLocation('choose')} disabled={create.pending} />
              <span>Choose a place… (asked after you press Create)</span>
            </label>
          </fieldset>
          {create.error ? (
            <ErrorAlert error={create.error}>
              {create.error.code === 'CONFLICT' ? <p>Choose another place for the new vault, or open the existing one from the Welcome screen.</p> : null}
            </ErrorAlert>
          ) : null}
          {cancelled ? <Notice>No place was chosen, so no vault was created.</Notice> : null}
          {create.slow ? <ProgressBar label="Creating the vault…" detail="Deriving the encryption keys takes a few seconds." /> : null}
          <div className="actions">
            <button type="button" className="button" onClick={onBack} disabled={create.pending}>
              Back
            </button>
            <button type="submit" className="button button-primary" disabled={create.pending}>
              {create.pending ? 'Creating…' : 'Create vault'}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
