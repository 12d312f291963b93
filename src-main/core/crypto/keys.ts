import { randomBytes } from './bytes';
import { sodium } from './sodium';

export const KEY_BYTES = 32;

/** Purpose-bound subkeys of the master key (crypto_kdf). Numbers are part of the format. */
export const SUBKEY = {
  auditEncryption: 1,
  auditMac: 2,
  blindIndex: 3,
  keyCheck: 4,
  vaultHead: 5,
  /** Seals the vault's settings rows (firm counsel): migration 0005. */
  vaultSettings: 6,
} as const;

export type SubkeyPurpose = keyof typeof SUBKEY;

const KDF_CONTEXT = 'DoeVault'; // crypto_kdf contexts are exactly 8 bytes

export function randomKey(): Uint8Array {
  return randomBytes(KEY_BYTES);
}

export function deriveSubkey(masterKey: Uint8Array, purpose: SubkeyPurpose): Uint8Array {
  return sodium().crypto_kdf_derive_from_key(KEY_BYTES, SUBKEY[purpose], KDF_CONTEXT, masterKey);
}

/** Purpose-bound subkeys of a case's data key, in their own context: the case key itself seals records. */
export const CASE_SUBKEY = {
  caseHead: 1,
  /** Authenticates an export's manifest and keys the hashes of its answers (export/answers.ts). */
  exportManifest: 2,
} as const;

export type CaseSubkeyPurpose = keyof typeof CASE_SUBKEY;

const CASE_KDF_CONTEXT = 'DoeCase1';

export function deriveCaseSubkey(caseKey: Uint8Array, purpose: CaseSubkeyPurpose): Uint8Array {
  return sodium().crypto_kdf_derive_from_key(KEY_BYTES, CASE_SUBKEY[purpose], CASE_KDF_CONTEXT, caseKey);
}
