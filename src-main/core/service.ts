import { AuditService } from './audit/service';
import { CaseService } from './cases/service';
import { initCrypto, type KdfParams } from './crypto';
import { VaultError } from './errors';
import { cleanExportLeftovers } from './export/export-staging';
import { ExportService } from './export/service';
import { defaultFontsDir } from './export/fonts-dir';
import { ExhibitsService } from './exhibits/service';
import { CounselService } from './filings/counsel-service';
import { FilingService } from './filings/service';
import { IntakeService } from './intake/service';
import { PlaintiffService } from './plaintiffs/service';
import { linkInto, refuseExisting, removeFileSet, VaultStore, type StoreOptions } from './store';
import { stageRestore } from './vault/backup';
import { createVaultFile, VaultLifecycle } from './vault/service';
import { VaultSession } from './vault/session';

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

/** The public methods of a service, bound to it: what one namespace of the façade is. */
export type Methods<T> = { readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] };

/** The façade's namespaces, each a domain's operations, named as the IPC channels and CLI commands name them. */
export interface FacadeApi {
  vault: Methods<VaultLifecycle>;
  cases: Methods<CaseService>;
  plaintiffs: Methods<PlaintiffService>;
  intake: Methods<IntakeService>;
  filings: Methods<FilingService> & Pick<Methods<ExportService>, 'export' | 'verify' | 'sealingSet'>;
  packages: Pick<Methods<ExportService>, 'readRecipientKey' | 'openPackage'>;
  /** Counsel stored once: the firm's for the vault, a case's own (issue 12). */
  counsel: Methods<CounselService>;
  audit: Methods<AuditService>;
  /** Exhibits: documents from others, found and redacted against the vault (issue 14). */
  exhibits: Methods<ExhibitsService>;
}

/**
 * VaultService: the one façade over the core. The IPC handlers (through the vault host), the
 * CLI, the demo and the benchmarks call this and nothing below it. It composes the per-domain
 * services over one VaultSession and holds no domain logic of its own.
 */
export class VaultService implements FacadeApi {
  readonly vault: FacadeApi['vault'];
  readonly cases: FacadeApi['cases'];
  readonly plaintiffs: FacadeApi['plaintiffs'];
  readonly intake: FacadeApi['intake'];
  readonly filings: FacadeApi['filings'];
  readonly packages: FacadeApi['packages'];
  readonly counsel: FacadeApi['counsel'];
  readonly audit: FacadeApi['audit'];
  readonly exhibits: FacadeApi['exhibits'];
  /**
   * Exports interrupted by a crash whose staged files (real names among them) `open` removed;
   * the CLI and the app tell the user.
   */
  cleanedExports = 0;

  private constructor(
    private readonly session: VaultSession,
    options: OpenOptions,
  ) {
    const fontsDir = options.fontsDir ?? defaultFontsDir();
    const exports = bind(new ExportService(session, fontsDir));
    this.vault = bind(new VaultLifecycle(session, storeOptions(options)));
    this.cases = bind(new CaseService(session));
    this.plaintiffs = bind(new PlaintiffService(session));
    this.intake = bind(new IntakeService(session));
    this.filings = Object.freeze({ ...bind(new FilingService(session)), export: exports.export, verify: exports.verify, sealingSet: exports.sealingSet });
    this.packages = Object.freeze({ readRecipientKey: exports.readRecipientKey, openPackage: exports.openPackage });
    this.counsel = bind(new CounselService(session));
    this.audit = bind(new AuditService(() => session.unlocked()));
    this.exhibits = bind(new ExhibitsService(session, fontsDir));
  }

  /** Creates a vault at `path` (never over an existing file), unlocked, with its recovery key. */
  static async create(path: string, passphrase: string, options: CreateOptions = {}): Promise<{ vault: VaultService; recoveryKey: string }> {
    await initCrypto();
    const { store, keys, recoveryKey } = createVaultFile(path, passphrase, { ...storeOptions(options), kdf: options.kdf, now: clock(options)() });
    const vault = new VaultService(new VaultSession(store, clock(options)), options);
    vault.session.begin(keys);
    return { vault, recoveryKey };
  }

  /** Throws CONFLICT if `path` exists: lets a caller refuse before asking for a passphrase. */
  static assertCanCreate(path: string): void {
    refuseExisting(path);
  }

  /** Opens an existing vault, locked. */
  static async open(path: string, options: OpenOptions = {}): Promise<VaultService> {
    await initCrypto();
    const vault = new VaultService(new VaultSession(VaultStore.open(path, storeOptions(options)), clock(options)), options);
    try {
      vault.cleanedExports = await cleanExportLeftovers(vault.path);
    } catch (error) {
      vault.close();
      throw error;
    }
    return vault;
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
        vault.vault.unlock(passphrase);
        const problems = vault.session.store.integrityCheck();
        if (problems.length > 0) {
          throw new VaultError('DAMAGED', `The backup is damaged (${problems[0]}); nothing was restored. Try an older backup.`);
        }
        vault.session.unlocked().record({ action: 'vault.restored', details: { from: source } });
      } finally {
        vault.close();
      }
      linkInto(staged, destination);
    } finally {
      removeFileSet(staged);
    }
  }

  get path(): string {
    return this.session.store.path;
  }

  get isUnlocked(): boolean {
    return this.session.isUnlocked;
  }

  close(): void {
    this.session.end();
    this.session.store.close();
  }
}

/** A service's public methods, bound to it, in a frozen object. */
function bind<T extends object>(service: T): Methods<T> {
  const methods: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(service))) {
    const value = (service as Record<string, unknown>)[name];
    if (name !== 'constructor' && typeof value === 'function') methods[name] = value.bind(service);
  }
  return Object.freeze(methods) as Methods<T>;
}

function storeOptions({ nativeBinding }: OpenOptions): StoreOptions {
  return nativeBinding === undefined ? {} : { nativeBinding };
}

function clock(options: OpenOptions): () => string {
  return () => (options.now?.() ?? new Date()).toISOString();
}
