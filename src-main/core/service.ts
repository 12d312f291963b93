import { join } from 'node:path';
import { AuditLog, type AuditEntry, type AuditEvent, type AuditVerification } from './audit/audit-log';
import { newCase, readCase, requireCase, type CaseSummary } from './cases/cases';
import {
  DEFAULT_KDF,
  encodeBase32,
  initCrypto,
  newRecoveryKey,
  parseRecoveryKey,
  randomId,
  randomKey,
  wipe,
  type KdfParams,
} from './crypto';
import { VaultError } from './errors';
import {
  exportRosterFile,
  importIntake,
  inspectIntake,
  previewIntake,
  type ImportOptions,
  type ImportPreview,
  type ImportSummary,
  type IntakeContext,
  type IntakeInspection,
  type IntakeMappingOptions,
  type IntakeReadOptions,
  type RosterExportOptions,
  type RosterExportResult,
} from './intake';
import type { OperationControl } from './operation';
import { parsePlaintiffInput, type PlaintiffIdentity } from './plaintiffs/plaintiff-input';
import {
  findByPseudonym,
  insertPlaintiffs,
  nameIndex,
  readIdentity,
  readPublic,
  updateIdentity,
  withdraw,
  type CaseContext,
  type RosterEntry,
  type SealedRosterEntry,
} from './plaintiffs/plaintiffs';
import { SearchIndex, type SearchMask, type SearchSource } from './plaintiffs/search-index';
import { exportFiling, type ExportOutcome } from './export/export-filing';
import { defaultFontsDir } from './export/fonts-dir';
import { recordOrTakeBack } from './export/new-file';
import { extractSealedPackage, readPublicKey, readSecretKey, type PackageProtection, type PackageSecret } from './export/sealed-package';
import { Clearances } from './export/verification';
import type { Audience, RenderedDocument } from './filings/document';
import { parseFilingInput, type Filing, type FilingDetails, type FilingSummary } from './filings/filing-input';
import { insertFiling, readFiling, requireFiling, updateFiling as updateFilingRow } from './filings/filings';
import { checkFiling, type CheckedFiling, type Question } from './filings/questions';
import { pseudonymKey, renderFiling, type CasePlaintiff, type RenderContext } from './filings/render';
import { classify, clearable, prepareDraft, replaceSpans, tokenFor, type Choice, type Finding, type PreparedDraft } from './filings/resolution';
import { findTokens, formatToken } from './filings/tokens';
import { readDocument } from './documents';
import { LeakScanner } from './scan';
import type { LeakHit, ScanIdentity, ScanSource } from './scan/types';
import { linkInto, refuseExisting, removeFileSet, VaultStore, type KeyslotRow, type PlaintiffRow, type StoreOptions } from './store';
import { stageRestore, writeVerifiedBackup, type BackupReport } from './vault/backup';
import { Keyring } from './vault/keyring';
import { createKeyslot, openKeyslot } from './vault/keyslots';
import { checkNewPassphrase, passphraseBytes } from './vault/passphrase-policy';

export interface OpenOptions extends Omit<StoreOptions, 'readonly'> {
  /** Clock for timestamps; tests pass a fixed one. */
  now?: () => Date;
  /** Where the export's fonts are. Default: resources/fonts, found from the code's location. */
  fontsDir?: string;
}

export interface CreateOptions extends OpenOptions {
  /** Argon2id parameters for both keyslots. Default: the MODERATE preset (256 MiB, 3 passes). */
  kdf?: KdfParams;
}

export interface ExportOptions {
  destination: string;
  docx?: boolean;
  package?: PackageProtection | undefined;
  onProgress?: ((step: string, done: number, total: number) => void) | undefined;
}

/**
 * An export that could not start: the questions, with offsets into `body` (the draft with its
 * unambiguous mentions already turned into tokens) for those in the body.
 */
export type ExportReport = ExportOutcome | { status: 'needs-resolution'; questions: Question[]; body: string };

export interface DuplicateMatch {
  caseId: string;
  plaintiffId: string;
  pseudonym: string;
  sameDateOfBirth: boolean;
}

/**
 * VaultService: the one façade over the core. The IPC handlers, the CLI, the demo and the
 * benchmarks all call this class and nothing below it.
 */
