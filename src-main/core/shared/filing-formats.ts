/** The page formats a filing can be exported in. */
export const FILING_FORMATS = ['california', 'federal'] as const;
export type FilingFormat = (typeof FILING_FORMATS)[number];

/** Identifiers the identity-key exhibit can list beside each legal name. */
export const KEY_FIELDS = [
  'aliases',
  'dob',
  'email',
  'phone',
  'address',
  'idNumbers',
  // The doxxing surface (issue 11).
  'family',
  'pastAddresses',
  'affiliations',
  'vehicles',
  'handles',
  'characteristics',
] as const;
export type KeyField = (typeof KEY_FIELDS)[number];

/** The heading of each key field, in the exhibit's table and in the export dialog alike; in the order of KEY_FIELDS. */
export const KEY_FIELD_LABELS: Readonly<Record<KeyField, string>> = {
  aliases: 'Aliases',
  dob: 'Date of birth',
  email: 'Email',
  phone: 'Phone',
  address: 'Address',
  idNumbers: 'ID numbers',
  family: 'Family',
  pastAddresses: 'Past addresses',
  affiliations: 'Schools and employers',
  vehicles: 'Vehicles',
  handles: 'Handles',
  characteristics: 'Identifying characteristics',
};

/** A body as long as a 500-page filing, with room to spare. */
export const MAX_BODY = 2_000_000;
