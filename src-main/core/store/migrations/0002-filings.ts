import type { Migration } from './types';

/**
 * Filings: drafts of court papers, one row each. Everything about a filing (title, caption,
 * body with its plaintiff tokens, labels) is one sealed BLOB under its case's data key, so
 * deleting the case shreds its filings with it.
 */
export const filings: Migration = {
  version: 2,
  name: 'filings',
  sql: `
    CREATE TABLE filings (
      id          TEXT PRIMARY KEY,
      case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      details     BLOB NOT NULL
    ) STRICT;
    CREATE INDEX filings_by_case ON filings (case_id);
  `,
};
