import { openJson, sealPaddedJson } from '../crypto';
import { VaultError } from '../errors';
import type { VaultStore } from '../store';
import type { Keyring } from './keyring';

/**
 * Settings of the whole vault, one sealed row per key under the settings subkey; the additional
 * data names the key, so a value moved to another key does not open. The vault head covers the
 * rows (integrity.ts): write them only inside `UnlockedVault.transaction`.
 */
export const SETTING_KEYS = { firmCounsel: 'firm-counsel' } as const;
export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

interface SealedSetting<T> {
  value: T;
  updatedAt: string;
}

export function readSetting<T>(store: VaultStore, keys: Keyring, key: SettingKey): T | undefined {
  const row = store.setting(key);
  if (!row) return undefined;
  try {
    return (openJson(keys.vaultSettings, keys.ref('settings', key, 'value'), row.value) as SealedSetting<T>).value;
  } catch {
    throw new VaultError('DAMAGED', `The vault's ${key} setting does not open: it was altered. Restore a backup made before the damage.`);
  }
}

export function writeSetting<T>(store: VaultStore, keys: Keyring, key: SettingKey, value: T, now: string): void {
  store.putSetting({ key, value: sealPaddedJson(keys.vaultSettings, keys.ref('settings', key, 'value'), { value, updatedAt: now } satisfies SealedSetting<T>) });
}

/** True when there was a row to delete. */
export function deleteSetting(store: VaultStore, key: SettingKey): boolean {
  return store.deleteSetting(key) > 0;
}
