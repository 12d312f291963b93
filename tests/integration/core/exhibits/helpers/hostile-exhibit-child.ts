/**
 * Child process for hostile-exhibits.test.ts. Not a test itself.
 *
 *   node <bundle> <vault> <caseId> <file>   (bundled by bundleChild)
 *
 * Scans one hostile exhibit as `doe-vault exhibit scan` does (exhibits.scan) and prints one JSON
 * line: the outcome (the pages read, or the error's code and message) and the process's peak
 * resident memory (VmHWM), in MiB.
 */
import { isVaultError } from '../../../../../src-main/core/errors';
import { VaultService } from '../../../../../src-main/core/service';
import { PASSPHRASE } from '../../../../fixtures/temp-vault';
import { peakMiB } from '../../helpers/peak-memory';

const [vaultPath, caseId, file] = process.argv.slice(2) as [string, string, string];

const vault = await VaultService.open(vaultPath);
vault.vault.unlock(PASSPHRASE);
let outcome: unknown;
try {
  const scan = await vault.exhibits.scan(caseId, file, {});
  outcome = { ok: true, pages: scan.pages.length };
} catch (error) {
  outcome = isVaultError(error) ? { ok: false, code: error.code, message: error.message } : { ok: false, code: 'CRASH', message: String(error) };
}
vault.close();
process.stdout.write(`${JSON.stringify({ outcome, peakMiB: peakMiB() })}\n`);
