import { openCase, type CaseContext } from '../cases/context';
import { readDocument } from '../documents';
import { VaultError } from '../errors';
import { caseIdentities, scannerOf } from '../plaintiffs/identities';
import type { LeakHit, ScanSource } from '../scan/types';
import type { UnlockedVault } from '../vault/unlocked-vault';
import type { VaultSession } from '../vault/session';
import { checkCaseFiling, legalNameLookup, renderCaseFiling } from './case-filing';
import type { Audience, RenderedDocument } from './document';
import { parseFilingInput, type Filing, type FilingSummary } from './filing-input';
import { loadCourts } from './courts';
import { draftTitle, splitDraft } from './filing-facts';
import { insertFiling, readFiling, requireFiling, updateFiling } from './filings';
import type { CheckedFiling } from './questions';
import { classify, clearable, draftScan, prepareDraft, replaceSpans, tokenFor, type Choice, type Finding, type PreparedDraft } from './resolution';
import { formatToken } from './tokens';
import { fold } from '../text/normalize';

/** What the app's "Sealing papers" dialog offers (FilingService.sealingSetChoices). */
export interface SealingSetChoices {
  courts: { id: string; name: string; system: 'state' | 'federal' }[];
  /** The case's filings whose drafts open with front matter: the caption the papers can share. Newest first. */
  sources: { filingId: string; title: string; court?: string | undefined }[];
  /** The court to suggest: the newest such filing's, else the list's court the case names. */
  court?: string | undefined;
}

/** Filings and their drafts: stored sealed under the case key, scanned as they are written. */
export class FilingService {
  constructor(private readonly session: VaultSession) {}

  list(caseId: string): FilingSummary[] {
    const { ctx } = this.#open(caseId);
    return ctx.store.filingsOfCase(caseId).map((row) => {
      const { details: _details, ...summary } = readFiling(ctx, row);
      return summary;
    });
  }

  get(caseId: string, filingId: string): Filing {
    const { ctx } = this.#open(caseId);
    return readFiling(ctx, requireFiling(ctx, filingId));
  }

  /** A new filing; court and case number default to the case's. */
  create(caseId: string, input: unknown): Filing {
    const { vault, ctx } = this.#open(caseId);
    const details = parseFilingInput(input);
    const now = vault.now();
    return vault.transaction((audit) => {
      const filing = insertFiling(ctx, details, now);
      audit.append({ action: 'filing.created', details: { caseId, filingId: filing.id } }, now);
      return filing;
    });
  }

  /** Saves a filing's new text. Not audited: drafts are saved often; exports are audited. */
  update(caseId: string, filingId: string, input: unknown): Filing {
    const { vault, ctx } = this.#open(caseId);
    const details = parseFilingInput(input);
    const row = requireFiling(ctx, filingId);
    return vault.store.transaction(() => updateFiling(ctx, row, details, vault.now()));
  }

  delete(caseId: string, filingId: string): void {
    const { vault, ctx } = this.#open(caseId);
    const row = requireFiling(ctx, filingId);
    vault.transaction((audit) => {
      vault.store.deleteFiling(row.id);
      audit.append({ action: 'filing.deleted', details: { caseId, filingId } }, vault.now());
    });
  }

  /**
   * The draft's mentions of anyone in the vault, each with what DoeVault would do with it: the
   * editor's live highlighting. Nothing is stored or audited.
   */
  scan(caseId: string, text: string): Finding[] {
    const { vault, ctx } = this.#open(caseId);
    const pseudonyms = caseIdentities(vault, ctx).map((p) => p.pseudonym);
    return draftScan(scannerOf(vault, 'all').scanner, pseudonyms)(text).map((hit) => classify(hit, caseId));
  }

  /** Imports a draft written with real names: unambiguous mentions become tokens. */
  prepareDraft(caseId: string, text: string): PreparedDraft {
    const { vault, ctx } = this.#open(caseId);
    return prepareDraft(text, this.scan(caseId, text), legalNameLookup(caseIdentities(vault, ctx)));
  }

  /**
   * Reads a draft file (.txt, .md, .docx) and prepares it like `prepareDraft`; its title is the
   * draft's own (front matter or first heading), never the file's name.
   */
  async importDraft(caseId: string, path: string): Promise<PreparedDraft & { title: string | undefined }> {
    this.#open(caseId);
    const document = await readDocument(path);
    if (document.format === 'pdf') {
      throw new VaultError('VALIDATION', 'A PDF cannot be imported as a draft: its layout cannot be edited back. Import the .docx, .md or .txt it was made from.');
    }
    return { ...this.prepareDraft(caseId, document.text), title: draftTitle(document.text) };
  }

