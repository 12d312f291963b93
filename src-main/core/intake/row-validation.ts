import { plaintiffInputSchema, type PlaintiffIdentity } from '../plaintiffs/plaintiff-input';
import { profileKey, RELATION_HEADERS_BY_KEY } from './column-mapping';
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
  const profile = new ProfileCells();
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
      case 'familyName':
      case 'familyRelation':
      case 'pastAddresses':
      case 'schools':
      case 'employers':
      case 'affiliations':
      case 'vehiclePlate':
      case 'vehicleState':
      case 'vehicleDescription':
      case 'handles':
      case 'characteristics':
        profile.take(field, text, headers[i] ?? '');
        break;
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
  Object.assign(input, profile.input());
  const parsed = plaintiffInputSchema.safeParse(input);
  if (!parsed.success) {
    const reported = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'row');
      if (reported.has(field)) continue; // the first thing wrong with a field says enough
      reported.add(field);
      const column = columnOf.get(PROFILE_COLUMN[field] ?? (field as IntakeField));
      const label = fieldLabel(field, column === undefined || column < 0 ? undefined : headers[column]);
      problems.push({ row, field, message: `Row ${row}, ${label}: ${issue.message}.` });
    }
  }
  if (problems.length > 0 || !parsed.success) return { problems };
  return { identity: parsed.data as PlaintiffIdentity };
}

/** The intake field whose column a problem of a profile field points at. */
const PROFILE_COLUMN: Record<string, IntakeField> = {
  family: 'familyName',
  vehicles: 'vehiclePlate',
  affiliations: 'schools',
};

/**
 * The doxxing surface of one row, from its numbered columns. The n-th relation column goes with
 * the n-th family column, the n-th plate state and description with the n-th plate column; a
 * family column headed by a relation ("Spouse", "Child 2") gives that relation.
 */
class ProfileCells {
  private readonly family: { name: string; relation: string }[][] = [];
  private readonly relations: string[] = [];
  private readonly plates: string[][] = [];
  private readonly states: string[] = [];
  private readonly descriptions: string[] = [];
  private readonly affiliations: { name: string; kind: 'school' | 'employer' | 'other' }[] = [];
  private readonly pastAddresses: string[] = [];
  private readonly handles: string[] = [];
  private readonly characteristics: string[] = [];

  take(field: IntakeField, text: string, header: string): void {
    switch (field) {
      case 'familyName': {
        const implied = RELATION_HEADERS_BY_KEY[profileKey(header).replace(/name$/, '')] ?? '';
        this.family.push(several(text).map((value) => familyMember(value, implied)));
        break;
      }
      case 'familyRelation':
        this.relations.push(text);
        break;
      case 'vehiclePlate':
        this.plates.push(several(text));
        break;
      case 'vehicleState':
        this.states.push(text);
        break;
      case 'vehicleDescription':
        this.descriptions.push(text);
        break;
      case 'schools':
      case 'employers':
      case 'affiliations': {
        const kind = field === 'schools' ? 'school' : field === 'employers' ? 'employer' : 'other';
        for (const name of several(text)) this.affiliations.push({ name, kind });
        break;
      }
      case 'pastAddresses':
        // One address a cell (its lines stay); several only when split by ";" or "|".
        this.pastAddresses.push(...text.split(/[;|]/).map((part) => part.trim()).filter((part) => part.length > 0));
        break;
      case 'handles':
        // A sealed roster written by DoeVault neutralises "@" against formulas: "'@name".
        this.handles.push(...several(text).map((value) => value.replace(/^'(?=[@=+-])/, '')));
        break;
      case 'characteristics':
        this.characteristics.push(...several(text));
        break;
      default:
    }
  }

  input(): Record<string, unknown> {
    const family = this.family.flatMap((members, i) =>
      members.map((member, k) => (k === 0 && member.relation === '' && this.relations[i] ? { ...member, relation: this.relations[i] } : member)),
    );
    const vehicles = this.plates.flatMap((plates, i) =>
      plates.map((plate, k) => ({
        plate,
        ...(k === 0 && this.states[i] ? { state: this.states[i] } : {}),
        ...(k === 0 && this.descriptions[i] ? { description: this.descriptions[i] } : {}),
      })),
    );
    return {
      family,
      vehicles,
      affiliations: this.affiliations,
      pastAddresses: this.pastAddresses,
      handles: this.handles,
      characteristics: this.characteristics,
    };
  }
}

/** "Ewa Nowak (daughter)" -> { name, relation }; without parentheses the header's relation, if any. */
function familyMember(value: string, implied: string): { name: string; relation: string } {
  const m = /^(.*?)\s*\(([^()]*)\)$/.exec(value);
  return m ? { name: m[1]!, relation: m[2]!.trim() } : { name: value, relation: implied };
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
