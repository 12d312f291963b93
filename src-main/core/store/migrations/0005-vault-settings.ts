import type { Migration } from './types';

/**
 * Settings of the whole vault (issue 12: the firm's counsel), one sealed BLOB per key under a
 * master-key subkey (SUBKEY.vaultSettings); the time of a change is
 * inside it, as everywhere since issue 11. The vault head covers every row, so a row deleted
 * or put back from an older copy opens the vault DAMAGED (docs/INTEGRITY.md).
 */
export const vaultSettings: Migration = {
  version: 5,
  name: 'vault-settings',
  sql: `
    CREATE TABLE settings (
      key         TEXT PRIMARY KEY,
      value       BLOB NOT NULL
    ) STRICT;
  `,
};
