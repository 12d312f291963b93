/**
 * Child process for the kill-during-insert test (sigkill.test.ts). Not a test itself.
 *
 *   node <bundle> <vault> <caseId> <plaintiffs.json>    (bundled by kill-child.ts bundleChild)
 *
 * Opens a vault made with TEST_ONLY_INSECURE_KDF, unlocks it, prints "ready", then adds all
 * plaintiffs of the JSON file (10,000 synthetic ones) with one addPlaintiffs call, i.e. in one
 * transaction. It prints "tx" at the moment addPlaintiffs reads the clock, which it does after
 * validating the input and just before opening its transaction, and "done" after it returns.
 * Pipes are synchronous in Node on Linux, so the parent sees each line when it is written.
 */
import { readFileSync } from 'node:fs';
import { VaultService } from '../../../../src-main/core/service';
import { PASSPHRASE } from '../../../fixtures/temp-vault';

const [vaultPath, caseId, dataPath] = process.argv.slice(2);
if (!vaultPath || !caseId || !dataPath) {
  process.stderr.write('usage: bulk-add-child.ts <vault> <caseId> <plaintiffs.json>\n');
  process.exit(2);
}

const plaintiffs = JSON.parse(readFileSync(dataPath, 'utf8')) as unknown[];
let armed = false;
const vault = await VaultService.open(vaultPath, {
  now: () => {
    if (armed) {
      armed = false;
      process.stdout.write('tx\n');
    }
    return new Date();
  },
});
vault.vault.unlock(PASSPHRASE);
process.stdout.write('ready\n');
armed = true;
const added = vault.plaintiffs.addMany(caseId, plaintiffs);
process.stdout.write(`done ${added.length}\n`);
vault.close();
