import { VaultError } from '../errors';
import type { VaultStore } from '../store';
import type { Keyring } from './keyring';
import { UnlockedVault } from './unlocked-vault';

/**
 * An open vault file and, between an unlock and a lock, its UnlockedVault. Every domain service
 * holds the session and asks it for the unlocked vault at each call, so a lock anywhere is seen
 * everywhere at once.
 */
export class VaultSession {
  private current: UnlockedVault | undefined;

  constructor(
    readonly store: VaultStore,
    readonly now: () => string,
  ) {}

  get isUnlocked(): boolean {
    return this.current !== undefined;
  }

  /** The unlocked vault, or LOCKED. */
  unlocked(): UnlockedVault {
    if (!this.current) throw new VaultError('LOCKED', 'The vault is locked. Unlock it with the passphrase first.');
    return this.current;
  }

  /** Makes freshly opened keys the vault's own (after wiping any held before). */
  begin(keys: Keyring, integrity?: { problems: readonly string[]; checkedVersion: number }): UnlockedVault {
    this.end();
    this.current = new UnlockedVault(this.store, keys, this.now, integrity);
    return this.current;
  }

  /** Locks: zeroes every key and drops every decrypted value. */
  end(): void {
    this.current?.wipe();
    this.current = undefined;
  }
}
