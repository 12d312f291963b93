import type { Migration } from './types';

/**
 * The first schema. Plaintext columns are ids, sequence numbers, timestamps and key metadata;
 * everything that says something about a case or a person is an encrypted BLOB.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE meta (
      singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
      vault_id    TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      key_check   BLOB,          -- MAC of the vault id under a master-key subkey
      audit_head  BLOB           -- sealed (last sequence, last hash) of the audit chain
    ) STRICT;

    CREATE TABLE keyslots (
      kind        TEXT PRIMARY KEY CHECK (kind IN ('passphrase', 'recovery')),
      alg         TEXT NOT NULL,
      opslimit    INTEGER NOT NULL,
      memlimit    INTEGER NOT NULL,
      salt        BLOB NOT NULL,
      wrapped_key BLOB NOT NULL,
      checksum    BLOB NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE cases (
      id          TEXT PRIMARY KEY,
      created_at  TEXT NOT NULL,
      next_seq    INTEGER NOT NULL DEFAULT 1,
      wrapped_key BLOB NOT NULL,   -- the case data key, wrapped by the master key
      details     BLOB NOT NULL    -- title, court, number, scheme; under the case data key
    ) STRICT;

    CREATE TABLE plaintiffs (
      id              TEXT PRIMARY KEY,
      case_id         TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      seq             INTEGER NOT NULL,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      public          BLOB NOT NULL,  -- pseudonym and status
      identity        BLOB NOT NULL,  -- legal name, aliases, contact data, notes
      pseudonym_index BLOB NOT NULL,
      name_index      BLOB NOT NULL,
      name_dob_index  BLOB,
      initials_index  BLOB,
      UNIQUE (case_id, seq),
      UNIQUE (case_id, pseudonym_index)
    ) STRICT;
    CREATE INDEX plaintiffs_by_name ON plaintiffs (name_index);
    CREATE INDEX plaintiffs_by_name_dob ON plaintiffs (name_dob_index);
    CREATE INDEX plaintiffs_by_initials ON plaintiffs (case_id, initials_index);

    CREATE TABLE audit_log (
      seq        INTEGER PRIMARY KEY,
      at         TEXT NOT NULL,
      entry      BLOB NOT NULL,
      prev_hash  BLOB NOT NULL,
      mac        BLOB NOT NULL
    ) STRICT;
    -- Append-only by construction. Someone with the file can drop these triggers; the hash
    -- chain and MACs are what catch that. The triggers catch our own bugs.
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    -- Events that happen while the vault is locked (no audit key in memory), folded into the
    -- audit log at the next unlock.
    CREATE TABLE pending_events (
      id    INTEGER PRIMARY KEY,
      kind  TEXT NOT NULL CHECK (kind IN ('unlock.failed')),
      at    TEXT NOT NULL
    ) STRICT;
  `,
};
