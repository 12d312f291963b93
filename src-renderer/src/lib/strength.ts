import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_PASSPHRASE_LENGTH = 12;

export interface Strength {
  /** 0 (guessed at once) to 4 (very hard to guess), as zxcvbn scores it. */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  warning: string | null;
  suggestions: string[];
  /** How long an offline attack on a stolen laptop would take, in words. */
  crackTime: string;
}

export const SCORE_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

let loading: Promise<ZxcvbnFactory> | undefined;

/** zxcvbn's dictionaries are large: loaded on first use, in their own chunk. */
function load(): Promise<ZxcvbnFactory> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  );
  return loading;
}

const CONTEXT_WORDS = ['doevault', 'doe', 'vault', 'jane', 'john', 'plaintiff', 'court', 'password', 'passphrase'];

export async function measureStrength(passphrase: string): Promise<Strength> {
  const zxcvbn = await load();
  const result = zxcvbn.check(passphrase.slice(0, 256), CONTEXT_WORDS);
  const score = result.score as Strength['score'];
  return {
    score,
    label: SCORE_LABELS[score],
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
    crackTime: result.crackTimes.offlineSlowHashingXPerSecond.display,
  };
}

export function passphraseLength(passphrase: string): number {
  return [...passphrase].length;
}

/** Why a new passphrase is refused, or null. The same rule as the vault's own. */
export function newPassphraseProblem(passphrase: string): string | null {
  const length = passphraseLength(passphrase);
  if (passphrase.trim().length === 0) return 'Enter a passphrase.';
  if (length < MIN_PASSPHRASE_LENGTH) {
    return `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters (it has ${length}). A few unrelated words work well.`;
  }
  return null;
}
