import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { VaultError } from '../errors';
import { shippedResource } from '../files/shipped-resource';
import { COURT_FORMS, WITHHELD_MARKS, type CourtForm, type FilingFormat, type WithheldMark } from '../shared/filing-formats';
import { longDate, type FilingLabels } from './labels';

/**
 * The courts a filing can name, from resources/courts.json (data, not code: a rule changes and
 * the list is edited without touching the typesetter). Validated at load, so a broken file stops
 * the export with its fault named instead of printing a wrong title on a filing.
 */

export { COURT_FORMS, type CourtForm };

/** What a redaction prints in the public version when the court says nothing else; "{n}" is its number. */
export const DEFAULT_REDACTION_REF = '[REDACTED-{n}]';

/** A court's label set: its first-page labels and how it wants redactions shown (issue 13). */
export interface CourtLabels {
  /** The rule the wording comes from, to show beside the labels. */
  rule: string;
  public: string[];
  sealed: string[];
  /**
   * A paper lodged whole under seal, not the unredacted twin of a public version: the
   * declaration of identities (CRC 2.551(d): "CONDITIONALLY UNDER SEAL").
   */
  lodged: string[];
  /** Sealed version once the court ordered sealing; "{orderDate}" is the order's date. Absent: `sealed`. */
  sealedByOrder?: string[] | undefined;
  /** A redaction in the public version: "[REDACTED-{n}]", "{n}" its number (redactions.ts). */
  redactionRef: string;
  withheldMark: WithheldMark;
  /**
   * The sealed reference list of an export that redacts anything (FRCP 5.2(g)): its title, the
   * sentence opening it ("{title}" is the filing's public title), and its labels (absent: the
   * sealed version's).
   */
  referenceList: { title: string; intro: string; labels?: string[] | undefined };
}

export interface Court {
  id: string;
  system: 'state' | 'federal';
  /** For lists: "Superior Court of California, County of Los Angeles". */
  name: string;
  /** Printed centred from line 8, one entry a line. */
  title: string[];
  form: CourtForm;
  /** The rule that sets the form, for this court (the district's local rule) or its form's default. */
  formRule: string;
  labels: CourtLabels;
  /** Divisions a filing may name under the title ("WESTERN DIVISION"). */
  divisions?: string[] | undefined;
  /** A court whose title needs the district written by the filing ("DISTRICT OF OREGON"). */
  districtRequired?: boolean | undefined;
}

const upperLine = z
  .string()
  .min(1)
  .max(120)
  .refine((value) => {
    // "{orderDate}" is the one lower-case text allowed: the placeholder of a sealing order's date.
    const bare = value.replaceAll('{orderDate}', 'X');
    return bare === bare.trim() && bare === bare.toUpperCase() && !/[\p{Cc}\p{Cf}]/u.test(bare);
  }, 'must be one trimmed line in capitals');
const labelLines = z.array(upperLine).min(1).max(4);

const labelSetSchema = z.strictObject({
  rule: z.string().min(1),
  redactionRef: z
    .string()
    .max(40)
    .refine((form) => form.split('{n}').length === 2 && form.trim() === form && !/[\p{Cc}\p{Cf}{}]/u.test(form.replace('{n}', '')), 'must hold "{n}" once, on one trimmed line')
    .default(DEFAULT_REDACTION_REF),
  withheldMark: z.enum(WITHHELD_MARKS).default('highlight'),
  referenceList: z.strictObject({ title: z.string().min(1).max(120), intro: z.string().min(1).max(1_000), labels: labelLines.optional() }),
  public: labelLines,
  sealed: labelLines,
  lodged: labelLines,
  sealedByOrder: labelLines.optional(),
});

const fileSchema = z.strictObject({
  $comment: z.array(z.string()).optional(),
  forms: z.record(z.enum(COURT_FORMS), z.strictObject({ rule: z.string().min(1) })),
  labelSets: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), labelSetSchema),
  courts: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'ids are lower case letters, digits and hyphens'),
        system: z.enum(['state', 'federal']),
        name: z.string().min(1).max(120),
        title: z.array(upperLine).min(1).max(3),
        form: z.enum(COURT_FORMS),
        formRule: z.string().min(1).optional(),
        labels: z.string(),
        divisions: z.array(upperLine).min(1).optional(),
        districtRequired: z.boolean().optional(),
      }),
    )
    .min(1),
});

export interface CourtList {
  courts: readonly Court[];
  /** The label sets by name ("california", "federal", "cacd" …). */
  labelSets: ReadonlyMap<string, CourtLabels>;
  byId(id: string): Court | undefined;
  /** A label set by its name in the file ("california", "cand"). */
  labelSet(name: string): CourtLabels | undefined;
  /** Ids near a mistyped one, closest first: for "did you mean". */
  closeIds(id: string, max?: number): string[];
}

