import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, open, openJson, parseRecoveryKey, paddedLength, seal } from '../../../src-main/core/crypto';
import type { KeyslotRow } from '../../../src-main/core/store';
import { VaultService } from '../../../src-main/core/service';
import { Keyring } from '../../../src-main/core/vault/keyring';
import { openKeyslot } from '../../../src-main/core/vault/keyslots';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { PASSPHRASE, tempVault } from '../../fixtures/temp-vault';
import { codeOf, openUnlocked, stripIntegrityHeads, withDb } from './helpers/raw';

/**
 * Issue 11, "metadata that draws a timeline": someone with a copy of the vault file and no keys
 * reads it with SQLite. Stored sizes must not tell the action of an audit entry or the length
 * of a name within a bucket, and no plaintext column may hold a time.
 */

const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d/;
/** [format byte][24-byte nonce][ciphertext][16-byte tag] */
const AEAD_OVERHEAD = 1 + 24 + 16;
const TIME_COLUMNS: Record<string, string[]> = {
  meta: ['created_at'],
  keyslots: ['updated_at'],
  cases: ['created_at'],
  plaintiffs: ['created_at', 'updated_at'],
  filings: ['created_at', 'updated_at'],
  intake_mappings: ['updated_at'],
  audit_log: ['at'],
};

/** Every plaintext (non-BLOB) value of every table, as someone with the file reads it. */
function plaintextValues(db: Database.Database): { table: string; column: string; value: unknown }[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.flatMap((table) =>
    (db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]).flatMap((row) =>
      Object.entries(row)
        .filter(([, value]) => !Buffer.isBuffer(value))
        .map(([column, value]) => ({ table, column, value })),
    ),
  );
}

const FILING = { title: 'Complaint for Damages', body: 'Jane Doe 1 sued.', format: 'federal' as const };

