import { VaultError } from '../errors';
import { throwIfCancelled, type OperationControl } from '../operation';
import type { PlaintiffIdentity } from '../plaintiffs/plaintiff-input';
import { insertPlaintiffs, readIdentity, updateIdentity, type RosterEntry } from '../plaintiffs/plaintiffs';
import { checkMapping, detectMapping } from './column-mapping';
import type { IntakeContext } from './context';
import { findDuplicates, mergeIdentity, type ValidRow } from './duplicates';
import { openIntakeFile } from './intake-file';
import { MAX_INTAKE_ROWS, MAX_INTAKE_TEXT, megabytes, SAMPLE_ROWS } from './limits';
import { rememberedMapping, rememberMapping } from './mapping-memory';
import { rowToIdentity } from './row-validation';
import type {
  DuplicateDecision,
  ImportOptions,
  ImportPreview,
  ImportSummary,
  IntakeDuplicate,
  IntakeField,
  IntakeInspection,
  IntakeMappingOptions,
  IntakeProblem,
  IntakeReadOptions,
} from './types';

/** Rows written between two checks for cancel (and progress reports), inside the one transaction. */
const WRITE_BATCH = 1000;
const READ_BATCH = 1000;

/**
 * An import refused as a whole: VALIDATION (rows with problems) or CONFLICT (duplicates without
 * a decision). The message names rows and fields only; the lists are for callers in-process
 * (the CLI prints them); across the worker only code and message travel.
 */
export class IntakeRejected extends VaultError {
  constructor(
    code: 'VALIDATION' | 'CONFLICT',
    message: string,
    readonly summary: ImportSummary,
  ) {
    super(code, message, { field: code === 'VALIDATION' ? summary.problems[0]?.field : undefined });
  }
}

export async function inspectIntake(ctx: IntakeContext, path: string, options: IntakeReadOptions): Promise<IntakeInspection> {
  const file = await openIntakeFile(path, options);
  const remembered = rememberedMapping(ctx.case, file.headers);
  const sampleRows: IntakeInspection['sampleRows'] = [];
  for await (const row of file.rows) {
    sampleRows.push({ row: row.row, cells: row.cells });
    if (sampleRows.length >= SAMPLE_ROWS) break;
  }
  return {
    format: file.format,
    delimiter: file.csv?.delimiter,
    encoding: file.csv?.encoding,
    sheets: file.sheets,
    sheet: file.sheet,
    headers: file.headers,
    mapping: remembered ?? detectMapping(file.headers),
    mappingSource: remembered ? 'remembered' : 'detected',
    sampleRows,
    totalRows: file.totalRows,
  };
}

interface ReadResult {
  headers: string[];
  mapping: (IntakeField | null)[];
  rows: number;
  valid: ValidRow[];
  problems: IntakeProblem[];
  duplicates: IntakeDuplicate[];
}

/** Reads, validates and looks for duplicates: the rows are held once, as identities. */
async function readAndCheck(ctx: IntakeContext, path: string, options: IntakeMappingOptions, control?: OperationControl): Promise<ReadResult> {
  throwIfCancelled(control);
  const file = await openIntakeFile(path, options);
  checkMapping(file.headers, options.mapping);
  const valid: ValidRow[] = [];
  const problems: IntakeProblem[] = [];
  let rows = 0;
  let text = 0;
  const kind = file.format === 'xlsx' ? 'The Excel workbook' : 'The CSV file';
  control?.onProgress?.(0, file.totalRows, 'Reading rows');
  for await (const source of file.rows) {
    rows++;
    for (const cell of source.cells) text += cell.length;
    if (rows > MAX_INTAKE_ROWS) {
      throw new VaultError(
        'VALIDATION',
        `${kind} has more than ${MAX_INTAKE_ROWS.toLocaleString('en-US')} plaintiff rows; DoeVault imports up to ${MAX_INTAKE_ROWS.toLocaleString('en-US')} at a time. Nothing was imported. Split it into files of at most ${MAX_INTAKE_ROWS.toLocaleString('en-US')} rows (each with the header row) and import them one after the other.`,
      );
    }
    if (text > MAX_INTAKE_TEXT) {
      throw new VaultError(
        'VALIDATION',
        `${kind} holds more than ${megabytes(MAX_INTAKE_TEXT)} of text in its first ${rows.toLocaleString('en-US')} rows; DoeVault imports up to ${megabytes(MAX_INTAKE_TEXT)} at a time. Nothing was imported. Split it into smaller files (or shorten very long cells, such as notes) and import them one after the other.`,
      );
    }
    const result = rowToIdentity(source, file.headers, options.mapping);
    if (result.identity) valid.push({ row: source.row, identity: result.identity });
    else problems.push(...result.problems);
    if (rows % READ_BATCH === 0) {
      throwIfCancelled(control);
      control?.onProgress?.(rows, file.totalRows, 'Reading rows');
    }
  }
  control?.onProgress?.(rows, rows, 'Reading rows');
  throwIfCancelled(control);
  const duplicates = findDuplicates(ctx, valid, control);
  return { headers: file.headers, mapping: [...options.mapping], rows, valid, problems, duplicates };
}

