/** The page formats a filing can be exported in. */
export const FILING_FORMATS = ['california', 'federal'] as const;
export type FilingFormat = (typeof FILING_FORMATS)[number];

/**
 * How the first page and every page are laid out: California pleading paper (CRC 2.100–2.111),
 * a California district court's numbered pleading form (C.D. Cal. L.R. 11-3, N.D. Cal. Civ.
 * L.R. 3-4 and the like: counsel from line 1, court title from line 8), or the plain federal
 * form (Fed. R. Civ. P. 10(a)) for other districts. A court in resources/courts.json names one.
 */
export const COURT_FORMS = ['california-pleading', 'federal-pleading', 'federal-plain'] as const;
export type CourtForm = (typeof COURT_FORMS)[number];

/**
 * How the sealed version shows a passage the public version withheld (issue 13): a light grey
 * band behind it, which prints in grey scale too, or [[brackets]] around it. Each court's label
 * set in resources/courts.json chooses.
 */
export const WITHHELD_MARKS = ['highlight', 'bracket'] as const;
export type WithheldMark = (typeof WITHHELD_MARKS)[number];

/** A withheld passage of the sealed version: the reference the public version prints in its place, and how it is marked. */
export interface Withheld {
  ref: string;
  mark: WithheldMark;
}

/**
 * The signature block closing a pleading. Its printed lines are one fact for the PDF, the DOCX
 * and the app's preview, so `signatureLines` lives here beside it.
 */
export interface SignatureBlock {
  /** "December 5, 2026"; absent, a blank for the date is printed. */
  dated?: string | undefined;
  firm?: string | undefined;
  /** The signing attorney: "By: /s/ Name", then the name on its own line. */
  signer: string;
  /** "Attorneys for Plaintiffs JANE DOES 1 through 10" (the "Attorneys for" included). */
  attorneysFor?: string | undefined;
  /**
   * A declarant signs a declaration in person: no "Dated:" (the declaration says when and where
   * it was executed) and no "By:" (nobody signs for a party). `signer` '' leaves a line to sign on.
   */
  declarant?: boolean | undefined;
}

/** The signature block's lines, as both writers print them (blank lines before "By:" leave room to sign). */
export function signatureLines(signature: SignatureBlock): string[] {
  // The first line is the one the writers print at the left margin (the date of a pleading's).
  if (signature.declarant) return signature.signer === '' ? ['', '', '______________________________'] : ['', '', `/s/ ${signature.signer}`, signature.signer];
  return [
    `Dated: ${signature.dated ?? '____________________'}`,
    ...(signature.firm ? ['', signature.firm] : []),
    '',
    '',
    `By: /s/ ${signature.signer}`,
    signature.signer,
    ...(signature.attorneysFor ? [signature.attorneysFor] : []),
  ];
}

/**
 * Where in a filing a question is: the body (front matter included), one of the fields the
 * first page and the signature print, or the case's own title, court and number ('case'),
 * which the caption prints where the draft gives none and every manifest prints.
 */
export const FILING_FIELDS = ['body', 'title', 'parties', 'counsel', 'court', 'caseNumber', 'caption', 'signature', 'labels', 'case'] as const;
export type FilingField = (typeof FILING_FIELDS)[number];

/**
 * Which plaintiffs the declaration of identities lists: every plaintiff of the case (withdrawn
 * ones marked so), those not withdrawn, or those the filing's body cites. A list of pseudonyms
 * is the fourth choice (`IdentitySelection`).
 */
export const IDENTITY_SETS = ['all', 'active', 'cited'] as const;
export type IdentitySet = (typeof IDENTITY_SETS)[number];
export type IdentitySelection = IdentitySet | string[];

/** Identifiers the declaration of identities can list beside each legal name. */
export const KEY_FIELDS = [
  'aliases',
  'dob',
  'email',
  'phone',
  'address',
  'idNumbers',
  // The last four characters of each ID number (FRCP 5.2's measure), when the full number need not be sworn to.
  'idLastFour',
  // The doxxing surface (issue 11).
  'family',
  'pastAddresses',
  'affiliations',
  'vehicles',
  'handles',
  'characteristics',
] as const;
export type KeyField = (typeof KEY_FIELDS)[number];

/** The heading of each key field, in the declaration's table and in the export dialog alike; in the order of KEY_FIELDS. */
export const KEY_FIELD_LABELS: Readonly<Record<KeyField, string>> = {
  aliases: 'Aliases',
  dob: 'Date of birth',
  email: 'Email',
  phone: 'Phone',
  address: 'Address',
  idNumbers: 'ID numbers',
  idLastFour: 'ID numbers (last four)',
  family: 'Family',
  pastAddresses: 'Past addresses',
  affiliations: 'Schools and employers',
  vehicles: 'Vehicles',
  handles: 'Handles',
  characteristics: 'Identifying characteristics',
};

/** A body as long as a 500-page filing, with room to spare. */
export const MAX_BODY = 2_000_000;

/**
 * What a written file is to the court, as a set's manifest lists it: `public` names nobody and is
 * filed openly; `sealed` is the unredacted version of a filing, kept under seal; `lodged` is lodged
 * conditionally under seal until the court rules (CRC 2.551(d)), like the declaration of identities.
 */
export const FILE_ROLES = ['public', 'sealed', 'lodged'] as const;
export type FileRole = (typeof FILE_ROLES)[number];
