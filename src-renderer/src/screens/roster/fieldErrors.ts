import type { ProfileList } from './profileRows';

export type FieldName = 'legalName' | 'aliases' | 'gender' | 'dob' | 'email' | 'phone' | 'address' | 'idNumbers' | 'notes' | ProfileList;
export type Errors = Partial<Record<FieldName, string>>;

/** How main names a field at the start of each of its messages ("Email is not a valid address"). */
const LABELS: [string, FieldName][] = [
  ['Legal name', 'legalName'],
  ['Alias', 'aliases'],
  ['Gender', 'gender'],
  ['Date of birth', 'dob'],
  ['Email', 'email'],
  ['Phone', 'phone'],
  ['Address', 'address'],
  ['ID number', 'idNumbers'],
  ['Notes', 'notes'],
  ['Family member', 'family'],
  ['Each family member', 'family'],
  ['Past address', 'pastAddresses'],
  ['School or employer', 'affiliations'],
  ['Schools and employers', 'affiliations'],
  ['A school or employer', 'affiliations'],
  ['Plate', 'vehicles'],
  ['Vehicle', 'vehicles'],
  ['Each vehicle', 'vehicles'],
  ['Handle', 'handles'],
  ['Identifying characteristic', 'characteristics'],
];
const FIELD_NAMES = new Set<string>(LABELS.map(([, name]) => name));

/**
 * Turns a VALIDATION error into per-field messages: its `field` names the first field at
 * fault ("dob", "aliases.2"), and its message lists every problem, separated by "; ".
 */
export function fieldErrors(field: string | undefined, message: string): Errors {
  const errors: Errors = {};
  const parts = message.split('; ').map((p) => p.trim()).filter(Boolean);
  for (const part of parts) {
    const match = LABELS.find(([label]) => part.startsWith(label));
    if (match && !errors[match[1]]) errors[match[1]] = part.endsWith('.') ? part : `${part}.`;
  }
  const first = (field ?? '').split('.')[0] ?? '';
  if (FIELD_NAMES.has(first) && !errors[first as FieldName]) errors[first as FieldName] = parts[0] ?? message;
  return errors;
}

