/**
 * The rule for a new passphrase (a vault's or a sealed package's), shared by the vault, which
 * enforces it, and the renderer's strength meter, which shows the same verdict before submit.
 * Each side builds its own zxcvbn meter from these options (this folder imports nothing).
 */
export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;

/** zxcvbn's "strong": below it a passphrase is refused. */
export const MIN_PASSPHRASE_SCORE = 3;

/**
 * zxcvbn's time grows quickly with length (a 100-character random string took seconds), and a
 * long random passphrase is strong anyway: only this many characters are scored. A weak prefix
 * (64 times "a") still scores 0.
 */
export const SCORED_PASSPHRASE_CHARS = 64;

/** zxcvbn's l33t matcher tries every substitution; more than a few only costs time. */
export const PASSPHRASE_L33T_MAX_SUBSTITUTIONS = 4;

/** Words a guesser of a DoeVault passphrase tries first. */
export const PASSPHRASE_CONTEXT_WORDS = ['doevault', 'doe', 'vault', 'jane', 'john', 'plaintiff', 'court', 'password', 'passphrase'] as const;

export const PASSPHRASE_SCORE_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/** The meter's verdict on a passphrase, as both sides word it. */
export interface PassphraseVerdict {
  score: number;
  warning: string | null;
  suggestions: readonly string[];
}

/** Why a new passphrase is refused, or null: length first, then the meter's score and reason. */
export function passphraseProblem(passphrase: string, verdict: () => PassphraseVerdict): string | null {
  const length = [...passphrase].length;
  if (passphrase.trim().length === 0) return 'Enter a passphrase. A few unrelated words work well.';
  if (length < MIN_PASSPHRASE_LENGTH) {
    return `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters (it has ${length}). A few unrelated words work well.`;
  }
  if (length > MAX_PASSPHRASE_LENGTH) return `The passphrase must be at most ${MAX_PASSPHRASE_LENGTH} characters (it has ${length}).`;
  const { score, warning, suggestions } = verdict();
  if (score >= MIN_PASSPHRASE_SCORE) return null;
  const label = PASSPHRASE_SCORE_LABELS[score] ?? 'Weak';
  const reasons = [warning, ...suggestions].filter((reason): reason is string => Boolean(reason));
  const why = reasons.length > 0 ? ` ${reasons.join(' ')}` : '';
  return `The passphrase is too easy to guess (strength: ${label.toLowerCase()}; it must be at least strong).${why} A few unrelated words work well.`;
}
