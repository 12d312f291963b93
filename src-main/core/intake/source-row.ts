/** One row of a spreadsheet as text. `row` is its number as in the file: the header is row 1. */
export interface SourceRow {
  row: number;
  cells: string[];
  /** XLSX: the numeric value of cells stored as numbers (dates without a date format). */
  numbers?: (number | undefined)[] | undefined;
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
