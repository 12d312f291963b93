import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { CaseDetails } from '../cases/cases';
import { VaultError } from '../errors';
import { shippedResource } from '../files/shipped-resource';
import { KEY_FIELD_LABELS, type IdentitySelection, type KeyField } from '../shared/filing-formats';
import { defaultLodgedLabels } from './courts';
import { defaultFormOf, type Block, type RenderedDocument, type Run } from './document';
import { withoutJuryDemand } from './filing-facts';
import type { FilingDetails } from './filing-input';
import { longDate } from './labels';
import { parseNumberedBody } from './markdown';
import type { PlaintiffToRender } from './render';
import { replaceSpans } from './resolution';
import { findTokens, pseudonymKey } from './tokens';

/**
 * The declaration of identities (issue 13, item 1): counsel's declaration under penalty of
 * perjury (CCP § 2015.5 in a California court, 28 U.S.C. § 1746 in a federal one) giving the
 * legal name, and the identifiers the attorney chose, behind each pseudonym, lodged under seal.
 * Its prose is the editable template resources/templates/declaration-of-identities.md.
 */

/** The facts of a filing the declaration prints: a `FilingDetails` after its front matter (withFacts). */
export type DeclarationFacts = Pick<
  FilingDetails,
  'format' | 'form' | 'court' | 'caseNumber' | 'parties' | 'counsel' | 'captionLines' | 'signature' | 'labels' | 'orderDate' | 'keyFields' | 'identities' | 'executed'
>;

/**
 * What `renderDeclaration` is made from.
 *
 * - `caseDetails`: the case as stored; its title is the caption's parties, and its court and
 *   number stand in for those `facts` leaves out.
 * - `plaintiffs`: every plaintiff of the case, withdrawn ones included (`status`).
 * - `facts`: the filing's facts (FilingDetails after withFacts, or a paper's own): the format
 *   ('california' takes the California perjury sentence, 'federal' the federal one) and form;
 *   court, case number, parties, counsel and caption lines for the first page (a jury demand
 *   is left off); `signature.signer` is the declarant (absent: "Counsel", and blanks to sign
 *   and name) and `signature.attorneysFor` the client; `labels.lodged` over the court's
 *   default (with `orderDate`, the filed-under-seal-by-order label); `keyFields`, the columns
 *   after pseudonym and legal name; `identities`, the plaintiffs listed; `executed`, the date
 *   and place of signing (absent: blank lines the declarant completes).
 * - `cited`: the plaintiffs a filing cites, and `citedIn` its title; needed only when
 *   `facts.identities` is 'cited'.
 * - `now`: the ISO time written into the metadata.
 */
export interface DeclarationInput {
  caseDetails: CaseDetails;
  plaintiffs: readonly PlaintiffToRender[];
  facts: DeclarationFacts;
  cited?: readonly PlaintiffToRender[] | undefined;
  citedIn?: string | undefined;
  now: string;
}

/**
 * The plaintiffs `selection` names, in roster order: all of them, those not withdrawn, those
 * `cited`, or the listed pseudonyms (each must be one of the case's).
 */
export function selectIdentities(plaintiffs: readonly PlaintiffToRender[], selection: IdentitySelection, cited?: readonly PlaintiffToRender[]): PlaintiffToRender[] {
  let chosen: PlaintiffToRender[];
  if (selection === 'all') chosen = [...plaintiffs];
  else if (selection === 'active') chosen = plaintiffs.filter((p) => p.status !== 'withdrawn');
  else if (selection === 'cited') {
    if (cited === undefined) {
      throw new VaultError('VALIDATION', 'Only a filing cites plaintiffs: list all, active or named plaintiffs in this declaration instead of "cited".', { field: 'identities' });
    }
    chosen = [...cited];
  } else {
    const byKey = new Map(plaintiffs.map((p) => [pseudonymKey(p.pseudonym), p]));
    const unknown = selection.filter((pseudonym) => !byKey.has(pseudonymKey(pseudonym)));
    if (unknown.length > 0) {
      throw new VaultError(
        'VALIDATION',
        `The declaration of identities cannot list ${unknown.map((p) => `"${p}"`).join(', ')}: no plaintiff of this case has ${unknown.length === 1 ? 'that pseudonym' : 'those pseudonyms'}. Check the list against the case's roster.`,
        { field: 'identities' },
      );
    }
    chosen = [...new Set(selection.map((pseudonym) => byKey.get(pseudonymKey(pseudonym))!))];
  }
  return chosen.sort((a, b) => a.seq - b.seq);
}

