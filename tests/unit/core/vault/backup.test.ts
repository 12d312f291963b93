import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../../src-main/core/audit/audit-log';
import { randomKey } from '../../../../src-main/core/crypto';
import { VaultStore } from '../../../../src-main/core/store';
import { stageRestore, writeVerifiedBackup } from '../../../../src-main/core/vault/backup';
import { Keyring } from '../../../../src-main/core/vault/keyring';
import { codeOf, sha256 } from '../../../fixtures/checks';
import { bareVault } from '../helpers';



describe('verified backups', () => {
  let store: VaultStore;
  let keys: Keyring;
  let path: string;
  let dir: string;
  let cleanup: () => void;

  beforeEach(async () => {
    ({ store, keys, path, dir, cleanup } = await bareVault());
    store.transaction(() => {
      store.insertCase({ id: 'c1', created_at: 'now', next_seq: 1, wrapped_key: keys.wrapCaseKey('c1', randomKey()), details: new Uint8Array(1) });
      new AuditLog(store, keys).append({ action: 'vault.created' });
      new AuditLog(store, keys).append({ action: 'case.created', details: { caseId: 'c1' } });
      // A bare store with no integrity heads: the copy, not the heads, is under test here.
    }, () => {});
  });
  afterEach(() => cleanup());

  it('writes a self-contained copy that opens read-only and verifies', async () => {
    const destination = join(dir, 'backup.doevault');
    const report = await writeVerifiedBackup(store, keys, destination, {});
    expect(report).toMatchObject({ path: destination, cases: 1 });
    expect(report.bytes).toBe(readFileSync(destination).length);
    expect(readdirSync(dir).filter((name) => name.startsWith('backup') || name.startsWith('.'))).toEqual(['backup.doevault']);
    const copy = VaultStore.open(destination, { readonly: true });
    try {
      expect(copy.integrityCheck()).toEqual([]);
      expect(copy.meta().vault_id).toBe(keys.vaultId);
      expect(new AuditLog(copy, keys).verify()).toEqual({ ok: true, entries: 2 });
    } finally {
      copy.close();
    }
  });

  it('writes no backup when the copy does not open with the keys in memory', async () => {
    const destination = join(dir, 'backup.doevault');
    const wrongKeys = new Keyring(keys.vaultId, randomKey());
    expect(await codeOf(() => writeVerifiedBackup(store, wrongKeys, destination, {}))).toBe('DAMAGED');
    expect(readdirSync(dir).filter((name) => name.includes('backup'))).toEqual([]);
  });

  it('never overwrites an existing file', async () => {
    const destination = join(dir, 'backup.doevault');
    writeFileSync(destination, 'precious');
    expect(await codeOf(() => writeVerifiedBackup(store, keys, destination, {}))).toBe('CONFLICT');
    expect(readFileSync(destination, 'utf8')).toBe('precious');
  });

  it('stages a restore from a copy and leaves the backup untouched', async () => {
    const backup = join(dir, 'backup.doevault');
    await writeVerifiedBackup(store, keys, backup, {});
    const before = sha256(backup);
    const staged = stageRestore(backup, join(dir, 'restored.doevault'));
    expect(readFileSync(staged)).toEqual(readFileSync(backup));
    expect(sha256(backup)).toBe(before);
  });

  it('refuses to restore from a vault in use, from a non-vault, or over an existing file', async () => {
    expect(await codeOf(() => stageRestore(path, join(dir, 'restored.doevault')))).toBe('CONFLICT'); // has a WAL
    const junk = join(dir, 'junk.doevault');
    writeFileSync(junk, Buffer.alloc(8192, 7));
    expect(await codeOf(() => stageRestore(junk, join(dir, 'restored.doevault')))).toBe('NOT_A_VAULT');
    const backup = join(dir, 'backup.doevault');
    await writeVerifiedBackup(store, keys, backup, {});
    expect(await codeOf(() => stageRestore(backup, junk))).toBe('CONFLICT');
    expect(readdirSync(dir).filter((name) => name.includes('restor'))).toEqual([]);
  });
});
