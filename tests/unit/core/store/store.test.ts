import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVaultError } from '../../../../src-main/core/errors';
import { APPLICATION_ID, SCHEMA_VERSION, translateStoreError, VaultStore, type CaseRow, type PlaintiffRow } from '../../../../src-main/core/store';
import { MIGRATIONS } from '../../../../src-main/core/store/migrations';
import { bareVault } from '../helpers';

const NOW = '2024-01-01T00:00:00.000Z';
const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

function caseRow(id: string): CaseRow {
  return { id, created_at: NOW, next_seq: 1, wrapped_key: bytes(8), details: bytes(8) };
}

function plaintiffRow(id: string, caseId: string, seq: number): PlaintiffRow {
  return {
    id,
    case_id: caseId,
    seq,
    created_at: NOW,
    updated_at: NOW,
    public: bytes(4),
    identity: bytes(4),
    pseudonym_index: bytes(32, seq),
    name_index: bytes(32, 7),
    name_dob_index: null,
    initials_index: null,
  };
}

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps, and the schema version is the last', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });
});

describe('VaultStore', () => {
  let store: VaultStore;
  let path: string;
  let dir: string;
  let cleanup: () => void;

  beforeEach(async () => {
    ({ store, path, dir, cleanup } = await bareVault());
  });
  afterEach(() => cleanup());

  function raw<T>(query: (db: Database.Database) => T): T {
    const db = new Database(path, { readonly: true });
    try {
      return query(db);
    } finally {
      db.close();
    }
  }

  it('creates a DoeVault file: application id, schema version, WAL, no leftovers', () => {
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
    raw((db) => {
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    });
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(store.integrityCheck()).toEqual([]);
  });

  it('never creates over an existing file', () => {
    const other = join(dir, 'existing.doevault');
    writeFileSync(other, 'precious');
    let caught: unknown;
    try {
      VaultStore.create(other, () => undefined);
    } catch (error) {
      caught = error;
    }
    expect(isVaultError(caught, 'CONFLICT')).toBe(true);
  });

  it('leaves nothing behind when populating a new vault fails', () => {
    const failed = join(dir, 'failed.doevault');
    expect(() =>
      VaultStore.create(failed, () => {
        throw new Error('populate failed');
      }),
    ).toThrow('populate failed');
    expect(readdirSync(dir).sort()).toEqual(['vault.doevault', 'vault.doevault-shm', 'vault.doevault-wal']);
  });

  it('runs a transaction all or nothing', () => {
    expect(() =>
      store.transaction(() => {
        store.insertCase(caseRow('c1'));
        throw new Error('half way');
      }, noHeads),
    ).toThrow('half way');
    expect(store.cases()).toEqual([]);
    store.transaction(() => store.insertCase(caseRow('c1')), noHeads);
    expect(store.cases().map((row) => row.id)).toEqual(['c1']);
  });

  it('rolls back a change to a case or its plaintiffs when no sealer can reseal its head', () => {
    expect(() => store.transaction(() => store.insertCase(caseRow('c1')))).toThrow(/no keys to reseal/);
    expect(store.cases()).toEqual([]);
    const sealed: string[] = [];
    store.transaction(() => store.insertCase(caseRow('c1')), (_, changes) => sealed.push(...changes.cases));
    expect(sealed).toEqual(['c1']);
  });

  it('reserves sequence numbers that are never handed out twice', () => {
    store.insertCase(caseRow('c1'));
    expect(store.reserveSeq('c1', 3)).toBe(1);
    expect(store.reserveSeq('c1', 1)).toBe(4);
    expect(store.reserveSeq('c1', 0)).toBe(5);
    expect(store.reserveSeq('c1', 2)).toBe(5);
    expect(store.caseById('c1')!.next_seq).toBe(7);
    expect(() => store.reserveSeq('nope', 1)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('refuses a second plaintiff with the same sequence number or pseudonym index in a case', () => {
    store.insertCase(caseRow('c1'));
    store.insertCase(caseRow('c2'));
    store.insertPlaintiff(plaintiffRow('p1', 'c1', 1));
    expect(() => store.insertPlaintiff(plaintiffRow('p2', 'c1', 1))).toThrow();
    expect(() => store.insertPlaintiff({ ...plaintiffRow('p2', 'c1', 2), pseudonym_index: bytes(32, 1) })).toThrow();
    store.insertPlaintiff(plaintiffRow('p3', 'c2', 1));
  });

  it('refuses a plaintiff of a case that does not exist (foreign keys on)', () => {
    expect(() => store.insertPlaintiff(plaintiffRow('p1', 'ghost', 1))).toThrow();
  });

  it('deletes a case with its plaintiffs', () => {
    store.insertCase(caseRow('c1'));
    store.insertCase(caseRow('c2'));
    store.insertPlaintiff(plaintiffRow('p1', 'c1', 1));
    store.insertPlaintiff(plaintiffRow('p2', 'c1', 2));
    store.insertPlaintiff(plaintiffRow('p3', 'c2', 1));
    expect(store.plaintiffCounts()).toEqual(new Map([['c1', 2], ['c2', 1]]));
    expect(store.deleteCase('c1')).toBe(1);
    expect(store.plaintiffsOfCase('c1')).toEqual([]);
    expect(store.plaintiffCounts()).toEqual(new Map([['c2', 1]]));
    expect(store.plaintiffsByNameIndex(bytes(32, 7)).map((row) => row.id)).toEqual(['p3']);
  });

  it('zeroes deleted content in the file (secure_delete) once checkpointed', () => {
    store.insertCase({ ...caseRow('c1'), wrapped_key: bytes(48, 0xa5) });
    store.checkpoint();
    const marker = Buffer.from(bytes(48, 0xa5));
    const fileHas = () => readFileSync(path).includes(marker);
    expect(fileHas()).toBe(true);
    store.deleteCase('c1');
    store.checkpoint();
    expect(fileHas()).toBe(false);
  });

  it('keeps events recorded while locked until they are taken, once', () => {
    store.addPendingEvent('unlock.failed', NOW);
    store.addPendingEvent('unlock.failed', '2024-01-02T00:00:00.000Z');
    const taken = store.transaction(() => store.takePendingEvents());
    expect(taken.map((e) => [e.kind, e.at])).toEqual([
      ['unlock.failed', NOW],
      ['unlock.failed', '2024-01-02T00:00:00.000Z'],
    ]);
    expect(store.transaction(() => store.takePendingEvents())).toEqual([]);
  });

  it('opens read-only without changing the file', () => {
    store.insertCase(caseRow('c1'));
    store.close();
    const readonly = VaultStore.open(path, { readonly: true });
    try {
      expect(readonly.cases().map((row) => row.id)).toEqual(['c1']);
      expect(() => readonly.insertCase(caseRow('c2'))).toThrow();
    } finally {
      readonly.close();
    }
  });
});

describe('translateStoreError', () => {
  const sqliteError = (code: string) => Object.assign(new Error(code), { code });

  it.each([
    ['SQLITE_CORRUPT', 'DAMAGED'],
    ['SQLITE_CORRUPT_INDEX', 'DAMAGED'],
    ['SQLITE_NOTADB', 'NOT_A_VAULT'],
    ['SQLITE_BUSY', 'CONFLICT'],
    ['SQLITE_BUSY_SNAPSHOT', 'CONFLICT'],
    ['SQLITE_LOCKED', 'CONFLICT'],
    ['SQLITE_FULL', 'INTERNAL'],
    ['SQLITE_READONLY', 'INTERNAL'],
    ['SQLITE_CANTOPEN', 'INTERNAL'],
  ])('maps %s to %s', (code, expected) => {
    const translated = translateStoreError(sqliteError(code), '/some/vault');
    expect(isVaultError(translated, expected as never)).toBe(true);
    expect((translated as Error).cause).toBeInstanceOf(Error);
  });

  it('passes other errors through', () => {
    const error = sqliteError('SQLITE_CONSTRAINT_UNIQUE');
    expect(translateStoreError(error, '/x')).toBe(error);
    const plain = new Error('x');
    expect(translateStoreError(plain, '/x')).toBe(plain);
  });

  it('says "nothing was written" when the disk is full', () => {
    expect((translateStoreError(sqliteError('SQLITE_FULL'), '/x') as Error).message).toMatch(/nothing was written/);
  });
});

/** The store alone, without keys: the integrity heads are the vault's business (tests/integration/core/integrity-heads.test.ts). */
function noHeads(): void {}