describe('a vault file after typical work (issue 11: metadata)', () => {
  let fixture: Awaited<ReturnType<typeof tempVault>>;
  let caseId: string;

  beforeAll(async () => {
    fixture = await tempVault();
    const { vault } = fixture;
    caseId = vault.cases.create({ title: 'Doe v. Example Corp', court: 'District Court' }).id;
    const added = vault.plaintiffs.addMany(caseId, syntheticPlaintiffs(4, 31));
    vault.plaintiffs.update(caseId, added[0]!.id, { ...syntheticPlaintiffs(1, 32)[0]!, notes: 'moved in spring' });
    vault.plaintiffs.withdraw(caseId, { plaintiffId: added[1]!.id });
    vault.plaintiffs.reveal(caseId, added[2]!.id);
    const filing = vault.filings.create(caseId, FILING);
    vault.filings.update(caseId, filing.id, { ...FILING, body: 'Jane Doe 1 and John Doe 2 sued.' });
    vault.vault.changePassphrase(PASSPHRASE, 'lantern meadow copper ninety');
    vault.close();
  });
  afterAll(() => fixture.cleanup());

  it('holds no time in any plaintext column', () => {
    withDb(fixture.path, (db) => {
      const values = plaintextValues(db);
      expect(values.length).toBeGreaterThan(20);
      expect(values.filter(({ value }) => typeof value === 'string' && ISO_TIME.test(value))).toEqual([]);
      for (const [table, columns] of Object.entries(TIME_COLUMNS)) {
        for (const column of columns) {
          expect(db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} <> ''`).pluck().get(), `${table}.${column}`).toBe(0);
        }
      }
    }, { readonly: true });
  });

  it('stores audit entries of the common actions at one size, whatever the action', () => {
    const sizes = withDb(fixture.path, (db) => db.prepare('SELECT length(entry) FROM audit_log').pluck().all() as number[], { readonly: true });
    expect(sizes.length).toBeGreaterThanOrEqual(8);
    expect(new Set(sizes)).toEqual(new Set([256 + AEAD_OVERHEAD]));
  });

  it('still shows every audit entry’s time, decrypted, in order', async () => {
    const again = await VaultService.open(fixture.path);
    try {
      again.vault.unlock('lantern meadow copper ninety');
      const entries = again.audit.list();
      expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['vault.created', 'plaintiffs.added', 'plaintiff.withdrawn', 'filing.created', 'passphrase.changed']));
      for (const entry of entries) expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());
      expect(again.audit.verify()).toMatchObject({ ok: true });
      expect(again.cases.list()[0]!.createdAt).toMatch(ISO_TIME);
      const filing = again.filings.list(caseId)[0]!;
      expect(filing.createdAt <= filing.updatedAt).toBe(true);
    } finally {
      again.close();
    }
  });
});

describe('padding of sealed records (issue 11)', () => {
  beforeAll(() => initCrypto());

  it('buckets are powers of two from 256 bytes, always above the length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70_000 }), (length) => {
        const bucket = paddedLength(length);
        expect(bucket).toBeGreaterThan(length);
        expect(bucket).toBeGreaterThanOrEqual(256);
        expect(Math.log2(bucket) % 1).toBe(0);
        expect(bucket === 256 || bucket / 2 <= length).toBe(true);
      }),
    );
  });

  it('identity records of names of any length within a bucket are stored at the same size', async () => {
    const fixture = await tempVault();
    try {
      const { vault } = fixture;
      const caseId = vault.cases.create({ title: 'Doe v. Example Corp' }).id;
      const names = fc.sample(
        fc.tuple(fc.stringMatching(/^[A-Z][a-z]{1,20}$/), fc.stringMatching(/^[A-Z][a-z]{1,30}$/)).map(([first, last]) => `${first} ${last}`),
        { numRuns: 12, seed: 11 },
      );
      vault.plaintiffs.addMany(caseId, names.map((legalName) => ({ legalName })));
      vault.plaintiffs.add(caseId, { legalName: 'Ann Bo', notes: 'x'.repeat(600) });
      vault.close();
      const sizes = withDb(fixture.path, (db) => db.prepare('SELECT length(identity), length(public) FROM plaintiffs ORDER BY seq').raw().all() as number[][], { readonly: true });
      const identity = sizes.map(([size]) => size!);
      expect(new Set(identity.slice(0, names.length))).toEqual(new Set([256 + AEAD_OVERHEAD]));
      expect(identity.at(-1)).toBe(1024 + AEAD_OVERHEAD); // a long note: a larger bucket, still a power of two
      expect(new Set(sizes.map(([, size]) => size))).toEqual(new Set([256 + AEAD_OVERHEAD]));
    } finally {
      fixture.cleanup();
    }
  });
});

/**
 * Rewrites a vault as DoeVault wrote it before issue 11 (schema 3): unpadded records (format 1),
 * the case's and filing's times in plaintext columns, beside them in the other tables.
 */
function makeLegacy(path: string, recoveryKey: string): { caseCreated: string; filingCreated: string; filingUpdated: string } {
  const times = { caseCreated: '2023-03-01T09:00:00.000Z', filingCreated: '2023-04-02T10:00:00.000Z', filingUpdated: '2023-05-03T11:00:00.000Z' };
  withDb(path, (db) => {
    const vaultId = db.prepare('SELECT vault_id FROM meta').pluck().get() as string;
    const slot = db.prepare("SELECT * FROM keyslots WHERE kind = 'recovery'").get() as KeyslotRow;
    const keys = new Keyring(vaultId, openKeyslot(vaultId, slot, parseRecoveryKey(recoveryKey)));
    const caseKeys = new Map<string, Uint8Array>();
    for (const row of db.prepare('SELECT id, wrapped_key, details FROM cases').all() as { id: string; wrapped_key: Buffer; details: Buffer }[]) {
      const key = keys.caseKey(row.id, row.wrapped_key);
      caseKeys.set(row.id, key);
      const ref = keys.ref('cases', row.id, 'details');
      const { createdAt: _, ...details } = openJson(key, ref, row.details) as Record<string, unknown>;
      db.prepare('UPDATE cases SET details = ?, created_at = ? WHERE id = ?').run(seal(key, ref, Buffer.from(JSON.stringify(details))), times.caseCreated, row.id);
    }
    for (const row of db.prepare('SELECT id, case_id, public, identity FROM plaintiffs').all() as { id: string; case_id: string; public: Buffer; identity: Buffer }[]) {
      const key = caseKeys.get(row.case_id)!;
      const legacy = (field: 'public' | 'identity') => seal(key, keys.ref('plaintiffs', row.id, field), open(key, keys.ref('plaintiffs', row.id, field), row[field]));
      db.prepare('UPDATE plaintiffs SET public = ?, identity = ?, created_at = ?, updated_at = ? WHERE id = ?').run(legacy('public'), legacy('identity'), times.caseCreated, times.caseCreated, row.id);
    }
    for (const row of db.prepare('SELECT id, case_id, details FROM filings').all() as { id: string; case_id: string; details: Buffer }[]) {
      const key = caseKeys.get(row.case_id)!;
      const ref = keys.ref('filings', row.id, 'details');
      const { details } = openJson(key, ref, row.details) as { details: unknown };
      db.prepare('UPDATE filings SET details = ?, created_at = ?, updated_at = ? WHERE id = ?').run(seal(key, ref, Buffer.from(JSON.stringify(details))), times.filingCreated, times.filingUpdated, row.id);
    }
    db.prepare('UPDATE meta SET created_at = ?').run(times.caseCreated);
    db.prepare('UPDATE keyslots SET updated_at = ?').run(times.caseCreated);
    keys.wipe();
  });
  return times;
}

describe('a vault written before issue 11 (schema 3)', () => {
  beforeAll(() => initCrypto());

  async function legacyVault() {
    const fixture = await tempVault();
    const caseId = fixture.vault.cases.create({ title: 'Doe v. Example Corp' }).id;
    fixture.vault.plaintiffs.addMany(caseId, syntheticPlaintiffs(3, 41));
    const filingId = fixture.vault.filings.create(caseId, FILING).id;
    fixture.vault.close();
    const times = makeLegacy(fixture.path, fixture.recoveryKey);
    // Schema 3 had no integrity heads either (migration 0004): the rewritten records are not sealed.
    stripIntegrityHeads(fixture.path, PASSPHRASE);
    return { fixture, caseId, filingId, times };
  }

  it('is re-sealed at the next unlock: padded, no plaintext time, the same data, the upgrade audited once', async () => {
    const { fixture, caseId, filingId, times } = await legacyVault();
    try {
      const before = await openUnlocked(fixture.path);
      const roster = before.plaintiffs.sealedRoster(caseId);
      expect(before.cases.list()[0]!.createdAt).toBe(times.caseCreated);
      expect(before.filings.get(caseId, filingId)).toMatchObject({ createdAt: times.filingCreated, updatedAt: times.filingUpdated, title: FILING.title });
      expect(before.audit.list().filter((e) => e.action === 'vault.upgraded')).toMatchObject([{ details: { cases: 1, plaintiffs: 3, filings: 1 } }]);
      before.close();

      withDb(fixture.path, (db) => {
        expect(plaintextValues(db).filter(({ value }) => typeof value === 'string' && ISO_TIME.test(value))).toEqual([]);
        for (const [table, column] of [['cases', 'details'], ['filings', 'details'], ['plaintiffs', 'public'], ['plaintiffs', 'identity']] as const) {
          expect(db.prepare(`SELECT DISTINCT substr(${column}, 1, 1) FROM ${table}`).pluck().all(), `${table}.${column}`).toEqual([Buffer.from([2])]);
        }
      }, { readonly: true });

      const after = await openUnlocked(fixture.path);
      try {
        expect(after.plaintiffs.sealedRoster(caseId)).toEqual(roster);
        expect(after.cases.list()[0]!.createdAt).toBe(times.caseCreated);
        expect(after.filings.get(caseId, filingId)).toMatchObject({ createdAt: times.filingCreated, updatedAt: times.filingUpdated });
        expect(after.audit.list().filter((e) => e.action === 'vault.upgraded')).toHaveLength(1);
        expect(after.audit.verify()).toMatchObject({ ok: true });
      } finally {
        after.close();
      }
    } finally {
      fixture.cleanup();
    }
  });

  it('a legacy record that fails its check: the unlock is refused DAMAGED and nothing is re-sealed', async () => {
    const { fixture } = await legacyVault();
    try {
      withDb(fixture.path, (db) => {
        const row = db.prepare('SELECT id, identity FROM plaintiffs ORDER BY seq LIMIT 1').get() as { id: string; identity: Buffer };
        const flipped = Buffer.from(row.identity);
        flipped[flipped.length - 1]! ^= 1;
        db.prepare('UPDATE plaintiffs SET identity = ? WHERE id = ?').run(flipped, row.id);
      });
      const snapshot = () => withDb(fixture.path, (db) => JSON.stringify(db.prepare('SELECT * FROM cases').all()) + JSON.stringify(db.prepare('SELECT * FROM filings').all()), { readonly: true });
      const before = snapshot();
      expect(await codeOf(() => openUnlocked(fixture.path))).toBe('DAMAGED');
      expect(snapshot()).toBe(before);
    } finally {
      fixture.cleanup();
    }
  });
});
