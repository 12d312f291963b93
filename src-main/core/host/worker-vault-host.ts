import { Worker } from 'node:worker_threads';
import { ERROR_CODES, VaultError, type ErrorCode } from '../errors';
import type { HostOptions, HostStatus, ServiceArgs, ServiceMethod, ServiceResult, VaultHost } from './vault-host';
import type { WorkerReply, WorkerRequest } from './vault-worker';

/** A VaultHost whose vault lives in a worker thread started from the built vault-worker.js. */
export class WorkerVaultHost implements VaultHost {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | undefined;

  constructor(scriptPath: string, options: HostOptions = {}) {
    this.worker = new Worker(scriptPath, { workerData: options });
    this.worker.on('message', (reply: WorkerReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
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

  /** Closes the vault (zeroing its keys) and stops the thread. */
  async terminate(): Promise<void> {
    if (!this.failure) await this.close().catch(() => undefined);
    await this.worker.terminate();
  }

  private request(op: WorkerRequest['op'], args: unknown[]): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, args } satisfies WorkerRequest);
    });
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
