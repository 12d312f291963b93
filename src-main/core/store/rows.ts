/** Row shapes of the schema in migrations/. BLOB columns are ciphertext unless noted. */

export interface MetaRow {
  vault_id: string;
  created_at: string;
  key_check: Uint8Array | null;
  audit_head: Uint8Array | null;
  /** Sealed summary of the keyslots and cases (integrity head); NULL before the first sealing. */
  vault_head?: Uint8Array | null;
}

export type KeyslotKind = 'passphrase' | 'recovery';

export interface KeyslotRow {
  kind: KeyslotKind;
  alg: string;
  opslimit: number;
  memlimit: number;
  salt: Uint8Array; // plaintext key metadata
  wrapped_key: Uint8Array;
  checksum: Uint8Array; // plaintext
  updated_at: string;
}

export interface CaseRow {
  id: string;
  created_at: string;
  next_seq: number;
  wrapped_key: Uint8Array;
  details: Uint8Array;
  /** Sealed head of the case's plaintiffs and next_seq (integrity head); NULL before the first sealing. */
  head?: Uint8Array | null;
}

export interface PlaintiffRow {
  id: string;
  case_id: string;
  seq: number;
  created_at: string;
  updated_at: string;
  public: Uint8Array;
  identity: Uint8Array;
  pseudonym_index: Uint8Array; // blind index
  name_index: Uint8Array; // blind index
  name_dob_index: Uint8Array | null; // blind index
  initials_index: Uint8Array | null; // blind index
}

/** id, seq, public, identity, pseudonym_index, name_index, name_dob_index, initials_index. */
export type PlaintiffHeadRow = [string, number, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array | null, Uint8Array | null];

export interface FilingRow {
  id: string;
  case_id: string;
  created_at: string;
  updated_at: string;
  details: Uint8Array;
}

/** The last import mapping of a case: headers and fields, sealed under the case key. */
export interface IntakeMappingRow {
  case_id: string;
  updated_at: string;
  mapping: Uint8Array;
}

/** One setting of the whole vault (firm counsel), sealed under a master-key subkey. */
export interface SettingRow {
  key: string;
  value: Uint8Array;
}

export interface AuditRow {
  seq: number;
  at: string;
  entry: Uint8Array;
  prev_hash: Uint8Array;
  mac: Uint8Array;
}

export interface PendingEventRow {
  id: number;
  kind: 'unlock.failed';
  at: string;
}

/**
 * What a transaction changed that the integrity heads cover: cases whose plaintiffs or
 * next_seq changed (or that were created), and whether the set of keyslots or cases changed.
 */
export interface StoreChanges {
  cases: ReadonlySet<string>;
  vault: boolean;
}
