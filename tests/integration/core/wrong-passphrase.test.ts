import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultService } from '../../../src-main/core/service';
import { PASSPHRASE } from '../../fixtures/temp-vault';
import { codeOf, copyVault, flipBit, openUnlocked, sampleVault, snapshot, withDb, type Sample } from './helpers/raw';

describe('a wrong passphrase', () => {
  let sample: Sample;
  beforeAll(async () => {
    sample = await sampleVault();
  });
  afterAll(() => sample.cleanup());

  it('is refused with WRONG_PASSPHRASE, changes no vault data, and is audited as unlock.failed', async () => {
    const path = copyVault(sample);
    const before = snapshot(path);
    const vault = await VaultService.open(path);
    for (const attempt of ['correct horse battery stapler', '', 'CORRECT HORSE BATTERY STAPLE', `${PASSPHRASE} `]) {
      expect(await codeOf(() => vault.vault.unlock(attempt))).toBe('WRONG_PASSPHRASE');
      expect(vault.isUnlocked).toBe(false);
    }
    expect(await codeOf(() => vault.cases.list())).toBe('LOCKED');
    vault.close();
    expect(snapshot(path)).toBe(before);

    const unlocked = await openUnlocked(path);
    try {
      const failed = unlocked.audit.list().filter((entry) => entry.action === 'unlock.failed');
      expect(failed).toHaveLength(4);
      expect(unlocked.audit.list().at(-1)!.action).toBe('vault.unlocked');
      expect(unlocked.audit.verify()).toMatchObject({ ok: true });
      expect(unlocked.plaintiffs.roster(sample.caseA)).toHaveLength(5);
    } finally {
      unlocked.close();
    }
  });

  it('through changePassphrase is refused the same way, without changing the keyslots', async () => {
    const path = copyVault(sample);
    const before = snapshot(path);
    const vault = await VaultService.open(path);
    expect(await codeOf(() => vault.vault.changePassphrase('not the passphrase', 'a brand new passphrase'))).toBe('WRONG_PASSPHRASE');
    vault.close();
    expect(snapshot(path)).toBe(before);
  });

  it('through recover with another vault\'s recovery key is refused the same way', async () => {
    const other = await sampleVault();
    try {
      const path = copyVault(sample);
      const before = snapshot(path);
      const vault = await VaultService.open(path);
      expect(await codeOf(() => vault.vault.recover(other.recoveryKey, 'a brand new passphrase'))).toBe('WRONG_PASSPHRASE');
      vault.close();
      expect(snapshot(path)).toBe(before);
    } finally {
      other.cleanup();
    }
  });
});

describe('a damaged keyslot', () => {
  let sample: Sample;
  beforeAll(async () => {
    sample = await sampleVault();
  });
  afterAll(() => sample.cleanup());

  function damageSlot(path: string, kind: 'passphrase' | 'recovery', column: 'wrapped_key' | 'salt', bit: number): void {
    withDb(path, (db) => {
      const row = db.prepare(`SELECT ${column} AS value FROM keyslots WHERE kind = ?`).get(kind) as { value: Buffer };
      db.prepare(`UPDATE keyslots SET ${column} = ? WHERE kind = ?`).run(flipBit(row.value, bit), kind);
    });
  }

  it.each([
    ['wrapped_key', 0],
    ['wrapped_key', 8 * 30 + 3],
    ['wrapped_key', -1],
    ['salt', 0],
    ['salt', 127],
  ] as const)('is DAMAGED, not WRONG_PASSPHRASE, after a flipped bit in %s (bit %i)', async (column, bit) => {
    const path = copyVault(sample);
    const length = withDb(path, (db) => (db.prepare(`SELECT length(${column}) AS n FROM keyslots WHERE kind = 'passphrase'`).get() as { n: number }).n);
    damageSlot(path, 'passphrase', column, bit < 0 ? length * 8 - 1 : bit);
    const vault = await VaultService.open(path);
    try {
      let caught: unknown;
      try {
        vault.vault.unlock(PASSPHRASE);
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'DAMAGED' });
      expect((caught as Error).message).toMatch(/passphrase keyslot .* damaged/);
      expect((caught as Error).message).toMatch(/recovery key/);
      // A wrong passphrase on a damaged slot is still DAMAGED: the user must not keep guessing.
      expect(await codeOf(() => vault.vault.unlock('some other passphrase'))).toBe('DAMAGED');
      expect(vault.isUnlocked).toBe(false);
    } finally {
      vault.close();
    }
  });

  it('can be repaired with the recovery key, which rewrites the passphrase slot', async () => {
    const path = copyVault(sample);
    damageSlot(path, 'passphrase', 'wrapped_key', 100);
    const vault = await VaultService.open(path);
    try {
      vault.vault.recover(sample.recoveryKey, 'a brand new passphrase');
      vault.vault.lock();
      vault.vault.unlock('a brand new passphrase');
      expect(vault.plaintiffs.roster(sample.caseA)).toHaveLength(5);
    } finally {
      vault.close();
    }
  });

  it('in the recovery slot leaves the passphrase working and is DAMAGED for the recovery key', async () => {
    const path = copyVault(sample);
    damageSlot(path, 'recovery', 'salt', 5);
    const vault = await VaultService.open(path);
    try {
      expect(await codeOf(() => vault.vault.recover(sample.recoveryKey, 'a brand new passphrase'))).toBe('DAMAGED');
      vault.vault.unlock(PASSPHRASE);
      expect(vault.plaintiffs.roster(sample.caseB)).toHaveLength(3);
    } finally {
      vault.close();
    }
  });
});
