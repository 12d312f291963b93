import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CaseContext } from '../cases/context';
import { VaultError } from '../errors';
import { shippedResource } from '../files/shipped-resource';
import type { Counsel } from '../shared/counsel';
import { FILING_FORMATS, type FileRole, type FilingFormat } from '../shared/filing-formats';
import { parseInput } from '../validation';
import type { UnlockedVault } from '../vault/unlocked-vault';
import { rosterCaption } from './caption';
import { renderContext, storedCounsel } from './case-filing';
import { counselListSchema } from './counsel';
import { courtLabels, labelSetOf, type Court } from './courts';
import { renderDeclaration } from './declaration';
import type { RenderedDocument } from './document';
import { courtById, overrideFacts, splitDraft, withFacts, type DraftParts } from './filing-facts';
import { parseFilingInput, type FilingDetails } from './filing-input';
import type { FilingFacts } from './front-matter';
import { longDate } from './labels';
import { fillTemplate, type FilledTemplate } from './paper-templates';
import { RedactionNumbering } from './redactions';
import { renderFiling } from './render';
import { findTokens } from './tokens';

/**
 * The sealing set (issue 13, item 5): the papers that go with a Doe complaint, written from the
 * templates in resources/templates and the case's facts. Each public paper is pseudonymous and
 * on the court's pleading form; the declaration of identities is lodged conditionally under
 * seal. The caller writes them through the export's fail-closed path (export/service.ts).
 */

/** The public papers in filing order, each from `<template>-<california|federal>.md`. */
const PAPERS = [
  { name: 'motion', template: 'motion', signed: true },
  { name: 'declaration-of-counsel', template: 'declaration-of-counsel', signed: true },
  // The judge signs a proposed order: counsel's signature block would read as the order's.
  { name: 'proposed-order', template: 'proposed-order', signed: false },
] as const;

/** The conditionally sealed exhibit's file name (without extension). */
export const IDENTITIES_NAME = 'declaration-of-identities';

/** The facts a template's `{{placeholders}}` may name; a fact nobody gave is a bracketed prompt. */
export interface PaperFacts {
  [fact: string]: string;
  /** The court in a sentence: "Superior Court of California, County of Los Angeles". */
  court: string;
  caseNumber: string;
  /** The case's own title, as the vault stores it. */
  caseTitle: string;
  /** The plaintiffs as the caption names them: "JANE DOES 1 through 70 and JOHN DOES 1 through 70". */
  plaintiffs: string;
  plaintiffCount: string;
  defendants: string;
  /** Without "Hon.": templates write "the Honorable {{judge}}". */
  judge: string;
  department: string;
  hearingDate: string;
  /** The first attorney of counsel: the declarant of the declaration of counsel. */
  counsel: string;
  firm: string;
  /** "March 7, 2026". */
  today: string;
  /** A federal court's district in a sentence: "Central District of California". */
  district: string;
  /** A federal court's local rule on filing under seal (resources/templates/sealing-rules.json). */
  sealingRule: string;
}

export interface SetPaper {
  /** The file's name without extension. */
  name: string;
  role: FileRole;
  doc: RenderedDocument;
  /** Legal names the written file must show: every plaintiff, for the declaration of identities. */
  mustName: string[];
}

export interface SealingSet {
  /** The public papers, then the declaration of identities. */
  papers: SetPaper[];
  /** The id of the court (resources/courts.json) the papers are for; undefined: the case's court as typed. */
  court: string | undefined;
  format: FilingFormat;
  plaintiffs: number;
  /**
   * Wording that names nobody: the templates' own words and the facts' "not a plaintiff"
   * answers. A given name or surname alone found inside them passes the read-back (a plaintiff
   * surnamed Court must not stop a motion that says "the Court"); a full name never does.
   */
  clearances: string[];
}

const choiceSchema = z.strictObject({
  /** A court id of resources/courts.json, over the facts' court. */
  court: z.string().optional(),
  /** The form when no court of the list is given (as `export --format`). */
  format: z.enum(FILING_FORMATS, { error: 'Format must be california or federal' }).optional(),
  /** A draft whose front matter gives the caption (the complaint's): case number, judge, parties, counsel, dates. */
  facts: z.string().max(4 * 1024 * 1024).optional(),
  /** Counsel over the facts' and the stored counsel (`--counsel-file`). */
  counsel: counselListSchema.optional(),
});

export type SealingSetChoice = z.input<typeof choiceSchema>;

const NO_DRAFT: DraftParts = { frontMatter: '', facts: undefined, body: '', lineOffset: 0 };

