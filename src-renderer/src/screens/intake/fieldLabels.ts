import type { IntakeFieldName } from '../../../../src-preload/contract';

/** What each field is called on screen. */
export const FIELD_LABELS: Record<IntakeFieldName, string> = {
  legalName: 'Legal name (full)',
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  aliases: 'Aliases (other names)',
  gender: 'Gender',
  dob: 'Date of birth',
  email: 'Email',
  phone: 'Phone',
  address: 'Address',
  idNumbers: 'ID numbers (badge, serial)',
  notes: 'Notes',
  familyName: 'Family member (name)',
  familyRelation: 'Family member’s relation',
  pastAddresses: 'Past address',
  schools: 'School',
  employers: 'Employer',
  affiliations: 'Other affiliation',
  vehiclePlate: 'Vehicle plate',
  vehicleState: 'Vehicle plate state',
  vehicleDescription: 'Vehicle description',
  handles: 'Social media handle',
  characteristics: 'Identifying characteristic',
};
