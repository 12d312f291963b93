import { VaultError } from '../errors';
import { INTAKE_FIELDS, type IntakeField } from './types';

/** Headers that name a family member by relation ("Spouse", "Child 2"): the header is the relation. */
export const RELATION_HEADERS_BY_KEY: Record<string, string> = {
  spouse: 'spouse',
  husband: 'husband',
  wife: 'wife',
  partner: 'partner',
  child: 'child',
  children: 'child',
  son: 'son',
  daughter: 'daughter',
  mother: 'mother',
  father: 'father',
  parent: 'parent',
  sibling: 'sibling',
  brother: 'brother',
  sister: 'sister',
};

/** Header spellings, compared after `headerKey` (lower case, letters and digits only). */
const SYNONYMS: Record<IntakeField, readonly string[]> = {
  legalName: ['name', 'fullname', 'legalname', 'fulllegalname', 'plaintiff', 'plaintiffname', 'claimant', 'claimantname', 'clientname', 'officername', 'employeename', 'realname', 'truename'],
  firstName: ['firstname', 'first', 'givenname', 'forename', 'fname'],
  middleName: ['middlename', 'middle', 'middleinitial', 'mi', 'middlenames'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname'],
  aliases: ['alias', 'aliases', 'aka', 'alsoknownas', 'nickname', 'nicknames', 'othernames', 'preferredname'],
  gender: ['gender', 'sex'],
  dob: ['dob', 'dateofbirth', 'birthdate', 'birthday', 'born', 'datebirth'],
  email: ['email', 'emailaddress', 'mail'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'mobilephone', 'homephone'],
  address: ['address', 'homeaddress', 'streetaddress', 'mailingaddress', 'residence'],
  idNumbers: ['badge', 'badgeno', 'badgenumber', 'badgeid', 'serial', 'serialno', 'serialnumber', 'id', 'idno', 'idnumber', 'idnumbers', 'employeeid', 'employeeno', 'employeenumber', 'officerid'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks'],
  // Digits are ignored in the headers of these ("Family 2", "Vehicle 1 plate"): see profileKey.
  familyName: ['family', 'familymember', 'familymembers', 'relative', 'relatives', 'familymembername', 'relativename', ...Object.keys(RELATION_HEADERS_BY_KEY)],
  familyRelation: ['relation', 'relationship', 'familyrelation', 'familyrelationship', 'familymemberrelation', 'familymemberrelationship', 'relativerelation', 'relativerelationship'],
  pastAddresses: ['pastaddress', 'pastaddresses', 'previousaddress', 'previousaddresses', 'formeraddress', 'formeraddresses', 'prioraddress', 'oldaddress'],
  schools: ['school', 'schools', 'childschool', 'childrensschool', 'childsschool', 'kidsschool', 'college', 'university'],
  employers: ['employer', 'employers', 'currentemployer', 'formeremployer', 'previousemployer', 'workplace', 'company'],
  affiliations: ['affiliation', 'affiliations', 'organization', 'organisation', 'club', 'church', 'otheraffiliation'],
  vehiclePlate: ['vehicle', 'vehicles', 'vehicleplate', 'plate', 'plates', 'licenseplate', 'licenceplate', 'platenumber', 'plateno', 'vehicleplatenumber'],
  vehicleState: ['vehiclestate', 'platestate', 'licenseplatestate', 'licenceplatestate', 'registrationstate', 'vehicleplatestate'],
  vehicleDescription: ['vehicledescription', 'vehiclemake', 'vehiclemakemodel', 'makemodel', 'car', 'vehiclemodel'],
  handles: ['handle', 'handles', 'username', 'usernames', 'socialmedia', 'socialmediahandle', 'socialmediahandles', 'screenname', 'twitter', 'instagram', 'facebook', 'tiktok'],
  characteristics: ['characteristic', 'characteristics', 'identifyingcharacteristic', 'identifyingcharacteristics', 'distinguishingmarks', 'distinguishingfeatures', 'tattoo', 'tattoos', 'scars'],
};


/** The profile fields, whose headers may be numbered. */
const NUMBERED = new Set<IntakeField>(['familyName', 'familyRelation', 'pastAddresses', 'schools', 'employers', 'affiliations', 'vehiclePlate', 'vehicleState', 'vehicleDescription', 'handles', 'characteristics']);

const BY_KEY = new Map<string, IntakeField>(
  (Object.entries(SYNONYMS) as [IntakeField, readonly string[]][]).flatMap(([field, keys]) => keys.map((key) => [key, field] as const)),
);

/** Fields a file may fill from several columns (Badge and Serial No. are both ID numbers). */
const REPEATABLE = new Set<IntakeField>(['aliases', 'idNumbers', 'notes', 'address', ...NUMBERED]);

/** The header's key without its digits: "Vehicle 2 plate" -> "vehicleplate". */
export function profileKey(header: string): string {
  return headerKey(header).replace(/\p{N}/gu, '');
}

/** The field a header names: its key, or for the profile fields its key without digits. */
function fieldOf(header: string): IntakeField | undefined {
  const exact = BY_KEY.get(headerKey(header));
  if (exact) return exact;
  const numbered = BY_KEY.get(profileKey(header));
  return numbered && NUMBERED.has(numbered) ? numbered : undefined;
}

export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The mapping suggested for these headers: known spellings, each single-valued field once. */
export function detectMapping(headers: readonly string[]): (IntakeField | null)[] {
  const taken = new Set<IntakeField>();
  const mapping = headers.map((header) => {
    const field = fieldOf(header);
    if (!field || (taken.has(field) && !REPEATABLE.has(field))) return null;
    taken.add(field);
    return field;
  });
  // "Name" beside "First Name" / "Last Name" is ambiguous: the parts win.
  if (taken.has('legalName') && (taken.has('firstName') || taken.has('lastName'))) {
    return mapping.map((field) => (field === 'legalName' ? null : field));
  }
  return mapping;
}

/** Checks a mapping (one entry per header) and throws VALIDATION saying what to fix. */
export function checkMapping(headers: readonly string[], mapping: readonly (IntakeField | null)[]): void {
  if (mapping.length !== headers.length) {
    throw new VaultError('VALIDATION', `The mapping has ${mapping.length} entries for ${headers.length} columns; give one per column (null to ignore a column).`, { field: 'mapping' });
  }
  const seen = new Map<IntakeField, number>();
  mapping.forEach((field, i) => {
    if (field === null) return;
    if (!(INTAKE_FIELDS as readonly string[]).includes(field)) {
      throw new VaultError('VALIDATION', `Column ${i + 1}: "${String(field)}" is not a plaintiff field. Fields: ${INTAKE_FIELDS.join(', ')}.`, { field: `mapping.${i}` });
    }
    const earlier = seen.get(field);
    if (earlier !== undefined && !REPEATABLE.has(field)) {
      throw new VaultError('VALIDATION', `Columns ${earlier + 1} and ${i + 1} are both mapped to ${field}; map one of them only.`, { field: `mapping.${i}` });
    }
    seen.set(field, earlier ?? i);
  });
  const parts = seen.has('firstName') || seen.has('lastName') || seen.has('middleName');
  if (seen.has('legalName') && parts) {
    throw new VaultError('VALIDATION', 'Map either one column to legalName or the name parts (firstName, middleName, lastName), not both.', { field: 'mapping' });
  }
  if (!seen.has('legalName') && !(seen.has('lastName') || seen.has('firstName'))) {
    throw new VaultError('VALIDATION', 'No column is mapped to the legal name: map a column to legalName, or columns to firstName and lastName.', { field: 'mapping' });
  }
}

/** The same headers, as a remembered mapping is matched: spelling, case and punctuation aside. */
export function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((header, i) => headerKey(header) === headerKey(b[i]!));
}

/** Parses "--map HEADER=field" overrides onto a mapping. */
export function applyOverrides(headers: readonly string[], mapping: readonly (IntakeField | null)[], overrides: readonly string[]): (IntakeField | null)[] {
  const result = [...mapping];
  for (const override of overrides) {
    const at = override.lastIndexOf('=');
    if (at <= 0) throw new VaultError('VALIDATION', `--map ${override}: write it HEADER=field (field one of ${INTAKE_FIELDS.join(', ')}, or "ignore").`, { field: 'map' });
    const header = override.slice(0, at);
    const target = override.slice(at + 1).trim();
    const column = headers.findIndex((h) => headerKey(h) === headerKey(header));
    if (column < 0) throw new VaultError('VALIDATION', `--map ${override}: the file has no column "${header}".`, { field: 'map' });
    const field = INTAKE_FIELDS.find((f) => f.toLowerCase() === target.toLowerCase());
    if (!field && !['ignore', 'none', ''].includes(target.toLowerCase())) {
      throw new VaultError('VALIDATION', `--map ${override}: "${target}" is not a field; use one of ${INTAKE_FIELDS.join(', ')}, or "ignore".`, { field: 'map' });
    }
    result[column] = field ?? null;
  }
  return result;
}