export class VaultService {
  private keys: Keyring | undefined;
  private readonly searchIndex = new SearchIndex();
  /** Leak scanners over decrypted identities, by scope ("all" or a case id); dropped on lock. */
  private readonly scanners = new Map<string, { scanner: LeakScanner; identities: number }>();

  private constructor(
    private readonly store: VaultStore,
    private readonly options: OpenOptions,
  ) {}

  /** Creates a vault at `path` (never over an existing file), unlocked, with its recovery key. */
  static async create(
    path: string,
    passphrase: string,
    options: CreateOptions = {},
  ): Promise<{ vault: VaultService; recoveryKey: string }> {
    await initCrypto();
    checkNewPassphrase(passphrase);
    refuseExisting(path); // before the slow key derivation; VaultStore.create checks again
    const kdf = options.kdf ?? DEFAULT_KDF;
    const now = stamp(options);
    const vaultId = randomId();
    const masterKey = randomKey();
    const recovery = newRecoveryKey();
    const secret = passphraseBytes(passphrase);
    const keys = new Keyring(vaultId, masterKey);
    try {
      const slots = [
        createKeyslot(vaultId, 'passphrase', secret, masterKey, kdf, now),
        createKeyslot(vaultId, 'recovery', recovery.bytes, masterKey, kdf, now),
      ];
      const store = VaultStore.create(
        path,
        (fresh) => {
          fresh.insertMeta({ vault_id: vaultId, created_at: now, key_check: keys.keyCheck(), audit_head: null });
          for (const slot of slots) fresh.putKeyslot(slot);
          new AuditLog(fresh, keys).append(
            { action: 'vault.created', details: { kdf: `argon2id ops=${kdf.opslimit} mem=${kdf.memlimit}` } },
            now,
          );
        },
        options,
      );
      const vault = new VaultService(store, options);
      vault.keys = keys;
      return { vault, recoveryKey: recovery.text };
    } catch (error) {
      keys.wipe();
      throw error;
    } finally {
      wipe(secret, recovery.bytes);
    }
  }

  /** Throws CONFLICT if `path` exists: lets a caller refuse before asking for a passphrase. */
  static assertCanCreate(path: string): void {
    refuseExisting(path);
  }

  /** Opens an existing vault, locked. */
  static async open(path: string, options: OpenOptions = {}): Promise<VaultService> {
    await initCrypto();
    return new VaultService(VaultStore.open(path, options), options);
  }

  /**
   * Restores a backup into a new file at `destination`. The backup must open with
   * `passphrase` (or the caller would restore something nobody can read); the restore is
   * recorded in the restored vault's audit log.
   */
  static async restore(source: string, destination: string, passphrase: string, options: OpenOptions = {}): Promise<void> {
    await initCrypto();
    const staged = stageRestore(source, destination);
    try {
      const vault = await VaultService.open(staged, options);
      try {
        vault.unlock(passphrase);
        const problems = vault.store.integrityCheck();
        if (problems.length > 0) {
          throw new VaultError('DAMAGED', `The backup is damaged (${problems[0]}); nothing was restored. Try an older backup.`);
        }
        vault.transaction((audit) => audit.append({ action: 'vault.restored', details: { from: source } }, vault.now()));
      } finally {
        vault.close();
      }
      linkInto(staged, destination);
    } finally {
      removeFileSet(staged);
    }
  }

  get path(): string {
    return this.store.path;
  }

  get isUnlocked(): boolean {
    return this.keys !== undefined;
  }

  /** Unlocks with the passphrase; always checks it, even when the vault is already unlocked. */
  unlock(passphrase: string): void {
    this.adopt(this.openSlot('passphrase', passphraseBytes(passphrase)), [
      { action: 'vault.unlocked', details: { with: 'passphrase' } },
    ]);
  }

  /** Opens the vault with the recovery key and sets a new passphrase. The recovery key stays valid. */
  recover(recoveryKey: string, newPassphrase: string): void {
    checkNewPassphrase(newPassphrase);
    const keys = this.openSlot('recovery', parseRecoveryKey(recoveryKey));
    this.adopt(
      keys,
      [{ action: 'recovery.used' }, { action: 'passphrase.changed', details: { with: 'recovery key' } }],
      newPassphrase,
    );
  }

