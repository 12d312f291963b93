import type { KdfParams } from '../crypto';
import { VaultError } from '../errors';
import { throwIfCancelled, type OperationControl } from '../operation';
import { VaultService, type FacadeApi } from '../service';
import type { StoreOptions } from '../store';

type Namespace = keyof FacadeApi;

/** Every façade operation as the host names it, "namespace.method": derived from the façade's type, never listed. */
export type ServiceMethod = { [N in Namespace]: `${N}.${keyof FacadeApi[N] & string}` }[Namespace];

type Fn<M extends ServiceMethod> = M extends `${infer N extends Namespace}.${infer F}` ? (F extends keyof FacadeApi[N] ? FacadeApi[N][F] : never) : never;
export type ServiceArgs<M extends ServiceMethod> = Fn<M> extends (...args: infer A) => unknown ? A : never;
export type ServiceResult<M extends ServiceMethod> = Fn<M> extends (...args: never[]) => infer R ? Awaited<R> : never;

/** The long operations: those whose last argument is an options object with a `control` (progress and cancel). */
export type ControlledMethod = {
  [M in ServiceMethod]: ServiceArgs<M> extends [...unknown[], infer Last] ? ('control' extends keyof NonNullable<Last> ? M : never) : never;
}[ServiceMethod];

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

/** The façade function behind "namespace.method", or NOT_FOUND for a name the façade does not have. */
export function facadeFunction(vault: VaultService, method: string): (...args: unknown[]) => unknown {
  const [namespace, name] = method.split('.');
  const functions = namespace !== undefined && Object.hasOwn(vault, namespace) ? (vault as unknown as Record<string, object>)[namespace] : undefined;
  const fn = functions && name !== undefined && Object.hasOwn(functions, name) ? (functions as Record<string, unknown>)[name] : undefined;
  if (typeof fn !== 'function') throw new VaultError('INTERNAL', `The vault has no operation "${method}".`);
  return fn as (...args: unknown[]) => unknown;
}

/** The arguments of a long method with its control given by name in its options (the last argument). */
export function withControl(args: readonly unknown[], control: OperationControl): unknown[] {
  const options = args.at(-1);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new VaultError('INTERNAL', 'A long operation takes its options object last; none was given.');
  }
  return [...args.slice(0, -1), { ...options, control }];
}

export interface HostStatus {
  path: string | null;
  open: boolean;
  unlocked: boolean;
  /** Exports interrupted by a crash whose staged files were removed when this vault was opened. */
  cleanedExports: number;
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
   * the host gives the method an OperationControl fed by `options`, as the `control` of its
   * options (a cancel before it starts stops it with CANCELLED).
   */
  run<M extends ControlledMethod>(method: M, args: ServiceArgs<M>, options?: RunOptions): Promise<ServiceResult<M>>;
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
    return { path: this.vault?.path ?? null, open: this.vault !== undefined, unlocked: this.vault?.isUnlocked ?? false, cleanedExports: this.vault?.cleanedExports ?? 0 };
  }

  async close(): Promise<void> {
    this.vault?.close();
    this.vault = undefined;
  }

  async call<M extends ServiceMethod>(method: M, ...args: ServiceArgs<M>): Promise<ServiceResult<M>> {
    return this.invoke(method, args) as Promise<ServiceResult<M>>;
  }

  async run<M extends ControlledMethod>(method: M, args: ServiceArgs<M>, options: RunOptions = {}): Promise<ServiceResult<M>> {
    return this.runControlled(method, args, {
      onProgress: options.onProgress,
      isCancelled: () => options.signal?.aborted ?? false,
    });
  }

  /** The worker's entry: the control is built there from messages and shared memory. */
  async runControlled<M extends ControlledMethod>(method: M, args: readonly unknown[], control: OperationControl): Promise<ServiceResult<M>> {
    throwIfCancelled(control);
    return this.invoke(method, withControl(args, control)) as Promise<ServiceResult<M>>;
  }

  private async invoke(method: string, args: readonly unknown[]): Promise<unknown> {
    if (!this.vault) throw new VaultError('NOT_FOUND', 'No vault is open. Create one or open a vault file.');
    return facadeFunction(this.vault, method)(...args);
  }
}
