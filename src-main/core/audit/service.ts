import type { VaultStore } from '../store';
import { AuditLog, type AuditEntry, type AuditKeys, type AuditVerification } from './audit-log';

/** The vault's audit log, read and checked. Entries are written by the services, in their transactions. */
export class AuditService {
  /** `unlocked` gives the open store and the keys, or throws LOCKED. */
  constructor(private readonly unlocked: () => { store: VaultStore; keys: AuditKeys }) {}

  list(): AuditEntry[] {
    const { store, keys } = this.unlocked();
    return new AuditLog(store, keys).list();
  }

  verify(): AuditVerification {
    const { store, keys } = this.unlocked();
    return new AuditLog(store, keys).verify();
  }
}
