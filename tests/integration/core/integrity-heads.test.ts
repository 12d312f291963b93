import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ONLY_INSECURE_KDF } from '../../../src-main/core/crypto';
import { VaultService } from '../../../src-main/core/service';
import { PASSPHRASE } from '../../fixtures/temp-vault';
import { intakeCsv } from '../../fixtures/intake-files';
import type { IntakeField } from '../../../src-main/core/intake';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { copyVault, flipBit, openUnlocked, sampleVault, stripIntegrityHeads, withDb, type Sample } from './helpers/raw';

/**
 * Issue 11, leaks 2 and 3: with the file and no keys, rows that are each sound on their own are
 * deleted, moved, swapped or rewound. Every one must leave the vault opening DAMAGED, naming the
 * problem, refusing everything that reveals or scans for identities, and still allowing what
 * the way out needs (backup, the public roster, audit verify).
 */

let sample: Sample;
beforeAll(async () => {
  sample = await sampleVault();
});
afterAll(() => sample.cleanup());

const MAPPING: (IntakeField | null)[] = ['lastName', 'firstName', 'dob', 'gender', 'email', 'phone', 'idNumbers', 'aliases', 'address', 'notes'];

const seqIds = (db: Database.Database, caseId: string): { id: string; seq: number }[] =>
  db.prepare('SELECT id, seq FROM plaintiffs WHERE case_id = ? ORDER BY seq').all(caseId) as { id: string; seq: number }[];

/** Drops the audit log's append-only triggers, as someone with the file can. */
const dropAuditTriggers = (db: Database.Database) => db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update;');

const TAMPERS: { name: string; problem: RegExp; tamper: (db: Database.Database) => void }[] = [
  {
    name: 'a plaintiff row deleted',
    problem: /case "Doe v\. Example Corp" \(\w+\): a plaintiff row is missing/,
    tamper: (db) => db.prepare('DELETE FROM plaintiffs WHERE case_id = ? AND seq = 2').run(sample.caseA),
  },
  {
    name: 'a plaintiff row moved to another case',
    problem: /case "Doe v\. Example Corp" \(\w+\): a plaintiff row is missing.*case "Roe v\. Example Corp" \(\w+\): plaintiff rows were added or moved into it/,
    tamper: (db) => db.prepare('UPDATE plaintiffs SET case_id = ? WHERE case_id = ? AND seq = 5').run(sample.caseB, sample.caseA),
  },
  {
    name: "two rows' seq swapped",
    problem: /case "Doe v\. Example Corp" \(\w+\): a plaintiff row was changed or swapped outside DoeVault/,
    tamper: (db) => {
      const [, second, third] = seqIds(db, sample.caseA);
      const set = db.prepare('UPDATE plaintiffs SET seq = ? WHERE id = ?');
      set.run(-1, second!.id);
      set.run(2, third!.id);
      set.run(3, second!.id);
    },
  },
  {
    name: 'a name_index flipped',
    problem: /case "Doe v\. Example Corp" \(\w+\): a plaintiff row was changed or swapped/,
    tamper: (db) => {
      const row = db.prepare('SELECT id, name_index FROM plaintiffs WHERE case_id = ? AND seq = 1').get(sample.caseA) as { id: string; name_index: Buffer };
      db.prepare('UPDATE plaintiffs SET name_index = ? WHERE id = ?').run(flipBit(row.name_index, 5), row.id);
    },
  },
  {
    name: 'next_seq rewound',
    problem: /case "Doe v\. Example Corp" \(\w+\): its pseudonym counter was rewound/,
    tamper: (db) => db.prepare('UPDATE cases SET next_seq = next_seq - 1 WHERE id = ?').run(sample.caseA),
  },
  {
    name: 'the recovery keyslot deleted',
    problem: /the recovery keyslot was removed/,
    tamper: (db) => db.prepare("DELETE FROM keyslots WHERE kind = 'recovery'").run(),
  },
  {
    name: 'the last audit entries deleted',
    problem: /the audit log's last entries are missing/,
    tamper: (db) => {
      dropAuditTriggers(db);
      db.exec('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)');
    },
  },
  {
    name: 'audit entries deleted from the middle',
    problem: /entries are missing from the audit log/,
    tamper: (db) => {
      dropAuditTriggers(db);
      db.exec('DELETE FROM audit_log WHERE seq = 2');
    },
  },
  {
    name: 'an audit entry appended outside DoeVault (a copy of the last)',
    problem: /entries were added to the end of the audit log outside DoeVault/,
    tamper: (db) => db.exec('INSERT INTO audit_log SELECT seq + 1, at, entry, prev_hash, mac FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)'),
  },
  {
    name: 'the last audit entry edited',
    problem: /the audit log's last entry was replaced or edited/,
    tamper: (db) => {
      dropAuditTriggers(db);
      db.exec("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = (SELECT max(seq) FROM audit_log)");
    },
  },
  {
    name: "the audit chain's head record altered",
    problem: /the audit log's head record was altered/,
    tamper: (db) => {
      const { audit_head } = db.prepare('SELECT audit_head FROM meta').get() as { audit_head: Buffer };
      db.prepare('UPDATE meta SET audit_head = ?').run(flipBit(audit_head, 40));
    },
  },
  {
    name: 'every integrity head removed (to have them resealed over a deletion)',
    problem: /its integrity records were removed/,
    tamper: (db) => {
      db.prepare('DELETE FROM plaintiffs WHERE case_id = ? AND seq = 1').run(sample.caseA);
      db.exec('UPDATE cases SET head = NULL; UPDATE meta SET vault_head = NULL;');
    },
  },
];

