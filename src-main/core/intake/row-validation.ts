import { plaintiffInputSchema, type PlaintiffIdentity } from '../plaintiffs/plaintiff-input';
import { excelSerialToIso } from './xlsx-reader';
import type { SourceRow } from './source-row';
import type { IntakeField, IntakeProblem } from './types';

const FEMALE = new Set(['f', 'female', 'w', 'woman', 'fem']);
const MALE = new Set(['m', 'male', 'man']);
const UNSPECIFIED = new Set(['', 'u', 'unknown', 'unspecified', 'x', 'other', 'n', 'na', 'n/a', 'nonbinary', 'non-binary', 'declined', 'prefer not to say']);

/** Splits a cell holding several values ("Jo; Joey", one per line). */
function several(text: string): string[] {
  return text.split(/[;\n|]/).map((part) => part.trim()).filter((part) => part.length > 0);
}

/**
 * Turns one row into a plaintiff identity, validated by the plaintiff schema; or lists every
 * problem of the row, each with its row number and field. Messages never quote the cell.
 */
export function rowToIdentity(
  source: SourceRow,
  headers: readonly string[],
  mapping: readonly (IntakeField | null)[],
): { identity: PlaintiffIdentity; problems?: undefined } | { identity?: undefined; problems: IntakeProblem[] } {
  const problems: IntakeProblem[] = [];
  const { row, cells } = source;
  const extra = cells.slice(headers.length).findIndex((cell) => cell.trim() !== '');
  if (extra >= 0) {
    problems.push({
      row,
      field: 'columns',
      message: `Row ${row} has a value in column ${headers.length + extra + 1}, but the header has only ${headers.length} columns. Add a header for it, or check the row's delimiters and quotes.`,
    });
  }
  const columnOf = new Map<IntakeField, number>();
  const parts: { first: string[]; middle: string[]; last: string[] } = { first: [], middle: [], last: [] };
  const input: Record<string, unknown> = { aliases: [], idNumbers: [] };
  const notes: string[] = [];
  const addresses: string[] = [];
  mapping.forEach((field, i) => {
    if (field === null) return;
    if (!columnOf.has(field)) columnOf.set(field, i);
    const text = (cells[i] ?? '').trim();
    switch (field) {
      case 'firstName':
        parts.first.push(text);
        break;
      case 'middleName':
        parts.middle.push(text);
        break;
      case 'lastName':
        parts.last.push(text);
        break;
      case 'aliases':
        (input.aliases as string[]).push(...several(text));
        break;
      case 'idNumbers':
        (input.idNumbers as string[]).push(...several(text));
        break;
      case 'notes':
        if (text) notes.push(text);
        break;
      case 'address':
        if (text) addresses.push(text);
        break;
      case 'gender': {
        const key = text.toLowerCase();
        if (FEMALE.has(key)) input.gender = 'female';
        else if (MALE.has(key)) input.gender = 'male';
        else if (UNSPECIFIED.has(key)) input.gender = 'unspecified';
        else problems.push({ row, field: 'gender', message: `Row ${row}, ${fieldLabel('gender', headers[i])}: not a gender DoeVault knows; write F, M, female, male, or leave it blank.` });
        break;
      }
      case 'dob': {
        const serial = source.numbers?.[i];
        input.dob = serial !== undefined ? (excelSerialToIso(serial) ?? text) : normaliseDate(text);
        break;
      }
      default:
        input[field] = text;
    }
  });
  if (!mapping.includes('legalName')) {
    input.legalName = [...parts.first, ...parts.middle, ...parts.last].filter((p) => p.length > 0).join(' ');
    if (!columnOf.has('legalName')) columnOf.set('legalName', columnOf.get('lastName') ?? columnOf.get('firstName') ?? -1);
  }
  if (notes.length) input.notes = notes.join('\n');
  if (addresses.length) input.address = addresses.join(', ');
  const parsed = plaintiffInputSchema.safeParse(input);
  if (!parsed.success) {
    const reported = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'row');
      if (reported.has(field)) continue; // the first thing wrong with a field says enough
      reported.add(field);
      const column = columnOf.get(field as IntakeField);
      const label = fieldLabel(field, column === undefined || column < 0 ? undefined : headers[column]);
      problems.push({ row, field, message: `Row ${row}, ${label}: ${issue.message}.` });
    }
  }
  if (problems.length > 0 || !parsed.success) return { problems };
  return { identity: parsed.data as PlaintiffIdentity };
}

function fieldLabel(field: string, header: string | undefined): string {
  return header === undefined ? field : `${field} (column "${header.trim()}")`;
}

/** YYYY-MM-DD as given; YYYY/MM/DD and YYYY.MM.DD too. Anything else is left for the schema to refuse. */
function normaliseDate(text: string): string {
  const m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const withTime = /^(\d{4}-\d{2}-\d{2})[T ]00:00(?::00(?:\.0+)?)?Z?$/.exec(text);
  if (withTime) return withTime[1]!;
  return text;
}
