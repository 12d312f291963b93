// One import measured in its own process, so its peak memory (maxRSS) is its own:
//   node --import tsx tests/bench/intake-child.ts VAULT_DIR FILE   (or, bundled by `npm run bench`,
//   node node_modules/.cache/doevault-bench/intake-child.mjs VAULT_DIR FILE)
// prints {"ms":…,"added":…,"maxRssBytes":…}.
import { join } from 'node:path';
import { TEST_ONLY_INSECURE_KDF } from '../../src-main/core/crypto';
import { VaultService } from '../../src-main/core/service';

const [dir, file] = process.argv.slice(2) as [string, string];
const { vault } = await VaultService.create(join(dir, `intake-${Date.now()}.doevault`), 'bench passphrase, not secret', { kdf: TEST_ONLY_INSECURE_KDF });
try {
  const caseId = vault.cases.create({ title: 'Intake bench', scheme: 'gendered' }).id;
  const started = performance.now();
  const inspection = await vault.intake.inspect(caseId, file);
  const summary = await vault.intake.import(caseId, file, { mapping: inspection.mapping, onDuplicate: 'import' });
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, added: summary.added, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
} finally {
  vault.close();
}
