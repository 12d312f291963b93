import { isAlias, isNode, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { z } from 'zod';
import { VaultError } from '../errors';
import { KEY_FIELDS } from '../shared/filing-formats';
import { isoDate, line, optional, requiredLine, text } from '../validation';
import { counselListSchema, counselSchema } from './counsel';
import { executedSchema, identitySelectionSchema } from './filing-input';
import type { CourtList } from './courts';
import { loadCourts } from './courts';

/**
 * A draft's filing facts (issue 12): the YAML between a first line `---` and the next `---`.
 * The app and the CLI read the same block, so both print the same first page.
 */

/** Far more than any caption and counsel block; YAML past this is not front matter. */
export const MAX_FRONT_MATTER = 64 * 1024;
const FENCE = /^---[ \t]*\r?$/;

// Failsafe YAML gives every scalar as text, so a flag is read here, not guessed by the parser.
const yesNo = z
  .string({ error: 'juryDemand must be true or false' })
  .transform((value) => value.trim().toLowerCase())
  .refine((value) => ['true', 'false', 'yes', 'no'].includes(value), 'juryDemand must be true or false')
  .transform((value) => value === 'true' || value === 'yes');

const labelLines = z
  .array(requiredLine('Label', 200))
  .min(1, 'labels needs at least one line, or "none"')
  .max(4, 'At most 4 labels');

/**
 * "auto": the court's (courts.json); "none"; one list for every document; or a list per
 * document ("lodged": the declaration of identities).
 */
const labelsSchema = z.union(
  [z.enum(['none', 'auto']), labelLines, z.strictObject({ public: labelLines.optional(), sealed: labelLines.optional(), lodged: labelLines.optional() })],
  { error: 'labels must be "auto", "none", a list of lines, or "public:", "sealed:" and "lodged:" lists' },
);

const partiesSchema = z.strictObject(
  {
    /** Caption text of the plaintiffs; omitted, the caller generates it from the roster (caption.ts). */
    plaintiffs: optional(text('Plaintiffs', 2_000)),
    defendants: z
      .array(requiredLine('Defendant', 300), { error: 'defendants must be a list, one "- NAME" a line' })
      .max(50, 'At most 50 defendants')
      .optional(),
  },
  { error: 'parties must hold "plaintiffs:" and "defendants:"' },
);

const datesSchema = z.strictObject(
  {
    filed: optional(isoDate('Filing date')),
    hearing: optional(isoDate('Hearing date')),
    trial: optional(isoDate('Trial date')),
    /** The court's sealing order: the sealed version's label names it (CRC 2.551(e)). */
    sealingOrder: optional(isoDate('Sealing order date')),
  },
  { error: 'dates must hold "filed:", "hearing:", "trial:" or "sealingOrder:"' },
);

export const filingFactsSchema = z.strictObject({
  court: optional(line('Court', 60)),
  /** The generic federal court only: "DISTRICT OF OREGON". */
  district: optional(line('District', 80)),
  division: optional(line('Division', 80)),
  caseNumber: optional(line('Case number', 100)),
  judge: optional(line('Judge', 200)),
  department: optional(line('Department', 100)),
  title: optional(line('Title', 300)),
  parties: partiesSchema.optional(),
  counsel: counselListSchema.optional(),
  dates: datesSchema.optional(),
  juryDemand: yesNo.optional(),
  labels: labelsSchema.optional(),
  keyFields: z
    .array(z.enum(KEY_FIELDS, { error: `keyFields must be among ${KEY_FIELDS.join(', ')}` }), { error: 'keyFields must be a list, e.g. [dob, email]' })
    .optional(),
  /** The plaintiffs the declaration of identities lists: all (default), active, cited, or a list of pseudonyms. */
  identities: identitySelectionSchema.optional(),
  /** When and where counsel signs the declaration of identities. */
  executed: executedSchema.optional(),
});

export type FilingFacts = z.output<typeof filingFactsSchema>;

export interface FrontMatter {
  /** Undefined when the draft has no front matter. */
  facts: FilingFacts | undefined;
  /** The draft without its front matter. */
  body: string;
  /** Lines before the body: line n of `body` is line n + lineOffset of the user's file. */
  lineOffset: number;
}

/**
 * Splits a draft into its filing facts and its body. Every refusal is VALIDATION and names the
 * line of the user's file; unknown keys are refused so a typo ("jduge") is not silently dropped.
 */
export function parseFrontMatter(draft: string, options: { courts?: CourtList } = {}): FrontMatter {
  const source = draft.startsWith('\uFEFF') ? draft.slice(1) : draft;
  const lines = source.split('\n');
  if (lines.length < 2 || !FENCE.test(lines[0]!)) return { facts: undefined, body: draft, lineOffset: 0 };
  const close = lines.findIndex((candidate, index) => index > 0 && FENCE.test(candidate));
  if (close < 0) {
    throw frontMatterError([{ line: 1, message: 'The front matter opened by "---" is never closed: add a line "---" after its last key' }], '');
  }
  // A Windows file's CR stays on its body lines; YAML gets plain lines (a lone CR ends no line for it).
  const yamlText = lines.slice(1, close).map((text) => text.replace(/\r$/, '')).join('\n');
  if (yamlText.length > MAX_FRONT_MATTER) {
    throw frontMatterError([{ line: 1, message: `The front matter is longer than ${MAX_FRONT_MATTER / 1024} KiB; keep only the filing's facts in it` }], '');
  }
  const body = lines.slice(close + 1).join('\n');
  const lineOffset = close + 1;
  // The YAML starts on line 2 of the user's file.
  const toFileLine = (yamlLine: number) => yamlLine + 1;

  // Tokens ({{not a plaintiff|Alexandra}}, the answer to a question about a name in the
  // facts) would read as YAML flow mappings at the start of a value: each stands aside as a
  // placeholder while the YAML is read, and is put back in the values.
  const tokens: string[] = [];
  const protectedYaml = yamlText.replace(/\{\{[^\n]*?\}\}/g, (token) => `\uE010${tokens.push(token) - 1}\uE011`);
  const counter = new LineCounter();
  const doc = parseDocument(protectedYaml, {
    // Every scalar stays text: no "NO" read as false, no bar number losing its leading zero.
    schema: 'failsafe',
    lineCounter: counter,
    prettyErrors: true,
    uniqueKeys: true,
    strict: true,
  });
  const lineAt = (offset: number) => toFileLine(counter.linePos(offset).line);

  const syntax = (problems: readonly YAMLError[]) =>
    problems.map((problem) => ({
      line: toFileLine(problem.linePos?.[0].line ?? 1),
      message: `${problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}; fix the YAML`,
    }));
  if (doc.errors.length > 0) throw frontMatterError(syntax(doc.errors), '');
  // Before the warnings: an unknown tag is a warning to the parser, and a refusal here.
  refuseTagsAndAliases(doc, lineAt);
  if (doc.warnings.length > 0) throw frontMatterError(syntax(doc.warnings), '');

  const data: unknown = withTokens(doc.toJS({ maxAliasCount: 0 }) ?? {}, tokens);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw frontMatterError([{ line: 2, message: 'The front matter must be keys and values ("court: ca-sup-los-angeles"), one a line' }], '');
  }
  const parsed = filingFactsSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          line: lineOfKey(doc, path, key, lineAt),
          field: [...path, key].join('.'),
          message: unknownKeyMessage(key, path),
        }));
      }
      return [{ line: lineOfPath(doc, path, lineAt), field: path.join('.'), message: issue.message }];
    });
    throw frontMatterError(problems, problems[0]?.field ?? '');
  }
  const facts = parsed.data;
  checkCourt(facts, options.courts ?? loadCourts(), (key) => lineOfPath(doc, [key], lineAt));
  return { facts, body, lineOffset };
}