async function refusal(run: () => unknown): Promise<{ code: string | undefined; message: string }> {
  try {
    await run();
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
  return { code: undefined, message: '' };
}

describe('a vault tampered with, with the file and no keys', () => {
  it.each(TAMPERS)('$name: opens DAMAGED naming it; reveal, roster, scan, export and import refuse; backup, roster and audit verify work', async ({ tamper, problem }) => {
    const path = copyVault(sample);
    withDb(path, tamper);
    const vault = await openUnlocked(path);
    try {
      const integrity = vault.vault.integrity();
      expect(integrity.damaged).toBe(true);
      expect(integrity.problems.join('; ')).toMatch(problem);
      expect(integrity.message).toMatch(/Restore a backup/);

      const [someone] = vault.plaintiffs.roster(sample.caseA);
      const csv = join(sample.dir, `intake-${Math.random().toString(36).slice(2)}.csv`);
      writeFileSync(csv, intakeCsv(syntheticPlaintiffs(2, 77)));
      const refused = {
        reveal: () => vault.plaintiffs.reveal(sample.caseA, someone!.id),
        sealedRoster: () => vault.plaintiffs.sealedRoster(sample.caseB),
        sealedRosterFile: () => vault.plaintiffs.exportRoster(sample.caseB, { sealed: true, format: 'csv' }, join(sample.dir, `r-${Math.random()}.csv`)),
        scan: () => vault.filings.scanText({ caseId: sample.caseB }, { text: 'Nothing to see here.' }),
        scanAll: () => vault.filings.scanText('all', { text: 'Nothing to see here.' }),
        export: () => vault.filings.export(sample.caseB, { title: 'Motion', body: 'Plaintiffs move.' }, { destination: join(sample.dir, `out-${Math.random()}`) }),
        import: () => vault.intake.import(sample.caseB, csv, { mapping: MAPPING, onDuplicate: 'fail' }),
        add: () => vault.plaintiffs.add(sample.caseB, syntheticPlaintiffs(1, 78)[0]),
      };
      for (const [what, run] of Object.entries(refused)) {
        const outcome = await refusal(run);
        expect(outcome.code, what).toBe('DAMAGED');
        expect(outcome.message, what).toMatch(problem);
      }

      // The public roster (the case a row was moved into would not decrypt it: caseA here).
      expect(vault.plaintiffs.roster(sample.caseA).length).toBeGreaterThanOrEqual(3);
      expect(typeof vault.audit.verify().ok).toBe('boolean');
      const backup = await vault.vault.backup(join(sample.dir, `backup-${Math.random().toString(36).slice(2)}.doevault`));
      expect(backup.cases).toBeGreaterThanOrEqual(2);
      vault.vault.lock();
    } finally {
      vault.close();
    }
  });

  it('a row deleted while the vault is unlocked is noticed at the next scan, and not resealed by the next add', async () => {
    const path = copyVault(sample);
    const vault = await openUnlocked(path);
    try {
      expect(vault.vault.integrity().damaged).toBe(false);
      expect(vault.filings.scanText({ caseId: sample.caseA }, { text: 'Nothing.' })).toEqual([]);
      withDb(path, (db) => db.prepare('DELETE FROM plaintiffs WHERE case_id = ? AND seq = 3').run(sample.caseA));
      expect((await refusal(() => vault.filings.scanText({ caseId: sample.caseA }, { text: 'Nothing.' }))).code).toBe('DAMAGED');
      expect((await refusal(() => vault.plaintiffs.add(sample.caseA, syntheticPlaintiffs(1, 79)[0]))).code).toBe('DAMAGED');
    } finally {
      vault.close();
    }
    const again = await openUnlocked(path);
    try {
      expect(again.vault.integrity().problems.join('; ')).toMatch(/a plaintiff row is missing/);
    } finally {
      again.close();
    }
  });

  it('a damaged passphrase keyslot is repaired by recovering with the recovery key; the vault is intact afterwards', async () => {
    const path = copyVault(sample);
    withDb(path, (db) => {
      const { wrapped_key } = db.prepare("SELECT wrapped_key FROM keyslots WHERE kind = 'passphrase'").get() as { wrapped_key: Buffer };
      db.prepare("UPDATE keyslots SET wrapped_key = ? WHERE kind = 'passphrase'").run(flipBit(wrapped_key, 33));
    });
    const vault = await VaultService.open(path);
    try {
      expect((await refusal(() => vault.vault.unlock(PASSPHRASE))).code).toBe('DAMAGED');
      vault.vault.recover(sample.recoveryKey, 'amber lantern glacier oboe 9023');
      expect(vault.vault.integrity().damaged).toBe(false);
    } finally {
      vault.close();
    }
    const again = await VaultService.open(path);
    try {
      again.vault.unlock('amber lantern glacier oboe 9023');
      expect(again.vault.integrity().damaged).toBe(false);
    } finally {
      again.close();
    }
  });

  it('the passphrase cannot be changed on a damaged vault (the change would seal the damage in)', async () => {
    const path = copyVault(sample);
    withDb(path, (db) => db.prepare('DELETE FROM plaintiffs WHERE case_id = ? AND seq = 4').run(sample.caseA));
    const vault = await VaultService.open(path);
    try {
      const outcome = await refusal(() => vault.vault.changePassphrase(PASSPHRASE, 'amber lantern glacier oboe 9023'));
      expect(outcome.code).toBe('DAMAGED');
      expect(outcome.message).toMatch(/a plaintiff row is missing/);
      vault.vault.unlock(PASSPHRASE);
      expect(vault.vault.integrity().damaged).toBe(true);
    } finally {
      vault.close();
    }
  });

  it('an intact vault opens intact, and a vault from before the heads is sealed at its first unlock, audited', async () => {
    const path = copyVault(sample);
    const intact = await openUnlocked(path);
    expect(intact.vault.integrity()).toEqual({ damaged: false, problems: [], message: null });
    intact.close();

    // A vault written before migration 0004: no heads and no sealing in its audit log.
    const legacy = join(sample.dir, `legacy-${Math.random().toString(36).slice(2)}.doevault`);
    await makeLegacyVault(legacy);
    withDb(legacy, (db) => {
      expect(db.prepare('SELECT count(*) AS n FROM cases WHERE head IS NOT NULL').get()).toEqual({ n: 0 });
    });
    const first = await openUnlocked(legacy);
    try {
      expect(first.vault.integrity().damaged).toBe(false);
      expect(first.audit.list().filter((e) => e.action === 'integrity.sealed')).toHaveLength(1);
    } finally {
      first.close();
    }
    withDb(legacy, (db) => db.prepare('DELETE FROM plaintiffs WHERE seq = 1').run());
    const second = await openUnlocked(legacy);
    try {
      expect(second.vault.integrity().problems.join('; ')).toMatch(/a plaintiff row is missing/);
    } finally {
      second.close();
    }
  });
});

/**
 * A vault as an older DoeVault left it: no heads, and an audit log that never recorded a
 * sealing. Made from a new vault: heads removed and the log rewritten (with the keys, through
 * the core's own AuditLog) without the mark that a vault was born with heads.
 */
async function makeLegacyVault(path: string): Promise<void> {
  const { vault } = await VaultService.create(path, PASSPHRASE, { kdf: TEST_ONLY_INSECURE_KDF });
  const caseId = vault.cases.create({ title: 'Legacy v. Example' }).id;
  vault.plaintiffs.addMany(caseId, syntheticPlaintiffs(3, 80));
  vault.close();
  stripIntegrityHeads(path, PASSPHRASE);
}
