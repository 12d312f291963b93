import { z } from 'zod';
import { VaultError } from '../errors';
import type { Counsel } from '../shared/counsel';
import { parseInput, requiredLine } from '../validation';
import { counselListSchema } from './counsel';
import { rosterCaption } from './caption';
import { loadCourts, type Court } from './courts';
import { longDate } from './labels';
import { identitySelectionSchema, type FilingDetails, type IdentitySelection } from './filing-input';
import { filingFactsSchema, parseFrontMatter, type FilingFacts } from './front-matter';

/**
 * A draft's front matter applied to its filing (issue 12, item 1): the app and the CLI send the
 * draft as written, and the core reads the facts out of it, so both print the same first page.
 */

export interface DraftParts {
  /** The front matter as written, fences included ('' when there is none). */
  frontMatter: string;
  facts: FilingFacts | undefined;
  /** What follows the front matter: the filing's body. */
  body: string;
  /** Line n of `body` is line n + lineOffset of the draft. */
  lineOffset: number;
}

export function splitDraft(draft: string): DraftParts {
  const { facts, body, lineOffset } = parseFrontMatter(draft);
  return { frontMatter: draft.slice(0, draft.length - body.length), facts, body, lineOffset };
}

/**
 * A draft's title: its front matter's, else its first heading. Never its file name, which may
 * name someone ("MartaKowalczyk.md"). Undefined when the draft has neither; front matter that
 * does not parse gives way to the heading here (the check names its fault later).
 */
export function draftTitle(draft: string): string | undefined {
  let parts: DraftParts | undefined;
  try {
    parts = splitDraft(draft);
  } catch (error) {
    if (!(error instanceof VaultError) || error.code !== 'VALIDATION') throw error;
  }
  return parts?.facts?.title ?? /^#{1,3}\s+(.+?)\s*#*\s*$/m.exec(parts?.body ?? draft)?.[1];
}

/**
 * The filing as the front matter says it, over what the filing's own fields say; the body
 * without the front matter. `parts` is `splitDraft(details.body)`; `roster` (the case's
 * pseudonyms) makes the plaintiffs' caption when the front matter names defendants but not the
 * plaintiffs.
 */
export function withFacts(details: FilingDetails, parts: DraftParts, roster: readonly string[], stored: readonly Counsel[] = []): FilingDetails {
  const applied = applyFacts(details, parts, roster);
  // Counsel stored for the case (else the firm) fills a first page the draft left without any.
  if (parts.facts?.counsel !== undefined || details.counsel !== undefined || stored.length === 0) return applied;
  return { ...applied, counsel: counselBlock(stored), signature: details.signature ?? signatureOf(stored, parts.facts?.dates?.filed) };
}

/**
 * What the CLI's export flags set over the front matter (`--court`, `--counsel-file`,
 * `--labels`, `--identities`): the draft's facts with these in their place.
 */
export interface FactOverrides {
  court?: string | undefined;
  counsel?: Counsel[] | undefined;
  /**
   * "auto": the court's; "none"; or the labels of a version (an empty list: none on it), as a
   * labels file gives them (label-file.ts).
   */
  labels?: 'auto' | 'none' | { public?: string[] | undefined; sealed?: string[] | undefined; lodged?: string[] | undefined } | undefined;
  identities?: IdentitySelection | undefined;
}

const labelList = z.array(requiredLine('Label', 200)).max(4, 'At most 4 labels');
const overridesSchema = z.strictObject({
  court: z.string().optional(),
  counsel: counselListSchema.optional(),
  labels: z.union([z.enum(['auto', 'none']), z.strictObject({ public: labelList.optional(), sealed: labelList.optional(), lodged: labelList.optional() })]).optional(),
  identities: identitySelectionSchema.optional(),
});

