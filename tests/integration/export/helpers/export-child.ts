/**
 * Child process for the kill-during-export test (export-crash.test.ts). Not a test itself.
 *
 *   node <bundle> <vault> <caseId> <destination>    (bundled by kill-child.ts bundleChild)
 *
 * Opens a vault made with TEST_ONLY_INSECURE_KDF (printing "cleaned N": the exports of earlier,
 * killed children it cleaned up), unlocks it, prints "tx" just before the export starts and
 * "done" once it returned. Pipes are synchronous in Node on Linux, so the parent sees each line
 * when it is written.
 */
import { VaultService } from '../../../../src-main/core/service';
import { PASSPHRASE } from '../../../fixtures/temp-vault';

const [vaultPath, caseId, destination] = process.argv.slice(2);
if (!vaultPath || !caseId || !destination) {
  process.stderr.write('usage: export-child.ts <vault> <caseId> <destination>\n');
  process.exit(2);
}

const vault = await VaultService.open(vaultPath);
process.stdout.write(`cleaned ${vault.cleanedExports}\n`);
vault.vault.unlock(PASSPHRASE);
const body = Array.from({ length: 3 }, (_, i) => `${i + 1}. Plaintiff {{Jane Doe 1}} and {{John Doe 2}} state the facts of paragraph ${i + 1}.`).join('\n\n');
process.stdout.write('tx\n');
const report = await vault.filings.export(caseId, { title: 'Complaint for Damages', body }, { destination, docx: true });
process.stdout.write(`done ${report.status}\n`);
vault.close();
