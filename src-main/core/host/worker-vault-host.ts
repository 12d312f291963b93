import { Worker, type ResourceLimits } from 'node:worker_threads';
import { ERROR_CODES, VaultError, type ErrorCode } from '../errors';
import type { ControlledMethod, HostOptions, HostStatus, RunOptions, ServiceArgs, ServiceMethod, ServiceResult, VaultHost } from './vault-host';
import type { ProgressMessage, RunChannel, WorkerMessage, WorkerReply, WorkerRequest } from './vault-worker';

/**
 * The vault worker's heap (issue 11). Every input is bounded well below it (intake and document
 * limits); were one to slip through, the worker stops with ERR_WORKER_OUT_OF_MEMORY instead of
 * taking the whole machine, and the caller gets an error saying so (SQLite rolls back the open
 * transaction: the vault file is as it was).
 */
export const VAULT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 384 };

/** A VaultHost whose vault lives in a worker thread started from the built vault-worker.js. */
export class WorkerVaultHost implements VaultHost {
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; onProgress?: RunOptions['onProgress'] }
  >();
  private nextId = 1;
  private failure: Error | undefined;
  /**
   * Tests only: a progress step ("Writing") in which the next long method holds, once it has
   * reported progress there, until it is cancelled: the E2E suite cancels an import mid-write
   * this way on any machine, however loaded (RunChannel.holdAt). The app never sets it.
   */
  holdAtStep: string | undefined;

  constructor(scriptPath: string, options: HostOptions = {}, resourceLimits: ResourceLimits = VAULT_WORKER_LIMITS) {
    this.worker = new Worker(scriptPath, { workerData: options, resourceLimits });
    this.worker.on('message', (message: WorkerMessage) => ('progress' in message ? this.progress(message) : this.settle(message)));
    this.worker.on('error', (error: Error & { code?: string }) =>
      this.fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new VaultError(
              'INTERNAL',
              `The vault ran out of memory (its limit is ${resourceLimits.maxOldGenerationSizeMb ?? 'the default'} MB) and was stopped; what it was doing was not saved, and the vault file is unchanged. Open the vault again; if this happened while reading a file, split that file into smaller ones.`,
              { cause: error },
            )
          : error,
      ),
    );
    this.worker.on('exit', (code) => this.fail(new Error(`the vault worker stopped (exit code ${code})`)));
  }

  create(path: string, passphrase: string): Promise<{ recoveryKey: string }> {
    return this.request('create', [path, passphrase]) as Promise<{ recoveryKey: string }>;
  }

  open(path: string): Promise<void> {
    return this.request('open', [path]) as Promise<void>;
  }

  restore(from: string, to: string, passphrase: string): Promise<void> {
    return this.request('restore', [from, to, passphrase]) as Promise<void>;
  }

  status(): Promise<HostStatus> {
    return this.request('status', []) as Promise<HostStatus>;
  }

  close(): Promise<void> {
    return this.request('close', []) as Promise<void>;
  }

  call<M extends ServiceMethod>(method: M, ...args: ServiceArgs<M>): Promise<ServiceResult<M>> {
    return this.request('call', [method, ...args]) as Promise<ServiceResult<M>>;
  }

  /**
   * A long method with progress (messages from the worker) and cancellation (a flag in shared
   * memory the worker reads while it works: no message could reach a busy worker).
   */
  run<M extends ControlledMethod>(method: M, args: ServiceArgs<M>, options: RunOptions = {}): Promise<ServiceResult<M>> {
    const cancel = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancel);
    const { signal, onProgress } = options;
    const abort = () => {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0); // wakes a held step (holdAtStep)
    };
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    const channel: RunChannel = { progress: onProgress !== undefined, cancel, holdAt: this.holdAtStep };
    const result = this.request('run', [method, args, channel], onProgress) as Promise<ServiceResult<M>>;
    const detach = () => signal?.removeEventListener('abort', abort);
    result.then(detach, detach);
    return result;
  }

  /** Closes the vault (zeroing its keys) and stops the thread. */
  async terminate(): Promise<void> {
    if (!this.failure) await this.close().catch(() => undefined);
    await this.worker.terminate();
  }

  private request(op: WorkerRequest['op'], args: unknown[], onProgress?: RunOptions['onProgress']): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      this.worker.postMessage({ id, op, args } satisfies WorkerRequest);
    });
  }

  private progress({ id, progress }: ProgressMessage): void {
    const onProgress = this.pending.get(id)?.onProgress;
    if (!onProgress) return;
    try {
      onProgress(progress.done, progress.total, progress.step);
    } catch {
      // A listener's failure is the listener's: the call goes on.
    }
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) {
      waiting.resolve(reply.value);
      return;
    }
    const { code, message, field, stack } = reply.error;
    if ((ERROR_CODES as readonly string[]).includes(code) && code !== 'INTERNAL') {
      waiting.reject(new VaultError(code as ErrorCode, message, field === undefined ? {} : { field }));
    } else {
      const error = new Error(message);
      if (stack) error.stack = stack;
      waiting.reject(error);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