/** The draft's parts with `overrides` over its front matter (a draft without any gets one). */
export function overrideFacts(parts: DraftParts, overrides: unknown): DraftParts {
  if (overrides === undefined) return parts;
  const given = parseInput(overridesSchema, overrides);
  const set = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as typeof given;
  if (Object.keys(set).length === 0) return parts;
  if (set.court !== undefined) {
    const court = courtById(set.court);
    const district = set.court === parts.facts?.court ? parts.facts.district : undefined;
    if (court.districtRequired === true && district === undefined) {
      throw new VaultError('VALIDATION', `The court "${court.id}" needs its district, which only front matter gives: add "court: ${court.id}" and "district: …" to the draft.`, { field: 'court' });
    }
  }
  const otherCourt = set.court !== undefined && set.court !== parts.facts?.court;
  const facts: FilingFacts = {
    ...(parts.facts ?? EMPTY_FACTS),
    ...set,
    // Another court's district and division do not carry over.
    ...(otherCourt ? { district: undefined, division: undefined } : {}),
  };
  return { ...parts, facts };
}

const EMPTY_FACTS: FilingFacts = filingFactsSchema.parse({});

/** A court of resources/courts.json by id; VALIDATION naming the closest ids. */
export function courtById(id: string): Court {
  const courts = loadCourts();
  const court = courts.byId(id);
  if (court) return court;
  const close = courts.closeIds(id);
  const hint = close.length > 0 ? `Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : 'Court ids look like "ca-sup-los-angeles", "cacd" or "federal".';
  throw new VaultError('VALIDATION', `Unknown court "${id}". ${hint}`, { field: 'court' });
}

function applyFacts(details: FilingDetails, { facts, body }: DraftParts, roster: readonly string[]): FilingDetails {
  if (facts === undefined) return details;
  const court = facts.court === undefined ? undefined : requireCourt(facts.court);
  return {
    ...details,
    body,
    title: facts.title ?? details.title,
    format: court === undefined ? details.format : court.form === 'california-pleading' ? 'california' : 'federal',
    form: court === undefined ? details.form : court.form,
    court: court === undefined ? details.court : courtTitle(court, facts),
    courtId: court === undefined ? details.courtId : court.id,
    caseNumber: facts.caseNumber ?? details.caseNumber,
    parties: facts.parties === undefined ? details.parties : partiesCaption(facts.parties, roster),
    counsel: facts.counsel === undefined ? details.counsel : counselBlock(facts.counsel),
    captionLines: captionLinesOf(facts) ?? details.captionLines,
    signature: facts.counsel === undefined ? details.signature : signatureOf(facts.counsel, facts.dates?.filed),
    labels: labelsOf(facts) ?? details.labels,
    orderDate: facts.dates?.sealingOrder ?? details.orderDate,
    keyFields: facts.keyFields === undefined ? details.keyFields : [...new Set(facts.keyFields)],
    identities: facts.identities ?? details.identities,
    executed: facts.executed ?? details.executed,
  };
}

/**
 * The filled-in filing as a person wrote it, for the check: without the roster's caption,
 * which DoeVault generated itself (pseudonyms only) and whose words ("JOHN DOES") would
 * otherwise ask about plaintiffs named John. The court's labels are never in `labels`: the
 * render prints them (courts.json).
 */
export function asWritten(filled: FilingDetails, { facts }: DraftParts): FilingDetails {
  if (facts === undefined) return filled;
  const generatedCaption = facts.parties !== undefined && facts.parties.plaintiffs === undefined;
  return { ...filled, parties: generatedCaption ? partiesCaption({ ...facts.parties, plaintiffs: '' }, []) : filled.parties };
}

function requireCourt(id: string): Court {
  const court = loadCourts().byId(id);
  // parseFrontMatter checked the id against the same list; this is a defect if it happens.
  if (!court) throw new VaultError('VALIDATION', `No court with id "${id}" in the list of courts.`, { field: 'court' });
  return court;
}

/** The court's title lines, then the district the generic federal court needs, then the division. */
function courtTitle(court: Court, facts: FilingFacts): string {
  return [...court.title, ...(facts.district ? [facts.district.toUpperCase()] : []), ...(facts.division ? [facts.division.toUpperCase()] : [])].join('\n');
}

/**
 * The caption's left side as CRC 2.111(3) and the federal form set it out: each party name from
 * the left margin, "Plaintiffs," and "Defendants." under them, "v." between.
 */
function partiesCaption(parties: NonNullable<FilingFacts['parties']>, roster: readonly string[]): string {
  const plaintiffs = parties.plaintiffs ?? rosterCaption(roster);
  const defendants = parties.defendants ?? [];
  const lines = [`${plaintiffs.replace(/,\s*$/, '')},`, '', 'Plaintiffs,', '', 'v.', ''];
  defendants.forEach((name, i) => lines.push(i === defendants.length - 1 ? `${name.replace(/,\s*$/, '')},` : name));
  lines.push('', 'Defendants.');
  return lines.join('\n');
}

/** Counsel from line 1 (CRC 2.111(1)): name and bar number, firm, address, phone, email; then "Attorneys for". */
function counselBlock(counsel: readonly Counsel[]): string {
  const lines: string[] = [];
  for (const c of counsel) {
    lines.push(c.barNumber ? `${c.name} (State Bar No. ${c.barNumber})` : c.name);
    if (c.email) lines.push(c.email);
  }
  const first = counsel[0];
  if (first?.firm) lines.push(first.firm);
  if (first?.address) lines.push(...first.address.split('\n'));
  if (first?.phone) lines.push(`Telephone: ${first.phone}`);
  const attorneysFor = counsel.find((c) => c.attorneysFor)?.attorneysFor;
  if (attorneysFor) lines.push('', `Attorneys for ${attorneysFor.replace(/^attorneys for\s+/i, '')}`);
  return lines.join('\n');
}

/** The caption line of a jury demand: a complaint's, never a declaration's. */
export const JURY_DEMAND = 'DEMAND FOR JURY TRIAL';

/** A paper other than the complaint demands no jury: its caption drops that line and the blank before it. */
export function withoutJuryDemand(lines: string[]): string[] {
  const at = lines.indexOf(JURY_DEMAND);
  if (at === -1) return lines;
  return [...lines.slice(0, lines[at - 1] === '' ? at - 1 : at), ...lines.slice(at + 1)];
}

/**
 * Right of the caption under the title (CRC 2.111(6)–(8); the federal form alike): judge and
 * department, the jury demand, then the dates the court asks for.
 */
function captionLinesOf(facts: FilingFacts): string[] | undefined {
  const lines: string[] = [];
  if (facts.judge) lines.push(`Judge: ${facts.judge.replace(/^judge:?\s+/i, '')}`);
  if (facts.department) lines.push(`Dept.: ${facts.department.replace(/^dep(?:artmen)?t\.?:?\s+/i, '')}`);
  if (facts.juryDemand) lines.push('', JURY_DEMAND);
  const dates = [
    ...(facts.dates?.filed ? [`Action Filed: ${longDate(facts.dates.filed)}`] : []),
    ...(facts.dates?.hearing ? [`Hearing Date: ${longDate(facts.dates.hearing)}`] : []),
    ...(facts.dates?.trial ? [`Trial Date: ${longDate(facts.dates.trial)}`] : []),
  ];
  if (dates.length > 0) lines.push('', ...dates);
  return lines.length > 0 ? lines : undefined;
}

/** The first attorney signs for the firm: "By: /s/ Name", "Attorneys for …" as the block above says. */
function signatureOf(counsel: readonly Counsel[], filed: string | undefined): NonNullable<FilingDetails['signature']> {
  const first = counsel[0]!;
  const attorneysFor = counsel.find((c) => c.attorneysFor)?.attorneysFor;
  return {
    dated: filed ? longDate(filed) : undefined,
    firm: first.firm ? first.firm.toUpperCase() : undefined,
    signer: first.name,
    attorneysFor: attorneysFor ? `Attorneys for ${attorneysFor.replace(/^attorneys for\s+/i, '')}` : undefined,
  };
}

/**
 * The labels the facts ask for: "auto" is the court's (`{}`: the render applies them, the public
 * version's only when it redacts something), "none" none, a list every document's, or a list per
 * document (the others the court's). Undefined: the filing's own.
 */
function labelsOf({ labels }: FilingFacts): FilingDetails['labels'] | undefined {
  if (labels === undefined) return undefined;
  if (labels === 'auto') return {};
  if (labels === 'none') return { public: [], sealed: [], lodged: [] };
  if (Array.isArray(labels)) return { public: labels, sealed: labels, lodged: labels };
  return { ...(labels.public ? { public: labels.public } : {}), ...(labels.sealed ? { sealed: labels.sealed } : {}), ...(labels.lodged ? { lodged: labels.lodged } : {}) };
}
