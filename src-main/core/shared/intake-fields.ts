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
  // The doxxing surface (issue 11); numbered columns pair up in order ("Family 1" with
  // "Family 1 relation", "Vehicle 2 plate" with "Vehicle 2 state").
  'familyName',
  'familyRelation',
  'pastAddresses',
  'schools',
  'employers',
  'affiliations',
  'vehiclePlate',
  'vehicleState',
  'vehicleDescription',
  'handles',
  'characteristics',
] as const;

export type IntakeField = (typeof INTAKE_FIELDS)[number];
