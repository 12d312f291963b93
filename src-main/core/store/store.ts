import Database from 'better-sqlite3';
import { chmodSync, existsSync, linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { VaultError } from '../errors';
import { APPLICATION_ID, assertSupportedVersion, inspectVaultFile } from './header';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type {
  AuditRow,
  CaseRow,
  FilingRow,
  IntakeMappingRow,
  KeyslotKind,
  KeyslotRow,
  MetaRow,
  PendingEventRow,
  PlaintiffRow,
  PlaintiffHeadRow,
  SettingRow,
  StoreChanges,
} from './rows';

/** Reseals the integrity heads a transaction's changes touched, inside that transaction. */
export type Sealer = (store: VaultStore, changes: StoreChanges) => void;

export interface StoreOptions {
  /** Path of a better-sqlite3 binary built for another runtime (the Electron app's build). */
  nativeBinding?: string;
  /** Open for reading only (verifying a backup): no pragmas that write, no migrations. */
  readonly?: boolean;
}

type Db = Database.Database;

/**
 * The one interface to the vault file. Domain modules read and write rows through these
 * methods and never see SQL; this folder is the only importer of better-sqlite3.
 */
export class VaultStore {
  readonly path: string;
  private readonly db: Db;
  private readonly statements = new Map<string, Database.Statement>();
  private changedCases = new Set<string>();
  private vaultChanged = false;
  private depth = 0;
  private sealer: Sealer | undefined;

  private constructor(
    path: string,
    db: Db,
    private readonly options: StoreOptions,
  ) {
    this.path = path;
    this.db = db;
  }

  /**
   * Creates a vault atomically: everything is written to a temporary file beside `path`, which
   * is linked into place only when complete, and never over an existing file.
   */
  static create(path: string, populate: (store: VaultStore) => void, options: StoreOptions = {}): VaultStore {
    refuseExisting(path);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = join(dirname(path), `.${basename(path)}.creating-${process.pid}-${Date.now()}`);
    let store: VaultStore | undefined;
    try {
      const db = new Database(temporary, nativeOptions(options));
      chmodSync(temporary, 0o600);
      store = new VaultStore(temporary, db, options);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      applyPragmas(db, 'DELETE');
      migrate(db);
      store.transaction(() => populate(store!));
      store.close();
      linkInto(temporary, path);
    } catch (error) {
      store?.close();
      throw translateStoreError(error, path);
    } finally {
      removeFileSet(temporary);
    }
    return VaultStore.open(path, options);
  }

  static open(path: string, options: StoreOptions = {}): VaultStore {
    inspectVaultFile(path);
    let db: Db | undefined;
    try {
      db = new Database(path, { ...nativeOptions(options), fileMustExist: true, readonly: options.readonly === true });
      // The header may predate migrations still in the WAL: ask SQLite before changing anything.
      assertSupportedVersion(db.pragma('user_version', { simple: true }) as number, path);
      const check = db.pragma('quick_check', { simple: true }) as string;
      if (check !== 'ok') {
        throw new VaultError('DAMAGED', `${path} failed SQLite's integrity check. Restore the vault from a backup.`);
      }
      if (!options.readonly) {
        applyPragmas(db, 'WAL');
        migrate(db);
      }
      return new VaultStore(path, db, options);
    } catch (error) {
      db?.close();
      throw translateStoreError(error, path);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Runs `work` in one IMMEDIATE transaction: all of it is written, or none of it. Before it
   * commits, the integrity heads its changes touched are resealed by `sealer` (default: the one
   * the unlocked vault installed); a change with no sealer to reseal it rolls back, so no
   * writer can leave a head stale.
   */
  transaction<T>(work: () => T, sealer?: Sealer): T {
    const outermost = this.depth === 0;
    this.depth += 1;
    try {
      return this.db.transaction(() => {
        const result = work();
        if (outermost) this.sealChanges(sealer ?? this.sealer);
        return result;
      }).immediate();
    } catch (error) {
      if (outermost) this.clearChanges();
      throw translateStoreError(error, this.path);
    } finally {
      this.depth -= 1;
    }
  }

  /** Installs (or removes) the sealer of the unlocked vault's keys. */
  setSealer(sealer: Sealer | undefined): void {
    this.sealer = sealer;
  }

  private sealChanges(sealer: Sealer | undefined): void {
    if (this.changedCases.size === 0 && !this.vaultChanged) return;
    const changes: StoreChanges = { cases: this.changedCases, vault: this.vaultChanged };
    this.clearChanges();
    if (!sealer) throw new Error('integrity heads changed with no keys to reseal them');
    sealer(this, changes);
    // The sealer writes heads only; anything else it changed would go unsealed.
    if (this.changedCases.size > 0 || this.vaultChanged) throw new Error('the sealer changed covered rows');
  }

  private clearChanges(): void {
    this.changedCases = new Set();
    this.vaultChanged = false;
  }

  /**
   * SQLite's data_version: changes when another connection (another DoeVault process, or
   * anything with the file) commits, and never for this connection's own commits.
   */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  integrityCheck(): string[] {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  }

  /** Moves the WAL into the main file and empties it, so deleted pages leave no copy behind. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /**
   * A consistent copy through SQLite's backup API, turned into a single self-contained file
   * (rollback journal, no WAL) that can be moved or stored anywhere.
   */
  async backupTo(destination: string): Promise<void> {
    await this.db.backup(destination);
    chmodSync(destination, 0o600);
    const copy = new Database(destination, { ...nativeOptions(this.options), fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  }

  // meta ----------------------------------------------------------------------------------

  insertMeta(row: MetaRow): void {
    this.run(
      'INSERT INTO meta (singleton, vault_id, created_at, key_check, audit_head) VALUES (1, @vault_id, @created_at, @key_check, @audit_head)',
      row,
    );
  }

  meta(): MetaRow {
    const row = this.get<MetaRow>('SELECT vault_id, created_at, key_check, audit_head, vault_head FROM meta WHERE singleton = 1');
    if (!row) throw new VaultError('DAMAGED', `${this.path} has no vault header record. Restore the vault from a backup.`);
    return row;
  }

  setKeyCheck(keyCheck: Uint8Array): void {
    this.run('UPDATE meta SET key_check = ? WHERE singleton = 1', keyCheck);
  }

  setAuditHead(head: Uint8Array): void {
    this.run('UPDATE meta SET audit_head = ? WHERE singleton = 1', head);
  }

  setVaultHead(head: Uint8Array): void {
    this.run('UPDATE meta SET vault_head = ? WHERE singleton = 1', head);
  }

  auditCount(): number {
    return this.get<{ n: number }>('SELECT count(*) AS n FROM audit_log')!.n;
  }

  // keyslots ------------------------------------------------------------------------------

  keyslot(kind: KeyslotKind): KeyslotRow | undefined {
    return this.get<KeyslotRow>('SELECT * FROM keyslots WHERE kind = ?', kind);
  }

  keyslots(): KeyslotRow[] {
    return this.all<KeyslotRow>('SELECT * FROM keyslots ORDER BY kind');
  }

  putKeyslot(row: KeyslotRow): void {
    this.vaultChanged = true;
    this.run(
      `INSERT INTO keyslots (kind, alg, opslimit, memlimit, salt, wrapped_key, checksum, updated_at)
       VALUES (@kind, @alg, @opslimit, @memlimit, @salt, @wrapped_key, @checksum, @updated_at)
       ON CONFLICT (kind) DO UPDATE SET alg = excluded.alg, opslimit = excluded.opslimit,
         memlimit = excluded.memlimit, salt = excluded.salt, wrapped_key = excluded.wrapped_key,
         checksum = excluded.checksum, updated_at = excluded.updated_at`,
      row,
    );
  }

  // cases ---------------------------------------------------------------------------------

  insertCase(row: CaseRow): void {
    this.vaultChanged = true;
    this.changedCases.add(row.id);
    this.run(
      'INSERT INTO cases (id, created_at, next_seq, wrapped_key, details) VALUES (@id, @created_at, @next_seq, @wrapped_key, @details)',
      row,
    );
  }

  cases(): CaseRow[] {
    return this.all<CaseRow>('SELECT * FROM cases ORDER BY rowid');
  }

  caseById(id: string): CaseRow | undefined {
    return this.get<CaseRow>('SELECT * FROM cases WHERE id = ?', id);
  }

  /** Reserves the next `count` sequence numbers of a case and returns the first. */
  reserveSeq(caseId: string, count: number): number {
    this.changedCases.add(caseId);
    const row = this.get<{ next_seq: number }>(
      'UPDATE cases SET next_seq = next_seq + ? WHERE id = ? RETURNING next_seq',
      count,
      caseId,
    );
    if (!row) throw new VaultError('NOT_FOUND', `No case with id ${caseId}.`);
    return row.next_seq - count;
  }

  /** Deletes the case row, its wrapped data key and (by cascade) all its plaintiffs. */
  deleteCase(id: string): number {
    this.vaultChanged = true;
    return this.run('DELETE FROM cases WHERE id = ?', id).changes;
  }

  setCaseHead(id: string, head: Uint8Array): void {
    this.run('UPDATE cases SET head = ? WHERE id = ?', head, id);
  }

  plaintiffCounts(): Map<string, number> {
    const rows = this.all<{ case_id: string; n: number }>('SELECT case_id, count(*) AS n FROM plaintiffs GROUP BY case_id');
    return new Map(rows.map((row) => [row.case_id, row.n]));
  }

  // plaintiffs ----------------------------------------------------------------------------

  insertPlaintiff(row: PlaintiffRow): void {
    this.changedCases.add(row.case_id);
    this.run(
      `INSERT INTO plaintiffs (id, case_id, seq, created_at, updated_at, public, identity,
         pseudonym_index, name_index, name_dob_index, initials_index)
       VALUES (@id, @case_id, @seq, @created_at, @updated_at, @public, @identity,
         @pseudonym_index, @name_index, @name_dob_index, @initials_index)`,
      row,
    );
  }

  plaintiffsOfCase(caseId: string): PlaintiffRow[] {
    return this.all<PlaintiffRow>('SELECT * FROM plaintiffs WHERE case_id = ? ORDER BY seq', caseId);
  }

  /**
   * The columns a case's integrity head covers, row by row in seq order, as arrays: read at
   * every unlock for every plaintiff, so no row objects and no timestamps.
   */
  plaintiffHeadRows(caseId: string): PlaintiffHeadRow[] {
    const sql =
      'SELECT id, seq, public, identity, pseudonym_index, name_index, name_dob_index, initials_index FROM plaintiffs WHERE case_id = ? ORDER BY seq';
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).raw(true);
      this.statements.set(sql, statement);
    }
    return statement.all(caseId) as PlaintiffHeadRow[];
  }

  plaintiffById(caseId: string, id: string): PlaintiffRow | undefined {
    return this.get<PlaintiffRow>('SELECT * FROM plaintiffs WHERE case_id = ? AND id = ?', caseId, id);
  }

  plaintiffByPseudonymIndex(caseId: string, index: Uint8Array): PlaintiffRow | undefined {
    return this.get<PlaintiffRow>('SELECT * FROM plaintiffs WHERE case_id = ? AND pseudonym_index = ?', caseId, index);
  }

  countByInitialsIndex(caseId: string, index: Uint8Array): number {
    return this.get<{ n: number }>(
      'SELECT count(*) AS n FROM plaintiffs WHERE case_id = ? AND initials_index = ?',
      caseId,
      index,
    )!.n;
  }

  plaintiffsByNameIndex(index: Uint8Array): PlaintiffRow[] {
    return this.all<PlaintiffRow>('SELECT * FROM plaintiffs WHERE name_index = ? ORDER BY case_id, seq', index);
  }

  updatePlaintiffIdentity(
    id: string,
    row: Pick<PlaintiffRow, 'identity' | 'name_index' | 'name_dob_index' | 'updated_at'>,
  ): void {
    this.markPlaintiffChanged(id);
    this.run(
      'UPDATE plaintiffs SET identity = @identity, name_index = @name_index, name_dob_index = @name_dob_index, updated_at = @updated_at WHERE id = @id',
      { ...row, id },
    );
  }

  updatePlaintiffPublic(id: string, publicBlob: Uint8Array, updatedAt: string): void {
    this.markPlaintiffChanged(id);
    this.run('UPDATE plaintiffs SET public = ?, updated_at = ? WHERE id = ?', publicBlob, updatedAt, id);
  }

  private markPlaintiffChanged(id: string): void {
    const row = this.get<{ case_id: string }>('SELECT case_id FROM plaintiffs WHERE id = ?', id);
    if (row) this.changedCases.add(row.case_id);
  }

  // filings -------------------------------------------------------------------------------

  insertFiling(row: FilingRow): void {
    this.run(
      'INSERT INTO filings (id, case_id, created_at, updated_at, details) VALUES (@id, @case_id, @created_at, @updated_at, @details)',
      row,
    );
  }

  filingsOfCase(caseId: string): FilingRow[] {
    return this.all<FilingRow>('SELECT * FROM filings WHERE case_id = ? ORDER BY rowid', caseId);
  }

  filingById(caseId: string, id: string): FilingRow | undefined {
    return this.get<FilingRow>('SELECT * FROM filings WHERE case_id = ? AND id = ?', caseId, id);
  }

  updateFiling(id: string, details: Uint8Array, updatedAt: string): void {
    this.run('UPDATE filings SET details = ?, updated_at = ? WHERE id = ?', details, updatedAt, id);
  }

  deleteFiling(id: string): number {
    return this.run('DELETE FROM filings WHERE id = ?', id).changes;
  }

  /** Every plaintiff of the vault, case by case: the leak scanner looks for all of them. */
  allPlaintiffs(): PlaintiffRow[] {
    return this.all<PlaintiffRow>('SELECT * FROM plaintiffs ORDER BY case_id, seq');
  }

  // intake mappings -----------------------------------------------------------------------

  intakeMapping(caseId: string): IntakeMappingRow | undefined {
    return this.get<IntakeMappingRow>('SELECT * FROM intake_mappings WHERE case_id = ?', caseId);
  }

  putIntakeMapping(row: IntakeMappingRow): void {
    this.run(
      `INSERT INTO intake_mappings (case_id, updated_at, mapping) VALUES (@case_id, @updated_at, @mapping)
       ON CONFLICT (case_id) DO UPDATE SET updated_at = excluded.updated_at, mapping = excluded.mapping`,
      row,
    );
  }

  // settings (covered by the vault head) -------------------------------------------------

  settings(): SettingRow[] {
    return this.all<SettingRow>('SELECT * FROM settings ORDER BY key');
  }

  setting(key: string): SettingRow | undefined {
    return this.get<SettingRow>('SELECT * FROM settings WHERE key = ?', key);
  }

  putSetting(row: SettingRow): void {
    this.vaultChanged = true;
    this.run(
      `INSERT INTO settings (key, value) VALUES (@key, @value)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      row,
    );
  }

  deleteSetting(key: string): number {
    this.vaultChanged = true;
    return this.run('DELETE FROM settings WHERE key = ?', key).changes;
  }

  // audit ---------------------------------------------------------------------------------

  appendAudit(row: AuditRow): void {
    this.run('INSERT INTO audit_log (seq, at, entry, prev_hash, mac) VALUES (@seq, @at, @entry, @prev_hash, @mac)', row);
  }

  auditRows(): AuditRow[] {
    return this.all<AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  }

  lastAuditRow(): AuditRow | undefined {
    return this.get<AuditRow>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1');
  }

  addPendingEvent(kind: PendingEventRow['kind'], at: string): void {
    this.run('INSERT INTO pending_events (kind, at) VALUES (?, ?)', kind, at);
  }

  /** Returns and removes the events recorded while locked (call inside a transaction). */
  takePendingEvents(): PendingEventRow[] {
    const rows = this.all<PendingEventRow>('SELECT * FROM pending_events ORDER BY id');
    this.run('DELETE FROM pending_events');
    return rows;
  }

  // records written before issue 11 (times in plaintext, unpadded ciphertexts) -------------

  /**
   * Rows still holding a time in plaintext or an unpadded ciphertext (format byte 1): what the
   * upgrade at unlock re-seals. Empty once a vault has been unlocked by this version.
   */
  legacyRecords(): { cases: CaseRow[]; filings: FilingRow[]; plaintiffs: PlaintiffRow[]; intakeMappings: IntakeMappingRow[]; plaintextTimes: number } {
    const unpadded = (column: string) => `substr(${column}, 1, 1) = x'01'`;
    const plaintextTimes = this.get<{ n: number }>(
      `SELECT (SELECT count(*) FROM meta WHERE created_at <> '')
            + (SELECT count(*) FROM keyslots WHERE updated_at <> '')
            + (SELECT count(*) FROM plaintiffs WHERE created_at <> '' OR updated_at <> '')
            + (SELECT count(*) FROM intake_mappings WHERE updated_at <> '') AS n`,
    )!.n;
    return {
      cases: this.all<CaseRow>(`SELECT * FROM cases WHERE created_at <> '' OR ${unpadded('details')} ORDER BY rowid`),
      filings: this.all<FilingRow>(`SELECT * FROM filings WHERE created_at <> '' OR updated_at <> '' OR ${unpadded('details')} ORDER BY rowid`),
      plaintiffs: this.all<PlaintiffRow>(`SELECT * FROM plaintiffs WHERE ${unpadded('public')} OR ${unpadded('identity')} ORDER BY case_id, seq`),
      intakeMappings: this.all<IntakeMappingRow>(`SELECT * FROM intake_mappings WHERE ${unpadded('mapping')}`),
      plaintextTimes,
    };
  }

  resealCase(id: string, details: Uint8Array): void {
    this.vaultChanged = true;
    this.run("UPDATE cases SET details = ?, created_at = '' WHERE id = ?", details, id);
  }

  /** A case's sealed details rewritten (its counsel); the vault head covers them. */
  updateCaseDetails(id: string, details: Uint8Array): void {
    this.vaultChanged = true;
    this.run('UPDATE cases SET details = ? WHERE id = ?', details, id);
  }

  resealFiling(id: string, details: Uint8Array): void {
    this.run("UPDATE filings SET details = ?, created_at = '', updated_at = '' WHERE id = ?", details, id);
  }

  resealPlaintiff(id: string, publicBlob: Uint8Array, identity: Uint8Array): void {
    this.markPlaintiffChanged(id);
    this.run("UPDATE plaintiffs SET public = ?, identity = ?, created_at = '', updated_at = '' WHERE id = ?", publicBlob, identity, id);
  }

  resealIntakeMapping(caseId: string, mapping: Uint8Array): void {
    this.run("UPDATE intake_mappings SET mapping = ?, updated_at = '' WHERE case_id = ?", mapping, caseId);
  }

  /** Times nothing reads back (they are in the audit log, encrypted): blanked in place. */
  clearPlaintextTimes(): void {
    this.run("UPDATE meta SET created_at = '' WHERE created_at <> ''");
    this.run("UPDATE keyslots SET updated_at = '' WHERE updated_at <> ''");
    this.run("UPDATE plaintiffs SET created_at = '', updated_at = '' WHERE created_at <> '' OR updated_at <> ''");
    this.run("UPDATE intake_mappings SET updated_at = '' WHERE updated_at <> ''");
  }

  // plumbing ------------------------------------------------------------------------------

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.statement(sql).run(...params);
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }
}

function nativeOptions(options: StoreOptions): Database.Options {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
}

function applyPragmas(db: Db, journalMode: 'WAL' | 'DELETE'): void {
  db.pragma(`journal_mode = ${journalMode}`);
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  // Sorts and temporary tables stay in memory: SQLite temp files would hold decrypted nothing,
  // but they would hold blind indexes and are never needed.
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache, not SQLite's 2 MiB: a large import inserts into five indexes keyed
  // by random-looking blind indexes, and a small cache wrote the same pages out again and again
  // (a sixth of a 100,000-row import). The pages hold ciphertext and blind indexes only.
  db.pragma('cache_size = -65536');
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  const after = db.pragma('user_version', { simple: true }) as number;
  if (after !== SCHEMA_VERSION) throw new Error(`migrations left user_version at ${after}, expected ${SCHEMA_VERSION}`);
}

/** Links `from` to `to`; fails if `to` exists, so a concurrent writer is never overwritten. */
export function linkInto(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyExists(to);
    throw error;
  }
  rmSync(from, { force: true });
}

export function refuseExisting(path: string): void {
  if (existsSync(path)) throw alreadyExists(path);
}

function alreadyExists(path: string): VaultError {
  return new VaultError('CONFLICT', `${path} already exists. Choose another path; DoeVault never overwrites a file.`);
}

export function removeFileSet(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

export function fileSize(path: string): number {
  return statSync(path).size;
}

/** Turns SQLite's failures into DoeVault's closed set of errors. */
export function translateStoreError(error: unknown, path: string): unknown {
  if (error instanceof VaultError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) {
    return new VaultError('DAMAGED', `${path} is damaged (SQLite reports corruption). Restore the vault from a backup.`, { cause: error });
  }
  if (code === 'SQLITE_NOTADB') {
    return new VaultError('NOT_A_VAULT', `${path} is not a DoeVault vault. Check the path.`, { cause: error });
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new VaultError('CONFLICT', 'The vault is busy in another DoeVault window or command. Try again when it has finished.', { cause: error });
  }
  if (code === 'SQLITE_FULL') {
    return new VaultError('INTERNAL', 'The disk is full; nothing was written. Free some space and try again.', { cause: error });
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_') || code === 'SQLITE_PERM') {
    return new VaultError('INTERNAL', `Cannot write to ${path} or its folder. Check the file permissions.`, { cause: error });
  }
  return error;
}
