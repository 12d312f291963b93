import { openJson, randomId, sealPaddedJson } from '../crypto';
import { VaultError } from '../errors';
import type { CaseContext } from '../cases/context';
import type { FilingRow } from '../store';
import type { Filing, FilingDetails } from './filing-input';

/** Filings in the store: one sealed BLOB each, under the case's data key. */

/** What filings.details holds: the details and, since issue 11, the filing's times (none in plaintext). */
export interface SealedFiling {
  details: FilingDetails;
  createdAt: string;
  updatedAt: string;
}

export function insertFiling(ctx: CaseContext, details: FilingDetails, now: string): Filing {
  const id = randomId();
  const sealed: SealedFiling = { details, createdAt: now, updatedAt: now };
  ctx.store.insertFiling({ id, case_id: ctx.caseId, created_at: '', updated_at: '', details: seal(ctx, id, sealed) });
  return toFiling(id, ctx.caseId, sealed);
}

export function updateFiling(ctx: CaseContext, row: FilingRow, details: FilingDetails, now: string): Filing {
  const sealed: SealedFiling = { details, createdAt: openFiling(ctx, row).createdAt, updatedAt: now };
  ctx.store.updateFiling(row.id, seal(ctx, row.id, sealed), '');
  return toFiling(row.id, row.case_id, sealed);
}

export function readFiling(ctx: CaseContext, row: FilingRow): Filing {
  return toFiling(row.id, row.case_id, openFiling(ctx, row));
}

/**
 * A filing's sealed record. One written before issue 11 is the bare details with its times in
 * plaintext columns, until the upgrade at unlock re-seals it.
 */
export function openFiling(ctx: Pick<CaseContext, 'caseKey' | 'keys'>, row: FilingRow): SealedFiling {
  const opened = openJson(ctx.caseKey, ctx.keys.ref('filings', row.id, 'details'), row.details) as Partial<SealedFiling> & FilingDetails;
  if (opened.details !== undefined && typeof opened.createdAt === 'string' && typeof opened.updatedAt === 'string') {
    return { details: opened.details, createdAt: opened.createdAt, updatedAt: opened.updatedAt };
  }
  return { details: opened, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function requireFiling(ctx: CaseContext, filingId: string): FilingRow {
  const row = ctx.store.filingById(ctx.caseId, filingId);
  if (!row) throw new VaultError('NOT_FOUND', 'No such filing in this case. Reload the list of filings.');
  return row;
}

function seal(ctx: CaseContext, id: string, sealed: SealedFiling): Uint8Array {
  return sealPaddedJson(ctx.caseKey, ctx.keys.ref('filings', id, 'details'), sealed);
}

function toFiling(id: string, caseId: string, { details, createdAt, updatedAt }: SealedFiling): Filing {
  return { id, caseId, title: details.title, documentType: details.documentType, format: details.format, createdAt, updatedAt, details };
}
