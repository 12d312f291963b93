import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from '../../../../src-main/core/audit/audit-log';
import { VaultService } from '../../../../src-main/core/service';
import { VaultStore } from '../../../../src-main/core/store';
import { Keyring } from '../../../../src-main/core/vault/keyring';
import { openKeyslot } from '../../../../src-main/core/vault/keyslots';
import { passphraseBytes } from '../../../../src-main/core/vault/passphrase-policy';
import { syntheticPlaintiffs } from '../../../fixtures/synthetic';
import { PASSPHRASE, tempVault } from '../../../fixtures/temp-vault';

/** Direct access to the vault file, as someone holding a copy of it would have. */
export function withDb<T>(path: string, work: (db: Database.Database) => T, options: Database.Options = {}): T {
  const db = new Database(path, { fileMustExist: true, ...options });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** Every row of every table, blobs as hex, through a read-only connection. */
export function snapshot(path: string, tables = ['meta', 'keyslots', 'cases', 'plaintiffs', 'audit_log']): string {
  return withDb(
    path,
    (db) =>
      JSON.stringify(
        Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()])),
        (_, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value),
      ),
    { readonly: true },
  );
}

export function flipBit(blob: Buffer, bit: number): Buffer {
  const copy = Buffer.from(blob);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}



export interface Sample {
  path: string;
  dir: string;
  recoveryKey: string;
  caseA: string;
  caseB: string;
  cleanup: () => void;
}

/** A closed vault (everything checkpointed into the one file) with two cases of synthetic plaintiffs. */
export async function sampleVault(): Promise<Sample> {
  const { vault, path, dir, recoveryKey, cleanup } = await tempVault();
  const caseA = vault.cases.create({ title: 'Doe v. Example Corp', court: 'District Court', number: '24-cv-0001' }).id;
  const caseB = vault.cases.create({ title: 'Roe v. Example Corp', scheme: 'letters' }).id;
  vault.plaintiffs.addMany(caseA, syntheticPlaintiffs(5, 11));
  vault.plaintiffs.addMany(caseB, syntheticPlaintiffs(3, 12));
  vault.close();
  return { path, dir, recoveryKey, caseA, caseB, cleanup };
}

let copies = 0;
/** A fresh copy of a closed vault file, to tamper with. */
export function copyVault(sample: Sample): string {
  const copy = join(sample.dir, `copy-${++copies}.doevault`);
  if (existsSync(`${sample.path}-wal`)) throw new Error('the sample vault is still open');
  copyFileSync(sample.path, copy);
  return copy;
}

export async function openUnlocked(path: string): Promise<VaultService> {
  const vault = await VaultService.open(path);
  try {
    vault.vault.unlock(PASSPHRASE);
  } catch (error) {
    vault.close();
    throw error;
  }
  return vault;
}

export { codeOf, sha256 } from '../../../fixtures/checks';

/**
 * Makes a vault look as a DoeVault from before the integrity heads (migration 0004) left it: no
 * heads, and an audit log that never recorded a sealing (rewritten with the keys, through the
 * core's own AuditLog, without the mark that a vault was born with heads).
 */
export function stripIntegrityHeads(path: string, passphrase: string): void {
  const store = VaultStore.open(path);
  const vaultId = store.meta().vault_id;
  const keys = new Keyring(vaultId, openKeyslot(vaultId, store.keyslot('passphrase')!, passphraseBytes(passphrase)));
  try {
    const entries = new AuditLog(store, keys).list();
    store.close();
    withDb(path, (db) =>
      db.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;
        UPDATE meta SET audit_head = NULL, vault_head = NULL; UPDATE cases SET head = NULL;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`),
    );
    const reopened = VaultStore.open(path);
    try {
      const log = new AuditLog(reopened, keys);
      for (const entry of entries) {
        const details = entry.action === 'vault.created' ? { kdf: String(entry.details.kdf) } : entry.details;
        log.append({ action: entry.action, details }, entry.at);
      }
    } finally {
      reopened.close();
    }
  } finally {
    keys.wipe();
  }
}
