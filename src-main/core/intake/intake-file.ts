import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { VaultError } from '../errors';
import { readCsvRows, type CsvInfo } from './csv-reader';
import { MAX_CSV_BYTES, MAX_XLSX_BYTES, megabytes } from './limits';
import { isBlankRow, type SourceRow } from './source-row';
import type { IntakeFormat, IntakeReadOptions } from './types';
import { openXlsx } from './xlsx-reader';

export interface IntakeFile {
  format: IntakeFormat;
  csv?: CsvInfo | undefined;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  /** Rows after the header, blank rows left out; read once. */
  rows: AsyncIterable<SourceRow>;
  /** XLSX: rows after the header (blank ones included); CSV: null. */
  totalRows: number | null;
}

/**
 * Opens a spreadsheet for intake: the size is checked before anything is read, the format from
 * the extension and the first bytes, then the header (row 1) is read.
 */
export async function openIntakeFile(path: string, options: IntakeReadOptions = {}): Promise<IntakeFile> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new VaultError('NOT_FOUND', `${path} does not exist. Check the path.`);
    throw error;
  });
  if (!info.isFile()) throw new VaultError('VALIDATION', `${path} is not a file. Give the path of a .csv or .xlsx file.`);
  const format = await formatOf(path);
  const limit = format === 'xlsx' ? MAX_XLSX_BYTES : MAX_CSV_BYTES;
  if (info.size > limit) {
    throw new VaultError(
      'VALIDATION',
      `The file is ${megabytes(info.size)}; DoeVault imports ${format === 'xlsx' ? 'Excel workbooks' : 'CSV files'} of up to ${megabytes(limit)}. Nothing was read. Split it into smaller files${format === 'xlsx' ? ', or save it as CSV (up to ' + megabytes(MAX_CSV_BYTES) + ')' : ''} and import them one after the other.`,
    );
  }
  if (info.size === 0) throw emptyFile();
  if (format === 'xlsx') {
    const book = await openXlsx(path, options.sheet);
    const rows = book.rows();
    const header = rows.next();
    if (header.done || isBlankRow(header.value.cells)) throw header.done ? emptyFile() : blankHeader();
    const headers = header.value.cells.map((cell) => cell.trim());
    return {
      format,
      sheets: book.sheets,
      sheet: book.sheet,
      headers,
      totalRows: book.rowCount,
      rows: (async function* () {
        for (const row of rows) if (!isBlankRow(row.cells)) yield row;
      })(),
    };
  }
  if (options.sheet !== undefined) throw new VaultError('VALIDATION', 'A CSV file has no sheets; leave the sheet out.', { field: 'sheet' });
  const csv: Partial<CsvInfo> = {};
  const iterator = readCsvRows(path, csv);
  const first = await iterator.next();
  if (first.done) throw emptyFile();
  if (isBlankRow(first.value.cells)) {
    // Only blank lines, or a blank first line.
    for await (const row of iterator) {
      if (!isBlankRow(row.cells)) throw blankHeader();
    }
    throw emptyFile();
  }
  return {
    format,
    csv: csv as CsvInfo,
    sheets: [],
    sheet: null,
    headers: first.value.cells.map((cell) => cell.trim()),
    totalRows: null,
    rows: (async function* () {
      for await (const row of iterator) if (!isBlankRow(row.cells)) yield row;
    })(),
  };
}

async function formatOf(path: string): Promise<IntakeFormat> {
  const extension = extname(path).toLowerCase();
  if (extension === '.xls') {
    throw new VaultError('VALIDATION', 'Old Excel files (.xls) cannot be read. Open it in Excel or LibreOffice and save it as .xlsx or as "CSV UTF-8", then import that.');
  }
  const zip = await startsWithZip(path);
  if (extension === '.xlsx' || extension === '.xlsm') return 'xlsx';
  if (zip) {
    throw new VaultError('VALIDATION', 'The file is a zip archive (perhaps an Excel workbook), not CSV text. If it is a workbook, give it the extension .xlsx.');
  }
  if (['.csv', '.tsv', '.txt', ''].includes(extension)) return 'csv';
  throw new VaultError('VALIDATION', `Files of type ${extension} cannot be imported. Give a .csv (saved as "CSV UTF-8") or an .xlsx workbook.`);
}

async function startsWithZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

function emptyFile(): VaultError {
  return new VaultError('VALIDATION', 'The file is empty; there is nothing to import. Row 1 must name the columns, each following row one plaintiff.');
}

function blankHeader(): VaultError {
  return new VaultError('VALIDATION', 'Row 1 is empty: it must name the columns (e.g. Name, Date of Birth, Email). Remove the blank rows above the header and try again.');
}
