import {
  constantTimeEqual,
  deriveKek,
  digest,
  framed,
  isPlausibleKdf,
  newSalt,
  open,
  seal,
  wipe,
  type FieldRef,
  type KdfParams,
} from '../crypto';
import { VaultError } from '../errors';
import type { KeyslotKind, KeyslotRow } from '../store';

/**
 * A keyslot wraps the master key under a key derived from a secret (the passphrase or the
 * recovery key). Its checksum tells a damaged slot (DAMAGED) from a wrong secret
 * (WRONG_PASSPHRASE); the checksum is unkeyed, so it detects damage, not forgery: forgery
 * is stopped by the authenticated wrapping itself.
 */
export function createKeyslot(
  vaultId: string,
  kind: KeyslotKind,
  secret: Uint8Array,
  masterKey: Uint8Array,
  kdf: KdfParams,
  _now: string,
): KeyslotRow {
  const salt = newSalt();
  const kek = deriveKek(secret, salt, kdf);
  try {
    // No time in plaintext (issue 11): the audit log records when the passphrase changed.
    const slot = { kind, alg: kdf.alg, opslimit: kdf.opslimit, memlimit: kdf.memlimit, salt, updated_at: '' };
    const wrapped_key = seal(kek, wrapRef(vaultId, slot), masterKey);
    return { ...slot, wrapped_key, checksum: checksum({ ...slot, wrapped_key }) };
  } finally {
    wipe(kek);
  }
}

/** Returns the master key, or throws DAMAGED (slot altered) or WRONG_PASSPHRASE. */
export function openKeyslot(vaultId: string, slot: KeyslotRow, secret: Uint8Array): Uint8Array {
  const what = slot.kind === 'passphrase' ? 'passphrase' : 'recovery key';
  if (!constantTimeEqual(checksum(slot), slot.checksum) || !isPlausibleKdf(slot)) {
    throw new VaultError(
      'DAMAGED',
      slot.kind === 'passphrase'
        ? 'The passphrase keyslot of this vault is damaged. Open it with the recovery key (`doe-vault recover`) or restore a backup.'
        : 'The recovery keyslot of this vault is damaged. Open it with the passphrase, or restore a backup.',
    );
  }
  const kek = deriveKek(secret, slot.salt, slot as KdfParams);
  try {
    return open(kek, wrapRef(vaultId, slot), slot.wrapped_key);
  } catch {
    throw new VaultError('WRONG_PASSPHRASE', `Wrong ${what}. Check it and try again.`);
  } finally {
    wipe(kek);
  }
}

type SlotFields = Pick<KeyslotRow, 'kind' | 'alg' | 'opslimit' | 'memlimit'>;

/** The KDF parameters are part of the additional data: a downgraded slot does not open. */
function wrapRef(vaultId: string, slot: SlotFields): FieldRef {
  return { vaultId, table: 'keyslots', rowId: slot.kind, field: `wrapped_key/${slot.alg}/${slot.opslimit}/${slot.memlimit}` };
}

function checksum(slot: Omit<KeyslotRow, 'checksum' | 'updated_at'>): Uint8Array {
  return digest(framed('keyslot', slot.kind, slot.alg, slot.opslimit, slot.memlimit, slot.salt, slot.wrapped_key));
}
