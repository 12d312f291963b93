import { createRequire } from 'node:module';
import { runBlocking, STATE_BYTES } from '../blocking-worker';
import { VaultError } from '../errors';
import {
  PASSPHRASE_CONTEXT_WORDS,
  PASSPHRASE_L33T_MAX_SUBSTITUTIONS,
  passphraseProblem,
  SCORED_PASSPHRASE_CHARS,
  type PassphraseVerdict,
} from '../shared/passphrase-rule';

export { MIN_PASSPHRASE_LENGTH } from '../shared/passphrase-rule';

/**
 * zxcvbn's estimate of a passphrase, on its first characters only (see SCORED_PASSPHRASE_CHARS).
 *
 * The meter runs in a short-lived worker thread (runBlocking): its dictionaries, ranked, take
 * some 60 MB that a heap never gives back, and a new passphrase is followed by a key derivation
 * of 256 MiB; held here, the two would add up for the life of the process. It costs about half
 * a second a check, once per vault created, passphrase changed or package sealed.
 */
export function passphraseVerdict(passphrase: string): PassphraseVerdict {
  const scored = new TextEncoder().encode([...passphrase].slice(0, SCORED_PASSPHRASE_CHARS).join(''));
  // [0..4) state; [4..8) verdict length; [8..8+VERDICT_BYTES) verdict (JSON); then the passphrase.
  const shared = new SharedArrayBuffer(STATE_BYTES + 4 + VERDICT_BYTES + scored.length);
  const bytes = new Uint8Array(shared);
  bytes.set(scored, STATE_BYTES + 4 + VERDICT_BYTES);
  scored.fill(0);
  try {
    const outcome = runBlocking(
      METER_WORKER,
      {
        shared,
        verdictAt: STATE_BYTES + 4,
        verdictBytes: VERDICT_BYTES,
        modules: meterModules(),
        options: { l33tMaxSubstitutions: PASSPHRASE_L33T_MAX_SUBSTITUTIONS, maxLength: SCORED_PASSPHRASE_CHARS },
        context: [...PASSPHRASE_CONTEXT_WORDS],
      },
      METER_TIMEOUT_MS,
    );
    if (outcome !== 'done') throw new VaultError('INTERNAL', 'The passphrase strength check did not run. Close other programs to free memory and try again.');
    const length = new DataView(shared).getUint32(STATE_BYTES, true);
    return JSON.parse(new TextDecoder().decode(bytes.slice(STATE_BYTES + 4, STATE_BYTES + 4 + length))) as PassphraseVerdict;
  } finally {
    bytes.fill(0);
  }
}

/** zxcvbn's words for one verdict fit many times over. */
const VERDICT_BYTES = 16 * 1024;
/** Generous: a check takes about half a second, even on a slow machine under load. */
const METER_TIMEOUT_MS = 5 * 60 * 1000;

let resolvedModules: { core: string; common: string; en: string } | undefined;
/** The meter's packages, by path: the worker requires them, this thread never loads them. */
function meterModules(): { core: string; common: string; en: string } {
  if (resolvedModules) return resolvedModules;
  const require = createRequire(import.meta.url);
  resolvedModules = { core: require.resolve('@zxcvbn-ts/core'), common: require.resolve('@zxcvbn-ts/language-common'), en: require.resolve('@zxcvbn-ts/language-en') };
  return resolvedModules;
}

/** The worker's body (see runBlocking): offline data only, the options the renderer's meter uses. */
const METER_WORKER = `
const bytes = new Uint8Array(workerData.shared);
const core = require(workerData.modules.core);
const common = require(workerData.modules.common);
const en = require(workerData.modules.en);
const meter = new core.ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  ...workerData.options,
});
const at = workerData.verdictAt + workerData.verdictBytes;
const passphrase = new TextDecoder().decode(bytes.slice(at));
const result = meter.check(passphrase, workerData.context);
const verdict = new TextEncoder().encode(JSON.stringify({ score: result.score, warning: result.feedback.warning || null, suggestions: result.feedback.suggestions }));
if (verdict.length > workerData.verdictBytes) throw new Error('verdict too long');
new DataView(workerData.shared).setUint32(workerData.verdictAt - 4, verdict.length, true);
bytes.set(verdict, workerData.verdictAt);
`;

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
