import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_ONLY_INSECURE_KDF } from '../../../src-main/core/crypto';
import { VaultService } from '../../../src-main/core/service';
import { intakeCsv } from '../../fixtures/intake-files';
import type { IntakeField } from '../../../src-main/core/intake';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { PASSPHRASE, tempDir } from '../../fixtures/temp-vault';

/**
 * Whatever DoeVault itself does to a vault, its integrity heads stay true: after any sequence
 * of the operations that write plaintiffs, cases or keyslots, the next unlock is not damaged
 * (and neither is a backup restored along the way). A head left stale by one writer would make
 * an honest vault DAMAGED; this is what catches it.
 */

type Op =
  | { kind: 'add'; count: number; seed: number }
  | { kind: 'update'; pick: number; seed: number }
  | { kind: 'withdraw'; pick: number }
  | { kind: 'import'; count: number; seed: number }
  | { kind: 'case'; scheme: 'gendered' | 'letters' | 'initials' }
  | { kind: 'delete-case'; pick: number }
  | { kind: 'passphrase' }
  | { kind: 'recover' }
  | { kind: 'filing'; pick: number }
  | { kind: 'backup-restore' };

const MAPPING: (IntakeField | null)[] = ['lastName', 'firstName', 'dob', 'gender', 'email', 'phone', 'idNumbers', 'aliases', 'address', 'notes'];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 4 }), seed: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), seed: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('import' as const), count: fc.integer({ min: 1, max: 5 }), seed: fc.integer({ min: 1001, max: 2000 }) }),
  fc.record({ kind: fc.constant('case' as const), scheme: fc.constantFrom('gendered' as const, 'letters' as const, 'initials' as const) }),
  fc.record({ kind: fc.constant('delete-case' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('passphrase' as const) }),
  fc.record({ kind: fc.constant('recover' as const) }),
  fc.record({ kind: fc.constant('filing' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('backup-restore' as const) }),
);

const passphrases = ['violet tractor moonbeam quartz 4471', 'amber lantern glacier oboe 9023', PASSPHRASE];

describe('integrity heads under DoeVault’s own operations', () => {
  it('any sequence of adds, updates, withdrawals, imports, case and keyslot changes and restores leaves the vault intact', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const { dir, cleanup } = tempDir();
        let n = 0;
        const fresh = (ext: string) => join(dir, `f${++n}.${ext}`);
        try {
          const path = join(dir, 'vault.doevault');
          const created = await VaultService.create(path, PASSPHRASE, { kdf: TEST_ONLY_INSECURE_KDF });
          let vault = created.vault;
          let passphrase = PASSPHRASE;
          vault.plaintiffs.addMany(vault.cases.create({ title: 'Doe v. Example' }).id, syntheticPlaintiffs(2, 1));
          const restored: { file: string; passphrase: string }[] = [];
          try {
            for (const step of ops) {
              const cases = vault.cases.list();
              const someCase = cases.length > 0 ? cases[('pick' in step ? step.pick : 0) % cases.length]! : undefined;
              switch (step.kind) {
                case 'add':
                  if (someCase) vault.plaintiffs.addMany(someCase.id, syntheticPlaintiffs(step.count, step.seed));
                  break;
                case 'update':
                case 'withdraw': {
                  if (!someCase) break;
                  const active = vault.plaintiffs.roster(someCase.id).filter((p) => p.status === 'active');
                  const who = active[step.pick % Math.max(active.length, 1)];
                  if (!who) break;
                  if (step.kind === 'update') vault.plaintiffs.update(someCase.id, who.id, syntheticPlaintiffs(1, step.seed)[0]);
                  else vault.plaintiffs.withdraw(someCase.id, { plaintiffId: who.id });
                  break;
                }
                case 'import': {
                  if (!someCase) break;
                  const csv = fresh('csv');
                  writeFileSync(csv, intakeCsv(syntheticPlaintiffs(step.count, step.seed)));
                  await vault.intake.import(someCase.id, csv, { mapping: MAPPING, onDuplicate: 'skip' });
                  break;
                }
                case 'case':
                  vault.cases.create({ title: `Case ${n++}`, scheme: step.scheme });
                  break;
                case 'delete-case':
                  if (someCase) vault.cases.delete(someCase.id);
                  break;
                case 'passphrase': {
                  const next = passphrases[(passphrases.indexOf(passphrase) + 1) % passphrases.length]!;
                  vault.vault.changePassphrase(passphrase, next);
                  passphrase = next;
                  break;
                }
                case 'recover': {
                  const next = passphrases[(passphrases.indexOf(passphrase) + 1) % passphrases.length]!;
                  vault.vault.recover(created.recoveryKey, next);
                  passphrase = next;
                  break;
                }
                case 'filing':
                  if (someCase) vault.filings.create(someCase.id, { title: 'Motion', body: 'Plaintiffs move.' });
                  break;
                case 'backup-restore': {
                  const backup = fresh('doevault');
                  await vault.vault.backup(backup);
                  const target = fresh('doevault');
                  await VaultService.restore(backup, target, passphrase);
                  restored.push({ file: target, passphrase });
                  break;
                }
              }
              expect(vault.vault.integrity().problems).toEqual([]);
            }
          } finally {
            vault.close();
          }
          for (const copy of [{ file: path, passphrase }, ...restored]) {
            vault = await VaultService.open(copy.file);
            try {
              vault.vault.unlock(copy.passphrase);
              expect(vault.vault.integrity()).toEqual({ damaged: false, problems: [], message: null });
              expect(vault.audit.verify().ok).toBe(true);
            } finally {
              vault.close();
            }
          }
        } finally {
          cleanup();
        }
      }),
      { numRuns: 25, seed: 11 },
    );
  });
});
