import { useState } from 'react';
import { newPassphraseProblem } from '../lib/strength';
import { PassphraseInput, StrengthMeter } from './Passphrase';

export interface NewPassphraseState {
  passphrase: string;
  confirmation: string;
  setPassphrase: (value: string) => void;
  setConfirmation: (value: string) => void;
  errors: { passphrase?: string; confirmation?: string };
  /** Checks the vault's rule (length and zxcvbn strength) and the confirmation; shows the problems; true when both are fine. */
  validate: () => Promise<boolean>;
  /** Shows an error from main on the passphrase field. */
  setServerError: (message: string) => void;
  reset: () => void;
}

export function useNewPassphrase(): NewPassphraseState {
  const [passphrase, setPassphraseValue] = useState('');
  const [confirmation, setConfirmationValue] = useState('');
  const [errors, setErrors] = useState<NewPassphraseState['errors']>({});
  return {
    passphrase,
    confirmation,
    setPassphrase: (value) => {
      setPassphraseValue(value);
      setErrors((e) => ({ ...e, passphrase: undefined }));
    },
    setConfirmation: (value) => {
      setConfirmationValue(value);
      setErrors((e) => ({ ...e, confirmation: undefined }));
    },
    errors,
    validate: async () => {
      const problem = await newPassphraseProblem(passphrase);
      const mismatch = problem === null && passphrase !== confirmation ? 'The two passphrases are not the same. Type it again.' : undefined;
      setErrors({ passphrase: problem ?? undefined, confirmation: mismatch });
      return problem === null && mismatch === undefined;
    },
    setServerError: (message) => setErrors({ passphrase: message }),
    reset: () => {
      setPassphraseValue('');
      setConfirmationValue('');
      setErrors({});
    },
  };
}

/** A new passphrase, typed twice, with the strength meter under the first. */
export function NewPassphraseFields({ state, label = 'New passphrase', disabled }: { state: NewPassphraseState; label?: string; disabled?: boolean }) {
  return (
    <>
      <PassphraseInput
        label={label}
        value={state.passphrase}
        onChange={state.setPassphrase}
        error={state.errors.passphrase}
        hint="At least 12 characters and strong. A few unrelated words are strong and easy to remember."
        autoComplete="new-password"
        disabled={disabled}
      />
      <StrengthMeter passphrase={state.passphrase} />
      <PassphraseInput
        label={`Confirm ${label.toLowerCase()}`}
        value={state.confirmation}
        onChange={state.setConfirmation}
        error={state.errors.confirmation}
        autoComplete="new-password"
        disabled={disabled}
      />
    </>
  );
}
