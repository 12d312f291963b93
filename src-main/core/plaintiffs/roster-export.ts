import { VaultError } from '../errors';
import { writeNewFile } from '../files/new-file';
import { csvLine, neutralise, UTF8_BOM } from './csv-writer';
import type { PlaintiffIdentity } from './plaintiff-input';
import type { RosterEntry, SealedRosterEntry } from './plaintiffs';

export type RosterFormat = 'csv' | 'xlsx' | 'json';

export interface RosterExportOptions {
  /** true: with identities (audited); false: pseudonym and status only. */
  sealed: boolean;
  format: RosterFormat;
}

export interface RosterExportResult {
  path: string;
  rows: number;
  sha256: string;
}

const PUBLIC_COLUMNS = ['Pseudonym', 'Status'];
/** Headers the importer recognises, so a sealed roster can be imported again. */
const SEALED_COLUMNS = [...PUBLIC_COLUMNS, 'Legal Name', 'Aliases', 'Gender', 'Date of Birth', 'Email', 'Phone', 'Address', 'ID Numbers', 'Notes'];

/**
 * Writes a case's roster to a new file (temp file, flushed, then linked into place; never over
 * an existing file), mode 0600. Public: pseudonym and status only. Sealed: with identities.
 */
export async function writeRoster(
  entries: readonly (RosterEntry | SealedRosterEntry)[],
  options: RosterExportOptions,
  destination: string,
): Promise<RosterExportResult> {
  if (!['csv', 'xlsx', 'json'].includes(options.format)) {
    throw new VaultError('VALIDATION', 'The roster format must be csv, xlsx or json.', { field: 'format' });
  }
  const rows = entries.map((entry) => {
    if (!options.sealed || !('legalName' in entry)) return { pseudonym: entry.pseudonym, status: entry.status };
    const { id: _id, seq: _seq, pseudonym, status, withdrawnAt: _withdrawnAt, ...identity } = entry;
    return { pseudonym, status, ...identity };
  });
  const profile = options.sealed ? profileColumns(rows.filter((r): r is typeof r & PlaintiffIdentity => 'legalName' in r)) : [];
  const table = rows.map((r) => {
    if (!('legalName' in r)) return [r.pseudonym, r.status];
    return [
      ...[r.pseudonym, r.status, r.legalName, r.aliases.join('; '), r.gender, r.dob ?? '', r.email ?? '', r.phone ?? '', r.address ?? '', r.idNumbers.join('; '), r.notes ?? ''],
      ...profile.map((column) => column.cell(r)),
    ];
  });
  const headers = options.sealed ? [...SEALED_COLUMNS, ...profile.map((column) => column.header)] : PUBLIC_COLUMNS;
  let bytes: Uint8Array;
  if (options.format === 'json') {
    bytes = Buffer.from(`${JSON.stringify(rows, null, 2)}\n`, 'utf8');
  } else if (options.format === 'csv') {
    bytes = Buffer.from(UTF8_BOM + [headers, ...table].map(csvLine).join(''), 'utf8');
  } else {
    const { Workbook } = (await import('exceljs')).default;
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(options.sealed ? 'Sealed roster' : 'Roster');
    // Every cell is a string cell: nothing is read as a formula, but neutralise anyway for
    // copies pasted elsewhere as text.
    sheet.addRow(headers);
    for (const cells of table) sheet.addRow(cells.map(neutralise));
    bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  const written = await writeNewFile(destination, [bytes], 0o600);
  return { path: destination, rows: rows.length, sha256: written.sha256 };
}

interface ProfileColumn {
  header: string;
  cell: (identity: PlaintiffIdentity) => string;
}

/**
 * The doxxing surface as numbered columns ("Family 1", "Family 1 relation", "Vehicle 2 plate"),
 * as many as the fullest row needs and none when no row has any: the same headers the importer
 * maps (docs/INTAKE.md), so a sealed roster imports again.
 */
export function profileColumns(identities: readonly PlaintiffIdentity[]): ProfileColumn[] {
  const most = (count: (identity: PlaintiffIdentity) => number) => identities.reduce((max, identity) => Math.max(max, count(identity)), 0);
  const ofKind = (identity: PlaintiffIdentity, kind: 'school' | 'employer' | 'other') => (identity.affiliations ?? []).filter((a) => a.kind === kind);
  const columns: ProfileColumn[] = [];
  const numbered = (n: number, make: (i: number) => ProfileColumn[]) => {
    for (let i = 0; i < n; i++) columns.push(...make(i));
  };
  numbered(most((p) => p.family?.length ?? 0), (i) => [
    { header: `Family ${i + 1}`, cell: (p) => p.family?.[i]?.name ?? '' },
    { header: `Family ${i + 1} relation`, cell: (p) => p.family?.[i]?.relation ?? '' },
  ]);
  numbered(most((p) => p.pastAddresses?.length ?? 0), (i) => [{ header: `Past address ${i + 1}`, cell: (p) => p.pastAddresses?.[i] ?? '' }]);
  for (const [kind, label] of [['school', 'School'], ['employer', 'Employer'], ['other', 'Affiliation']] as const) {
    numbered(most((p) => ofKind(p, kind).length), (i) => [{ header: `${label} ${i + 1}`, cell: (p) => ofKind(p, kind)[i]?.name ?? '' }]);
  }
  numbered(most((p) => p.vehicles?.length ?? 0), (i) => [
    { header: `Vehicle ${i + 1} plate`, cell: (p) => p.vehicles?.[i]?.plate ?? '' },
    { header: `Vehicle ${i + 1} state`, cell: (p) => p.vehicles?.[i]?.state ?? '' },
    { header: `Vehicle ${i + 1} description`, cell: (p) => p.vehicles?.[i]?.description ?? '' },
  ]);
  numbered(most((p) => p.handles?.length ?? 0), (i) => [{ header: `Handle ${i + 1}`, cell: (p) => p.handles?.[i] ?? '' }]);
  numbered(most((p) => p.characteristics?.length ?? 0), (i) => [{ header: `Characteristic ${i + 1}`, cell: (p) => p.characteristics?.[i] ?? '' }]);
  return columns;
}
