import type { CliIo } from './io';

/** Prints rows as aligned columns; an empty list prints `empty` instead. */
export function printTable(io: CliIo, headers: string[], rows: string[][], empty: string): void {
  if (rows.length === 0) {
    io.stdout.write(`${empty}\n`);
    return;
  }
  const widths = headers.map((header, i) => Math.max(width(header), ...rows.map((row) => width(row[i] ?? ''))));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width(cell))))
      .join('  ')
      .trimEnd();
  io.stdout.write(`${[format(headers), ...rows.map(format)].join('\n')}\n`);
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function width(text: string): number {
  return [...text.normalize('NFC')].length;
}

/** One line, whatever the data holds. */
export function cell(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ');
}

/**
 * Whom a hit may name, by pseudonym. Pseudonyms repeat from case to case ("Jane Doe 1" is in
 * every case), so a plaintiff of another case than `caseId` (or of any case, with no `caseId`:
 * a scan of the whole vault) is given with the ID of the case, which `case list` shows.
 */
export function mayName(targets: readonly { pseudonym: string; caseId: string }[], caseId?: string): string {
  return targets.map((t) => (t.caseId === caseId ? t.pseudonym : `${t.pseudonym} (case ${t.caseId})`)).join(', ');
}