/** What the papers take over from the facts' draft: its caption, not the complaint's own title, labels or jury demand. */
const CARRIED = ['court', 'district', 'division', 'caseNumber', 'judge', 'department', 'parties', 'counsel', 'dates', 'keyFields'] as const;

export function renderSealingSet(vault: UnlockedVault, ctx: CaseContext, choice: unknown): SealingSet {
  const given = parseInput(choiceSchema, choice ?? {});
  const context = renderContext(vault, ctx);
  const roster = context.plaintiffs.map((p) => p.pseudonym);
  if (roster.length === 0) {
    throw new VaultError('VALIDATION', 'This case has no plaintiffs yet. Add them to the roster before writing the sealing papers.');
  }
  const source = given.facts === undefined ? NO_DRAFT : splitDraft(given.facts);
  if (given.facts !== undefined && source.facts === undefined) {
    throw new VaultError('VALIDATION', 'The facts given have no front matter: begin the file with a line "---", the filing facts (court, caseNumber, parties, counsel …), and a line "---".', {
      field: 'facts',
    });
  }
  const overrides = { ...(given.court !== undefined ? { court: given.court } : {}), ...(given.counsel !== undefined ? { counsel: given.counsel } : {}) };
  const facts = carriedFacts(overrideFacts(source, overrides).facts);
  const court = facts.court === undefined ? undefined : courtById(facts.court);
  const format: FilingFormat = court === undefined ? (given.format ?? 'california') : court.system === 'state' ? 'california' : 'federal';
  const stored = storedCounsel(vault, ctx);
  const counsel = facts.counsel ?? stored;
  const paperFacts = paperFactsOf(ctx, facts, court, counsel, roster, context.now);

  const templates = PAPERS.map((paper) => ({ paper, template: fillTemplate(`${paper.template}-${format}`, paperFacts) }));
  const detailsFor = (title: string, body: string, own: Partial<FilingFacts>): FilingDetails => {
    const merged: FilingFacts = {
      ...facts,
      // A caption without the defendants' names leaves the attorney a prompt, never a blank.
      parties: { plaintiffs: facts.parties?.plaintiffs, defendants: facts.parties?.defendants ?? ['[DEFENDANTS]'] },
      ...own,
      title,
    };
    const filled = withFacts(parseFilingInput({ title, format, body }), { ...NO_DRAFT, facts: merged, body }, roster, stored);
    return filled.counsel === undefined ? { ...filled, counsel: COUNSEL_PROMPT, signature: PROMPTED_SIGNATURE } : filled;
  };
  // One numbering for the set: the same withheld text has the same reference in every paper.
  const numbering = new RedactionNumbering(labelSetOf(court?.id, format).redactionRef);
  const papers: SetPaper[] = templates.map(({ paper, template }) => {
    const own = templateParts(template);
    const details = detailsFor(own.facts!.title!, own.body, definedOnly(own.facts));
    // Signed when filed: the complaint's filing date is not this paper's date.
    const signature = paper.signed && details.signature ? { ...details.signature, dated: undefined } : undefined;
    return { name: paper.name, role: 'public', doc: renderFiling({ ...details, signature }, context, { numbering }).public, mustName: [] };
  });

  // The exhibit to the motion: the declaration of identities (declaration.ts), listing every
  // plaintiff of the case, with the court's lodged labels.
  const exhibit = detailsFor(templateParts(templates[0]!.template).facts!.title!, '', {});
  const lodged = exhibit.labels.lodged ?? courtLabels({ labels: labelSetOf(exhibit.courtId, exhibit.format) }, 'lodged', exhibit.orderDate);
  const identities = renderDeclaration({
    caseDetails: ctx.details,
    plaintiffs: context.plaintiffs,
    facts: { ...exhibit, identities: 'all', labels: { ...exhibit.labels, lodged } },
    now: context.now,
  });
  papers.push({ name: IDENTITIES_NAME, role: 'lodged', doc: identities, mustName: context.plaintiffs.map((p) => p.identity.legalName) });

  const answered = findTokens(source.frontMatter).flatMap(({ token }) => (token.kind === 'not-a-plaintiff' ? [token.wording] : []));
  return { papers, court: court?.id, format, plaintiffs: roster.length, clearances: [...answered, ...templates.map(({ template }) => template.ownWords)] };
}

