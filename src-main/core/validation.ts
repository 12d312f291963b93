import { z } from 'zod';
import { VaultError } from './errors';

/**
 * Shared field rules. Control and bidirectional-formatting characters are refused everywhere:
 * they hide text from reviewers and break printed filings.
 */
const FORBIDDEN_IN_LINE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const FORBIDDEN_IN_TEXT = /[\p{Cf}\u2028\u2029]|(?![\n\t])\p{Cc}/u;

export function line(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .transform((value) => value.normalize('NFC').trim())
    .refine((value) => !FORBIDDEN_IN_LINE.test(value), { message: `${label} contains control or formatting characters; remove them`, abort: true })
    .refine((value) => withinCharacters(value, max), `${label} is longer than ${max} characters`);
}

/** At most `max` characters (code points, as a person counts them, not UTF-16 units). */
function withinCharacters(value: string, max: number): boolean {
  // A string no longer in UTF-16 units is no longer in code points: no need to split it.
  return value.length <= max || [...value].length <= max;
}

export function requiredLine(label: string, max: number) {
  return line(label, max).refine((value) => value.length > 0, { message: `${label} is required`, abort: true });
}

export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .transform((value) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .refine((value) => !FORBIDDEN_IN_TEXT.test(value), `${label} contains control or formatting characters; remove them`)
    .refine((value) => withinCharacters(value, max), `${label} is longer than ${max} characters`);
}

/**
 * The checks of optional fields let a blank value through: optional() turns it into "not given"
 * after these checks run, and a form's empty field must not be refused as malformed.
 */
export const blankOr = (check: (value: string) => boolean) => (value: string) => value === '' || check(value);

/** A calendar date written YYYY-MM-DD (blank allowed, for optional()). */
export function isoDate(label: string) {
  return line(label, 10)
    .refine(blankOr((value) => /^\d{4}-\d{2}-\d{2}$/.test(value)), `${label} must be written YYYY-MM-DD, e.g. 1984-03-07`)
    .refine(blankOr((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }), `${label} is not a real calendar date`);
}

/** Empty strings mean "not given". */
export function optional<T extends z.ZodType<string, unknown>>(schema: T) {
  return schema
    .nullable()
    .optional()
    .transform((value) => (value === null || value === undefined || value === '' ? undefined : value));
}

/** Parses input or throws VALIDATION naming every field at fault, the first one as `field`. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new VaultError('VALIDATION', problems.map((p) => p.message).join('; '), { field: problems[0]?.field });
}
