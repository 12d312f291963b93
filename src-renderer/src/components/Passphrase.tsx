import { useEffect, useState, type Ref } from 'react';
import { MIN_PASSPHRASE_LENGTH, MIN_PASSPHRASE_SCORE, measureStrength, passphraseLength, type Strength } from '../lib/strength';
import { Field } from './Field';

/** A passphrase input with a Show/Hide toggle. */
export function PassphraseInput({
  label,
  value,
  onChange,
  error,
  hint,
  autoFocus,
  autoComplete = 'current-password',
  inputRef,
  disabled,
  required = true,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  autoFocus?: boolean;
  autoComplete?: 'current-password' | 'new-password' | 'off';
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
  required?: boolean;
}) {
  const [shown, setShown] = useState(false);
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => (
        <div className="input-with-button">
          <input
            {...props}
            ref={inputRef}
            type={shown ? 'text' : 'password'}
            className="input"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            autoFocus={autoFocus}
            autoComplete={autoComplete}
            spellCheck={false}
            autoCapitalize="off"
            disabled={disabled}
            required={required}
          />
          <button
            type="button"
            className="button button-quiet input-addon"
            onClick={() => setShown((s) => !s)}
            aria-pressed={shown}
            aria-label={shown ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
            disabled={disabled}
          >
            {shown ? 'Hide' : 'Show'}
          </button>
        </div>
      )}
    </Field>
  );
}

/** How hard a new passphrase is to guess, as zxcvbn estimates it, with its advice. */
export function StrengthMeter({ passphrase }: { passphrase: string }) {
  const [strength, setStrength] = useState<Strength | null>(null);
  useEffect(() => {
    let current = true;
    if (passphrase.length === 0) {
      setStrength(null);
      return;
    }
    void measureStrength(passphrase).then((s) => current && setStrength(s));
    return () => {
      current = false;
    };
  }, [passphrase]);

  const length = passphraseLength(passphrase);
  const tooShort = length > 0 && length < MIN_PASSPHRASE_LENGTH;
  const score = passphrase.length === 0 ? -1 : (strength?.score ?? 0);
  const label =
    passphrase.length === 0
      ? `At least ${MIN_PASSPHRASE_LENGTH} characters.`
      : tooShort
        ? `Too short: ${length} of at least ${MIN_PASSPHRASE_LENGTH} characters.`
        : strength
          ? strength.score < MIN_PASSPHRASE_SCORE
            ? `${strength.label}. Too easy to guess: the vault needs Strong or better.`
            : `${strength.label}.`
          : 'Measuring…';

  return (
    <div className="strength" data-score={tooShort ? 0 : score}>
      <div className="strength-bar" aria-hidden="true">
        {[0, 1, 2, 3, 4].map((i) => (
          <span key={i} className={`strength-segment${score >= i && passphrase.length > 0 ? ' is-on' : ''}`} />
        ))}
      </div>
      <p className="strength-text" aria-live="polite">
        <span className="strength-label">Strength: {label}</span>
        {strength && !tooShort && passphrase.length > 0 ? (
          <span className="strength-time"> Estimated time to guess it offline: {strength.crackTime}.</span>
        ) : null}
      </p>
      {strength && passphrase.length > 0 && (strength.warning || strength.suggestions.length > 0) ? (
        <ul className="strength-advice">
          {strength.warning ? <li>{strength.warning}</li> : null}
          {strength.suggestions.slice(0, 2).map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