  /**
   * Re-wraps the master key under a new passphrase; no record is re-encrypted. Works locked or
   * unlocked: the current passphrase is checked either way.
   */
  changePassphrase(current: string, next: string): void {
    checkNewPassphrase(next);
    const keys = this.openSlot('passphrase', passphraseBytes(current));
    this.adopt(keys, [{ action: 'passphrase.changed', details: { with: 'passphrase' } }], next);
  }

  /** Zeroes every key in memory. The vault stays open for the next unlock. */
  lock(): void {
    this.forgetDerived();
    this.keys?.wipe();
    this.keys = undefined;
  }

  close(): void {
    this.lock();
    this.store.close();
  }

  async backup(destination: string): Promise<BackupReport> {
    const keys = this.requireKeys();
    const report = await writeVerifiedBackup(this.store, keys, destination, this.options);
    await recordOrTakeBack([destination], () =>
      this.transaction((audit) => audit.append({ action: 'backup.created', details: { file: destination, cases: report.cases } }, this.now())),
    );
    return report;
  }

  // cases ---------------------------------------------------------------------------------

  createCase(input: unknown): CaseSummary {
    const keys = this.requireKeys();
    const now = this.now();
    const { row, details } = newCase(keys, input, now);
    this.transaction((audit) => {
      this.store.insertCase(row);
      audit.append({ action: 'case.created', details: { caseId: row.id } }, now);
    });
    return { id: row.id, createdAt: now, plaintiffs: 0, ...details };
  }