export async function previewIntake(ctx: IntakeContext, path: string, options: IntakeMappingOptions, control?: OperationControl): Promise<ImportPreview> {
  const { rows, valid, problems, duplicates } = await readAndCheck(ctx, path, options, control);
  return { rows, valid: valid.length, problems, duplicates };
}

/** What becomes of each row: added (in file order), skipped, or merged into a record. */
type Fate = { kind: 'add' } | { kind: 'skip' } | { kind: 'merge-vault'; plaintiffId: string } | { kind: 'merge-row'; row: number };

export async function importIntake(
  ctx: IntakeContext,
  path: string,
  options: ImportOptions,
  control?: OperationControl,
): Promise<ImportSummary> {
  const read = await readAndCheck(ctx, path, options, control);
  const { valid, problems, duplicates } = read;
  const base = { duplicates, problems };
  if (problems.length > 0) {
    const rejectedRows = new Set(problems.map((p) => p.row)).size;
    const summary: ImportSummary = { added: 0, skipped: 0, merged: 0, rejected: rejectedRows, ...base };
    throw new IntakeRejected(
      'VALIDATION',
      `${rejectedRows} of ${read.rows} rows have problems; nothing was imported. ${listProblems(problems)}`,
      summary,
    );
  }
  if (read.rows === 0) {
    throw new VaultError('VALIDATION', 'The file has a header but no plaintiff rows; nothing was imported.');
  }
  const fates = decideFates(ctx, valid, duplicates, options);
  const undecided = duplicates.filter((d) => fates.get(d.row) === undefined);
  if (undecided.length > 0) {
    const summary: ImportSummary = { added: 0, skipped: 0, merged: 0, rejected: 0, ...base };
    throw new IntakeRejected(
      'CONFLICT',
      `${new Set(undecided.map((d) => d.row)).size} rows name someone already in the file or the vault; nothing was imported. ${listDuplicates(undecided)} Decide for each (skip, import anyway, or merge), or use --on-duplicate skip|import.`,
      summary,
    );
  }
  // Merges into earlier rows of the file happen before anything is written.
  const identities = new Map<number, PlaintiffIdentity>(valid.map((v) => [v.row, v.identity]));
  const vaultMerges = new Map<string, PlaintiffIdentity[]>();
  let skipped = 0;
  let merged = 0;
  for (const { row, identity } of valid) {
    const fate = fates.get(row) ?? { kind: 'add' };
    if (fate.kind === 'skip') {
      skipped++;
      identities.delete(row);
    } else if (fate.kind === 'merge-row') {
      merged++;
      identities.delete(row);
      let target = fate.row;
      let targetFate = fates.get(target);
      while (targetFate?.kind === 'merge-row') {
        target = targetFate.row;
        targetFate = fates.get(target);
      }
      if (targetFate?.kind === 'merge-vault') {
        vaultMerges.set(targetFate.plaintiffId, [...(vaultMerges.get(targetFate.plaintiffId) ?? []), identity]);
      } else if (targetFate?.kind === 'skip') {
        throw new VaultError('VALIDATION', `Row ${row} is to be merged into row ${target}, which is skipped; nothing was imported. Import or merge row ${target} too, or skip row ${row}.`, { field: 'decisions' });
      } else {
        identities.set(target, mergeIdentity(identities.get(target)!, identity));
      }
    } else if (fate.kind === 'merge-vault') {
      merged++;
      identities.delete(row);
      vaultMerges.set(fate.plaintiffId, [...(vaultMerges.get(fate.plaintiffId) ?? []), identity]);
    }
  }
  const toAdd = [...identities.values()]; // Map keeps insertion order: file order
  if (options.dryRun) {
    return { added: toAdd.length, skipped, merged, rejected: 0, ...base, dryRun: true };
  }
  throwIfCancelled(control);
  const now = ctx.now();
  const caseId = ctx.case.caseId;
  const added = ctx.transaction((audit) => {
    const entries: RosterEntry[] = [];
    const total = toAdd.length + vaultMerges.size;
    control?.onProgress?.(0, total, 'Writing');
    for (let i = 0; i < toAdd.length; i += WRITE_BATCH) {
      throwIfCancelled(control); // throwing here rolls the whole transaction back
      entries.push(...insertPlaintiffs(ctx.case, toAdd.slice(i, i + WRITE_BATCH), now));
      control?.onProgress?.(entries.length, total, 'Writing');
    }
    for (const [plaintiffId, sources] of vaultMerges) {
      throwIfCancelled(control);
      const row = ctx.case.store.plaintiffById(caseId, plaintiffId)!;
      const current = readIdentity(ctx.case, row);
      const entry = updateIdentity(ctx.case, row, sources.reduce(mergeIdentity, current), now);
      audit.append({ action: 'plaintiff.merged', details: { caseId, pseudonym: entry.pseudonym, rows: sources.length } }, now);
    }
    rememberMapping(ctx.case, read.headers, read.mapping, now);
    audit.append(
      { action: 'plaintiffs.imported', details: { caseId, rows: read.rows, added: entries.length, skipped, merged } },
      now,
    );
    throwIfCancelled(control);
    control?.onProgress?.(total, total, 'Writing');
    return entries;
  });
  return {
    added: added.length,
    skipped,
    merged,
    rejected: 0,
    ...base,
    ...(added.length > 0 ? { pseudonyms: { first: added[0]!.pseudonym, last: added[added.length - 1]!.pseudonym } } : {}),
  };
}