/** The first page's counsel block when no counsel is stored or given: prompts to fill, not a blank. */
const COUNSEL_PROMPT = '[Attorney name] (State Bar No. [number])\n[Firm]\n[Address]\nTelephone: [number]\n[Email]\n\nAttorneys for Plaintiffs';
const PROMPTED_SIGNATURE: NonNullable<FilingDetails['signature']> = { dated: undefined, firm: undefined, signer: '[Attorney name]', attorneysFor: 'Attorneys for Plaintiffs' };

function carriedFacts(facts: FilingFacts | undefined): FilingFacts {
  const carried: Partial<FilingFacts> = {};
  for (const key of CARRIED) if (facts?.[key] !== undefined) (carried as Record<string, unknown>)[key] = facts[key];
  return carried as FilingFacts;
}

function definedOnly(facts: FilingFacts | undefined): Partial<FilingFacts> {
  return Object.fromEntries(Object.entries(facts ?? {}).filter(([, value]) => value !== undefined));
}

/** A template's front matter and body; a fault in its front matter is the template's, not the user's draft's. */
function templateParts(template: FilledTemplate): DraftParts {
  let parts: DraftParts;
  try {
    parts = splitDraft(template.text);
  } catch (error) {
    if (error instanceof VaultError) throw new VaultError('INTERNAL', `The template ${template.name}.md: ${error.message} Restore it from the release.`, { cause: error });
    throw error;
  }
  if (parts.facts?.title === undefined) {
    throw new VaultError('INTERNAL', `The template ${template.name}.md has no "title:" in its front matter. Restore it from the release.`);
  }
  return parts;
}

function paperFactsOf(ctx: CaseContext, facts: FilingFacts, court: Court | undefined, counsel: readonly Counsel[], roster: readonly string[], now: string): PaperFacts {
  const district = court?.system === 'federal' ? (facts.district ?? court.title[1]) : undefined;
  const defendants = facts.parties?.defendants ?? [];
  return {
    court: court === undefined ? (ctx.details.court ?? '[name of the court]') : court.system === 'state' ? court.name : `United States District Court for the ${inProse(district ?? '[district]')}`,
    caseNumber: facts.caseNumber ?? ctx.details.number ?? '[case number]',
    caseTitle: ctx.details.title,
    plaintiffs: (facts.parties?.plaintiffs ?? rosterCaption(roster)).replace(/\s+/g, ' ').replace(/,\s*$/, ''),
    plaintiffCount: String(roster.length),
    defendants: defendants.length === 0 ? '[Defendants]' : `${defendants[0]!.replace(/,\s*$/, '')}${defendants.length > 1 ? ', et al.' : ''}`,
    judge: facts.judge?.replace(/^(?:judge:?\s+)?(?:(?:the\s+)?hon(?:ou?rable|\.)?\s+)?/i, '') || '[judge]',
    department: facts.department?.replace(/^dep(?:artmen)?t\.?:?\s+/i, '') ?? '[department]',
    hearingDate: facts.dates?.hearing === undefined ? '[hearing date]' : longDate(facts.dates.hearing),
    counsel: counsel[0]?.name ?? '[attorney name]',
    firm: counsel[0]?.firm ?? '[firm]',
    today: longDate(now.slice(0, 10)),
    district: district === undefined ? '[district]' : inProse(district),
    sealingRule: (court && sealingRules()[court.id]) ?? "[the district's local rule on filing under seal]",
  };
}

/** "CENTRAL DISTRICT OF CALIFORNIA" as a sentence writes it: "Central District of California". */
function inProse(caps: string): string {
  return caps
    .toLowerCase()
    .split(' ')
    .map((word, i) => (i > 0 && ['of', 'the', 'and', 'for'].includes(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

const rulesSchema = z.strictObject({ $comment: z.array(z.string()).optional(), rules: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.string().min(1).max(120)) });
let rules: Readonly<Record<string, string>> | undefined;

/** resources/templates/sealing-rules.json: each federal court's local rule on sealing, by court id. */
function sealingRules(): Readonly<Record<string, string>> {
  if (rules !== undefined) return rules;
  const path = shippedResource('templates', 'sealing-rules.json');
  let parsed;
  try {
    parsed = rulesSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (cause) {
    throw new VaultError('INTERNAL', `The list of local sealing rules (${path}) cannot be read. Reinstall DoeVault or restore resources/templates/sealing-rules.json.`, { cause });
  }
  if (!parsed.success) throw new VaultError('INTERNAL', `${path} is malformed (${parsed.error.issues[0]?.message ?? 'unknown fault'}). Restore it from the release.`);
  rules = parsed.data.rules;
  return rules;
}
