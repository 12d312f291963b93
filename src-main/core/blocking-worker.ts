/**
 * Work whose memory must not stay in this thread, run in a short-lived worker thread while this
 * thread waits on a shared flag, so the caller stays synchronous. A heap or WebAssembly memory
 * never shrinks once grown; a worker's goes back to the system when the worker ends. Used for
 * Argon2id's 256 MiB (crypto/kdf.ts) and zxcvbn's dictionaries (vault/passphrase-policy.ts).
 *
 * The worker is CommonJS given as source, not a file of its own, so that it runs the same from
 * the sources, the build and the packaged app. Its body sees `workerData` (with `shared`, a
 * SharedArrayBuffer whose first 4 bytes are the state) and may `await`; a throw, an exit or a
 * crash reports failure rather than leave this thread waiting.
 */
import { Worker } from 'node:worker_threads';

const RUNNING = 0;
const DONE = 1;
/** Where the state lives in `shared`; the body may use the bytes after it. */
export const STATE_BYTES = 4;

export type BlockingOutcome = 'done' | 'failed' | 'timed-out';

export function runBlocking(body: string, workerData: { shared: SharedArrayBuffer } & Record<string, unknown>, timeoutMs: number): BlockingOutcome {
  const state = new Int32Array(workerData.shared, 0, 1);
  Atomics.store(state, 0, RUNNING);
  const worker = new Worker(wrap(body), {
    eval: true,
    workerData,
    // Plain Node: no loader hooks or flags of this process (tsx in development).
    execArgv: [],
  });
  worker.on('error', () => {}); // reported through the shared state
  worker.unref();
  try {
    while (Atomics.load(state, 0) === RUNNING) {
      if (Atomics.wait(state, 0, RUNNING, timeoutMs) === 'timed-out') return 'timed-out';
    }
    return Atomics.load(state, 0) === DONE ? 'done' : 'failed';
  } finally {
    void worker.terminate();
  }
}

function wrap(body: string): string {
  return `
const { workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.shared, 0, 1);
const finish = (code) => {
  if (Atomics.compareExchange(state, 0, ${RUNNING}, code) === ${RUNNING}) Atomics.notify(state, 0);
};
process.on('exit', () => finish(2));
(async () => {
${body}
})().then(() => finish(${DONE}), () => finish(2));
`;
}
