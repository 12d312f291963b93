/** The exhibit operations' options, validated at the façade (the CLI and IPC send plain data). */
import { z } from 'zod';
import { VaultError } from '../errors';
import { line } from '../validation';
import { EXHIBIT_LIMITS } from './limits';

const dpi = z
  .number({ error: 'dpi must be a number' })
  .int('dpi must be a whole number')
  .min(EXHIBIT_LIMITS.minDpi, `dpi must be at least ${EXHIBIT_LIMITS.minDpi}`)
  .max(EXHIBIT_LIMITS.maxDpi, `dpi must be at most ${EXHIBIT_LIMITS.maxDpi}`);

const box = z.object({
  x: z.number().finite().min(0),
  y: z.number().finite().min(0),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
});

export const scanOptionsSchema = z
  .object({
    dpi: dpi.optional(),
    /** Propose faces (page-faces.ts); each proposal is a question. */
    faces: z.boolean().optional(),
  })
  .strict();

export const redactOptionsSchema = z
  .object({
    destination: z.string().min(1, 'destination is required'),
    dpi: dpi.optional(),
    /** Finding id → the attorney's answer. */
    decisions: z.record(z.string().regex(/^x[0-9a-f]{12}$/, 'a finding id looks like x0123456789ab'), z.enum(['redact', 'keep'])).optional(),
    ocrLayer: z.boolean().optional(),
    bates: z
      .object({
        prefix: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'a Bates prefix is 1 to 20 letters, digits, "-" or "_"'),
        start: z.number().int().min(1).max(999_999),
      })
      .strict()
      .optional(),
    cover: line('cover text', 80).refine((value) => value !== '', 'the cover text is empty').optional(),
    /** Propose faces (core/exhibits/faces); each proposal is a question. */
    faces: z.boolean().optional(),
    /** The court (resources/courts.json id) whose redaction reference the boxes carry; default "[REDACTED-{n}]". */
    court: z.string().regex(/^[a-z0-9-]{1,60}$/, 'a court id looks like "cacd" or "ca-sup-los-angeles"').optional(),
    /** Boxes drawn by hand (the app), burned like any finding. */
    regions: z.array(z.object({ page: z.number().int().min(1), box }).strict()).max(10_000).optional(),
  })
  .strict();

export type ScanOptions = z.infer<typeof scanOptionsSchema>;
export type RedactOptions = z.infer<typeof redactOptionsSchema>;

export function parseOptions<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.');
  throw new VaultError('VALIDATION', `${field ? `${field}: ` : ''}${issue.message}.`, { field });
}
