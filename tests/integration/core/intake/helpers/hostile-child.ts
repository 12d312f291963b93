/**
 * Child process for hostile-inputs.test.ts. Not a test itself.
 *
 *   node <bundle> <vault> <caseId> <inspect|dry-run|draft|parts> <file>   (bundled by bundleChild)
 *
 * Runs one operation on a hostile file and prints one JSON line: the outcome (a summary, or
 * the error's code and message) and the process's peak resident memory (VmHWM), in MiB.
 */
import { readFile } from 'node:fs/promises';
import { docxPartsText } from '../../../../../src-main/core/documents';
import { isVaultError } from '../../../../../src-main/core/errors';
import { VaultService } from '../../../../../src-main/core/service';
import { PASSPHRASE } from '../../../../fixtures/temp-vault';
import { peakMiB } from '../../helpers/peak-memory';

const [vaultPath, caseId, op, file] = process.argv.slice(2) as [string, string, string, string];

const vault = await VaultService.open(vaultPath);
vault.vault.unlock(PASSPHRASE);
let outcome: unknown;
try {
  if (op === 'inspect') {
    const inspection = await vault.intake.inspect(caseId, file);
    outcome = { ok: true, headers: inspection.headers, samples: inspection.sampleRows.length };
  } else if (op === 'dry-run') {
    const { mapping } = await vault.intake.inspect(caseId, file);
    const summary = await vault.intake.import(caseId, file, { mapping, onDuplicate: 'import', dryRun: true });
    outcome = { ok: true, added: summary.added, rejected: summary.rejected };
  } else if (op === 'draft') {
    const draft = await vault.filings.importDraft(caseId, file);
    outcome = { ok: true, length: JSON.stringify(draft).length };
  } else {
    const parts = await docxPartsText(new Uint8Array(await readFile(file)));
    outcome = { ok: true, length: parts.text.length };
  }
} catch (error) {
  outcome = isVaultError(error) ? { ok: false, code: error.code, message: error.message } : { ok: false, code: 'CRASH', message: String(error) };
}
vault.close();
process.stdout.write(`${JSON.stringify({ outcome, peakMiB: peakMiB() })}\n`);
