import type { KdfParams } from '../crypto';
import { VaultError } from '../errors';
import { throwIfCancelled, type OperationControl } from '../operation';
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
  | 'searchPlaintiffMask'
  | 'warmSearch'
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
  | 'inspectIntakeFile'
  | 'previewImport'
  | 'importPlaintiffs'
  | 'exportRoster'
  | 'extractSealedPackage'
  | 'inspectIntakeFile'
  | 'previewImport'
  | 'importPlaintiffs'
  | 'exportRoster';

type Method<M extends ServiceMethod> = VaultService[M] extends (...args: infer A) => infer R ? { args: A; result: Awaited<R> } : never;
export type ServiceArgs<M extends ServiceMethod> = Method<M>['args'];
export type ServiceResult<M extends ServiceMethod> = Method<M>['result'];

/**
 * What a caller of a long method gives `VaultHost.run`: where progress goes, and a signal that
 * cancels. Functions cannot cross a worker's boundary, so the worker host turns these into
 * messages (progress, worker to caller) and a flag in shared memory (cancel, caller to worker),
 * and the worker hands the method an OperationControl built from them.
 */
export interface RunOptions {
  /** `total` null: not known yet. Throttled by the worker host (at most every PROGRESS_INTERVAL_MS per step). */
  onProgress?: ((done: number, total: number | null, step: string) => void) | undefined;
  /** Aborting it cancels the call: the method stops at its next check and undoes its work (CANCELLED). */
  signal?: AbortSignal | undefined;
}

/** How often, at most, progress of one step crosses from the worker (the first and last of a step always do). */
export const PROGRESS_INTERVAL_MS = 50;

/**
 * Where each long method takes its OperationControl: the methods not listed take none (their
 * progress is only "started" and "finished", and they cannot be cancelled).
 */
const CONTROLLED: Partial<Record<ServiceMethod, (args: unknown[], control: OperationControl) => unknown[]>> = {
  // exportFiling(caseId, input, { destination, docx, package, onProgress(step, done, total) })
  exportFiling: (args, control) => {
    const [caseId, input, options] = args as [unknown, unknown, Record<string, unknown>];
    const onProgress = control.onProgress;
    return [caseId, input, { ...options, ...(onProgress ? { onProgress: (step: string, done: number, total: number) => onProgress(done, total, step) } : {}) }];
  },
  // previewImport / importPlaintiffs(caseId, path, options, control)
  previewImport: (args, control) => [args[0], args[1], args[2], control],
  importPlaintiffs: (args, control) => [args[0], args[1], args[2], control],
};

/** Whether `method` accepts progress and cancellation. */
export function isControlled(method: ServiceMethod): boolean {
  return CONTROLLED[method] !== undefined;
}

/** The arguments of `method` with `control` put where the method takes it (unchanged for other methods). */
export function withControl(method: ServiceMethod, args: readonly unknown[], control: OperationControl): unknown[] {
  const inject = CONTROLLED[method];
  return inject ? inject([...args], control) : [...args];
}

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
  /**
   * Like `call`, with progress and cancellation for the long methods (an export, an import):
   * the host gives the method an OperationControl fed by `options`. Any other method runs as
   * with `call` (a cancel before it starts still stops it with CANCELLED).
   */
  run<M extends ServiceMethod>(method: M, args: ServiceArgs<M>, options?: RunOptions): Promise<ServiceResult<M>>;
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

  async run<M extends ServiceMethod>(method: M, args: ServiceArgs<M>, options: RunOptions = {}): Promise<ServiceResult<M>> {
    return this.runControlled(method, args, {
      onProgress: options.onProgress,
      isCancelled: () => options.signal?.aborted ?? false,
    });
  }

  /** The worker's entry: the control is built there from messages and shared memory. */
  async runControlled<M extends ServiceMethod>(method: M, args: readonly unknown[], control: OperationControl): Promise<ServiceResult<M>> {
    throwIfCancelled(control);
    return this.call(method, ...(withControl(method, args, control) as ServiceArgs<M>));
  }
}
