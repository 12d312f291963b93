import { chmodSync, constants, copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AuditLog } from '../audit/audit-log';
import { VaultError } from '../errors';
import { siblingTemp } from '../files/new-file';
import { inspectVaultFile, linkInto, refuseExisting, removeFileSet, VaultStore, type StoreOptions } from '../store';
import { Keyring } from './keyring';

export interface BackupReport {
  path: string;
  bytes: number;
  cases: number;
}

/**
 * Copies the vault with SQLite's backup API into a temporary file beside `destination`, proves
 * the copy sound (integrity_check, the master key opens it and every case key in it, its audit
 * chain verifies), then links it into place. A backup that would not restore is never left.
 */
export async function writeVerifiedBackup(
  store: VaultStore,
  keys: Keyring,
  destination: string,
  options: StoreOptions,
): Promise<BackupReport> {
  refuseExisting(destination);
  mkdirSync(dirname(destination), { recursive: true, mode: 0o700 });
  const temporary = siblingTemp(destination, 'backup');
  try {
    await store.backupTo(temporary);
    const cases = verifyCopy(store, temporary, keys, options);
    linkInto(temporary, destination);
    return { path: destination, bytes: statSync(destination).size, cases };
  } finally {
    removeFileSet(temporary);
  }
}

function verifyCopy(store: VaultStore, path: string, keys: Keyring, options: StoreOptions): number {
  const copy = VaultStore.open(path, { ...options, readonly: true });
  const probe = new Keyring(keys.vaultId, keys.masterKey.slice());
  try {
    const problems = copy.integrityCheck();
    if (problems.length > 0) throw new Error(`integrity_check: ${problems[0]}`);
    if (copy.meta().vault_id !== keys.vaultId) throw new Error('the copy has another vault id');
    probe.verifyKeyCheck(copy.meta().key_check);
    const cases = copy.cases();
    for (const row of cases) probe.caseKey(row.id, row.wrapped_key);
    const audit = new AuditLog(copy, probe).verify();
    // A damaged vault can still be backed up (its evidence kept as it is): the copy must then
    // fail exactly as the vault does, no more.
    const original = audit.ok ? audit : new AuditLog(store, keys).verify();
    if (!audit.ok && (original.ok || original.problem !== audit.problem)) throw new Error(`audit log: ${audit.problem}`);
    return cases.length;
  } catch (error) {
    throw new VaultError(
      'DAMAGED',
      `The backup copy failed verification (${(error as Error).message}); no backup was written. Check the disk and try again.`,
    );
  } finally {
    probe.wipe();
    copy.close();
  }
}

/**
 * Copies a backup to a temporary file beside `destination` for the caller to open, check and
 * link into place. The backup itself is only read.
 */
export function stageRestore(source: string, destination: string): string {
  inspectVaultFile(source);
  refuseExisting(destination);
  if (existsSync(`${source}-wal`) && statSync(`${source}-wal`).size > 0) {
    throw new VaultError(
      'CONFLICT',
      `${source} is a vault in use (it has a write-ahead log). Restore from a file made by \`doe-vault backup\`.`,
    );
  }
  mkdirSync(dirname(destination), { recursive: true, mode: 0o700 });
  const temporary = siblingTemp(destination, 'restoring');
  copyFileSync(source, temporary, constants.COPYFILE_EXCL);
  chmodSync(temporary, 0o600);
  return temporary;
}
