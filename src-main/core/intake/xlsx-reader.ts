import { open } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { VaultError } from '../errors';
import { checkZip, fileSource, ZIP_LIMITS, ZipUnreadable, type ZipLimits } from '../files/zip-guard';
import { MAX_CSV_BYTES, MAX_XLSX_UNPACKED_BYTES, megabytes } from './limits';
import type { SourceRow } from './source-row';

const XLSX_LIMITS: ZipLimits = {
  ...ZIP_LIMITS,
  maxEntryBytes: MAX_XLSX_UNPACKED_BYTES,
  maxTotalBytes: MAX_XLSX_UNPACKED_BYTES,
  advice: `If it is a genuine roster, save it as "CSV UTF-8" (read as a stream, up to ${megabytes(MAX_CSV_BYTES)}) and import that.`,
};

/**
 * XLSX workbooks, read with exceljs from memory. Not its streaming reader: that one spills
 * worksheets to files in the system's temp folder, in plain text, whenever the shared strings
 * come after the sheets in the zip (as Excel writes them), and it ignores merged cells.
 * Formulas are never evaluated: a cell gives the result Excel cached when it was saved.
 * Rows are released from the workbook as they are handed out, so the cells are held once.
 */
export interface XlsxBook {
  sheets: string[];
  sheet: string;
  /** Rows of the chosen sheet, header (row 1) included. */
  rows(): Generator<SourceRow>;
  /** Rows in the sheet after the header (blank rows included): cheap, from the sheet's size. */
  rowCount: number;
}

/**
 * exceljs, loaded when a workbook is first read or written: it is the heaviest library of the
 * vault, and loading it up front was a third of every CLI command's start-up.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

export async function openXlsx(path: string, sheetName: string | undefined): Promise<XlsxBook> {
  const bytes = await readWhole(path);
  // The zip's directory and every part, inflated and measured, before exceljs unpacks anything.
  const source = await fileSource(path);
  try {
    await checkZip(source, 'Excel workbook', XLSX_LIMITS);
  } catch (error) {
    throw error instanceof ZipUnreadable ? notAWorkbook() : error;
  } finally {
    await source.close();
  }
  const { Workbook } = await loadExcelJS();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw notAWorkbook();
  }
  const worksheets = workbook.worksheets;
  if (worksheets.length === 0) throw new VaultError('VALIDATION', 'The workbook has no sheets; there is nothing to import.');
  const sheets = worksheets.map((w) => w.name);
  const worksheet = sheetName === undefined ? worksheets[0]! : worksheets.find((w) => w.name === sheetName);
  if (!worksheet) {
    throw new VaultError('VALIDATION', `The workbook has no sheet "${sheetName}". Its sheets: ${sheets.map((s) => `"${s}"`).join(', ')}.`, { field: 'sheet' });
  }
  const date1904 = (workbook.properties as { date1904?: boolean } | undefined)?.date1904 === true;
  return {
    sheets,
    sheet: worksheet.name,
    rowCount: Math.max(0, worksheet.rowCount - 1),
    *rows() {
      const last = worksheet.rowCount;
      const columns = worksheet.columnCount;
      const rowList = (worksheet as unknown as { _rows?: unknown[] })._rows;
      for (let r = 1; r <= last; r++) {
        const row = worksheet.findRow(r);
        const cells: string[] = [];
        const numbers: (number | undefined)[] = [];
        if (row) {
          for (let c = 1; c <= columns; c++) {
            const value = row.getCell(c).value;
            const { text, number } = cellText(value, date1904);
            cells.push(text);
            numbers.push(number);
          }
        }
        while (cells.length > 0 && cells[cells.length - 1] === '') {
          cells.pop();
          numbers.pop();
        }
        // The previous row is no longer needed (a merged cell's master stays alive through its
        // other cells' references).
        if (rowList && r > 1) rowList[r - 2] = undefined;
        yield { row: r, cells, numbers };
      }
    },
  };
}

function notAWorkbook(): VaultError {
  return new VaultError(
    'VALIDATION',
    'The file is not a readable Excel workbook (.xlsx); nothing was read. Open it in Excel or LibreOffice and save it again as .xlsx, or as "CSV UTF-8".',
  );
}

async function readWhole(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = await handle.readFile();
    if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
      throw new VaultError(
        'VALIDATION',
        'The file is not an Excel workbook (.xlsx), although its name says so; nothing was read. If it is an old .xls or a CSV, save it as .xlsx or as "CSV UTF-8" and give it the matching extension.',
      );
    }
    return buffer;
  } finally {
    await handle.close();
  }
}

/** A cell as text. Dates become YYYY-MM-DD; formulas give their cached result. */
export function cellText(value: ExcelJS.CellValue, date1904 = false): { text: string; number?: number } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value), number: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: isoDay(value) };
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return { text: value.richText.map((part) => part.text).join('') };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return { text: '' };
      if (typeof result === 'object' && 'error' in (result as object)) return { text: '' };
      return cellText(result as ExcelJS.CellValue, date1904);
    }
    if ('hyperlink' in value && 'text' in value) return cellText((value as { text: ExcelJS.CellValue }).text, date1904);
    if ('error' in value) return { text: '' };
  }
  return { text: String(value) };
}

function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

function isoDay(date: Date): string {
  // exceljs gives dates at midnight UTC; a time of day is dropped.
  return date.toISOString().slice(0, 10);
}

/** An Excel serial day number (1900 system, or 1904) as YYYY-MM-DD, or undefined when it is not one. */
export function excelSerialToIso(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  // Day 0 is 1899-12-30 once Excel's phantom 1900-02-29 is accounted for (serials after 60).
  const epoch = Date.UTC(1899, 11, days < 61 ? 31 : 30);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}
