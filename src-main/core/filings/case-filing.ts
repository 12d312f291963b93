import type { CaseContext } from '../cases/context';
import { caseIdentities, scannerOf, type CasePlaintiff } from '../plaintiffs/identities';
import type { UnlockedVault } from '../vault/unlocked-vault';
import { parseFilingInput, type FilingDetails } from './filing-input';
import { checkFiling, type CheckedFiling, type Question } from './questions';
import { draftScan } from './resolution';
import type { Counsel } from '../shared/counsel';
import { chooseCounsel } from './counsel';
import { firmCounsel } from './counsel-service';
import { asWritten, overrideFacts, splitDraft, withFacts } from './filing-facts';
import { pseudonymKey, renderFiling, type FilingRenders, type RenderContext } from './render';
import { findTokens } from './tokens';

/**
 * A filing read against its case: what the check, the preview and the export share. Built from
 * the vault's cached identities, so one operation decrypts each identity at most once.
 */
export function checkCaseFiling(vault: UnlockedVault, ctx: CaseContext, input: unknown, overrides?: unknown): CheckedFiling {
  const details = parseFilingInput(input);
  const { scanner } = scannerOf(vault, 'all');
  const plaintiffs = caseIdentities(vault, ctx);
  // The front matter's facts are checked as the caption fields they fill; the body's questions
  // are placed in the draft as written (front matter kept, lines of the user's file).
  const parts = overrideFacts(splitDraft(details.body), overrides);
  const { frontMatter, lineOffset } = parts;
  const roster = plaintiffs.map((p) => ({ plaintiffId: p.id, caseId: p.caseId, pseudonym: p.pseudonym }));
  const filled = withFacts(details, parts, rosterOf(plaintiffs), storedCounsel(vault, ctx));
  const checked = checkFiling(asWritten(filled, parts), ctx.caseId, draftScan(scanner, plaintiffs.map((p) => p.pseudonym)), legalNameLookup(plaintiffs), roster, ctx.details);
  if (frontMatter === '') return checked;
  const inFrontMatter = placeInFrontMatter(frontMatter);
  const placed = new Set<string>();
  return {
    ...checked,
    details: { ...details, body: frontMatter + checked.details.body },
    questions: checked.questions.flatMap((q) => {
      const moved = q.field === 'body' ? { ...q, start: q.start + frontMatter.length, end: q.end + frontMatter.length, line: q.line + lineOffset } : inFrontMatter(q);
      const key = `${moved.field}:${moved.start}:${moved.end}:${moved.kind}`;
      if (moved.field === 'body' && placed.has(key)) return []; // counsel and signature print the same name: one question
      placed.add(key);
      return [moved];
    }),
  };
}

/**
 * A question about a field the front matter filled (counsel, judge, parties...) is placed on
 * the front matter's words, at the line of the user's file: that is where it is answered
 * ({{not a plaintiff|…}} or an edit), and the field as printed has no lines of its own.
 * Occurrences inside a token are already answered; the n-th question about the same words
 * goes to their n-th occurrence.
 */
function placeInFrontMatter(frontMatter: string): (q: Question) => Question {
  const tokens = findTokens(frontMatter);
  const inToken = (at: number): boolean => tokens.some(({ start, end }) => at >= start && at < end);
  const seen = new Map<string, number>();
  return (q) => {
    if (q.text.trim() === '') return q;
    // Case-insensitive: the signature prints the firm in capitals.
    const occurrences = [...frontMatter.matchAll(new RegExp(q.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'))].filter((m) => !inToken(m.index));
    if (occurrences.length === 0) return q;
    const key = `${q.field}:${q.text.toLowerCase()}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const found = occurrences[Math.min(n, occurrences.length - 1)]!;
    const line = frontMatter.slice(0, found.index).split('\n').length;
    return { ...q, field: 'body', start: found.index, end: found.index + found[0].length, line, text: found[0] };
  };
}

/** The three renders of a checked filing, its front matter applied. */
export function renderCaseFiling(vault: UnlockedVault, ctx: CaseContext, details: FilingDetails, overrides?: unknown): FilingRenders {
  const context = renderContext(vault, ctx);
  return renderFiling(withFacts(details, overrideFacts(splitDraft(details.body), overrides), rosterOf(context.plaintiffs), storedCounsel(vault, ctx)), context);
}

/** The case's counsel, else the firm's: what a draft without counsel of its own prints. */
export function storedCounsel(vault: UnlockedVault, ctx: CaseContext): Counsel[] {
  return chooseCounsel(undefined, ctx.counsel, firmCounsel(vault)).counsel;
}

function rosterOf(plaintiffs: readonly Pick<CasePlaintiff, 'pseudonym'>[]): string[] {
  return plaintiffs.map((p) => p.pseudonym);
}

export function renderContext(vault: UnlockedVault, ctx: CaseContext): RenderContext {
  return { caseDetails: ctx.details, plaintiffs: caseIdentities(vault, ctx), now: vault.now() };
}

export function legalNameLookup(plaintiffs: readonly CasePlaintiff[]): (pseudonym: string) => string | undefined {
  const byKey = new Map(plaintiffs.map((p) => [pseudonymKey(p.pseudonym), p.identity.legalName]));
  return (pseudonym) => byKey.get(pseudonymKey(pseudonym));
}

/** The wordings a person marked "not a plaintiff" anywhere in the filing: the export's verification clears them. */
export function notAPlaintiffWordings(details: FilingDetails): string[] {
  const texts = [details.body, details.title, details.parties, details.counsel, details.court, details.caseNumber];
  return texts.flatMap((text) => findTokens(text ?? '').flatMap(({ token }) => (token.kind === 'not-a-plaintiff' ? [token.wording] : [])));
}
