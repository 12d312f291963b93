import { openCase, type CaseContext } from '../cases/context';
import { VaultError } from '../errors';
import { recordOrTakeBack } from '../files/new-file';
import type { PlaintiffRow } from '../store';
import type { UnlockedVault } from '../vault/unlocked-vault';
import type { VaultSession } from '../vault/session';
import { caseIdentities, type CasePlaintiff } from './identities';
import { parsePlaintiffInput } from './plaintiff-input';
import { findByPseudonym, insertPlaintiffs, nameIndex, readIdentity, readPublic, updateIdentity, withdraw, type RosterEntry, type SealedRosterEntry } from './plaintiffs';
import { writeRoster, type RosterExportOptions, type RosterExportResult } from './roster-export';
import { SearchIndex, type SearchMask, type SearchSource } from './search-index';

export interface DuplicateMatch {
  caseId: string;
  plaintiffId: string;
  pseudonym: string;
  sameDateOfBirth: boolean;
}

/** Who to withdraw: by id (the app) or by pseudonym (the CLI). */
export type PlaintiffRef = { plaintiffId: string } | { pseudonym: string };

/** Plaintiffs of a case: pseudonyms allocated on entry and never reused, identities sealed under the case key. */
export class PlaintiffService {
  constructor(private readonly session: VaultSession) {}

  add(caseId: string, input: unknown): RosterEntry {
    return this.addMany(caseId, [input])[0]!;
  }

  /** Adds plaintiffs in order, all in one transaction: every one of them, or none. */
  addMany(caseId: string, inputs: readonly unknown[]): RosterEntry[] {
    const identities = inputs.map((input, i) => {
      try {
        return parsePlaintiffInput(input);
      } catch (error) {
        if (inputs.length === 1 || !(error instanceof VaultError)) throw error;
        throw new VaultError('VALIDATION', `Plaintiff ${i + 1}: ${error.message}`, { field: `${i}.${error.field ?? ''}` });
      }
    });
    const { vault, ctx } = this.#open(caseId);
    const now = vault.now();
    vault.forget(caseId);
    return vault.transaction((audit) => {
      const added = insertPlaintiffs(ctx, identities, now);
      audit.append(
        { action: 'plaintiffs.added', details: { caseId, count: added.length, ...(added.length <= 20 ? { pseudonyms: added.map((p) => p.pseudonym) } : {}) } },
        now,
      );
      return added;
    });
  }

  /** Corrects a plaintiff's identity; the pseudonym never changes. Audited. */
  update(caseId: string, plaintiffId: string, input: unknown): RosterEntry {
    const identity = parsePlaintiffInput(input);
    const { vault, ctx } = this.#open(caseId);
    const row = requirePlaintiff(ctx, plaintiffId);
    vault.forget(caseId);
    return vault.transaction((audit) => {
      const entry = updateIdentity(ctx, row, identity, vault.now());
      audit.append({ action: 'plaintiff.updated', details: { caseId, pseudonym: entry.pseudonym } }, vault.now());
      return entry;
    });
  }

  /**
   * Changes some fields of a plaintiff's identity, found by id or pseudonym (the CLI's
   * `plaintiff update`): each field given replaces the stored one (a list replaces the list; an
   * empty string or list clears it), the others stay. Read, checked and written in one
   * transaction; audited as an update, not as a reveal.
   */
  amend(caseId: string, who: PlaintiffRef, changes: Record<string, unknown>): RosterEntry {
    const { vault, ctx } = this.#open(caseId);
    const row = 'plaintiffId' in who ? requirePlaintiff(ctx, who.plaintiffId) : findByPseudonym(ctx, who.pseudonym);
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const identity = parsePlaintiffInput({ ...readIdentity(ctx, row), ...given });
    vault.forget(caseId);
    return vault.transaction((audit) => {
      const entry = updateIdentity(ctx, row, identity, vault.now());
      audit.append({ action: 'plaintiff.updated', details: { caseId, pseudonym: entry.pseudonym, fields: Object.keys(given).sort() } }, vault.now());
      return entry;
    });
  }

  /** Marks a plaintiff withdrawn; the pseudonym stays reserved for good. Audited. */
  withdraw(caseId: string, who: PlaintiffRef): RosterEntry {
    const { vault, ctx } = this.#open(caseId);
    const row = 'plaintiffId' in who ? requirePlaintiff(ctx, who.plaintiffId) : findByPseudonym(ctx, who.pseudonym);
    vault.forget(caseId);
    return vault.transaction((audit) => {
      const entry = withdraw(ctx, row, vault.now());
      audit.append({ action: 'plaintiff.withdrawn', details: { caseId, pseudonym: entry.pseudonym } }, vault.now());
      return entry;
    });
  }

