import { useState, type FormEvent } from 'react';
import type { WrittenFileDto } from '../../../../src-preload/contract';
import { api } from '../../api/client';
import { ErrorAlert, Notice, ProgressBar } from '../../components/Feedback';
import { PassphraseInput } from '../../components/Passphrase';
import { useAction } from '../../hooks/useAction';
import { useFieldState } from '../../hooks/useFieldState';
import { FilesTable } from './Report';

type SecretKind = 'passphrase' | 'secret-key';

/**
 * Opens a sealed package (.doesealed) someone sent: the package, the folder for its files and,
 * for a package sealed to a recipient key, the secret key file are all chosen in main's dialogs.
 */
export function OpenPackageForm() {
  const [kind, setKind] = useState<SecretKind>('passphrase');
  const passphrase = useFieldState('');
  const [cancelled, setCancelled] = useState(false);
  const [opened, setOpened] = useState<{ folder: string; files: WrittenFileDto[] } | null>(null);
  const open = useAction((secret: { kind: 'passphrase'; passphrase: string } | { kind: 'secret-key' }) => api().packages.open({ secret }));
  const show = useAction(() => api().packages.showInFolder());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCancelled(false);
    setOpened(null);
    if (kind === 'passphrase' && passphrase.value.length === 0) {
      passphrase.setError('Enter the passphrase the sender chose for this package.');
      return;
    }
    const outcome = await open.run(kind === 'passphrase' ? { kind, passphrase: passphrase.value } : { kind });
    if (!outcome.ok) {
      if (outcome.error.code === 'WRONG_PASSPHRASE' && kind === 'passphrase') {
        passphrase.setError('That passphrase does not open this package. Check it with the sender.');
        open.clearError();
      }
      return;
    }
    if (outcome.value === null) {
      setCancelled(true);
      return;
    }
    passphrase.setValue('');
    setOpened(outcome.value);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Open a sealed package">
      <p className="muted">
        You choose the package, then the folder its files go to. Nothing is written unless the whole package opens, and no file is ever overwritten.
      </p>
      <fieldset className="fieldset">
        <legend className="field-label">The package is protected by</legend>
        <label className="radio">
          <input type="radio" name="package-secret" checked={kind === 'passphrase'} onChange={() => setKind('passphrase')} />
          <span>A passphrase the sender gave you</span>
        </label>
        <label className="radio">
          <input type="radio" name="package-secret" checked={kind === 'secret-key'} onChange={() => setKind('secret-key')} />
          <span>
            Your recipient key <span className="radio-hint">— you choose your secret key file (.key) in a dialog</span>
          </span>
        </label>
      </fieldset>
      {kind === 'passphrase' ? (
        <PassphraseInput label="Package passphrase" value={passphrase.value} onChange={passphrase.change} error={passphrase.error} autoComplete="off" disabled={open.pending} />
      ) : null}
      {open.error ? (
        <ErrorAlert
          error={open.error}
          title={
            open.error.code === 'DAMAGED'
              ? 'The package is damaged or was changed.'
              : open.error.code === 'CONFLICT'
                ? 'That folder already holds files of the same names.'
                : 'The package could not be opened.'
          }
        >
          <p>Nothing was written.</p>
        </ErrorAlert>
      ) : null}
      {cancelled ? <Notice>Nothing was chosen. Nothing was opened.</Notice> : null}
      {open.slow ? <ProgressBar label="Opening the sealed package…" detail="Deriving the key from the passphrase and decrypting take a few seconds." /> : null}
      {opened ? (
        <div className="alert alert-success" role="status">
          <p className="alert-title">Opened the package: {opened.files.length} files written.</p>
          <p>
            Folder: <span className="path">{opened.folder}</span>
          </p>
          <FilesTable files={opened.files} caption="Files of the package" />
          {show.error ? <ErrorAlert error={show.error} /> : null}
          <div className="actions actions-start">
            <button type="button" className="button" onClick={() => void show.run()}>
              Show in folder
            </button>
          </div>
        </div>
      ) : null}
      <div className="actions actions-start">
        <button type="submit" className="button" disabled={open.pending}>
          {open.pending ? 'Opening…' : 'Choose a package and open it…'}
        </button>
      </div>
    </form>
  );
}
