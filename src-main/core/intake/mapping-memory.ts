import { openJson, sealPaddedJson } from '../crypto';
import type { CaseContext } from '../cases/context';
import { sameHeaders } from './column-mapping';
import { INTAKE_FIELDS, type IntakeField } from './types';

interface Remembered {
  headers: string[];
  mapping: (IntakeField | null)[];
}

/** The case's last import mapping, when it was made for the same headers. */
export function rememberedMapping(ctx: CaseContext, headers: readonly string[]): (IntakeField | null)[] | undefined {
  const row = ctx.store.intakeMapping(ctx.caseId);
  if (!row) return undefined;
  const remembered = openJson(ctx.caseKey, ctx.keys.ref('intake_mappings', ctx.caseId, 'mapping'), row.mapping) as Remembered;
  if (!sameHeaders(remembered.headers, headers)) return undefined;
  const known = new Set<string>(INTAKE_FIELDS);
  return remembered.mapping.map((field) => (field !== null && known.has(field) ? field : null));
}

/** Remembers a mapping for the case (call inside the import's transaction). */
export function rememberMapping(ctx: CaseContext, headers: readonly string[], mapping: readonly (IntakeField | null)[], _now: string): void {
  const value: Remembered = { headers: [...headers], mapping: [...mapping] };
  ctx.store.putIntakeMapping({
    case_id: ctx.caseId,
    updated_at: '',
    mapping: sealPaddedJson(ctx.caseKey, ctx.keys.ref('intake_mappings', ctx.caseId, 'mapping'), value),
  });
}
