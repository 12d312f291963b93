import { VaultError } from '../errors';
import { recordOrTakeBack, writeNewFile } from '../export/new-file';
import { readIdentity, readPublic } from '../plaintiffs/plaintiffs';
import type { IntakeContext } from './context';
import { csvLine, neutralise, UTF8_BOM } from './csv-writer';
import { loadExcelJS } from './xlsx-reader';
import type { RosterExportOptions, RosterExportResult } from './types';

const PUBLIC_COLUMNS = ['Pseudonym', 'Status'];
/** Headers the importer recognises, so a sealed roster can be imported again. */
const SEALED_COLUMNS = [...PUBLIC_COLUMNS, 'Legal Name', 'Aliases', 'Gender', 'Date of Birth', 'Email', 'Phone', 'Address', 'ID Numbers', 'Notes'];

/**
 * Writes a case's roster to a new file (temp file, flushed, then linked into place; never over
 * an existing file), mode 0600. Public: pseudonym and status only, no identity is decrypted.
 * Sealed: with identities, recorded in the audit log.
 */
export async function exportRosterFile(ctx: IntakeContext, options: RosterExportOptions, destination: string): Promise<RosterExportResult> {
  if (!['csv', 'xlsx', 'json'].includes(options.format)) {
    throw new VaultError('VALIDATION', 'The roster format must be csv, xlsx or json.', { field: 'format' });
  }
  const { store, caseId } = ctx.case;
  const rows = store.plaintiffsOfCase(caseId).map((row) => {
    const pub = readPublic(ctx.case, row);
    if (!options.sealed) return { pseudonym: pub.pseudonym, status: pub.status };
    const identity = readIdentity(ctx.case, row);
    return { pseudonym: pub.pseudonym, status: pub.status, ...identity };
  });
  const table = rows.map((r) => {
    if (!('legalName' in r)) return [r.pseudonym, r.status];
    return [r.pseudonym, r.status, r.legalName, r.aliases.join('; '), r.gender, r.dob ?? '', r.email ?? '', r.phone ?? '', r.address ?? '', r.idNumbers.join('; '), r.notes ?? ''];
  });
  const headers = options.sealed ? SEALED_COLUMNS : PUBLIC_COLUMNS;
  let bytes: Uint8Array;
  if (options.format === 'json') {
    bytes = Buffer.from(`${JSON.stringify(rows, null, 2)}\n`, 'utf8');
  } else if (options.format === 'csv') {
    bytes = Buffer.from(UTF8_BOM + [headers, ...table].map(csvLine).join(''), 'utf8');
  } else {
    const { Workbook } = await loadExcelJS();
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(options.sealed ? 'Sealed roster' : 'Roster');
    // Every cell is a string cell: nothing is read as a formula, but neutralise anyway for
    // copies pasted elsewhere as text.
    sheet.addRow(headers);
    for (const cells of table) sheet.addRow(cells.map(neutralise));
    bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  const written = await writeNewFile(destination, [bytes], 0o600);
  await recordOrTakeBack([destination], () =>
    ctx.transaction((audit) =>
      audit.append(
        {
          action: 'roster.exported',
          details: { caseId, sealed: options.sealed, format: options.format, rows: rows.length, file: destination },
        },
        ctx.now(),
      ),
    ),
  );
  return { path: destination, rows: rows.length, sha256: written.sha256 };
}
