/**
 * CSV as DoeVault writes it: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark (so
 * Excel reads accents right), and cells neutralised against spreadsheet formula injection: a
 * cell starting with = + - @ tab or CR gets a leading ' so no spreadsheet runs it as a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string): string {
  const cell = neutralise(value);
  return /[",\r\n;\t]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const UTF8_BOM = '\uFEFF';
