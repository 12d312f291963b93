import { parentPort, workerData } from 'node:worker_threads';
import { isVaultError } from '../errors';
import type { OperationControl } from '../operation';
import { InProcessVaultHost, PROGRESS_INTERVAL_MS, type HostOptions, type ControlledMethod, type VaultHost } from './vault-host';

/**
 * Worker-thread entry: runs the vault (Argon2id, SQLite, encryption) off the main process's
 * event loop. Requests are handled one at a time, in order.
 *
 * A `run` request (a long method with progress and cancellation) carries, instead of
 * functions, whether progress is wanted and a SharedArrayBuffer whose first Int32 the caller
 * sets to 1 to cancel. The method gets an OperationControl: its progress goes out as messages
 * with the request's id (posted at once, even while this thread is busy in a synchronous
 * SQLite transaction), and `isCancelled` reads the flag with Atomics (written by the caller's
 * thread at any time, seen here at the method's next check).
 */
export interface WorkerRequest {
  id: number;
  op: 'create' | 'open' | 'restore' | 'status' | 'close' | 'call' | 'run';
  args: unknown[];
}

/** The third argument of a `run` request (after method and its arguments). */
export interface RunChannel {
  progress: boolean;
  /** Int32Array over it: [0] is 1 once cancelled (the caller notifies it, see `holdAt`). */
  cancel: SharedArrayBuffer;
  /**
   * Tests only (WorkerVaultHost.holdAtStep): once the method has reported progress in this
   * step, it holds there until cancelled (at most HOLD_LIMIT_MS), so that a cancel lands inside
   * the step on any machine, however loaded. Holding never changes what the method does.
   */
  holdAt?: string | undefined;
}

/** How long a held step waits for its cancel before it goes on. */
const HOLD_LIMIT_MS = 300_000;

export interface ProgressMessage {
  id: number;
  progress: { done: number; total: number | null; step: string };
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; message: string; field?: string; stack?: string } };

export type WorkerMessage = WorkerReply | ProgressMessage;

if (!parentPort) throw new Error('vault-worker must run in a worker thread');
const port = parentPort;
const host = new InProcessVaultHost(workerData as HostOptions);
let queue: Promise<void> = Promise.resolve();

/** The OperationControl of one `run` request. */
function controlFor(id: number, channel: RunChannel): OperationControl {
  const flag = new Int32Array(channel.cancel);
  let lastStep: string | undefined;
  let lastSent = 0;
  let held = false;
  const holdIfAsked = (done: number, step: string) => {
    if (held || step !== channel.holdAt || done === 0) return;
    held = true;
    Atomics.wait(flag, 0, 0, HOLD_LIMIT_MS);
  };
  return {
    isCancelled: () => Atomics.load(flag, 0) === 1,
    ...(channel.progress
      ? {
          onProgress: (done: number, total: number | null, step: string) => {
            const now = performance.now();
            const boundary = step !== lastStep || done === 0 || (total !== null && done >= total);
            const holding = !held && step === channel.holdAt && done > 0;
            if (!boundary && !holding && now - lastSent < PROGRESS_INTERVAL_MS) return;
            lastStep = step;
            lastSent = now;
            port.postMessage({ id, progress: { done, total, step } } satisfies ProgressMessage);
            holdIfAsked(done, step);
          },
        }
      : {}),
  };
}

port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    try {
      let value: unknown;
      if (request.op === 'run') {
        const [method, args, channel] = request.args as [ControlledMethod, unknown[], RunChannel];
        value = await host.runControlled(method, args, controlFor(request.id, channel));
      } else {
        const run = host[request.op] as (...args: unknown[]) => Promise<unknown>;
        value = await run.apply(host as VaultHost, request.args);
      }
      port.postMessage({ id: request.id, ok: true, value } satisfies WorkerReply);
    } catch (error) {
      const reply: WorkerReply = isVaultError(error)
        ? { id: request.id, ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } }
        : { id: request.id, ok: false, error: { code: 'INTERNAL', message: String((error as Error)?.message ?? error), stack: (error as Error)?.stack } };
      port.postMessage(reply);
    }
  });
});
