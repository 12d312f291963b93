// The DoeVault side: every operation through VaultService, as the app and the CLI call it.
import { join } from 'node:path';
import type { KdfParams } from '../../src-main/core/crypto';
import { VaultService } from '../../src-main/core/service';
import { median, timed, timedAsync } from './measure';
import type { Operation } from './operations';
import { BENCH_CASE, type Workload } from './workload';

const PASSPHRASE = 'benchmark passphrase, synthetic data only';

/**
 * One run in `dir` (empty): create, add, lock and reopen, unlock, read both rosters, look up.
 * Returns milliseconds per operation; for `lookup`, the median of the single lookups.
 */
export async function runDoeVault(dir: string, work: Workload, kdf: KdfParams): Promise<Record<Operation, number>> {
  const path = join(dir, 'bench.doevault');
  const n = work.plaintiffs.length;

  const create = await timedAsync(() => VaultService.create(path, PASSPHRASE, { kdf }));
  let vault = create.value.vault;
  let caseId: string;
  let add: number;
  try {
    caseId = vault.cases.create(BENCH_CASE).id;
    const added = timed(() => vault.plaintiffs.addMany(caseId, work.plaintiffs));
    expectCount('added', added.value.length, n);
    add = added.ms;
  } finally {
    vault.close();
  }

  // Unlock as a user does: open the file (locked), then derive the key from the passphrase.
  const unlock = await timedAsync(async () => {
    const opened = await VaultService.open(path);
    opened.vault.unlock(PASSPHRASE);
    return opened;
  });
  vault = unlock.value;
  try {
    const sealed = timed(() => vault.plaintiffs.sealedRoster(caseId));
    expectCount('sealed roster entries', sealed.value.length, n);
    if (sealed.value.some((entry) => typeof entry.legalName !== 'string')) throw new Error('The sealed roster lacks identities.');
    const roster = timed(() => vault.plaintiffs.roster(caseId));
    expectCount('public roster entries', roster.value.length, n);

    const lookups = work.lookupNames.map((legalName) => {
      const found = timed(() => vault.plaintiffs.findDuplicates({ legalName }));
      if (found.value.length === 0) throw new Error('A duplicate lookup found nothing for a name that is in the vault.');
      return found.ms;
    });
    return {
      create: create.ms,
      unlock: unlock.ms,
      add,
      sealedRoster: sealed.ms,
      publicRoster: roster.ms,
      lookup: median(lookups),
    };
  } finally {
    vault.close();
  }
}

function expectCount(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`Benchmark check failed: ${actual} ${what}, expected ${expected}.`);
}
