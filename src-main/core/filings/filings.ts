import { openJson, randomId, sealJson } from '../crypto';
import { VaultError } from '../errors';
import type { CaseContext } from '../cases/context';
import type { FilingRow } from '../store';
import type { Filing, FilingDetails } from './filing-input';

/** Filings in the store: one sealed BLOB each, under the case's data key. */

export function insertFiling(ctx: CaseContext, details: FilingDetails, now: string): Filing {
  const id = randomId();
  const row: FilingRow = { id, case_id: ctx.caseId, created_at: now, updated_at: now, details: seal(ctx, id, details) };
  ctx.store.insertFiling(row);
  return toFiling(row, details);
}

export function updateFiling(ctx: CaseContext, row: FilingRow, details: FilingDetails, now: string): Filing {
  ctx.store.updateFiling(row.id, seal(ctx, row.id, details), now);
  return toFiling({ ...row, updated_at: now }, details);
}

export function readFiling(ctx: CaseContext, row: FilingRow): Filing {
  return toFiling(row, openJson(ctx.caseKey, ctx.keys.ref('filings', row.id, 'details'), row.details) as FilingDetails);
}

export function requireFiling(ctx: CaseContext, filingId: string): FilingRow {
  const row = ctx.store.filingById(ctx.caseId, filingId);
  if (!row) throw new VaultError('NOT_FOUND', 'No such filing in this case. Reload the list of filings.');
  return row;
}

function seal(ctx: CaseContext, id: string, details: FilingDetails): Uint8Array {
  return sealJson(ctx.caseKey, ctx.keys.ref('filings', id, 'details'), details);
}

function toFiling(row: FilingRow, details: FilingDetails): Filing {
  return {
    id: row.id,
    caseId: row.case_id,
    title: details.title,
    documentType: details.documentType,
    format: details.format,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    details,
  };
}
