import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../../src-main/core/audit/audit-log';
import { randomKey } from '../../../../src-main/core/crypto';
import { isVaultError } from '../../../../src-main/core/errors';
import type { VaultStore } from '../../../../src-main/core/store';
import { Keyring } from '../../../../src-main/core/vault/keyring';
import { bareVault } from '../helpers';

describe('AuditLog', () => {
  let store: VaultStore;
  let keys: Keyring;
  let path: string;
  let cleanup: () => void;
  let log: AuditLog;

  beforeEach(async () => {
    ({ store, keys, path, cleanup } = await bareVault());
    log = new AuditLog(store, keys);
  });
  afterEach(() => cleanup());

  function appendFive(): void {
    store.transaction(() => {
      log.append({ action: 'vault.created' }, '2024-01-01T00:00:00.000Z');
      log.append({ action: 'case.created', details: { caseId: 'c1' } }, '2024-01-01T00:00:01.000Z');
      log.append({ action: 'plaintiffs.added', details: { caseId: 'c1', count: 2, pseudonyms: ['Doe 1', 'Doe 2'] } }, '2024-01-01T00:00:02.000Z');
      log.append({ action: 'plaintiff.revealed', details: { caseId: 'c1', pseudonym: 'Doe 1' } }, '2024-01-01T00:00:03.000Z');
      log.append({ action: 'roster.revealed', details: { caseId: 'c1', count: 2 } }, '2024-01-01T00:00:04.000Z');
    });
  }

  /** Tampers with the file as an attacker would: another connection, triggers dropped. */
  function tamper(sql: string, ...params: unknown[]): void {
    const db = new Database(path);
    try {
      db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
  }

  it('lists entries oldest first with sequence, time, action and details', () => {
    appendFive();
    const entries = log.list();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[2]).toEqual({
      seq: 3,
      at: '2024-01-01T00:00:02.000Z',
      action: 'plaintiffs.added',
      details: { caseId: 'c1', count: 2, pseudonyms: ['Doe 1', 'Doe 2'] },
    });
    expect(entries[0]!.details).toEqual({});
  });

  it('verifies an intact log', () => {
    appendFive();
    expect(log.verify()).toEqual({ ok: true, entries: 5 });
  });

  it('does not accept an empty log, or one that does not begin with the creation of the vault', () => {
    expect(log.verify()).toMatchObject({ ok: false, firstBadEntry: 1 });
    log.append({ action: 'vault.unlocked' });
    expect(log.verify()).toMatchObject({ ok: false, firstBadEntry: 1 });
  });

  it('stores entries encrypted', () => {
    appendFive();
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT entry FROM audit_log').all() as { entry: Buffer }[];
    db.close();
    for (const row of rows) {
      expect(row.entry.includes(Buffer.from('plaintiff'))).toBe(false);
      expect(row.entry.includes(Buffer.from('Doe 1'))).toBe(false);
    }
  });

  it('cannot be changed through SQL while the triggers stand', () => {
    appendFive();
    const db = new Database(path);
    try {
      expect(() => db.prepare('UPDATE audit_log SET at = ? WHERE seq = 2').run('x')).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 5').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('names an edited entry', () => {
    appendFive();
    tamper('UPDATE audit_log SET entry = (SELECT entry FROM audit_log WHERE seq = 2) WHERE seq = 3');
    expect(log.verify()).toMatchObject({ ok: false, firstBadEntry: 3 });
  });

  it('names an entry with an edited time', () => {
    appendFive();
    tamper("UPDATE audit_log SET at = '2023-12-31T00:00:00.000Z' WHERE seq = 4");
    expect(log.verify()).toMatchObject({ ok: false, firstBadEntry: 4 });
  });

  it('names a removed entry', () => {
    appendFive();
    tamper('DELETE FROM audit_log WHERE seq = 2');
    expect(log.verify()).toMatchObject({ ok: false, firstBadEntry: 2 });
  });

  it('catches entries removed from the end', () => {
    appendFive();
    tamper('DELETE FROM audit_log WHERE seq >= 4');
    const result = log.verify();
    expect(result).toMatchObject({ ok: false, firstBadEntry: 4 });
    expect(result.ok === false && result.problem).toMatch(/removed/);
  });

  it('still shows entries removed from the end after new entries are appended', () => {
    appendFive();
    tamper('DELETE FROM audit_log WHERE seq >= 4');
    log.append({ action: 'vault.unlocked' });
    log.append({ action: 'case.created', details: { caseId: 'c2' } });
    expect(log.list().map((e) => e.seq)).toEqual([1, 2, 3, 6, 7]);
    expect(log.verify()).toMatchObject({ ok: false, firstBadEntry: 4 });
  });

  it('does not repair an altered head record when appending', () => {
    appendFive();
    tamper('UPDATE meta SET audit_head = (SELECT entry FROM audit_log WHERE seq = 5)');
    log.append({ action: 'vault.unlocked' });
    expect(log.verify()).toMatchObject({ ok: false, firstBadEntry: 7 });
    tamper('UPDATE meta SET audit_head = NULL');
    log.append({ action: 'vault.unlocked' });
    expect(log.verify()).toMatchObject({ ok: false });
  });

  it('catches a log wiped together with its head record, once something is appended', () => {
    appendFive();
    tamper('DELETE FROM audit_log');
    tamper('UPDATE meta SET audit_head = NULL');
    log.append({ action: 'vault.unlocked' });
    expect(log.verify()).toMatchObject({ ok: false, firstBadEntry: 1 });
  });

  it('catches a replaced head record', () => {
    appendFive();
    tamper('UPDATE meta SET audit_head = NULL');
    expect(log.verify()).toMatchObject({ ok: false });
  });

  it('refuses to list an entry that does not decrypt', () => {
    appendFive();
    tamper("UPDATE audit_log SET entry = CAST(zeroblob(80) AS BLOB) WHERE seq = 1");
    let caught: unknown;
    try {
      log.list();
    } catch (error) {
      caught = error;
    }
    expect(isVaultError(caught, 'DAMAGED')).toBe(true);
  });

  it('does not verify under another key', () => {
    appendFive();
    expect(new AuditLog(store, new Keyring(keys.vaultId, randomKey())).verify()).toMatchObject({ ok: false, firstBadEntry: 1 });
  });

  it('appends nothing when the surrounding transaction fails', () => {
    appendFive();
    expect(() =>
      store.transaction(() => {
        log.append({ action: 'case.deleted', details: { caseId: 'c1' } });
        throw new Error('the action failed');
      }),
    ).toThrow('the action failed');
    expect(log.list()).toHaveLength(5);
    expect(log.verify()).toEqual({ ok: true, entries: 5 });
  });
});
