import type { VaultStore } from '../store';
import type { Keyring } from '../vault/keyring';
import type { UnlockedVault } from '../vault/unlocked-vault';
import type { Counsel } from '../shared/counsel';
import { caseCounsel, readCase, requireCase, type CaseDetails } from './cases';
import type { PseudonymScheme } from './pseudonyms';

/** An unlocked case: its id, data key, naming scheme and details, for the services that work inside it. */
export interface CaseContext {
  store: VaultStore;
  keys: Keyring;
  caseId: string;
  caseKey: Uint8Array;
  scheme: PseudonymScheme;
  details: CaseDetails;
  /** The case's own counsel (empty: the vault's firm counsel applies). */
  counsel: Counsel[];
}

/** The case's context, or NOT_FOUND. */
export function openCase(vault: UnlockedVault, caseId: string): CaseContext {
  const { store, keys } = vault;
  const row = requireCase(store, caseId);
  const details = readCase(keys, row);
  return { store, keys, caseId, caseKey: keys.caseKey(caseId, row.wrapped_key), scheme: details.scheme, details, counsel: caseCounsel(keys, row) };
}
