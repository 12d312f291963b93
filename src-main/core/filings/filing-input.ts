import { z } from 'zod';
import { isoDate, line, optional, parseInput, requiredLine, text } from '../validation';
import { COURT_FORMS, FILING_FORMATS, IDENTITY_SETS, KEY_FIELDS, MAX_BODY, type FilingFormat } from '../shared/filing-formats';

export { FILING_FORMATS, IDENTITY_SETS, KEY_FIELDS, MAX_BODY, type IdentitySelection, type KeyField } from '../shared/filing-formats';

const labelList = z
  .array(line('Label', 200), { error: 'Labels must be a list of lines' })
  .max(4, 'At most 4 labels')
  .transform((labels) => labels.filter((label) => label.length > 0));

/** More than any case holds (the roster's limit is far below). */
const MAX_LISTED = 10_000;

/** all, active, cited, or pseudonyms ("Jane Doe 1", "John Doe 4"), each at most once. */
export const identitySelectionSchema = z.union(
  [
    z.enum(IDENTITY_SETS),
    z
      .array(requiredLine('Pseudonym', 200), { error: 'identities must be a list of pseudonyms' })
      .min(1, 'identities: name at least one pseudonym, or choose all, active or cited')
      .max(MAX_LISTED, `identities: at most ${MAX_LISTED} pseudonyms`),
  ],
  { error: 'identities must be all, active, cited, or a list of pseudonyms' },
);

/** When and where the declarant signs the declaration of identities; absent, blanks to complete by hand. */
export const executedSchema = z.strictObject(
  {
    date: optional(isoDate('Date of execution')),
    place: optional(line('Place of execution', 200)),
  },
  { error: 'executed must hold "date:" (YYYY-MM-DD) and "place:" (for example "Los Angeles, California")' },
);

export const filingInputSchema = z.object({
  title: requiredLine('Title', 300),
  documentType: optional(line('Document type', 100)),
  format: z.enum(FILING_FORMATS, { error: 'Format must be california or federal' }).default('california'),
  /** The page form; absent, the format's default (defaultFormOf). Set from the court of the front matter. */
  form: z.enum(COURT_FORMS, { error: `Form must be one of ${COURT_FORMS.join(', ')}` }).optional(),
  court: optional(line('Court', 300)),
  /** The id of the court in resources/courts.json, set from the front matter: its labels and redaction marks apply. */
  courtId: optional(line('Court id', 60)),
  caseNumber: optional(line('Case number', 100)),
  /** The caption's left side: the parties, as they appear publicly. */
  parties: optional(text('Parties', 2_000)),
  counsel: optional(text('Counsel', 2_000)),
  /** Right of the caption under the title: judge, department, "DEMAND FOR JURY TRIAL", dates. */
  captionLines: z.array(line('Caption line', 200)).max(12, 'At most 12 caption lines').default([]),
  /** The closing signature block; absent, none is printed. */
  signature: z
    .object({
      dated: optional(line('Signature date', 100)),
      firm: optional(line('Firm', 200)),
      signer: requiredLine('Signing attorney', 200),
      attorneysFor: optional(line('Attorneys for', 300)),
    })
    .optional(),
  body: text('Body', MAX_BODY),
  /**
   * Replaces the court's first-page labels of that version when given ([] for none; lodged: the
   * declaration of identities). Absent, the court's: the sealed version always carries them, the
   * public one only when it redacts something.
   */
  labels: z.object({ public: labelList.optional(), sealed: labelList.optional(), lodged: labelList.optional() }).default({}),
  orderDate: optional(isoDate('Order date')),
  keyFields: z
    .array(z.enum(KEY_FIELDS, { error: `Declaration fields must be among ${KEY_FIELDS.join(', ')}` }))
    .default([])
    .transform((fields) => [...new Set(fields)]),
  /** The plaintiffs the declaration of identities lists (declaration.ts). */
  identities: identitySelectionSchema.default('all'),
  /** Set from the front matter only. */
  executed: executedSchema.optional(),
});

export type FilingInput = z.input<typeof filingInputSchema>;
export type FilingDetails = z.output<typeof filingInputSchema>;

export interface FilingSummary {
  id: string;
  caseId: string;
  title: string;
  documentType?: string | undefined;
  format: FilingFormat;
  createdAt: string;
  updatedAt: string;
}

export interface Filing extends FilingSummary {
  details: FilingDetails;
}

export function parseFilingInput(input: unknown): FilingDetails {
  return parseInput(filingInputSchema, input);
}
