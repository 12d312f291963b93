import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerification } from '../../../src-main/core/audit/audit-log';
import { VaultService } from '../../../src-main/core/service';
import { PASSPHRASE, tempVault } from '../../fixtures/temp-vault';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { copyVault, flipBit, withDb, type Sample } from './helpers/raw';

/**
 * An attacker with the file drops the append-only triggers and edits the log directly.
 * verifyAudit() must report the first entry that no longer holds.
 */
describe('a tampered audit log', () => {
  let sample: Sample;
  let entries: number;

  beforeAll(async () => {
    const { vault, path, dir, recoveryKey, cleanup } = await tempVault();
    const caseA = vault.cases.create({ title: 'Doe v. Example Corp' }).id;
    const caseB = vault.cases.create({ title: 'Roe v. Example Corp' }).id;
    const added = vault.plaintiffs.addMany(caseA, syntheticPlaintiffs(4, 3));
    vault.plaintiffs.reveal(caseA, added[0]!.id);
    vault.plaintiffs.sealedRoster(caseA);
    vault.plaintiffs.withdraw(caseA, { pseudonym: added[1]!.pseudonym });
    vault.vault.lock();
    vault.vault.unlock(PASSPHRASE);
    entries = vault.audit.list().length; // 8: created, 2 cases, added, revealed, roster, withdrawn, unlocked
    expect(vault.audit.verify()).toEqual({ ok: true, entries });
    vault.close();
    sample = { path, dir, recoveryKey, caseA, caseB, cleanup };
  });
  afterAll(() => sample.cleanup());

  /** Tampers with a copy (triggers dropped first), then verifies it as the owner would. */
  async function verifyAfter(tamper: (db: import('better-sqlite3').Database) => void): Promise<AuditVerification> {
    const path = copyVault(sample);
    withDb(path, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      tamper(db);
    });
    const vault = await VaultService.open(path);
    try {
      vault.vault.unlock(PASSPHRASE);
      return vault.audit.verify();
    } finally {
      vault.close();
    }
  }

  it('verifies when untouched (the unlock that verifies it is appended too)', async () => {
    expect(await verifyAfter(() => undefined)).toEqual({ ok: true, entries: entries + 1 });
  });

  it('names an entry whose ciphertext was edited', async () => {
    const result = await verifyAfter((db) => {
      const row = db.prepare('SELECT entry FROM audit_log WHERE seq = 5').get() as { entry: Buffer };
      db.prepare('UPDATE audit_log SET entry = ? WHERE seq = 5').run(flipBit(row.entry, 200));
    });
    expect(result).toMatchObject({ ok: false, firstBadEntry: 5 });
  });

  it('names an entry whose time was edited', async () => {
    const result = await verifyAfter((db) => db.prepare("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 3").run());
    expect(result).toMatchObject({ ok: false, firstBadEntry: 3 });
  });

  it('names an entry whose MAC was replaced by another entry\'s', async () => {
    const result = await verifyAfter((db) =>
      db.prepare('UPDATE audit_log SET mac = (SELECT mac FROM audit_log WHERE seq = 2) WHERE seq = 6').run(),
    );
    expect(result).toMatchObject({ ok: false, firstBadEntry: 6 });
  });

  it('names the place of a deleted entry', async () => {
    const result = await verifyAfter((db) => db.prepare('DELETE FROM audit_log WHERE seq = 4').run());
    expect(result).toMatchObject({ ok: false, firstBadEntry: 4 });
  });

  it('names a deleted entry even when the later ones are renumbered to close the gap', async () => {
    const result = await verifyAfter((db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
      db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 4').run();
    });
    expect(result).toMatchObject({ ok: false, firstBadEntry: 4 });
  });

  it('names the first of two swapped (reordered) entries', async () => {
    const result = await verifyAfter((db) => {
      db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 3').run();
      db.prepare('UPDATE audit_log SET seq = 3 WHERE seq = 6').run();
      db.prepare('UPDATE audit_log SET seq = 6 WHERE seq = -1').run();
    });
    expect(result).toMatchObject({ ok: false, firstBadEntry: 3 });
  });

  it('catches entries removed from the end', async () => {
    // The unlock of the check appends one entry after the cut: it still shows the gap.
    for (const keep of [entries - 1, entries - 3, 1]) {
      const result = await verifyAfter((db) => db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep));
      expect(result).toMatchObject({ ok: false, firstBadEntry: keep + 1 });
    }
  });

  it('catches entries removed from the end when nothing is appended afterwards', async () => {
    const path = copyVault(sample);
    const vault = await VaultService.open(path);
    vault.vault.unlock(PASSPHRASE);
    withDb(path, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE seq > ?').run(entries - 1);
    });
    try {
      const result = vault.audit.verify();
      expect(result).toMatchObject({ ok: false, firstBadEntry: entries });
      expect(result.ok === false && result.problem).toMatch(/removed/);
    } finally {
      vault.close();
    }
  });

  it('is not repaired by the next entry when its head record was replaced', async () => {
    const result = await verifyAfter((db) => db.prepare('UPDATE meta SET audit_head = (SELECT entry FROM audit_log WHERE seq = 1)').run());
    expect(result.ok).toBe(false);
  });

  it('catches a log wiped entirely together with its head record', async () => {
    const result = await verifyAfter((db) => {
      db.prepare('DELETE FROM audit_log').run();
      db.prepare('UPDATE meta SET audit_head = NULL').run();
    });
    expect(result).toMatchObject({ ok: false, firstBadEntry: 1 });
  });
});
