import { open, openJson, sealPadded, sealPaddedJson, wipe } from '../crypto';
import type { AuditEvent } from '../audit/audit-log';
import type { VaultStore } from '../store';
import type { Keyring } from './keyring';

/**
 * The upgrade of records written before issue 11, run at unlock (it needs the keys) inside the
 * unlock's transaction: every ciphertext is re-sealed padded to its size bucket, and the times
 * kept in plaintext columns move inside it (a case's creation into its sealed details; a
 * filing's two times into its sealed record, the layouts cases/cases.ts and
 * filings/filings.ts read) or, where nothing reads them back, are blanked. Audit entries are
 * left as they are: the log is append-only and hash-chained, and rewriting it would destroy the
 * evidence it exists for; entries from before the upgrade keep their plaintext time.
 * Returns the audit event recording the upgrade, or undefined when there was nothing to do.
 */
export function resealLegacyRecords(store: VaultStore, keys: Keyring): AuditEvent | undefined {
  const legacy = store.legacyRecords();
  const total = legacy.cases.length + legacy.filings.length + legacy.plaintiffs.length + legacy.intakeMappings.length;
  if (total === 0 && legacy.plaintextTimes === 0) return undefined;
  const caseKey = (caseId: string): Uint8Array => {
    const row = store.caseById(caseId);
    if (!row) throw new Error(`case ${caseId} of a record is missing`);
    return keys.caseKey(row.id, row.wrapped_key);
  };
  for (const row of legacy.cases) {
    const ref = keys.ref('cases', row.id, 'details');
    const details = openJson(caseKey(row.id), ref, row.details) as Record<string, unknown>;
    store.resealCase(row.id, sealPaddedJson(caseKey(row.id), ref, { ...details, createdAt: details.createdAt ?? row.created_at }));
  }
  for (const row of legacy.filings) {
    const key = caseKey(row.case_id);
    const ref = keys.ref('filings', row.id, 'details');
    const opened = openJson(key, ref, row.details) as Record<string, unknown>;
    const sealed = 'createdAt' in opened && 'details' in opened ? opened : { details: opened, createdAt: row.created_at, updatedAt: row.updated_at };
    store.resealFiling(row.id, sealPaddedJson(key, ref, sealed));
  }
  for (const row of legacy.plaintiffs) {
    const key = caseKey(row.case_id);
    store.resealPlaintiff(row.id, reseal(key, keys.ref('plaintiffs', row.id, 'public'), row.public), reseal(key, keys.ref('plaintiffs', row.id, 'identity'), row.identity));
  }
  for (const row of legacy.intakeMappings) {
    store.resealIntakeMapping(row.case_id, reseal(caseKey(row.case_id), keys.ref('intake_mappings', row.case_id, 'mapping'), row.mapping));
  }
  store.clearPlaintextTimes();
  return {
    action: 'vault.upgraded',
    details: {
      change: 'records padded to size buckets; times moved inside the encryption',
      cases: legacy.cases.length,
      plaintiffs: legacy.plaintiffs.length,
      filings: legacy.filings.length,
    },
  };
}

function reseal(key: Uint8Array, ref: ReturnType<Keyring['ref']>, blob: Uint8Array): Uint8Array {
  const plaintext = open(key, ref, blob);
  try {
    return sealPadded(key, ref, plaintext);
  } finally {
    wipe(plaintext);
  }
}