function withTokens(value: unknown, tokens: readonly string[]): unknown {
  if (typeof value === 'string') return value.replace(/\uE010(\d+)\uE011/g, (_, i: string) => tokens[Number(i)]!);
  if (Array.isArray(value)) return value.map((item) => withTokens(item, tokens));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withTokens(item, tokens)]));
  return value;
}

function refuseTagsAndAliases(doc: Document, lineAt: (offset: number) => number): void {
  const problems: Problem[] = [];
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      problems.push({ line: lineAt(node.range?.[0] ?? 0), message: `The alias "*${node.source}" is not allowed in front matter; write the value out` });
    } else if (isNode(node) && (node.tag !== undefined || node.anchor !== undefined)) {
      const what = node.tag !== undefined ? `The tag "${node.tag.replace('tag:yaml.org,2002:', '!!')}"` : `The anchor "&${node.anchor ?? ''}"`;
      problems.push({ line: lineAt(node.range?.[0] ?? 0), message: `${what} is not allowed in front matter; remove it` });
    }
  });
  if (problems.length > 0) throw frontMatterError(problems, '');
}

function checkCourt(facts: FilingFacts, courts: CourtList, lineOf: (key: string) => number): void {
  if (facts.court === undefined) {
    for (const key of ['district', 'division'] as const) {
      if (facts[key] !== undefined) throw frontMatterError([{ line: lineOf(key), message: `${key} needs a court: add "court:" with a court id` }], key);
    }
    return;
  }
  const court = courts.byId(facts.court);
  if (court === undefined) {
    const close = courts.closeIds(facts.court);
    const hint = close.length > 0 ? `Did you mean ${close.map((id) => `"${id}"`).join(' or ')}?` : 'Court ids look like "ca-sup-los-angeles", "cacd" or "federal".';
    throw frontMatterError([{ line: lineOf('court'), message: `Unknown court "${facts.court}". ${hint}` }], 'court');
  }
  if (court.districtRequired === true && facts.district === undefined) {
    throw frontMatterError([{ line: lineOf('court'), message: `The court "${court.id}" needs the district: add e.g. "district: DISTRICT OF OREGON"` }], 'district');
  }
  if (court.districtRequired !== true && facts.district !== undefined) {
    throw frontMatterError([{ line: lineOf('district'), message: `"${court.id}" names its district already; remove "district:"` }], 'district');
  }
  if (facts.division !== undefined) {
    const division = facts.division.toUpperCase();
    const allowed = court.divisions ?? [];
    if (!allowed.includes(division)) {
      const choice = allowed.length > 0 ? `one of ${allowed.join(', ')}` : 'none for this court: remove "division:"';
      throw frontMatterError([{ line: lineOf('division'), message: `Unknown division "${facts.division}"; use ${choice}` }], 'division');
    }
    facts.division = division;
  }
}

