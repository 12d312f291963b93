import { basename } from 'node:path';
import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';
import { requireUnlocked } from './filings';
import { VaultError } from '../../core/helpers';
import type { IntakeInspection } from '../../core';

/** What every non-empty sample cell is shown as until the person asks to see it. */
export const MASK = '•••••';

/**
 * Intake (issue 5): plaintiffs imported from a spreadsheet chosen in main's dialog. The path
 * stays in the session; the renderer names the case, the sheet and the mapping only. Sample
 * cells leave main masked; intake:revealSample sends them on request.
 */
export function intakeHandlers(session: DesktopSession): DomainHandlers<'intake'> {
  const { host, ports } = session;

  const chosen = (caseId: string) => {
    const file = session.intakeFile;
    if (!file || file.caseId !== caseId) {
      throw new VaultError('VALIDATION', 'Choose the spreadsheet to import first.', { field: 'file' });
    }
    return file;
  };
  const shaped = (fileName: string, inspection: IntakeInspection) => ({
    fileName,
    format: inspection.format,
    sheets: inspection.sheets,
    sheet: inspection.sheet,
    headers: inspection.headers,
    mapping: inspection.mapping,
    mappingSource: inspection.mappingSource,
    sampleRows: inspection.sampleRows.map(({ row, cells }) => ({ row, cells: cells.map((cell) => (cell.trim() === '' ? '' : MASK)) })),
    totalRows: inspection.totalRows,
  });
  const sheetOf = (sheet: string | undefined) => (sheet === undefined ? {} : { sheet });

  return {
    'intake:chooseFile': async ({ caseId }) => {
      await requireUnlocked(session);
      const path = await ports.chooseIntakeFile();
      if (path === null) return null;
      const inspection = await session.track('Reading the file', () => host.call('intake.inspect', caseId, path, {}));
      session.intakeFile = { caseId, path, fileName: basename(path) };
      return shaped(basename(path), inspection);
    },

    'intake:inspect': async ({ caseId, sheet }) => {
      const file = chosen(caseId);
      return shaped(file.fileName, await session.track('Reading the file', () => host.call('intake.inspect', caseId, file.path, sheetOf(sheet))));
    },

    'intake:revealSample': async ({ caseId, sheet }) => {
      const file = chosen(caseId);
      return (await host.call('intake.inspect', caseId, file.path, sheetOf(sheet))).sampleRows;
    },

    'intake:preview': async ({ caseId, sheet, mapping }) => {
      const file = chosen(caseId);
      const preview = await session.track('Checking the rows', (progress) =>
        host.run('intake.preview', [caseId, file.path, { ...sheetOf(sheet), mapping }], progress),
      );
      return { rows: preview.rows, valid: preview.valid, problems: preview.problems, duplicates: preview.duplicates };
    },

    'intake:import': async ({ caseId, sheet, mapping, onDuplicate, decisions }) => {
      const file = chosen(caseId);
      const byRow = decisions === undefined ? undefined : Object.fromEntries(Object.entries(decisions).map(([row, decision]) => [Number(row), decision]));
      const summary = await session.track('Importing plaintiffs', (progress) =>
        host.run('intake.import', [caseId, file.path, { ...sheetOf(sheet), mapping, onDuplicate, ...(byRow ? { decisions: byRow } : {}) }], progress),
      );
      session.intakeFile = undefined;
      return summary;
    },

    'intake:clear': () => {
      session.intakeFile = undefined;
      return { cleared: true as const };
    },

  };
}
