/** Size limits, checked before a byte of the file is read. */
export const MAX_CSV_BYTES = 256 * 1024 * 1024;
/** An XLSX is compressed and read whole by exceljs: its cells take many times its size in memory. */
export const MAX_XLSX_BYTES = 64 * 1024 * 1024;
/** Rows shown by an inspection. */
export const SAMPLE_ROWS = 20;

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000)} MB`;
}
