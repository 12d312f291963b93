import { COUNSEL_FIELDS, MAX_ADDRESS_LINES, MAX_COUNSEL, type CounselDto } from '../../../../src-preload/contract';

/**
 * The counsel form's state: one row of text inputs per attorney, every field a string (empty:
 * not given), and the errors shown next to each field. Pure, so the rules are tested apart from React.
 */
export type CounselField = (typeof COUNSEL_FIELDS)[number];
export type CounselRow = Record<CounselField, string> & { key: number };
export type RowErrors = Partial<Record<CounselField, string>>;

export const FIELD_LABELS: Record<CounselField, string> = {
  name: 'Name',
  barNumber: 'State Bar number',
  firm: 'Firm',
  address: 'Address',
  phone: 'Phone',
  email: 'Email',
  attorneysFor: 'Attorneys for',
};

export { MAX_COUNSEL };

let nextKey = 1;

export function emptyRow(): CounselRow {
  return { key: nextKey++, name: '', barNumber: '', firm: '', address: '', phone: '', email: '', attorneysFor: '' };
}

export function toRows(counsel: readonly CounselDto[]): CounselRow[] {
  return counsel.map((c) => ({ ...emptyRow(), ...Object.fromEntries(COUNSEL_FIELDS.map((field) => [field, c[field] ?? ''])) }));
}

/** What is sent: blank fields left out, text trimmed (the core trims and checks again). */
export function fromRows(rows: readonly CounselRow[]): CounselDto[] {
  return rows.map((row) => {
    const entry: Record<string, string> = {};
    for (const field of COUNSEL_FIELDS) {
      const value = field === 'address' ? row[field].replace(/\r\n?/g, '\n').trim() : row[field].trim();
      if (value !== '') entry[field] = value;
    }
    return entry as unknown as CounselDto;
  });
}

/** The checks a person can fix before saving; the core's refusal is mapped with `fieldOfError`. */
export function validateRows(rows: readonly CounselRow[]): RowErrors[] {
  return rows.map((row) => {
    const errors: RowErrors = {};
    if (row.name.trim() === '') errors.name = 'Enter the attorney’s name.';
    const email = row.email.trim();
    if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'Enter an email address like name@example.com.';
    if (row.address.trim().split('\n').length > MAX_ADDRESS_LINES) errors.address = `Use at most ${MAX_ADDRESS_LINES} lines.`;
    return errors;
  });
}

export const hasErrors = (errors: readonly RowErrors[]): boolean => errors.some((row) => Object.keys(row).length > 0);

/** "counsel.1.email" (the core's field at fault) → attorney 1, email; undefined when it names no field of a row. */
export function fieldOfError(field: string | undefined): { row: number; field: CounselField } | undefined {
  const match = /^counsel\.(\d+)\.(\w+)$/.exec(field ?? '');
  if (!match) return undefined;
  const name = match[2] as CounselField;
  return (COUNSEL_FIELDS as readonly string[]).includes(name) ? { row: Number(match[1]), field: name } : undefined;
}

/** The first lines a filing prints for the first attorney, for the card's summary. */
export function summaryLines(c: CounselDto): string[] {
  return [c.barNumber ? `${c.name} (State Bar No. ${c.barNumber})` : c.name, c.firm, ...(c.address?.split('\n') ?? []), c.phone, c.email].filter(
    (line): line is string => typeof line === 'string' && line !== '',
  );
}
