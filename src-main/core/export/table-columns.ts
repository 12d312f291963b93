/**
 * How a table's columns share the text width: one rule for the PDF and the Word file, so a
 * cell wraps in the same place in both (a date or a pseudonym is not whole in one and broken
 * in the other).
 */
import { breakLines, type Measure, type Styled } from './typeset-text';

/** Cell padding, left and right, in points. */
export const CELL_PADDING = 5;
/**
 * Room beyond a cell's measured text: a word processor draws the cell's rules inside it and
 * rounds widths to twips, and breaks a word that fits by a hair (LibreOffice wrapped a bold
 * "Years" given 1 pt).
 */
const SLACK = 4;

/**
 * Column widths in points filling `textWidth`. A column whose text fits unwrapped in a fair
 * share of the width gets what it needs (the pseudonym and legal-name columns of the
 * declaration stay on one line); the others share the rest, each at least as wide as its
 * longest word where that can be done (words are not cut), the remainder in proportion to how
 * much each wants. `rows` are the cells as printed (a header row in bold).
 */
export function columnWidths(rows: readonly (readonly Styled[])[][], columns: number, { textWidth, size, measure }: { textWidth: number; size: number; measure: Measure }): number[] {
  const min = new Array<number>(columns).fill(0);
  const max = new Array<number>(columns).fill(0);
  for (const row of rows) {
    row.forEach((cell, column) => {
      let cellMax = 0;
      for (const line of breakLines(cell, { width: Number.POSITIVE_INFINITY, size, measure })) {
        cellMax = Math.max(cellMax, line.width);
      }
      let cellMin = 0;
      for (const span of cell) {
        for (const word of span.text.split(/[ \n]+/)) {
          if (word) cellMin = Math.max(cellMin, measure(word, span.face, size));
        }
      }
      min[column] = Math.max(min[column]!, cellMin + 2 * CELL_PADDING + SLACK);
      max[column] = Math.max(max[column]!, cellMax + 2 * CELL_PADDING + SLACK, min[column]!);
    });
  }
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  if (sum(max) <= textWidth) return max.map((width) => (width * textWidth) / sum(max));

  const widths = new Array<number>(columns).fill(0);
  let open = Array.from({ length: columns }, (_, column) => column);
  let remaining = textWidth;
  for (;;) {
    const share = remaining / open.length;
    const settled = open.filter((column) => max[column]! <= share);
    if (settled.length === 0 || settled.length === open.length) break;
    for (const column of settled) {
      widths[column] = max[column]!;
      remaining -= max[column]!;
    }
    open = open.filter((column) => !settled.includes(column));
  }
  const openMin = sum(open.map((column) => min[column]!));
  const openMax = sum(open.map((column) => max[column]!));
  for (const column of open) {
    if (openMax <= remaining) widths[column] = (max[column]! * remaining) / openMax;
    else if (openMin <= remaining) {
      widths[column] = min[column]! + ((remaining - openMin) * (max[column]! - min[column]!)) / (openMax - openMin);
    } else widths[column] = (remaining * min[column]!) / openMin;
  }
  return widths;
}