/** The declaration of identities as a document for the writers (audience 'declaration'). */
export function renderDeclaration(input: DeclarationInput): RenderedDocument {
  const { facts, caseDetails } = input;
  const listed = selectIdentities(input.plaintiffs, facts.identities, input.cited);
  const declarant = facts.signature ? sealedField('signature', facts.signature.signer) : undefined;
  const client = facts.signature?.attorneysFor ? sealedField('signature', facts.signature.attorneysFor).replace(/^attorneys for\s+/i, '') : 'Plaintiffs';
  const columns = ['Pseudonym', 'Legal name', ...facts.keyFields.map((field) => KEY_FIELD_LABELS[field])];
  const setKind = Array.isArray(facts.identities) ? 'list' : facts.identities;
  const paper = fillDeclaration(declarationTemplate(), {
    system: facts.format === 'federal' ? 'federal' : 'state',
    set: setKind,
    facts: {
      declarant: declarant ?? '',
      client,
      filing: input.citedIn === undefined ? 'filing' : sealedField('title', input.citedIn),
      columns: inWords(columns.map(lowerFirst)),
      executedDate: facts.executed?.date ? longDate(facts.executed.date) : BLANK,
      executedPlace: facts.executed?.place ?? BLANK,
    },
  });
  const table: Block = {
    type: 'table',
    header: columns.map(cell),
    rows: listed.map((p) => [cell(p.status === 'withdrawn' ? `${p.pseudonym} (withdrawn)` : p.pseudonym), cell(p.identity.legalName), ...facts.keyFields.map((field) => cell(keyValue(p, field)))]),
  };
  const blocks = paper.blocks.map((block) => (isTableMarker(block) ? table : block));
  blocks.push({ type: 'signature', signature: { signer: declarant ?? '', declarant: true } });
  const captionLines = withoutJuryDemand(facts.captionLines).map((line) => sealedField('caption', line));
  return {
    format: facts.format,
    form: facts.form ?? defaultFormOf(facts.format),
    audience: 'declaration',
    // The declaration's own title: a viewer's window bar and a clerk's docket show it.
    metadataTitle: paper.title,
    counsel: lines(sealedField('counsel', facts.counsel ?? '')),
    court: sealedField('court', facts.court ?? caseDetails.court ?? '').toUpperCase(),
    parties: lines(sealedField('parties', facts.parties ?? caseDetails.title)),
    captionRight: [
      `Case No. ${sealedField('caseNumber', facts.caseNumber ?? caseDetails.number ?? '__________')}`,
      '',
      paper.title.toUpperCase(),
      ...(captionLines.some((line) => line.trim() !== '') ? ['', ...trimBlankEdges(captionLines)] : []),
    ],
    labels: facts.labels.lodged ?? defaultLodgedLabels(facts.format, facts.orderDate),
    footer: paper.title,
    blocks,
    createdAt: input.now,
  };
}

/** A line to complete by hand: the date or place of signing when the facts do not give it. */
const BLANK = '____________________';
/** Where {{table}} stood in the template: a private-use character no filing text holds. */
const TABLE_MARKER = '\uE00A';

// ---- the template ---------------------------------------------------------------------------

const phrase = z.string().trim().min(1);
const systemPhrases = z.strictObject({ admitted: phrase, lodging: phrase, perjury: phrase });
const templateSchema = z.strictObject({
  title: phrase,
  state: systemPhrases,
  federal: systemPhrases,
  set: z.strictObject({ all: phrase, active: phrase, cited: phrase, list: phrase }),
});

export type DeclarationTemplate = z.output<typeof templateSchema> & { body: string; source: string };

let shipped: DeclarationTemplate | undefined;

/** The shipped template, read once per process. */
export function declarationTemplate(): DeclarationTemplate {
  const path = shippedResource('templates', 'declaration-of-identities.md');
  if (shipped === undefined) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (cause) {
      throw new VaultError('INTERNAL', `The declaration template (${path}) cannot be read. Reinstall DoeVault or restore resources/templates/.`, { cause });
    }
    shipped = parseDeclarationTemplate(text, path);
  }
  return shipped;
}

/**
 * A template's front matter (the title and the phrases that vary by court system and by the
 * plaintiffs chosen) and its Markdown body. A fault names the file: it is the firm's to fix.
 */
export function parseDeclarationTemplate(text: string, source: string): DeclarationTemplate {
  const fault = (what: string) => new VaultError('INTERNAL', `${source}: ${what}. Fix the template or restore it from the release.`);
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const close = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (!/^---\s*$/.test(lines[0] ?? '') || close < 0) throw fault('it must begin with front matter between two "---" lines');
  const doc = parseDocument(lines.slice(1, close).join('\n'), { schema: 'failsafe', uniqueKeys: true });
  if (doc.errors.length > 0) throw fault(`its front matter is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`);
  const parsed = templateSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw fault(`its front matter is incomplete (${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ')})`);
  }
  const body = lines.slice(close + 1).join('\n');
  if (!body.split('\n').some((line) => /^\s*\{\{\s*table\s*\}\}\s*$/.test(line))) throw fault('its body has no {{table}} line, where the table of plaintiffs prints');
  return { ...parsed.data, body, source };
}

