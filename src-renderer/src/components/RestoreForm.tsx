import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../hooks/useAction';
import { useFieldState } from '../hooks/useFieldState';
import { fileName } from '../lib/format';
import { ErrorAlert, Notice, ProgressBar } from './Feedback';
import { PassphraseInput } from './Passphrase';

/**
 * Restore from a backup: the backup's passphrase here, the file (and where to put the restored
 * vault) in main's dialogs. The restored vault is a new file; the one in use is never touched.
 */
export function RestoreForm({ onRestored, vaultInUse }: { onRestored: (status: VaultStatus, notice: string) => void; vaultInUse: string | null }) {
  const passphrase = useFieldState('');
  const [cancelled, setCancelled] = useState(false);
  const restore = useAction((p: string) => api().vault.restore({ passphrase: p }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCancelled(false);
    if (passphrase.value.length === 0) {
      passphrase.setError('Enter the passphrase the backup was made with.');
      return;
    }
    passphrase.setError(undefined);
    const outcome = await restore.run(passphrase.value);
    if (!outcome.ok) {
      if (outcome.error.code === 'WRONG_PASSPHRASE') {
        passphrase.setError('That is not the passphrase of this backup. Use the passphrase the vault had when the backup was made.');
        restore.clearError();
      }
      return;
    }
    if (outcome.value === null) {
      setCancelled(true);
      return;
    }
    passphrase.setValue('');
    onRestored(
      outcome.value,
      `Restored the backup into ${fileName(outcome.value.path)}. DoeVault now uses the restored vault; unlock it with the backup's passphrase.`,
    );
  };

  const error = restore.error;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Restore from a backup">
      <p className="muted">
        You choose the backup file, then where to save the restored vault. It is saved as a new file and DoeVault switches to it
        {vaultInUse ? (
          <>
            ; the vault in use now (<span className="path">{fileName(vaultInUse)}</span>) is left exactly as it is
          </>
        ) : null}
        .
      </p>
      <PassphraseInput
        label="Passphrase of the backup"
        value={passphrase.value}
        onChange={passphrase.change}
        error={passphrase.error}
        hint="The passphrase the vault had when the backup was made."
        disabled={restore.pending}
      />
      {error ? (
        <ErrorAlert
          error={error}
          title={
            error.code === 'NOT_A_VAULT'
              ? 'That file is not a DoeVault backup.'
              : error.code === 'DAMAGED'
                ? 'That backup is damaged and cannot be restored.'
                : undefined
          }
        >
          <p>Nothing was restored{vaultInUse ? ', and the vault in use is untouched' : ''}.</p>
        </ErrorAlert>
      ) : null}
      {cancelled ? <Notice>No backup was chosen. Nothing changed.</Notice> : null}
      {restore.slow ? <ProgressBar label="Restoring the backup…" detail="Checking the file and its passphrase takes a few seconds." /> : null}
      <div className="actions actions-start">
        <button type="submit" className="button" disabled={restore.pending}>
          {restore.pending ? 'Restoring…' : 'Choose a backup and restore…'}
        </button>
      </div>
    </form>
  );
}
