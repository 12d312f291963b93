import type { Migration } from './types';

/**
 * Integrity heads (issue 11): who is in a case and which keyslots and cases the vault has are
 * authenticated, so rows deleted, moved or edited with the file and no keys are noticed.
 * `cases.head` is sealed under a subkey of the case key; `meta.vault_head` under a subkey of
 * the master key. Both are NULL until the first unlock after this migration computes them
 * (the keys are needed); see docs/INTEGRITY.md.
 */
export const integrityHeads: Migration = {
  version: 4,
  name: 'integrity-heads',
  sql: `
    ALTER TABLE cases ADD COLUMN head BLOB;
    ALTER TABLE meta ADD COLUMN vault_head BLOB;
  `,
};
