import { z } from 'zod';
import { openJson, randomId, randomKey, sealPaddedJson, wipe } from '../crypto';
import { VaultError } from '../errors';
import type { Counsel } from '../shared/counsel';
import { DEFAULT_SCHEME, parseScheme, type PseudonymScheme } from './pseudonyms';
import type { CaseRow, VaultStore } from '../store';
import { line, optional, parseInput, requiredLine } from '../validation';
import type { Keyring } from '../vault/keyring';

export interface CaseDetails {
  title: string;
  court?: string | undefined;
  number?: string | undefined;
  scheme: PseudonymScheme;
}

export interface CaseSummary extends CaseDetails {
  id: string;
  createdAt: string;
  plaintiffs: number;
}

const caseInputSchema = z.object({
  title: requiredLine('Title', 300),
  court: optional(line('Court', 300)),
  number: optional(line('Case number', 100)),
  scheme: optional(line('Scheme', 60)),
});

export type CaseInput = z.input<typeof caseInputSchema>;

/** A new case with its own random data key, wrapped by the master key. */
export function newCase(keys: Keyring, input: unknown, now: string): { row: CaseRow; details: CaseDetails } {
  const parsed = parseInput(caseInputSchema, input);
  const details: CaseDetails = {
    title: parsed.title,
    court: parsed.court,
    number: parsed.number,
    scheme: parsed.scheme === undefined ? DEFAULT_SCHEME : parseScheme(parsed.scheme),
  };
  const id = randomId();
  const dataKey = randomKey();
  try {
    const row: CaseRow = {
      id,
      // The time lives inside the sealed details (issue 11); the list is in insertion order.
      created_at: '',
      next_seq: 1,
      wrapped_key: keys.wrapCaseKey(id, dataKey),
      details: sealPaddedJson(dataKey, keys.ref('cases', id, 'details'), { ...details, createdAt: now } satisfies SealedCaseDetails),
    };
    return { row, details };
  } finally {
    wipe(dataKey);
  }
}

/**
 * What cases.details holds: the details and, since issue 11, the time the case was created;
 * since issue 12 the case's counsel, which overrides the vault's firm counsel.
 */
export interface SealedCaseDetails extends CaseDetails {
  createdAt?: string;
  counsel?: Counsel[];
}

export function readCase(keys: Keyring, row: CaseRow): CaseDetails {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the time is read by caseCreatedAt, the counsel by caseCounsel
  const { createdAt, counsel, ...details } = openSealedCase(keys, row);
  return details;
}

/** The case's own counsel; empty when it uses the vault's. */
export function caseCounsel(keys: Keyring, row: CaseRow): Counsel[] {
  return openSealedCase(keys, row).counsel ?? [];
}

/** The case's sealed details with its counsel replaced (none: removed), for store.updateCaseDetails. */
export function sealCaseCounsel(keys: Keyring, row: CaseRow, counsel: readonly Counsel[]): Uint8Array {
  return resealCase(keys, row, ({ counsel: _previous, ...rest }) => (counsel.length > 0 ? { ...rest, counsel: [...counsel] } : rest));
}

/** The details a case update may change; its scheme is not one of them. */
export const CASE_FIELDS = ['title', 'court', 'number'] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

const caseUpdateSchema = z.strictObject({
  caseId: z.string({ error: 'caseId must be a case id' }).min(1, 'caseId must be a case id').max(64),
  title: requiredLine('Title', 300).optional(),
  // '' clears the court or the number: a case may have neither.
  court: line('Court', 300).optional(),
  number: line('Case number', 100).optional(),
});

export interface CaseUpdate {
  caseId: string;
  /** The fields given, each its new value ('' for a court or number cleared). */
  changes: Partial<Record<CaseField, string>>;
}

/**
 * Checks a case update before anything is read: at least one of title, court and number, the
 * same rules as a new case. The scheme is refused by name: every pseudonym of the case was
 * allocated by it, so changing it would rename plaintiffs in filings already made.
 */
export function parseCaseUpdate(input: unknown): CaseUpdate {
  if (typeof input === 'object' && input !== null && Object.hasOwn(input, 'scheme')) {
    throw new VaultError(
      'VALIDATION',
      "A case's pseudonym scheme cannot be changed: its plaintiffs' pseudonyms were given by it and are printed in its filings. Create a new case to use another scheme.",
      { field: 'scheme' },
    );
  }
  const { caseId, ...given } = parseInput(caseUpdateSchema, input);
  const changes: Partial<Record<CaseField, string>> = {};
  for (const field of CASE_FIELDS) if (given[field] !== undefined) changes[field] = given[field];
  if (Object.keys(changes).length === 0) {
    throw new VaultError('VALIDATION', 'Nothing to change: give a new title, court or case number.', { field: 'title' });
  }
  return { caseId, changes };
}

/** The fields of `changes` that differ from the case's details, in CASE_FIELDS order. */
export function changedFields(details: CaseDetails, changes: CaseUpdate['changes']): CaseField[] {
  return CASE_FIELDS.filter((field) => changes[field] !== undefined && changes[field] !== (details[field] ?? ''));
}

/**
 * The case's sealed details with its title, court or number changed (a cleared court or number
 * removed), for store.updateCaseDetails; its time, scheme and counsel are kept as they were.
 */
export function sealCaseChanges(keys: Keyring, row: CaseRow, changes: CaseUpdate['changes']): Uint8Array {
  return resealCase(keys, row, (sealed) => {
    const next: SealedCaseDetails = { ...sealed };
    for (const field of CASE_FIELDS) {
      const value = changes[field];
      if (value === undefined) continue;
      if (field === 'title') next.title = value;
      else if (value === '') delete next[field];
      else next[field] = value;
    }
    return next;
  });
}

function resealCase(keys: Keyring, row: CaseRow, edit: (sealed: SealedCaseDetails) => SealedCaseDetails): Uint8Array {
  return sealPaddedJson(keys.caseKey(row.id, row.wrapped_key), keys.ref('cases', row.id, 'details'), edit(openSealedCase(keys, row)));
}

/** When the case was created: inside its sealed details, or (a case not yet re-sealed) its old plaintext column. */
export function caseCreatedAt(keys: Keyring, row: CaseRow): string {
  return openSealedCase(keys, row).createdAt ?? row.created_at;
}

function openSealedCase(keys: Keyring, row: CaseRow): SealedCaseDetails {
  return openJson(keys.caseKey(row.id, row.wrapped_key), keys.ref('cases', row.id, 'details'), row.details) as SealedCaseDetails;
}

export function requireCase(store: VaultStore, caseId: string): CaseRow {
  const row = store.caseById(caseId);
  if (!row) {
    throw new VaultError('NOT_FOUND', `No case with id "${caseId}". List the cases with \`doe-vault case list\`.`);
  }
  return row;
}
