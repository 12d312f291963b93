import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import {
  MIN_PASSPHRASE_LENGTH,
  MIN_PASSPHRASE_SCORE,
  PASSPHRASE_CONTEXT_WORDS,
  PASSPHRASE_L33T_MAX_SUBSTITUTIONS,
  PASSPHRASE_SCORE_LABELS,
  passphraseProblem,
  SCORED_PASSPHRASE_CHARS,
} from '../../../src-preload/contract';

export { MIN_PASSPHRASE_LENGTH, MIN_PASSPHRASE_SCORE };

export interface Strength {
  /** 0 (guessed at once) to 4 (very hard to guess), as zxcvbn scores it. */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  warning: string | null;
  suggestions: string[];
  /** How long an offline attack on a stolen laptop would take, in words. */
  crackTime: string;
}

export const SCORE_LABELS = PASSPHRASE_SCORE_LABELS;

let loading: Promise<ZxcvbnFactory> | undefined;

/** zxcvbn's dictionaries are large: loaded on first use, in their own chunk. */
function load(): Promise<ZxcvbnFactory> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
        l33tMaxSubstitutions: PASSPHRASE_L33T_MAX_SUBSTITUTIONS,
        maxLength: SCORED_PASSPHRASE_CHARS,
      }),
  );
  return loading;
}

export async function measureStrength(passphrase: string): Promise<Strength> {
  const zxcvbn = await load();
  const result = zxcvbn.check([...passphrase].slice(0, SCORED_PASSPHRASE_CHARS).join(''), [...PASSPHRASE_CONTEXT_WORDS]);
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

/**
 * Why a new passphrase is refused, or null: the vault's own rule (core/shared/passphrase-rule),
 * so the form shows before submit the refusal main would send.
 */
export async function newPassphraseProblem(passphrase: string): Promise<string | null> {
  const quick = passphraseProblem(passphrase, () => ({ score: 4, warning: null, suggestions: [] }));
  if (quick !== null) return quick;
  const strength = await measureStrength(passphrase);
  return passphraseProblem(passphrase, () => strength);
}
