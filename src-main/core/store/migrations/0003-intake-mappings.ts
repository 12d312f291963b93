import type { Migration } from './types';

/**
 * The last column mapping used to import plaintiffs into each case (issue 5): the file's
 * headers and the field each fills, one sealed BLOB under the case's data key (headers can say
 * something about the case), deleted with the case.
 */
export const intakeMappings: Migration = {
  version: 3,
  name: 'intake-mappings',
  sql: `
    CREATE TABLE intake_mappings (
      case_id     TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
      updated_at  TEXT NOT NULL,
      mapping     BLOB NOT NULL
    ) STRICT;
  `,
};
