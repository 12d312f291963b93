import { z } from 'zod';
import { isoDate, line, optional, parseInput, requiredLine, text } from '../validation';
import { COURT_FORMS, FILING_FORMATS, KEY_FIELDS, MAX_BODY, type FilingFormat } from '../shared/filing-formats';

export { FILING_FORMATS, KEY_FIELDS, MAX_BODY, type KeyField } from '../shared/filing-formats';

const labelList = z
  .array(line('Label', 200), { error: 'Labels must be a list of lines' })
  .max(4, 'At most 4 labels')
  .transform((labels) => labels.filter((label) => label.length > 0));

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
   * Replaces the court's first-page labels of that version when given ([] for none). Absent,
   * the court's: the sealed version always carries them, the public one only when it redacts
   * something.
   */
  labels: z.object({ public: labelList.optional(), sealed: labelList.optional() }).default({}),
  orderDate: optional(isoDate('Order date')),
  keyFields: z
    .array(z.enum(KEY_FIELDS, { error: `Identity key fields must be among ${KEY_FIELDS.join(', ')}` }))
    .default([])
    .transform((fields) => [...new Set(fields)]),
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
