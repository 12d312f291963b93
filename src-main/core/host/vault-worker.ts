import { parentPort, workerData } from 'node:worker_threads';
import { isVaultError } from '../errors';
import { InProcessVaultHost, type HostOptions, type VaultHost } from './vault-host';

/**
 * Worker-thread entry: runs the vault (Argon2id, SQLite, encryption) off the main process's
 * event loop. Requests are handled one at a time, in order.
 */
export interface WorkerRequest {
  id: number;
  op: 'create' | 'open' | 'restore' | 'status' | 'close' | 'call';
  args: unknown[];
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; message: string; field?: string; stack?: string } };

const port = parentPort;
if (!port) throw new Error('vault-worker must run in a worker thread');
const host = new InProcessVaultHost(workerData as HostOptions);
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    try {
      const run = host[request.op] as (...args: unknown[]) => Promise<unknown>;
      port.postMessage({ id: request.id, ok: true, value: await run.apply(host as VaultHost, request.args) } satisfies WorkerReply);
    } catch (error) {
      const reply: WorkerReply = isVaultError(error)
        ? { id: request.id, ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } }
        : { id: request.id, ok: false, error: { code: 'INTERNAL', message: String((error as Error)?.message ?? error), stack: (error as Error)?.stack } };
      port.postMessage(reply);
    }
  });
});