const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(filingFactsSchema.shape),
  parties: Object.keys(partiesSchema.shape),
  counsel: Object.keys(counselSchema.shape),
  dates: Object.keys(datesSchema.shape),
};

function unknownKeyMessage(key: string, path: (string | number)[]): string {
  const where = path.filter((part) => typeof part === 'string').join('.');
  const known = KNOWN_KEYS[where] ?? [];
  // "case_number", "CaseNumber" and "jduge" all lead to the key meant.
  const typed = key.replace(/[-_ ]/g, '').toLowerCase();
  const near = known.find((candidate) => candidate.toLowerCase() === typed || sameLetters(candidate.toLowerCase(), typed));
  const scope = where === '' ? 'front matter' : `"${where}"`;
  return `Unknown key "${key}" in ${scope}${near === undefined ? '' : `; did you mean "${near}"?`} Known keys: ${known.join(', ')}`;
}

/** A transposition, one letter dropped or one added: the typos people make in a key. */
function sameLetters(a: string, b: string): boolean {
  if (a.length === b.length) return [...a].sort().join('') === [...b].sort().join('');
  return dropOne(a, b) || dropOne(b, a);
}

function dropOne(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 0; i < longer.length; i++) if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  return false;
}

function lineOfPath(doc: Document, path: (string | number)[], lineAt: (offset: number) => number): number {
  for (let length = path.length; length > 0; length--) {
    const node: unknown = doc.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range !== undefined && node.range !== null) return lineAt(node.range[0]);
  }
  return lineAt(0);
}

function lineOfKey(doc: Document, path: (string | number)[], key: string, lineAt: (offset: number) => number): number {
  let found: number | undefined;
  const parent: unknown = path.length === 0 ? doc.contents : doc.getIn(path, true);
  visit(parent as Parameters<typeof visit>[0], {
    Pair(_key, pair) {
      if (isNode(pair.key) && String((pair.key as { value?: unknown }).value) === key && pair.key.range) {
        found = lineAt(pair.key.range[0]);
        return visit.BREAK;
      }
      return visit.SKIP;
    },
  });
  return found ?? lineOfPath(doc, path, lineAt);
}

interface Problem {
  line: number;
  message: string;
  field?: string;
}

function frontMatterError(problems: Problem[], field: string): VaultError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const text = sorted.map((problem) => `Front matter, line ${problem.line}: ${problem.message}${/[.?!]$/.test(problem.message) ? '' : '.'}`).join(' ');
  const first = sorted[0]?.field ?? field;
  return new VaultError('VALIDATION', text, {
    field: first === '' ? 'frontMatter' : `frontMatter.${first}`,
  });
}
