import { constantTimeEqual, deriveCaseSubkey, deriveSubkey, framed, mac, open, seal, wipe, type FieldRef } from '../crypto';
import { VaultError } from '../errors';

/**
 * The keys of an unlocked vault, all in Uint8Arrays so that lock() can zero them. JS strings
 * (decrypted names) cannot be wiped; they live only as long as the caller keeps them.
 */
export class Keyring {
  readonly vaultId: string;
  private master: Uint8Array;
  readonly auditEncryption: Uint8Array;
  readonly auditMac: Uint8Array;
  readonly blindIndex: Uint8Array;
  private readonly keyCheckKey: Uint8Array;
  /** Seals the vault head: the keyslots and cases the vault has (docs/INTEGRITY.md). */
  readonly vaultHead: Uint8Array;
  /** Seals the vault's settings (firm counsel); their digests are in the vault head. */
  readonly vaultSettings: Uint8Array;
  private readonly caseKeys = new Map<string, Uint8Array>();

  constructor(vaultId: string, masterKey: Uint8Array) {
    this.vaultId = vaultId;
    this.master = masterKey;
    this.auditEncryption = deriveSubkey(masterKey, 'auditEncryption');
    this.auditMac = deriveSubkey(masterKey, 'auditMac');
    this.blindIndex = deriveSubkey(masterKey, 'blindIndex');
    this.keyCheckKey = deriveSubkey(masterKey, 'keyCheck');
    this.vaultHead = deriveSubkey(masterKey, 'vaultHead');
    this.vaultSettings = deriveSubkey(masterKey, 'vaultSettings');
  }

  get masterKey(): Uint8Array {
    return this.master;
  }

  /** A MAC of the vault id: proves at unlock that this master key belongs to this vault. */
  keyCheck(): Uint8Array {
    return mac(this.keyCheckKey, framed('key-check', this.vaultId));
  }

  verifyKeyCheck(stored: Uint8Array | null): void {
    if (!stored || !constantTimeEqual(stored, this.keyCheck())) {
      throw new VaultError('DAMAGED', 'The vault key check failed: the vault file was altered. Restore it from a backup.');
    }
  }

  wrapCaseKey(caseId: string, dataKey: Uint8Array): Uint8Array {
    return seal(this.master, this.caseKeyRef(caseId), dataKey);
  }

  /** Unwraps (and caches) a case's data key. */
  caseKey(caseId: string, wrapped: Uint8Array): Uint8Array {
    let key = this.caseKeys.get(caseId);
    if (!key) {
      key = open(this.master, this.caseKeyRef(caseId), wrapped);
      this.caseKeys.set(caseId, key);
    }
    return key;
  }

  /** The key that seals a case's head, derived from its data key; the caller wipes it. */
  caseHeadKey(caseId: string, wrapped: Uint8Array): Uint8Array {
    return deriveCaseSubkey(this.caseKey(caseId, wrapped), 'caseHead');
  }

  forgetCase(caseId: string): void {
    wipe(this.caseKeys.get(caseId));
    this.caseKeys.delete(caseId);
  }

  ref(table: string, rowId: string, field: string): FieldRef {
    return { vaultId: this.vaultId, table, rowId, field };
  }

  wipe(): void {
    for (const key of this.caseKeys.values()) wipe(key);
    this.caseKeys.clear();
    wipe(this.master, this.auditEncryption, this.auditMac, this.blindIndex, this.keyCheckKey, this.vaultHead, this.vaultSettings);
  }

  private caseKeyRef(caseId: string): FieldRef {
    return this.ref('cases', caseId, 'wrapped_key');
  }
}