/** Parses and checks the courts file's text; `source` names it in errors. */
export function parseCourts(text: string, source = 'resources/courts.json'): CourtList {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new VaultError('INTERNAL', `${source} is not valid JSON: ${(cause as Error).message}. Restore it from the release.`, { cause });
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new VaultError('INTERNAL', `${source} is malformed (${problems.slice(0, 5).join('; ')}). Restore it from the release.`);
  }
  const { forms, labelSets } = parsed.data;
  const courts: Court[] = [];
  const ids = new Set<string>();
  for (const entry of parsed.data.courts) {
    const fault = (what: string) => new VaultError('INTERNAL', `${source}: court "${entry.id}" ${what}. Restore the file from the release.`);
    if (ids.has(entry.id)) throw fault('is listed twice');
    ids.add(entry.id);
    const labels = labelSets[entry.labels];
    if (labels === undefined) throw fault(`uses label set "${entry.labels}", which the file does not define`);
    // The guard of issue 12: a state title on a federal filing, or the reverse, is refused here.
    const federalTitle = entry.title[0] === 'UNITED STATES DISTRICT COURT';
    if (federalTitle !== (entry.system === 'federal') || (entry.form === 'california-pleading') !== (entry.system === 'state')) {
      throw fault(`mixes a ${entry.system} court with a ${federalTitle ? 'federal' : 'state'} title or the ${entry.form} form`);
    }
    courts.push({
      id: entry.id,
      system: entry.system,
      name: entry.name,
      title: entry.title,
      form: entry.form,
      formRule: entry.formRule ?? forms[entry.form].rule,
      labels,
      divisions: entry.divisions,
      districtRequired: entry.districtRequired,
    });
  }
  const index = new Map(courts.map((court) => [court.id, court]));
  return {
    courts,
    labelSets: new Map(Object.entries(labelSets)),
    byId: (id) => index.get(id),
    labelSet: (name) => labelSets[name],
    closeIds: (id, max = 3) => closeIds(courts.map((court) => court.id), id, max),
  };
}

/**
 * Ids containing what was typed ("los-angeles", "cd") first, then those within a few edits of
 * it; a typo in a court id must lead to the right id, not to a list of 63.
 */
function closeIds(ids: readonly string[], typed: string, max: number): string[] {
  const wanted = typed.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (wanted === '') return [];
  const containing = ids.filter((id) => id.includes(wanted) || (wanted.length >= 4 && wanted.includes(id)));
  const limit = Math.max(2, Math.floor(wanted.length / 5));
  const near = ids
    .map((id) => ({ id, distance: editDistance(wanted, id) }))
    .filter(({ id, distance }) => distance <= limit && !containing.includes(id))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .map(({ id }) => id);
  return [...containing, ...near].slice(0, max);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** resources/courts.json (files/shipped-resource.ts: sources, out/main and the packaged app). */
export function defaultCourtsPath(): string {
  return shippedResource('courts.json');
}

let shipped: CourtList | undefined;

/** The shipped list, read once per process: it does not change while the app runs. */
export function loadCourts(path?: string): CourtList {
  if (path !== undefined) return parseCourts(readCourtsFile(path), path);
  shipped ??= parseCourts(readCourtsFile(defaultCourtsPath()));
  return shipped;
}

function readCourtsFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new VaultError('INTERNAL', `The list of courts (${path}) cannot be read. Reinstall DoeVault or restore resources/courts.json.`, { cause });
  }
}

/**
 * The labels of one version for a court; `sealingOrder` is the ISO date of the court's sealing
 * order, after which what was sealed or lodged is filed under seal by that order.
 */
export function courtLabels(court: Pick<Court, 'labels'>, version: 'public' | 'sealed' | 'lodged', sealingOrder?: string): string[] {
  const labels = court.labels;
  if (version === 'public') return [...labels.public];
  if (sealingOrder !== undefined && labels.sealedByOrder !== undefined) {
    const date = longDate(sealingOrder).toUpperCase();
    return labels.sealedByOrder.map((label) => label.replaceAll('{orderDate}', date));
  }
  return [...labels[version]];
}

/**
 * The declaration of identities' labels when no court of the list is named: those of the
 * format's generic label set ("california" or "federal" in courts.json).
 */
export function defaultLodgedLabels(format: FilingFormat, sealingOrder?: string): string[] {
  return courtLabels({ labels: labelSetOf(undefined, format) }, 'lodged', sealingOrder);
}

/**
 * The label set a filing follows: its court's (`courtId`, from the front matter), else the one
 * its format stands for without a court, California's or the generic federal court's.
 */
export function labelSetOf(courtId: string | undefined, format: FilingFormat): CourtLabels {
  const courts = loadCourts();
  const court = courtId === undefined ? undefined : courts.byId(courtId);
  if (court) return court.labels;
  const set = courts.labelSet(format === 'federal' ? 'federal' : 'california');
  if (!set) throw new VaultError('INTERNAL', `The list of courts has no "${format}" label set. Restore resources/courts.json from the release.`);
  return set;
}

/** The labels of a format without a court, for the export dialog's defaults (the same as the render's). */
export function defaultLabels(format: FilingFormat, orderDate?: string): FilingLabels {
  const labels = labelSetOf(undefined, format);
  return { public: courtLabels({ labels }, 'public'), sealed: courtLabels({ labels }, 'sealed', orderDate) };
}