/** What a template is filled with: the facts as text, the court's system, and the set chosen. */
export interface DeclarationFill {
  system: 'state' | 'federal';
  set: keyof DeclarationTemplate['set'];
  /** declarant ('' when unknown), client, filing, columns, executedDate, executedPlace. */
  facts: Record<'declarant' | 'client' | 'filing' | 'columns' | 'executedDate' | 'executedPlace', string>;
}

/**
 * The template filled: its title (plain text) and its body as blocks, the table's place kept as
 * a marker paragraph. The facts are escaped for Markdown, so a name with "*" or "_" prints as
 * written. (The one filler of this module: the general template filler will replace it.)
 */
export function fillDeclaration(template: DeclarationTemplate, fill: DeclarationFill): { title: string; blocks: Block[] } {
  const fillIn = (text: string, values: Readonly<Record<string, string>>): string =>
    text.replace(/\{\{\s*([^{}\s]*)\s*\}\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new VaultError('INTERNAL', `${template.source}: {{${name}}} is no placeholder of the declaration. Fix the template or restore it from the release.`);
      return value;
    });
  const plain = { ...fill.facts, declarant: fill.facts.declarant || 'Counsel' };
  const escaped = Object.fromEntries(
    Object.entries({ ...fill.facts, declarant: fill.facts.declarant || BLANK }).map(([name, value]) => [name, value.replace(/[\\`*_[\]<>~|#!]/g, '\\$&')]),
  );
  const phrases = template[fill.system];
  const values = {
    ...escaped,
    admitted: fillIn(phrases.admitted, escaped),
    lodging: fillIn(phrases.lodging, escaped),
    perjury: fillIn(phrases.perjury, escaped),
    set: fillIn(template.set[fill.set], escaped),
    table: TABLE_MARKER,
  };
  return { title: fillIn(template.title, plain), blocks: parseNumberedBody(fillIn(template.body, values)).blocks };
}

function isTableMarker(block: Block): boolean {
  return block.type === 'paragraph' && block.runs.map((run) => run.text).join('').trim() === TABLE_MARKER;
}

// ---- the table --------------------------------------------------------------------------------

function cell(text: string): Run[] {
  return [{ text }];
}

/** One identifier of a plaintiff as the table prints it; '' when the plaintiff has none. */
function keyValue(plaintiff: PlaintiffToRender, field: KeyField): string {
  const { identity } = plaintiff;
  if (field === 'dob') return identity.dob ? longDate(identity.dob) : '';
  if (field === 'idLastFour') return identity.idNumbers.map(lastFour).join('; ');
  const raw = identity[field];
  return Array.isArray(raw) ? (raw as unknown[]).map(keyEntry).join('; ') : (raw ?? '');
}

/** "B-004471" -> "…4471": the last four letters or digits, the rest left out. */
function lastFour(id: string): string {
  return `…${id.replace(/[^\p{L}\p{N}]/gu, '').slice(-4)}`;
}

/** One entry of a listed field: "Zofia Roe (daughter)", "7ABC123 (CA, grey sedan)". */
function keyEntry(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  const e = entry as { name?: string; relation?: string; kind?: string; plate?: string; state?: string; description?: string };
  const head = e.plate ?? e.name ?? '';
  const detail = [e.relation, e.kind, e.state, e.description].filter((part) => part !== undefined && part !== '');
  return detail.length > 0 ? `${head} (${detail.join(', ')})` : head;
}

// ---- caption fields ---------------------------------------------------------------------------

/**
 * A caption field as the sealed declaration prints it: "redacted" and "not a plaintiff" tokens
 * print their wording. A plaintiff token is refused: a caption names parties as filed.
 */
function sealedField(field: string, text: string): string {
  const tokens = findTokens(text);
  for (const { token } of tokens) {
    if (token.kind === 'plaintiff') {
      throw new VaultError('VALIDATION', `The ${field} may not hold a plaintiff token ({{${token.pseudonym}}}); write the pseudonym as plain text there.`, { field });
    }
    if (token.kind === 'paragraph-ref') {
      throw new VaultError('VALIDATION', `The ${field} may not hold a paragraph reference ({{para:${token.label}}}); only the body has numbered paragraphs.`, { field });
    }
  }
  return replaceSpans(text, tokens.map(({ token, start, end }) => ({ start, end, replacement: token.wording ?? '' })));
}

function lines(text: string): string[] {
  return text === '' ? [] : text.split('\n').map((line) => line.trimEnd());
}

/** Caption lines without the blank lines a removed jury demand leaves at either end. */
function trimBlankEdges(list: readonly string[]): string[] {
  const out = [...list];
  while (out.length > 0 && out[0]!.trim() === '') out.shift();
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out.filter((line, i) => !(line.trim() === '' && out[i - 1]?.trim() === ''));
}

/** "date of birth", but "ID numbers" stays as written. */
function lowerFirst(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** "a, b and c". */
function inWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