function decideFates(ctx: IntakeContext, valid: readonly ValidRow[], duplicates: readonly IntakeDuplicate[], options: ImportOptions): Map<number, Fate> {
  const byRow = new Map<number, IntakeDuplicate[]>();
  for (const d of duplicates) byRow.set(d.row, [...(byRow.get(d.row) ?? []), d]);
  const fates = new Map<number, Fate>();
  const rows = new Set(valid.map((v) => v.row));
  for (const [row, decision] of Object.entries(options.decisions ?? {})) {
    const n = Number(row);
    if (!rows.has(n)) throw new VaultError('VALIDATION', `A decision is given for row ${row}, which is not a valid plaintiff row of the file.`, { field: `decisions.${row}` });
    if (!['skip', 'import', 'merge'].includes(decision)) throw new VaultError('VALIDATION', `Row ${row}: the decision must be skip, import or merge.`, { field: `decisions.${row}` });
  }
  for (const [row, found] of byRow) {
    const decision: DuplicateDecision | undefined =
      options.decisions?.[row] ?? (options.onDuplicate === 'fail' ? undefined : options.onDuplicate);
    if (decision === undefined) continue;
    if (decision === 'skip') fates.set(row, { kind: 'skip' });
    else if (decision === 'import') fates.set(row, { kind: 'add' });
    else {
      const sameCase = found.find((d) => d.against === 'vault' && d.caseId === ctx.case.caseId);
      const inFile = found.find((d) => d.against === 'file');
      if (sameCase) fates.set(row, { kind: 'merge-vault', plaintiffId: sameCase.plaintiffId! });
      else if (inFile) fates.set(row, { kind: 'merge-row', row: inFile.otherRow! });
      else {
        throw new VaultError('VALIDATION', `Row ${row} can only be merged into a plaintiff of this case or an earlier row; its match is in another case. Skip it or import it anyway.`, { field: `decisions.${row}` });
      }
    }
  }
  return fates;
}

const LISTED = 50;

function listProblems(problems: readonly IntakeProblem[]): string {
  const shown = problems.slice(0, LISTED).map((p) => p.message.replace(/\.$/, '')).join('; ');
  return `${shown}${problems.length > LISTED ? `; and ${problems.length - LISTED} more` : ''}.`;
}

function listDuplicates(duplicates: readonly IntakeDuplicate[]): string {
  const shown = duplicates.slice(0, LISTED).map(describeDuplicate).join('; ');
  return `${shown}${duplicates.length > LISTED ? `; and ${duplicates.length - LISTED} more` : ''}.`;
}

export function describeDuplicate(d: IntakeDuplicate): string {
  const dob = d.sameDateOfBirth ? ', same date of birth' : '';
  return d.against === 'file' ? `row ${d.row} repeats row ${d.otherRow}${dob}` : `row ${d.row} matches ${d.pseudonym}${dob}`;
}
