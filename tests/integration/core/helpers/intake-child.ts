/**
 * Child process for the kill-during-import test (intake/sigkill.test.ts). Not a test itself.
 *
 *   node <bundle> <vault> <caseId> <intake.csv>    (bundled by kill-child.ts bundleChild)
 *
 * Imports the CSV with importPlaintiffs (one transaction). Prints "tx" when the writing step
 * starts (the transaction is open) and "done N" after it returns.
 */
import { VaultService } from '../../../../src-main/core/service';
import { PASSPHRASE } from '../../../fixtures/temp-vault';

const [vaultPath, caseId, csv] = process.argv.slice(2) as [string, string, string];
const vault = await VaultService.open(vaultPath);
vault.vault.unlock(PASSPHRASE);
const { mapping } = await vault.intake.inspect(caseId, csv);
let announced = false;
const summary = await vault.intake.import(caseId, csv, {
  mapping,
  onDuplicate: 'import',
  control: {
    onProgress: (_done, _total, step) => {
      if (step === 'Writing' && !announced) {
        announced = true;
        process.stdout.write('tx\n');
      }
    },
  },
});
process.stdout.write(`done ${summary.added}\n`);
vault.close();
