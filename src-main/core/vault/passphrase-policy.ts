import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { VaultError } from '../errors';
import {
  PASSPHRASE_CONTEXT_WORDS,
  PASSPHRASE_L33T_MAX_SUBSTITUTIONS,
  passphraseProblem,
  SCORED_PASSPHRASE_CHARS,
  type PassphraseVerdict,
} from '../shared/passphrase-rule';

export { MIN_PASSPHRASE_LENGTH } from '../shared/passphrase-rule';

let meter: ZxcvbnFactory | undefined;

/** Built on first use: its dictionaries take a few hundred milliseconds to rank. Offline data only. */
function zxcvbn(): ZxcvbnFactory {
  meter ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
    l33tMaxSubstitutions: PASSPHRASE_L33T_MAX_SUBSTITUTIONS,
    maxLength: SCORED_PASSPHRASE_CHARS,
  });
  return meter;
}

/** zxcvbn's estimate of a passphrase, on its first characters only (see SCORED_PASSPHRASE_CHARS). */
export function passphraseVerdict(passphrase: string): PassphraseVerdict {
  const result = zxcvbn().check([...passphrase].slice(0, SCORED_PASSPHRASE_CHARS).join(''), [...PASSPHRASE_CONTEXT_WORDS]);
  return { score: result.score, warning: result.feedback.warning || null, suggestions: result.feedback.suggestions };
}

/**
 * A new vault or package passphrase: 12 to 1024 characters (Unicode characters, not bytes) and
 * "strong" (score 3) or better by zxcvbn, with the meter's reason when it is not. The recovery
 * key is random and never passes through here.
 */
export function checkNewPassphrase(passphrase: string): void {
  const problem = passphraseProblem(passphrase, () => passphraseVerdict(passphrase));
  if (problem) throw new VaultError('VALIDATION', problem, { field: 'passphrase' });
}

/** The bytes a passphrase is derived from: NFC, so the same words typed on any OS match. */
export function passphraseBytes(passphrase: string): Uint8Array {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}
