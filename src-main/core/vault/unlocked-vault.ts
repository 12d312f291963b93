import { AuditLog, type AuditEvent } from '../audit/audit-log';
import type { VaultStore } from '../store';
import { checkIntegrity, damagedError, sealerFor } from './integrity';
import type { Keyring } from './keyring';

/**
 * The vault while it is unlocked: what every domain service works with. One instance lives
 * from an unlock to the next lock; locking wipes its keys and drops everything derived from
 * decrypted records, so no service keeps a decrypted identity past a lock.
 */
export class UnlockedVault {
  /** Values derived from decrypted records (identities, scanners, search indexes), by key. */
  private readonly derived = new Map<string, { caseId: string | undefined; value: unknown }>();

  private problems: readonly string[];
  /** The file's data_version when the heads were last checked. */
  private checkedVersion: number;

  /** `problems`: what the unlock's integrity check found (empty: intact), as of `checkedVersion`. */
  constructor(
    readonly store: VaultStore,
    readonly keys: Keyring,
    readonly now: () => string,
    integrity: { problems: readonly string[]; checkedVersion: number } = { problems: [], checkedVersion: store.dataVersion() },
  ) {
    this.problems = integrity.problems;
    this.checkedVersion = integrity.checkedVersion;
    store.setSealer(sealerFor(keys, () => this.problems));
  }

  /** What is wrong with the vault (empty when intact), re-checked if the file changed underneath. */
  damage(): readonly string[] {
    this.#recheck();
    return this.problems;
  }

  /**
   * Refuses (DAMAGED) while any integrity check fails: called by reveal, the sealed roster,
   * scan, export and import. The heads are checked again first if anything but this
   * connection wrote the file since the last check.
   */
  assertIntact(): void {
    const problems = this.damage();
    if (problems.length > 0) throw damagedError(problems);
  }

  /** One IMMEDIATE transaction with the audit log: all of `work` commits, or none of it. */
  transaction<T>(work: (audit: AuditLog) => T): T {
    return this.store.transaction(() => {
      // Inside the transaction: no other writer can slip in between this check and the
      // resealing of the heads, which would otherwise adopt its changes as ours.
      this.#recheck();
      return work(new AuditLog(this.store, this.keys));
    });
  }

  #recheck(): void {
    const version = this.store.dataVersion();
    if (version === this.checkedVersion) return;
    this.forget();
    this.problems = checkIntegrity(this.store, this.keys).problems;
    this.checkedVersion = version;
  }

  /** Records one event in its own transaction. */
  record(event: AuditEvent): void {
    this.transaction((audit) => audit.append(event, this.now()));
  }

  /**
   * A value computed from decrypted records of one case (or of the whole vault: `caseId`
   * undefined), computed once and kept until `forget` says its records changed.
   */
  derive<T>(key: string, caseId: string | undefined, build: () => T): T {
    const slot = `${caseId ?? '*'}:${key}`;
    const held = this.derived.get(slot);
    if (held) return held.value as T;
    const value = build();
    this.derived.set(slot, { caseId, value });
    return value;
  }

  /**
   * Drops what was derived from a case's records (and everything vault-wide, which spans every
   * case); with no case, everything.
   */
  forget(caseId?: string): void {
    for (const [slot, held] of this.derived) {
      if (caseId === undefined || held.caseId === undefined || held.caseId === caseId) this.derived.delete(slot);
    }
  }

  /** Zeroes the keys and drops every derived value. This instance is unusable afterwards. */
  wipe(): void {
    this.store.setSealer(undefined);
    this.derived.clear();
    this.keys.wipe();
  }
}
