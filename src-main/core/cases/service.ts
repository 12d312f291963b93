import type { VaultSession } from '../vault/session';
import { caseCreatedAt, newCase, readCase, requireCase, type CaseSummary } from './cases';

/** Cases: each with its own data key, so deleting one shreds its records. */
export class CaseService {
  constructor(private readonly session: VaultSession) {}

  create(input: unknown): CaseSummary {
    const vault = this.session.unlocked();
    const now = vault.now();
    const { row, details } = newCase(vault.keys, input, now);
    vault.transaction((audit) => {
      vault.store.insertCase(row);
      audit.append({ action: 'case.created', details: { caseId: row.id } }, now);
    });
    return { id: row.id, createdAt: now, plaintiffs: 0, ...details };
  }

  list(): CaseSummary[] {
    const { store, keys } = this.session.unlocked();
    const counts = store.plaintiffCounts();
    return store.cases().map((row) => ({ id: row.id, createdAt: caseCreatedAt(keys, row), plaintiffs: counts.get(row.id) ?? 0, ...readCase(keys, row) }));
  }

  /**
   * Crypto-shredding: the case row with its wrapped data key goes, its plaintiffs with it;
   * secure_delete zeroes the freed pages and a checkpoint empties the write-ahead log.
   */
  delete(caseId: string): { plaintiffs: number } {
    const vault = this.session.unlocked();
    const { store, keys } = vault;
    requireCase(store, caseId);
    const plaintiffs = store.plaintiffCounts().get(caseId) ?? 0;
    vault.transaction((audit) => {
      store.deleteCase(caseId);
      audit.append({ action: 'case.deleted', details: { caseId, plaintiffs } }, vault.now());
    });
    keys.forgetCase(caseId);
    vault.forget(caseId);
    store.checkpoint();
    return { plaintiffs };
  }
}