  /** The public roster: pseudonyms and status. No identity is decrypted. */
  roster(caseId: string): RosterEntry[] {
    const { ctx } = this.#open(caseId);
    return ctx.store.plaintiffsOfCase(caseId).map((row) => readPublic(ctx, row));
  }

  /** The roster with real identities. Audited. */
  sealedRoster(caseId: string): SealedRosterEntry[] {
    const { vault, ctx } = this.#open(caseId);
    const entries = caseIdentities(vault, ctx).map(sealedEntry);
    vault.record({ action: 'roster.revealed', details: { caseId, count: entries.length } });
    return entries;
  }

  /** One plaintiff's identity. Audited. */
  reveal(caseId: string, plaintiffId: string): SealedRosterEntry {
    // One row decrypted, not the case: a damaged record elsewhere does not hide this one.
    const { vault, ctx } = this.#open(caseId);
    vault.assertIntact();
    const row = requirePlaintiff(ctx, plaintiffId);
    const entry = { ...readPublic(ctx, row), ...readIdentity(ctx, row) };
    vault.record({ action: 'plaintiff.revealed', details: { caseId, pseudonym: entry.pseudonym } });
    return entry;
  }

  /**
   * Ids of the plaintiffs whose pseudonym, legal name or alias contains `query` (folded: case
   * and accents ignored), in roster order. Nothing is revealed, so nothing is audited.
   */
  search(caseId: string, query: string): string[] {
    return this.#searchIndex(caseId).search(caseId, query, this.#searchSource(caseId));
  }

  /** The same search for the app's roster: a bitset over sequence numbers (compact at 100,000) and the count. */
  filter(caseId: string, query: string): SearchMask {
    return this.#searchIndex(caseId).mask(caseId, query, this.#searchSource(caseId));
  }

  /**
   * Starts building the case's search index in the background of this thread (between other
   * calls), so that the first keystroke does not wait for it. True when it is already ready.
   */
  prepareSearch(caseId: string): boolean {
    return this.#searchIndex(caseId).warm(caseId, this.#searchSource(caseId));
  }

  /** Plaintiffs in any case whose legal name folds to the same text (blind index; nothing decrypted to search). */
  findDuplicates(candidate: { legalName: string; dob?: string }): DuplicateMatch[] {
    const vault = this.session.unlocked();
    return vault.store.plaintiffsByNameIndex(nameIndex(vault.keys, candidate.legalName)).map((row) => {
      const ctx = openCase(vault, row.case_id);
      return {
        caseId: row.case_id,
        plaintiffId: row.id,
        pseudonym: readPublic(ctx, row).pseudonym,
        sameDateOfBirth: candidate.dob !== undefined && readIdentity(ctx, row).dob === candidate.dob,
      };
    });
  }

  /**
   * Writes the roster to a new file (never over one; temp file, then link). Public: pseudonym
   * and status only. Sealed: with identities, audited. CSV cells are neutralised against formulas.
   */
  async exportRoster(caseId: string, options: RosterExportOptions, destination: string): Promise<RosterExportResult> {
    const { vault, ctx } = this.#open(caseId);
    const rows = options.sealed ? caseIdentities(vault, ctx).map(sealedEntry) : this.roster(caseId);
    const written = await writeRoster(rows, options, destination);
    await recordOrTakeBack([destination], () =>
      vault.record({ action: 'roster.exported', details: { caseId, sealed: options.sealed, format: options.format, rows: rows.length, file: destination } }),
    );
    return written;
  }

  #open(caseId: string): { vault: UnlockedVault; ctx: CaseContext } {
    const vault = this.session.unlocked();
    return { vault, ctx: openCase(vault, caseId) };
  }

  #searchIndex(caseId: string): SearchIndex {
    return this.session.unlocked().derive('search-index', caseId, () => new SearchIndex());
  }

  /** The case's plaintiffs for the search index, decrypted one by one as the index asks (it builds in slices). */
  #searchSource(caseId: string): SearchSource {
    const { ctx } = this.#open(caseId);
    return function* () {
      for (const row of ctx.store.plaintiffsOfCase(caseId)) {
        const identity = readIdentity(ctx, row);
        yield { id: row.id, seq: row.seq, parts: [readPublic(ctx, row).pseudonym, identity.legalName, ...identity.aliases] };
      }
    };
  }
}

function requirePlaintiff(ctx: CaseContext, plaintiffId: string): PlaintiffRow {
  const row = ctx.store.plaintiffById(ctx.caseId, plaintiffId);
  if (!row) throw notFound();
  return row;
}

function notFound(): VaultError {
  return new VaultError('NOT_FOUND', 'No such plaintiff in this case. Reload the roster.');
}

function sealedEntry(p: CasePlaintiff): SealedRosterEntry {
  const { identity, caseId: _caseId, ...entry } = p;
  return { ...entry, ...identity };
}
