/** Size limits, checked before a byte of the file is read. */
export const MAX_CSV_BYTES = 256 * 1024 * 1024;
/** An XLSX is compressed and read whole by exceljs: its cells take many times its size in memory. */
export const MAX_XLSX_BYTES = 64 * 1024 * 1024;
/**
 * What an XLSX may unpack to, all parts together. exceljs holds the workbook's model at about
 * 11 times its XML (measured: 50,000 rows of 8 columns, 24 MB of XML, 312 MiB peak RSS), and
 * the process must stay under 512 MiB on any input. Larger rosters go in as CSV, which streams.
 */
export const MAX_XLSX_UNPACKED_BYTES = 24 * 1024 * 1024;
/**
 * Plaintiff rows in one file, and the text they may hold: an import keeps every valid row (to
 * look for duplicates and write them in one transaction), so both are bounded. 100,000 rows is
 * the largest roster the benchmarks import; 64 MiB of cell text is 600 bytes a row.
 */
export const MAX_INTAKE_ROWS = 100_000;
export const MAX_INTAKE_TEXT = 64 * 1024 * 1024;
/** Rows shown by an inspection. */
export const SAMPLE_ROWS = 20;

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000)} MB`;
}
