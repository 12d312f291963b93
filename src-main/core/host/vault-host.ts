import type { KdfParams } from '../crypto';
import { VaultError } from '../errors';
import { VaultService } from '../service';
import type { StoreOptions } from '../store';

/** The VaultService methods a host forwards. */
export type ServiceMethod =
  | 'unlock'
  | 'lock'
  | 'recover'
  | 'changePassphrase'
  | 'backup'
  | 'createCase'
  | 'listCases'
  | 'deleteCase'
  | 'addPlaintiff'
  | 'addPlaintiffs'
  | 'updatePlaintiff'
  | 'withdrawPlaintiffById'
  | 'roster'
  | 'sealedRoster'
  | 'revealPlaintiff'
  | 'searchPlaintiffs'
  | 'findDuplicates'
  | 'auditLog'
  | 'verifyAudit'
  | 'listFilings'
  | 'getFiling'
  | 'createFiling'
  | 'updateFiling'
  | 'deleteFiling'
  | 'scanDraft'
  | 'prepareDraft'
  | 'importDraftFile'
  | 'resolveFinding'
  | 'checkFiling'
  | 'previewFiling'
  | 'exportFiling'
  | 'readRecipientKey'
  | 'extractSealedPackage'
  | 'inspectIntakeFile'
  | 'previewImport'
  | 'importPlaintiffs'
  | 'exportRoster';

type Method<M extends ServiceMethod> = VaultService[M] extends (...args: infer A) => infer R ? { args: A; result: Awaited<R> } : never;
export type ServiceArgs<M extends ServiceMethod> = Method<M>['args'];
export type ServiceResult<M extends ServiceMethod> = Method<M>['result'];

export interface HostStatus {
  path: string | null;
  open: boolean;
  unlocked: boolean;
}

export interface HostOptions extends Omit<StoreOptions, 'readonly'> {
  /** Test-only override of the default Argon2id parameters for vaults created here. */
  kdf?: KdfParams;
  /** Where the export's fonts are (default: resources/fonts found from the code's location). */
  fontsDir?: string;
}

/**
 * The vault as the desktop app holds it: at most one open VaultService, reached through async
 * calls so that it can live in a worker thread, off the window's event loop.
 */
export interface VaultHost {
  create(path: string, passphrase: string): Promise<{ recoveryKey: string }>;
  open(path: string): Promise<void>;
  restore(from: string, to: string, passphrase: string): Promise<void>;
  status(): Promise<HostStatus>;
  close(): Promise<void>;
  call<M extends ServiceMethod>(method: M, ...args: ServiceArgs<M>): Promise<ServiceResult<M>>;
}

/** The host logic itself, in the calling thread: what the worker runs, and what unit tests use. */
export class InProcessVaultHost implements VaultHost {
  private vault: VaultService | undefined;

  constructor(private readonly options: HostOptions = {}) {}

  async create(path: string, passphrase: string): Promise<{ recoveryKey: string }> {
    const { vault, recoveryKey } = await VaultService.create(path, passphrase, this.options);
    await this.close();
    this.vault = vault;
    return { recoveryKey };
  }

  async open(path: string): Promise<void> {
    const vault = await VaultService.open(path, this.options);
    await this.close();
    this.vault = vault;
  }

  async restore(from: string, to: string, passphrase: string): Promise<void> {
    await VaultService.restore(from, to, passphrase, this.options);
  }

  async status(): Promise<HostStatus> {
    return { path: this.vault?.path ?? null, open: this.vault !== undefined, unlocked: this.vault?.isUnlocked ?? false };
  }

  async close(): Promise<void> {
    this.vault?.close();
    this.vault = undefined;
  }

  async call<M extends ServiceMethod>(method: M, ...args: ServiceArgs<M>): Promise<ServiceResult<M>> {
    if (!this.vault) throw new VaultError('NOT_FOUND', 'No vault is open. Create one or open a vault file.');
    const fn = this.vault[method] as (...a: unknown[]) => unknown;
    return (await fn.apply(this.vault, args)) as ServiceResult<M>;
  }
}
