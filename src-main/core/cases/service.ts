import type { CaseRow } from '../store';
import type { Keyring } from '../vault/keyring';
import type { VaultSession } from '../vault/session';
import { caseCreatedAt, changedFields, newCase, parseCaseUpdate, readCase, requireCase, sealCaseChanges, type CaseSummary } from './cases';

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

  /**
   * Corrects a case's title, court or number (`{ caseId, title?, court?, number? }`; '' clears
   * the court or the number). Its scheme, creation time and counsel are kept: pseudonyms depend
   * on the scheme, so it cannot be given. Nothing is written when nothing differs; the audit
   * entry names the fields changed, never their values (a title may be what named someone).
   */
  update(input: unknown): CaseSummary {
    const { caseId, changes } = parseCaseUpdate(input);
    const vault = this.session.unlocked();
    const { store, keys } = vault;
    const now = vault.now();
    // Read inside the transaction: a counsel change by another process cannot be lost in between.
    const changed = vault.transaction((audit) => {
      const row = requireCase(store, caseId);
      const fields = changedFields(readCase(keys, row), changes);
      if (fields.length === 0) return fields;
      store.updateCaseDetails(row.id, sealCaseChanges(keys, row, changes));
      audit.append({ action: 'case.updated', details: { caseId, fields } }, now);
      return fields;
    });
    if (changed.length > 0) vault.forget(caseId);
    return this.#summary(caseId);
  }

  list(): CaseSummary[] {
    const { store, keys } = this.session.unlocked();
    const counts = store.plaintiffCounts();
    return store.cases().map((row) => summaryOf(keys, row, counts.get(row.id) ?? 0));
  }

  #summary(caseId: string): CaseSummary {
    const { store, keys } = this.session.unlocked();
    return summaryOf(keys, requireCase(store, caseId), store.plaintiffCounts().get(caseId) ?? 0);
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

function summaryOf(keys: Keyring, row: CaseRow, plaintiffs: number): CaseSummary {
  return { id: row.id, createdAt: caseCreatedAt(keys, row), plaintiffs, ...readCase(keys, row) };
}