  /**
   * Applies a person's answer to one finding of `text` (its offsets as last scanned) and returns
   * the new text. The finding must still be there: a stale answer is refused, not guessed at.
   */
  resolve(caseId: string, text: string, at: { start: number; end: number }, choice: Choice): string {
    const finding = this.scan(caseId, text).find((f) => f.start === at.start && f.end === at.end);
    if (!finding) {
      throw new VaultError('CONFLICT', 'The text changed since it was scanned; nothing was replaced. Look at the highlighted mentions again.');
    }
    if (choice.kind === 'not-a-plaintiff' && !clearable(finding)) {
      throw new VaultError(
        'VALIDATION',
        'A full name, alias, contact detail or ID number of someone in the vault cannot be marked "not a plaintiff". Choose the plaintiff, or redact it.',
        { field: 'choice' },
      );
    }
    const { vault, ctx } = this.#open(caseId);
    const token = tokenFor(finding, choice, legalNameLookup(caseIdentities(vault, ctx)));
    return replaceSpans(text, [{ start: finding.start, end: finding.end, replacement: formatToken(token) }]);
  }

  /** What an export would find to ask about, without writing anything. */
  check(caseId: string, input: unknown): CheckedFiling {
    const { vault, ctx } = this.#open(caseId);
    return checkCaseFiling(vault, ctx, input);
  }

  /** One version as it will be printed. The sealed version and the declaration reveal names: audited. */
  preview(caseId: string, input: unknown, audience: Audience): RenderedDocument {
    const { vault, ctx } = this.#open(caseId);
    const checked = checkCaseFiling(vault, ctx, input);
    const renders = renderCaseFiling(vault, ctx, checked.details);
    const doc = audience === 'public' ? renders.public : audience === 'sealed' ? renders.sealed : renders.declaration;
    if (audience !== 'public') vault.record({ action: 'filing.previewed', details: { caseId, version: audience } });
    return doc;
  }

  /**
   * The sealing set's choices: the courts of the list, the filings whose front matter can give
   * the papers their caption (the complaint's, most often), and the court to suggest.
   */
  sealingSetChoices(caseId: string): SealingSetChoices {
    const { ctx } = this.#open(caseId);
    const sources = ctx.store
      .filingsOfCase(caseId)
      .map((row) => readFiling(ctx, row))
      .flatMap((filing) => {
        let court: string | undefined;
        try {
          const { facts } = splitDraft(filing.details.body);
          if (facts === undefined) return [];
          court = facts.court;
        } catch {
          return []; // front matter with a fault: the filing's own check names it
        }
        return [{ filingId: filing.id, title: filing.title, court, updatedAt: filing.updatedAt }];
      })
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const { courts } = loadCourts();
    const typed = ctx.details.court === undefined ? undefined : comparable(ctx.details.court);
    const named = courts.find((court) => typed !== undefined && (comparable(court.name) === typed || comparable(court.title.join(' ')) === typed));
    return {
      courts: courts.map(({ id, name, system }) => ({ id, name, system })),
      sources: sources.map(({ filingId, title, court }) => ({ filingId, title, court })),
      court: sources.find((source) => source.court !== undefined)?.court ?? named?.id,
    };
  }

  /**
   * Scans text against one case's identities, or the whole vault's: every hit, and every word
   * that mixes scripts (`scan`, `verify`).
   */
  scanText(scope: { caseId: string } | 'all', source: ScanSource): LeakHit[] {
    const vault = this.session.unlocked();
    if (scope !== 'all') openCase(vault, scope.caseId);
    return scannerOf(vault, scope).scanner.findings(source);
  }

  /** How many identities the vault's scanner looks for (every plaintiff of every case). */
  identityCount(): number {
    return scannerOf(this.session.unlocked(), 'all').identities;
  }

  #open(caseId: string): { vault: UnlockedVault; ctx: CaseContext } {
    const vault = this.session.unlocked();
    return { vault, ctx: openCase(vault, caseId) };
  }
}

/** A court's name as typed into a case, compared without case, accents or punctuation. */
function comparable(text: string): string {
  return fold(text.replace(/[^\p{L}\p{N}]+/gu, ' '));
}
