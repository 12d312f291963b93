/** What a column of an intake file can be mapped to. first/middle/last names are combined into the legal name. */
export const INTAKE_FIELDS = [
  'legalName',
  'firstName',
  'middleName',
  'lastName',
  'aliases',
  'gender',
  'dob',
  'email',
  'phone',
  'address',
  'idNumbers',
  'notes',
] as const;

export type IntakeField = (typeof INTAKE_FIELDS)[number];