  listCases(): CaseSummary[] {
    const keys = this.requireKeys();
    const counts = this.store.plaintiffCounts();
    return this.store.cases().map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      plaintiffs: counts.get(row.id) ?? 0,
      ...readCase(keys, row),
    }));
  }

  /**
   * Crypto-shredding: the case row with its wrapped data key goes, its plaintiffs with it;
   * secure_delete zeroes the freed pages and a checkpoint empties the write-ahead log.
   */
  deleteCase(caseId: string): { plaintiffs: number } {
    const keys = this.requireKeys();
    requireCase(this.store, caseId);
    const plaintiffs = this.store.plaintiffCounts().get(caseId) ?? 0;
    this.transaction((audit) => {
      this.store.deleteCase(caseId);
      audit.append({ action: 'case.deleted', details: { caseId, plaintiffs } }, this.now());
    });
    keys.forgetCase(caseId);
    this.forgetDerived(caseId);
    this.store.checkpoint();
    return { plaintiffs };
  }

  // plaintiffs ----------------------------------------------------------------------------

  addPlaintiff(caseId: string, input: unknown): RosterEntry {
    return this.addPlaintiffs(caseId, [input])[0]!;
  }

  /** Adds plaintiffs in order, all in one transaction: every one of them, or none. */
  addPlaintiffs(caseId: string, inputs: readonly unknown[]): RosterEntry[] {
    const identities = inputs.map((input, i) => {
      try {
        return parsePlaintiffInput(input);
      } catch (error) {
        if (inputs.length === 1 || !(error instanceof VaultError)) throw error;
        throw new VaultError('VALIDATION', `Plaintiff ${i + 1}: ${error.message}`, { field: `${i}.${error.field ?? ''}` });
      }
    });
    const ctx = this.caseContext(caseId);
    const now = this.now();
    this.forgetDerived(caseId);
    return this.transaction((audit) => {
      const added = insertPlaintiffs(ctx, identities, now);
      audit.append(
        {
          action: 'plaintiffs.added',
          details: { caseId, count: added.length, ...(added.length <= 20 ? { pseudonyms: added.map((p) => p.pseudonym) } : {}) },
        },
        now,
      );
      return added;
    });
  }

  /** Corrects a plaintiff's identity; the pseudonym never changes. Audited. */
  updatePlaintiff(caseId: string, plaintiffId: string, input: unknown): RosterEntry {
    const identity = parsePlaintiffInput(input);
    const ctx = this.caseContext(caseId);
    const row = this.requirePlaintiff(caseId, plaintiffId);
    this.forgetDerived(caseId);
    return this.transaction((audit) => {
      const entry = updateIdentity(ctx, row, identity, this.now());
      audit.append({ action: 'plaintiff.updated', details: { caseId, pseudonym: entry.pseudonym } }, this.now());
      return entry;
    });
  }

  /** Withdraws by plaintiff id (the app) rather than pseudonym (the CLI). */
  withdrawPlaintiffById(caseId: string, plaintiffId: string): RosterEntry {
    const row = this.requirePlaintiff(caseId, plaintiffId);
    return this.withdrawRow(this.caseContext(caseId), row);
  }

  /**
   * Ids of the plaintiffs whose pseudonym, legal name or alias contains `query` (folded: case
   * and accents ignored), in roster order. Nothing is revealed, so nothing is audited.
   */
  searchPlaintiffs(caseId: string, query: string): string[] {
    return this.searchIndex.search(caseId, query, this.searchSource(caseId));
  }

  /** The same search for the app's roster: a bitset over sequence numbers (compact at 100,000) and the count. */
  searchPlaintiffMask(caseId: string, query: string): SearchMask {
    return this.searchIndex.mask(caseId, query, this.searchSource(caseId));
  }

  /**
   * Starts building the case's search index in the background of this thread (between other
   * calls), so that the first keystroke does not wait for it. True when it is already ready.
   */
  warmSearch(caseId: string): boolean {
    return this.searchIndex.warm(caseId, this.searchSource(caseId));
  }

  /** The case's plaintiffs for the search index, decrypted one by one as the index asks. */
  private searchSource(caseId: string): SearchSource {
    const ctx = this.caseContext(caseId);
    const store = this.store;
    return function* () {
      for (const row of store.plaintiffsOfCase(caseId)) {
        const identity = readIdentity(ctx, row);
        yield { id: row.id, seq: row.seq, parts: [readPublic(ctx, row).pseudonym, identity.legalName, ...identity.aliases] };
      }
    };
  }

  withdrawPlaintiff(caseId: string, pseudonym: string): RosterEntry {
    const ctx = this.caseContext(caseId);
    return this.withdrawRow(ctx, findByPseudonym(ctx, pseudonym));
  }

  private withdrawRow(ctx: CaseContext, row: PlaintiffRow): RosterEntry {
    return this.transaction((audit) => {
      const entry = withdraw(ctx, row, this.now());
      audit.append({ action: 'plaintiff.withdrawn', details: { caseId: ctx.caseId, pseudonym: entry.pseudonym } }, this.now());
      return entry;
    });
  }

  /** The public roster: pseudonyms and status. No identity is decrypted. */
  roster(caseId: string): RosterEntry[] {
    const ctx = this.caseContext(caseId);
    return this.store.plaintiffsOfCase(caseId).map((row) => readPublic(ctx, row));
  }

  /** The roster with real identities. Audited. */
  sealedRoster(caseId: string): SealedRosterEntry[] {
    const ctx = this.caseContext(caseId);
    const entries = this.store.plaintiffsOfCase(caseId).map((row) => ({ ...readPublic(ctx, row), ...readIdentity(ctx, row) }));
    this.transaction((audit) =>
      audit.append({ action: 'roster.revealed', details: { caseId, count: entries.length } }, this.now()),
    );
    return entries;
  }

  /** One plaintiff's identity. Audited. */
  revealPlaintiff(caseId: string, plaintiffId: string): SealedRosterEntry {
    const ctx = this.caseContext(caseId);
    const row = this.requirePlaintiff(caseId, plaintiffId);
    const entry = { ...readPublic(ctx, row), ...readIdentity(ctx, row) };
    this.transaction((audit) =>
      audit.append({ action: 'plaintiff.revealed', details: { caseId, pseudonym: entry.pseudonym } }, this.now()),
    );
    return entry;
  }

  /** Plaintiffs in any case whose legal name folds to the same text (blind index; nothing decrypted to search). */
  findDuplicates(candidate: { legalName: string; dob?: string }): DuplicateMatch[] {
    const keys = this.requireKeys();
    return this.store.plaintiffsByNameIndex(nameIndex(keys, candidate.legalName)).map((row) => {
      const ctx = this.caseContext(row.case_id);
      const identity: PlaintiffIdentity = readIdentity(ctx, row);
      return {
        caseId: row.case_id,
        plaintiffId: row.id,
        pseudonym: readPublic(ctx, row).pseudonym,
        sameDateOfBirth: candidate.dob !== undefined && identity.dob === candidate.dob,
      };
    });
  }

  // intake (issue 5) ----------------------------------------------------------------------
  // Plaintiffs imported from CSV/XLSX, duplicates, roster export. Bodies live in core/intake;
  // these methods only give it the unlocked vault.

  /** Reads a file's header and first rows, and suggests (or remembers) a column mapping. Nothing is written. */
  async inspectIntakeFile(caseId: string, path: string, options: IntakeReadOptions = {}): Promise<IntakeInspection> {
    return inspectIntake(this.intakeContext(caseId), path, options);
  }

  /** Every problem and duplicate of an import, without writing anything. */
  async previewImport(caseId: string, path: string, options: IntakeMappingOptions, control?: OperationControl): Promise<ImportPreview> {
    return previewIntake(this.intakeContext(caseId), path, options, control);
  }

  /**
   * Imports a file in one transaction (all rows or none), pseudonyms in file order. Any invalid
   * row: VALIDATION listing every problem; undecided duplicates with onDuplicate 'fail':
   * CONFLICT listing them. Cancel (CANCELLED) leaves the vault as it was. Audited (counts only).
   */
  async importPlaintiffs(caseId: string, path: string, options: ImportOptions, control?: OperationControl): Promise<ImportSummary> {
    const summary = await importIntake(this.intakeContext(caseId), path, options, control);
    this.forgetDerived();
    return summary;
  }

  /**
   * Writes the roster to a new file (never over one; temp file, then link). Public: pseudonym
   * and status only. Sealed: with identities, audited. CSV cells are neutralised against formulas.
   */
  async exportRoster(caseId: string, options: RosterExportOptions, destination: string): Promise<RosterExportResult> {
    return exportRosterFile(this.intakeContext(caseId), options, destination);
  }

  private intakeContext(caseId: string): IntakeContext {
    const ctx = this.caseContext(caseId);
    return {
      case: ctx,
      now: () => this.now(),
      caseContext: (id) => this.caseContext(id),
      transaction: (work) => this.transaction(work),
    };
  }

  // filings -------------------------------------------------------------------------------

  listFilings(caseId: string): FilingSummary[] {
    const ctx = this.caseContext(caseId);
    return this.store.filingsOfCase(caseId).map((row) => {
      const { details: _details, ...summary } = readFiling(ctx, row);
      return summary;
    });
  }

  getFiling(caseId: string, filingId: string): Filing {
    const ctx = this.caseContext(caseId);
    return readFiling(ctx, requireFiling(ctx, filingId));
  }

  /** A new filing; court and case number default to the case's. */
  createFiling(caseId: string, input: unknown): Filing {
    const ctx = this.caseContext(caseId);
    const details = parseFilingInput(input);
    const now = this.now();
    return this.transaction((audit) => {
      const filing = insertFiling(ctx, details, now);
      audit.append({ action: 'filing.created', details: { caseId, filingId: filing.id } }, now);
      return filing;
    });
  }

  /** Saves a filing's new text. Not audited: drafts are saved often; exports are audited. */
  updateFiling(caseId: string, filingId: string, input: unknown): Filing {
    const ctx = this.caseContext(caseId);
    const details = parseFilingInput(input);
    const row = requireFiling(ctx, filingId);
    return this.store.transaction(() => updateFilingRow(ctx, row, details, this.now()));
  }

  deleteFiling(caseId: string, filingId: string): void {
    const ctx = this.caseContext(caseId);
    const row = requireFiling(ctx, filingId);
    this.transaction((audit) => {
      this.store.deleteFiling(row.id);
      audit.append({ action: 'filing.deleted', details: { caseId, filingId } }, this.now());
    });
  }

  /**
   * The draft's mentions of anyone in the vault, each with what DoeVault would do with it: the
   * editor's live highlighting. Nothing is stored or audited.
   */
  scanDraft(caseId: string, text: string): Finding[] {
    this.caseContext(caseId);
    return this.scanner('all').scan(text).map((hit) => classify(hit, caseId));
  }

  /** Imports a draft written with real names: unambiguous mentions become tokens. */
  prepareDraft(caseId: string, text: string): PreparedDraft {
    const plaintiffs = this.casePlaintiffs(caseId);
    return prepareDraft(text, this.scanDraft(caseId, text), legalNameLookup(plaintiffs));
  }

  /** Reads a draft file (.txt, .md, .docx) and prepares it like `prepareDraft`. */
  async importDraftFile(caseId: string, path: string): Promise<PreparedDraft> {
    this.caseContext(caseId);
    const document = await readDocument(path);
    if (document.format === 'pdf') {
      throw new VaultError('VALIDATION', 'A PDF cannot be imported as a draft: its layout cannot be edited back. Import the .docx, .md or .txt it was made from.');
    }
    return this.prepareDraft(caseId, document.text);
  }

  /**
   * Applies a person's answer to one finding of `text` (its offsets as last scanned) and returns
   * the new text. The finding must still be there: a stale answer is refused, not guessed at.
   */
  resolveFinding(caseId: string, text: string, at: { start: number; end: number }, choice: Choice): string {
    const finding = this.scanDraft(caseId, text).find((f) => f.start === at.start && f.end === at.end);
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
    const token = tokenFor(finding, choice, legalNameLookup(this.casePlaintiffs(caseId)));
    return replaceSpans(text, [{ start: finding.start, end: finding.end, replacement: formatToken(token) }]);
  }

  /** What an export would find to ask about, without writing anything. */
  checkFiling(caseId: string, input: unknown): CheckedFiling {
    const details = parseFilingInput(input);
    const plaintiffs = this.casePlaintiffs(caseId);
    const scanner = this.scanner('all');
    return checkFiling(details, caseId, (text) => scanner.scan(text), legalNameLookup(plaintiffs));
  }

  /** One version as it will be printed. The sealed version and the key reveal names: audited. */
  previewFiling(caseId: string, input: unknown, audience: Audience): RenderedDocument {
    const checked = this.checkFiling(caseId, input);
    const renders = renderFiling(checked.details, this.renderContext(caseId));
    const doc = audience === 'public' ? renders.public : audience === 'sealed' ? renders.sealed : renders.identityKey;
    if (audience !== 'public') {
      this.transaction((audit) => audit.append({ action: 'filing.previewed', details: { caseId, version: audience } }, this.now()));
    }
    return doc;
  }

  /**
   * Exports a filing (issue 4 §3): nothing is written while any question is open; the public
   * files are verified against every identity of the vault before they are moved into place.
   */
  async exportFiling(caseId: string, input: unknown, options: ExportOptions): Promise<ExportReport> {
    const checked = this.checkFiling(caseId, input);
    if (checked.details.body.trim() === '') {
      throw new VaultError('VALIDATION', 'The filing has no body yet; there is nothing to export. Write or import the draft first.', { field: 'body' });
    }
    if (checked.questions.length > 0) return { status: 'needs-resolution', questions: checked.questions, body: checked.details.body };
    const context = this.renderContext(caseId);
    const renders = renderFiling(checked.details, context);
    const { scanner, identities } = this.scannerOf('all');
    const { title, court, number } = context.caseDetails;
    const outcome = await exportFiling({
      renders,
      caseCaption: { title, court, number },
      destination: options.destination,
      docx: options.docx ?? false,
      package: options.package,
      fontsDir: this.options.fontsDir ?? defaultFontsDir(),
      scan: (source) => scanner.scan(source),
      identities,
      clearances: new Clearances(notAPlaintiffWordings(checked.details)),
      onProgress: options.onProgress,
    });
    const written = outcome.status === 'exported' ? outcome.files.map((file) => join(outcome.folder, file.name)) : [];
    await recordOrTakeBack(written, () =>
      this.transaction((audit) =>
        audit.append(
          outcome.status === 'exported'
            ? { action: 'filing.exported', details: { caseId, folder: outcome.folder, files: outcome.files.length, cited: renders.cited.length } }
            : { action: 'filing.export-blocked', details: { caseId, hits: outcome.verification.hits.length } },
          this.now(),
        ),
      ),
    );
    return outcome;
  }

  /** How many identities the vault's scanner looks for (every plaintiff of every case). */
  identityCount(): number {
    return this.scannerOf('all').identities;
  }

  /** Scans text against one case's identities, or the whole vault's. */
  scanText(scope: { caseId: string } | 'all', source: ScanSource): LeakHit[] {
    if (scope !== 'all') requireCase(this.store, scope.caseId);
    return this.scanner(scope === 'all' ? 'all' : scope.caseId).scan(source);
  }

  // sealed packages -----------------------------------------------------------------------

  /**
   * A recipient's public key file (.pub), read and checked here, in the vault's thread: the
   * app's main process loads no cryptography. The fingerprint is the start of the key line as
   * the .pub file prints it ("ABCD-EFGH"), for the person to compare.
   */
  async readRecipientKey(path: string): Promise<{ publicKey: Uint8Array; fingerprint: string }> {
    const publicKey = await readPublicKey(path);
    return { publicKey, fingerprint: encodeBase32(publicKey).slice(0, 8).replace(/^(.{4})/, '$1-') };
  }

  /**
   * Opens a sealed package into `outDir` (all or nothing, never over a file) with its passphrase
   * or the recipient's secret key file, and returns the paths written. Needs no unlocked vault;
   * when the vault is unlocked, the opening is recorded in its audit log.
   */
  async extractSealedPackage(path: string, secret: { passphrase: string } | { secretKeyFile: string }, outDir: string): Promise<string[]> {
    const key = 'secretKeyFile' in secret ? await readSecretKey(secret.secretKeyFile) : undefined;
    const opening: PackageSecret = key ? { secretKey: key } : { passphrase: (secret as { passphrase: string }).passphrase };
    try {
      const written = await extractSealedPackage(path, opening, outDir);
      if (this.isUnlocked) {
        this.transaction((audit) => audit.append({ action: 'package.opened', details: { file: path, folder: outDir, files: written.length } }, this.now()));
      }
      return written;
    } finally {
      if (key) wipe(key);
    }
  }

  // audit ---------------------------------------------------------------------------------

  auditLog(): AuditEntry[] {
    return new AuditLog(this.store, this.requireKeys()).list();
  }

  verifyAudit(): AuditVerification {
    return new AuditLog(this.store, this.requireKeys()).verify();
  }

  // internals -----------------------------------------------------------------------------

  private requireKeys(): Keyring {
    if (!this.keys) throw new VaultError('LOCKED', 'The vault is locked. Unlock it with the passphrase first.');
    return this.keys;
  }

  private requirePlaintiff(caseId: string, plaintiffId: string): PlaintiffRow {
    const row = this.store.plaintiffById(caseId, plaintiffId);
    if (!row) throw new VaultError('NOT_FOUND', 'No such plaintiff in this case. Reload the roster.');
    return row;
  }

  private forgetDerived(caseId?: string): void {
    this.searchIndex.forget(caseId);
    this.scanners.clear();
  }

  /** The leak scanner over every identity in scope, built once per change of the identities. */
  private scanner(scope: string): LeakScanner {
    return this.scannerOf(scope).scanner;
  }

  private scannerOf(scope: string): { scanner: LeakScanner; identities: number } {
    let built = this.scanners.get(scope);
    if (!built) {
      this.requireKeys();
      const rows = scope === 'all' ? this.store.allPlaintiffs() : this.store.plaintiffsOfCase(requireCase(this.store, scope).id);
      const contexts = new Map<string, CaseContext>();
      const identities: ScanIdentity[] = rows.map((row) => {
        let ctx = contexts.get(row.case_id);
        if (!ctx) contexts.set(row.case_id, (ctx = this.caseContext(row.case_id)));
        const identity = readIdentity(ctx, row);
        return { plaintiffId: row.id, caseId: row.case_id, pseudonym: readPublic(ctx, row).pseudonym, ...identity };
      });
      built = { scanner: LeakScanner.build(identities), identities: identities.length };
      this.scanners.set(scope, built);
    }
    return built;
  }

  private casePlaintiffs(caseId: string): CasePlaintiff[] {
    const ctx = this.caseContext(caseId);
    return this.store.plaintiffsOfCase(caseId).map((row) => ({ pseudonym: readPublic(ctx, row).pseudonym, seq: row.seq, identity: readIdentity(ctx, row) }));
  }

  private renderContext(caseId: string): RenderContext {
    const caseDetails = readCase(this.requireKeys(), requireCase(this.store, caseId));
    return { caseDetails, plaintiffs: this.casePlaintiffs(caseId), now: this.now() };
  }

  private caseContext(caseId: string): CaseContext {
    const keys = this.requireKeys();
    const row = requireCase(this.store, caseId);
    const details = readCase(keys, row);
    return { store: this.store, keys, caseId, caseKey: keys.caseKey(caseId, row.wrapped_key), scheme: details.scheme };
  }

  /** Opens a keyslot; a wrong secret is remembered and reported in the audit log at the next unlock. */
  private openSlot(kind: KeyslotRow['kind'], secret: Uint8Array): Keyring {
    try {
      const meta = this.store.meta();
      const slot = this.store.keyslot(kind);
      if (!slot) throw new VaultError('DAMAGED', `The ${kind} keyslot is missing from this vault. Restore it from a backup.`);
      const keys = new Keyring(meta.vault_id, openKeyslot(meta.vault_id, slot, secret));
      try {
        keys.verifyKeyCheck(meta.key_check);
      } catch (error) {
        keys.wipe();
        throw error;
      }
      return keys;
    } catch (error) {
      if (error instanceof VaultError && error.code === 'WRONG_PASSPHRASE') {
        this.store.transaction(() => this.store.addPendingEvent('unlock.failed', this.now()));
      }
      throw error;
    } finally {
      wipe(secret);
    }
  }

  /**
   * Makes freshly opened keys the vault's own: optionally writes a new passphrase slot, and
   * records the events (with any failed attempts made while locked) in one transaction.
   * On failure the keys are wiped and the vault stays as it was.
   */
  private adopt(keys: Keyring, events: AuditEvent[], newPassphrase?: string): void {
    try {
      const slot = newPassphrase === undefined ? undefined : this.newPassphraseSlot(keys, newPassphrase);
      this.transaction((audit) => {
        this.foldPendingEvents(audit);
        if (slot) this.store.putKeyslot(slot);
        for (const event of events) audit.append(event, this.now());
      }, keys);
    } catch (error) {
      keys.wipe();
      throw error;
    }
    this.lock();
    this.keys = keys;
  }

  private newPassphraseSlot(keys: Keyring, passphrase: string): KeyslotRow {
    const current = this.store.keyslot('passphrase') ?? this.store.keyslot('recovery')!;
    const kdf: KdfParams = { alg: 'argon2id13', opslimit: current.opslimit, memlimit: current.memlimit };
    const secret = passphraseBytes(passphrase);
    try {
      return createKeyslot(keys.vaultId, 'passphrase', secret, keys.masterKey, kdf, this.now());
    } finally {
      wipe(secret);
    }
  }

  private foldPendingEvents(audit: AuditLog): void {
    for (const event of this.store.takePendingEvents()) {
      audit.append({ action: event.kind, details: { attemptedAt: event.at } }, this.now());
    }
  }

  private transaction<T>(work: (audit: AuditLog) => T, keys: Keyring = this.requireKeys()): T {
    return this.store.transaction(() => work(new AuditLog(this.store, keys)));
  }

  private now(): string {
    return stamp(this.options);
  }
}

function legalNameLookup(plaintiffs: readonly CasePlaintiff[]): (pseudonym: string) => string | undefined {
  const byKey = new Map(plaintiffs.map((p) => [pseudonymKey(p.pseudonym), p.identity.legalName]));
  return (pseudonym) => byKey.get(pseudonymKey(pseudonym));
}

function notAPlaintiffWordings(details: FilingDetails): string[] {
  const texts = [details.body, details.title, details.parties, details.counsel, details.court, details.caseNumber];
  return texts.flatMap((text) => findTokens(text ?? '').flatMap(({ token }) => (token.kind === 'not-a-plaintiff' ? [token.wording] : [])));
}

function stamp(options: OpenOptions): string {
  return (options.now?.() ?? new Date()).toISOString();
}
