/**
 * What kind of text a scan finding matched: one list for the scanner, the IPC contract, the CLI
 * and the renderer, with the words each uses for it in reports.
 */
export const FINDING_KINDS = [
  'full-name', // "Maria Elena Ramírez", "Maria Ramírez", "Ramírez, Maria", "M. Ramírez", "Maria E. Ramírez"
  'surname', // "Ramírez" alone
  'given-name', // "Maria" alone
  'alias', // an alias or nickname from the vault
  'email',
  'phone',
  'id-number',
  'date-of-birth',
  'address',
  // The doxxing surface and the forms a name hides in (issue 11):
  'relative', // a family member's name
  'handle', // a social media handle or username
  'vehicle', // a licence plate
  'affiliation', // a school or employer (a question: it may be named for other reasons)
  'characteristic', // a free identifying phrase (a question)
  'initials', // "M.R.", "MR" (a question)
  'mixed-script', // a word mixing scripts ("Mаrta" with a Cyrillic "а"): no identity of its own
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

/** What each kind is called in reports and messages ("the surname of Jane Doe 3"). */
export const KIND_WORDS: Record<FindingKind, string> = {
  'full-name': 'full name',
  surname: 'surname',
  'given-name': 'given name',
  alias: 'alias',
  email: 'email address',
  phone: 'phone number',
  'id-number': 'ID number',
  'date-of-birth': 'date of birth',
  address: 'street address',
  relative: 'family member',
  handle: 'handle',
  vehicle: 'licence plate',
  affiliation: 'school or employer',
  characteristic: 'identifying characteristic',
  initials: 'initials',
  'mixed-script': 'mixed-script word',
};
