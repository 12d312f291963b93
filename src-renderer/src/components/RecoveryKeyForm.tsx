import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { VaultStatus } from '../../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../hooks/useAction';
import { useFieldState } from '../hooks/useFieldState';
import { ErrorAlert, Notice, ProgressBar } from './Feedback';
import { Field } from './Field';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphrase';

/**
 * The recovery key and a new passphrase: opens the vault with the key and sets the passphrase.
 * On the unlock screen it is the screen's task (`autoFocus`, `onBack`, `onRecovered` leaves the
 * screen); in Settings it is one card among others and says it is done (`doneNotice`).
 */
export function RecoveryKeyForm({
  intro,
  showKeyFormat = false,
  progress,
  submitLabel,
  pendingLabel,
  doneNotice,
  autoFocus = false,
  onBack,
  onRecovered,
}: {
  intro: ReactNode;
  /** The key field hints at the key's format: a placeholder, and capitals on a touch keyboard. */
  showKeyFormat?: boolean;
  progress: { label: string; detail: string };
  submitLabel: string;
  pendingLabel: string;
  /** Shown once the new passphrase is set, for a form that stays on screen. */
  doneNotice?: string;
  /** The key field takes focus when the form appears, and again when the key is refused. */
  autoFocus?: boolean;
  /** A Back button beside the submit button, which is then the primary one. */
  onBack?: () => void;
  onRecovered?: (status: VaultStatus) => void;
}) {
  const recoveryKey = useFieldState('');
  const next = useNewPassphrase();
  const recover = useAction((key: string, passphrase: string) => api().vault.recover({ recoveryKey: key, newPassphrase: passphrase }));
  const [done, setDone] = useState(false);
  const keyInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) keyInput.current?.focus();
  }, [autoFocus]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const key = recoveryKey.value.trim();
    const missing = key.length === 0 ? 'Enter the recovery key.' : undefined;
    recoveryKey.setError(missing);
    const passphraseOk = await next.validate();
    if (missing || !passphraseOk) return;
    const outcome = await recover.run(key, next.passphrase);
    if (outcome.ok) {
      recoveryKey.setValue('');
      next.reset();
      setDone(true);
      onRecovered?.(outcome.value);
      return;
    }
    if (outcome.error.code === 'WRONG_PASSPHRASE') {
      recoveryKey.setError(outcome.error.detail || 'That recovery key does not open this vault.');
      recover.clearError();
      if (autoFocus) keyInput.current?.focus();
    } else if (outcome.error.code === 'VALIDATION') {
      if (outcome.error.field === 'recoveryKey') recoveryKey.setError(outcome.error.detail);
      else next.setServerError(outcome.error.detail);
      recover.clearError();
    }
  };

  const submitButton = (
    <button type="submit" className={onBack ? 'button button-primary' : 'button'} disabled={recover.pending}>
      {recover.pending ? pendingLabel : submitLabel}
    </button>
  );
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Unlock with the recovery key">
      <p className="muted">{intro}</p>
      <Field label="Recovery key" error={recoveryKey.error}>
        {(props) => (
          <input
            {...props}
            ref={keyInput}
            className="input mono"
            value={recoveryKey.value}
            onChange={(event) => {
              recoveryKey.change(event.target.value);
              setDone(false);
            }}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize={showKeyFormat ? 'characters' : undefined}
            placeholder={showKeyFormat ? 'XXXX-XXXX-XXXX-…' : undefined}
            disabled={recover.pending}
          />
        )}
      </Field>
      <NewPassphraseFields state={next} disabled={recover.pending} />
      {recover.error ? <ErrorAlert error={recover.error} /> : null}
      {recover.slow ? <ProgressBar label={progress.label} detail={progress.detail} /> : null}
      {done && doneNotice ? <Notice tone="success">{doneNotice}</Notice> : null}
      {onBack ? (
        <div className="actions">
          <button type="button" className="button" onClick={onBack} disabled={recover.pending}>
            Back
          </button>
          {submitButton}
        </div>
      ) : (
        <div className="actions actions-start">{submitButton}</div>
      )}
    </form>
  );
}
