import { VaultError } from '../errors';
import { INTAKE_FIELDS, type IntakeField } from './types';

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
};

const BY_KEY = new Map<string, IntakeField>(
  (Object.entries(SYNONYMS) as [IntakeField, readonly string[]][]).flatMap(([field, keys]) => keys.map((key) => [key, field] as const)),
);

/** Fields a file may fill from several columns (Badge and Serial No. are both ID numbers). */
const REPEATABLE = new Set<IntakeField>(['aliases', 'idNumbers', 'notes', 'address']);

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
    const field = BY_KEY.get(headerKey(header));
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
