import { AuditLog, type AuditEvent } from '../audit/audit-log';
import { DEFAULT_KDF, newRecoveryKey, parseRecoveryKey, randomId, randomKey, wipe, type KdfParams } from '../crypto';
import { VaultError } from '../errors';
import { recordOrTakeBack } from '../files/new-file';
import { refuseExisting, VaultStore, type KeyslotRow, type StoreOptions } from '../store';
import { writeVerifiedBackup, type BackupReport } from './backup';
import { checkIntegrity, damagedError, onlyPassphraseSlot, sealAll, sealerFor } from './integrity';
import { Keyring } from './keyring';
import { createKeyslot, openKeyslot } from './keyslots';
import { checkNewPassphrase, passphraseBytes } from './passphrase-policy';
import { resealLegacyRecords } from './reseal';
import type { VaultSession } from './session';

/**
 * Creates a vault file at `path` (never over an existing file) with a passphrase and a recovery
 * keyslot, and returns it open with its keys and the recovery key to show once.
 */
export function createVaultFile(
  path: string,
  passphrase: string,
  options: StoreOptions & { kdf?: KdfParams | undefined; now: string },
): { store: VaultStore; keys: Keyring; recoveryKey: string } {
  checkNewPassphrase(passphrase);
  refuseExisting(path); // before the slow key derivation; VaultStore.create checks again
  const kdf = options.kdf ?? DEFAULT_KDF;
  const { now } = options;
  const vaultId = randomId();
  const masterKey = randomKey();
  const recovery = newRecoveryKey();
  const secret = passphraseBytes(passphrase);
  const keys = new Keyring(vaultId, masterKey);
  try {
    const slots = [
      createKeyslot(vaultId, 'passphrase', secret, masterKey, kdf, now),
      createKeyslot(vaultId, 'recovery', recovery.bytes, masterKey, kdf, now),
    ];
    const store = VaultStore.create(
      path,
      (fresh) => {
        fresh.insertMeta({ vault_id: vaultId, created_at: '', key_check: keys.keyCheck(), audit_head: null });
        for (const slot of slots) fresh.putKeyslot(slot);
        // `integrity` tells a vault born with heads from one that predates them (integrity.ts).
        new AuditLog(fresh, keys).append({ action: 'vault.created', details: { kdf: `argon2id ops=${kdf.opslimit} mem=${kdf.memlimit}`, integrity: 'heads' } }, now);
        fresh.setSealer(sealerFor(keys, () => []));
      },
      options,
    );
    return { store, keys, recoveryKey: recovery.text };
  } catch (error) {
    keys.wipe();
    throw error;
  } finally {
    wipe(secret, recovery.bytes);
  }
}

/** Unlocking, locking, keyslots and backups of the open vault file. */
export class VaultLifecycle {
  constructor(
    private readonly session: VaultSession,
    private readonly storeOptions: StoreOptions,
  ) {}

  /** Unlocks with the passphrase; always checks it, even when the vault is already unlocked. */
  unlock(passphrase: string): void {
    this.#adopt(this.#openSlot('passphrase', passphraseBytes(passphrase)), [{ action: 'vault.unlocked', details: { with: 'passphrase' } }]);
  }

  /** Opens the vault with the recovery key and sets a new passphrase. The recovery key stays valid. */
  recover(recoveryKey: string, newPassphrase: string): void {
    checkNewPassphrase(newPassphrase);
    const keys = this.#openSlot('recovery', parseRecoveryKey(recoveryKey));
    this.#adopt(keys, [{ action: 'recovery.used' }, { action: 'passphrase.changed', details: { with: 'recovery key' } }], newPassphrase);
  }

  /**
   * Re-wraps the master key under a new passphrase; no record is re-encrypted. Works locked or
   * unlocked: the current passphrase is checked either way.
   */
  changePassphrase(current: string, next: string): void {
    checkNewPassphrase(next);
    const keys = this.#openSlot('passphrase', passphraseBytes(current));
    this.#adopt(keys, [{ action: 'passphrase.changed', details: { with: 'passphrase' } }], next);
  }

  /**
   * What the integrity checks found at unlock (or since, if the file changed underneath): empty
   * problems when the vault is intact; otherwise `message` says what is wrong and what to do.
   */
  integrity(): { damaged: boolean; problems: string[]; message: string | null } {
    const problems = [...this.session.unlocked().damage()];
    return { damaged: problems.length > 0, problems, message: problems.length > 0 ? damagedError(problems).message : null };
  }

