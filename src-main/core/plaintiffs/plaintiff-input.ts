import { z } from 'zod';
import { blankOr, isoDate, line, optional, parseInput, requiredLine, text } from '../validation';
import type { Gender } from '../cases/pseudonyms';

const MAX_NAME = 200;

const name = (label: string) =>
  requiredLine(label, MAX_NAME).refine((value) => /\p{L}/u.test(value), `${label} must contain letters`);

const dateOfBirth = isoDate('Date of birth').refine(
  blankOr((value) => value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10)),
  'Date of birth must be between 1900 and today',
);

const emailFormat = z.email();
const email = line('Email', 254).refine(blankOr((value) => emailFormat.safeParse(value).success), 'Email is not a valid address (name@example.org)');

const phone = line('Phone', 40)
  .refine(blankOr((value) => /^[0-9+().\s/-]+(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i.test(value)), 'Phone may contain only digits, spaces and + ( ) . - /')
  .refine(blankOr((value) => {
    const digits = value.replace(/(?:x|ext\.?)\s*\d+$/i, '').replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  }), 'Phone must have 7 to 15 digits');

const list = (label: string, item: z.ZodType<string, unknown>, max: number) =>
  z
    .array(item, { error: `${label} must be a list` })
    .max(max, `${label}: at most ${max}`)
    .optional()
    .transform((values) => [...new Set((values ?? []).filter((value) => value.length > 0))]);

/**
 * Limits of the doxxing surface (issue 11): generous for a real profile, small enough that one
 * record stays a few kilobytes and the scanner's build stays fast for 10,000 plaintiffs.
 */
export const PROFILE_LIMITS = {
  family: 20,
  pastAddresses: 10,
  affiliations: 20,
  vehicles: 10,
  handles: 20,
  characteristics: 20,
  relation: 60,
  plate: 15,
  handle: 100,
  characteristic: 200,
} as const;

/** A list of records, duplicates dropped; absent when empty (records written before issue 11 have none). */
const records = <T extends z.ZodType>(label: string, item: T, max: number) =>
  z
    .array(item, { error: `${label} must be a list` })
    .max(max, `${label}: at most ${max}`)
    .optional()
    .transform((values) => {
      const seen = new Set<string>();
      const kept = (values ?? []).filter((value) => {
        const key = JSON.stringify(value);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return kept.length > 0 ? (kept as z.output<T>[]) : undefined;
    });

/** A list of lines, blanks and duplicates dropped; absent when empty. */
const lines = (label: string, item: z.ZodType<string, unknown>, max: number) => list(label, item, max).transform((values) => (values.length > 0 ? values : undefined));

const familyMember = z.object(
  {
    name: name('Family member name'),
    relation: optional(line('Family member relation', PROFILE_LIMITS.relation)).transform((value) => value ?? ''),
  },
  { error: 'Each family member must be { name, relation }' },
);

const affiliation = z.object(
  {
    name: name('School or employer name'),
    kind: z.enum(['school', 'employer', 'other'], { error: 'A school or employer is of kind school, employer or other' }).default('other'),
  },
  { error: 'Each school or employer must be { name, kind }' },
);

const vehicle = z.object(
  {
    plate: requiredLine('Plate', PROFILE_LIMITS.plate).refine(
      (value) => /^[\p{L}\p{N}]+(?:[ -][\p{L}\p{N}]+)*$/u.test(value),
      'Plate may contain only letters, digits, spaces and hyphens (e.g. 7ABC123 or 7 ABC 123)',
    ),
    state: optional(line('Plate state', 40)),
    description: optional(line('Vehicle description', 200)),
  },
  { error: 'Each vehicle must be { plate, state?, description? }' },
);

const handle = line('Handle', PROFILE_LIMITS.handle).refine(
  blankOr((value) => /^@?[\p{L}\p{N}_.-]+$/u.test(value)),
  'Handle: write the username alone, without spaces or a web address (e.g. @marta_k)',
);

export const plaintiffInputSchema = z.object({
  legalName: name('Legal name'),
  aliases: list('Aliases', line('Alias', MAX_NAME), 20),
  gender: z.enum(['female', 'male', 'unspecified'], { error: 'Gender must be female, male or unspecified' }).default('unspecified'),
  dob: optional(dateOfBirth),
  email: optional(email),
  phone: optional(phone),
  address: optional(text('Address', 500)),
  idNumbers: list('ID numbers', line('ID number', 100), 20),
  notes: optional(text('Notes', 10_000)),
  family: records('Family members', familyMember, PROFILE_LIMITS.family),
  pastAddresses: lines('Past addresses', text('Past address', 500), PROFILE_LIMITS.pastAddresses),
  affiliations: records('Schools and employers', affiliation, PROFILE_LIMITS.affiliations),
  vehicles: records('Vehicles', vehicle, PROFILE_LIMITS.vehicles),
  handles: lines('Handles', handle, PROFILE_LIMITS.handles),
  characteristics: lines('Identifying characteristics', line('Identifying characteristic', PROFILE_LIMITS.characteristic), PROFILE_LIMITS.characteristics),
});

export type PlaintiffInput = z.input<typeof plaintiffInputSchema>;

/** A plaintiff's identity as stored (encrypted) in the vault. */
export interface PlaintiffIdentity {
  legalName: string;
  aliases: string[];
  gender: Gender;
  dob?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  idNumbers: string[];
  notes?: string | undefined;
  /**
   * The doxxing surface (issue 11): what doxxers publish about a person besides the name.
   * Optional so records written before it still read; absent means none.
   */
  family?: FamilyMember[] | undefined;
  pastAddresses?: string[] | undefined;
  affiliations?: Affiliation[] | undefined;
  vehicles?: Vehicle[] | undefined;
  handles?: string[] | undefined;
  characteristics?: string[] | undefined;
}

/** A family member: their name is scanned like a plaintiff's full name. */
export interface FamilyMember {
  name: string;
  /** "spouse", "daughter", "father"…: free text, shown in the sealed roster and declaration. */
  relation: string;
}

/** A school (the plaintiff's or a child's) or an employer, scanned as a phrase. */
export interface Affiliation {
  name: string;
  kind: 'school' | 'employer' | 'other';
}

/** A vehicle: the plate is scanned with and without spaces and hyphens. */
export interface Vehicle {
  plate: string;
  /** Issuing state or country: "CA". */
  state?: string | undefined;
  /** "grey 2019 Honda Civic": kept for the sealed record, not scanned. */
  description?: string | undefined;
}

export function parsePlaintiffInput(input: unknown): PlaintiffIdentity {
  return parseInput(plaintiffInputSchema, input);
}