  /** Zeroes every key in memory. The vault stays open for the next unlock. */
  lock(): void {
    this.session.end();
  }

  async backup(destination: string): Promise<BackupReport> {
    const vault = this.session.unlocked();
    const report = await writeVerifiedBackup(vault.store, vault.keys, destination, this.storeOptions);
    await recordOrTakeBack([destination], () => vault.record({ action: 'backup.created', details: { file: destination, cases: report.cases } }));
    return report;
  }

  /** Opens a keyslot; a wrong secret is remembered and reported in the audit log at the next unlock. */
  #openSlot(kind: KeyslotRow['kind'], secret: Uint8Array): Keyring {
    const { store } = this.session;
    try {
      const meta = store.meta();
      const slot = store.keyslot(kind);
      if (!slot) throw new VaultError('DAMAGED', `The ${kind} keyslot is missing from this vault. Restore it from a backup.`);
      const keys = new Keyring(meta.vault_id, openKeyslot(meta.vault_id, slot, secret));
      try {
        keys.verifyKeyCheck(meta.key_check);
      } catch (error) {
        keys.wipe();
        throw error;
      }
      return keys;
    } catch (error) {
      if (error instanceof VaultError && error.code === 'WRONG_PASSPHRASE') {
        store.transaction(() => store.addPendingEvent('unlock.failed', this.session.now()));
      }
      throw error;
    } finally {
      wipe(secret);
    }
  }

  /**
   * Makes freshly opened keys the vault's own: checks the integrity heads, optionally writes a
   * new passphrase slot, and records the events (with any failed attempts made while locked)
   * in one transaction. A damaged vault still unlocks, DAMAGED (UnlockedVault.assertIntact),
   * but its keyslots are not changed. On failure the keys are wiped and the vault stays as it was.
   */
  #adopt(keys: Keyring, events: AuditEvent[], newPassphrase?: string): void {
    const { store, now } = this.session;
    let integrity: { problems: string[]; checkedVersion: number };
    try {
      const slot = newPassphrase === undefined ? undefined : newPassphraseSlot(store, keys, newPassphrase, now());
      integrity = store.transaction(
        () => {
          const checkedVersion = store.dataVersion();
          const report = checkIntegrity(store, keys);
          // A new passphrase slot is written only into an intact vault, or in place of the
          // damaged passphrase slot that was all that was wrong (recovery repairs it).
          const repairs = slot !== undefined && onlyPassphraseSlot(report.problems);
          if (slot && report.problems.length > 0 && !repairs) throw damagedError(report.problems);
          const audit = new AuditLog(store, keys);
          for (const event of store.takePendingEvents()) audit.append({ action: event.kind, details: { attemptedAt: event.at } }, now());
          // Records from before issue 11 are padded and lose their plaintext times with the keys
          // at hand, all or nothing with this unlock; never in a damaged vault, whose heads
          // would be resealed over the damage.
          if (report.problems.length === 0) {
            const upgraded = resealLegacyRecords(store, keys);
            if (upgraded) audit.append(upgraded, now());
          }
          if (report.unsealed) {
            // A vault from before the heads (migration 0004): sealed now, at the first unlock,
            // since sealing needs the keys. The audit entry marks it, so that heads removed
            // later are not taken for a vault that never had them.
            sealAll(store, keys);
            audit.append({ action: 'integrity.sealed', details: { cases: store.cases().length } }, now());
          }
          if (slot) store.putKeyslot(slot);
          for (const event of events) audit.append(event, now());
          return { problems: repairs ? [] : report.problems, checkedVersion };
        },
        sealerFor(keys, () => []),
      );
    } catch (error) {
      keys.wipe();
      throw error;
    }
    this.session.begin(keys, integrity);
  }
}

function newPassphraseSlot(store: VaultStore, keys: Keyring, passphrase: string, now: string): KeyslotRow {
  const current = store.keyslot('passphrase') ?? store.keyslot('recovery')!;
  const kdf: KdfParams = { alg: 'argon2id13', opslimit: current.opslimit, memlimit: current.memlimit };
  const secret = passphraseBytes(passphrase);
  try {
    return createKeyslot(keys.vaultId, 'passphrase', secret, keys.masterKey, kdf, now);
  } finally {
    wipe(secret);
  }
}
