import type { ErrorCode } from '../../../src-preload/contract';

/**
 * A fake window.doeVault for the renderer's hooks: the transport boundary the real client
 * (src-renderer/src/api/client.ts) wraps. Each method answers in main's envelope, from a handler
 * the test sets; a handler that throws (or rejects with) a Refusal is main refusing the call.
 * The client is built once per module instance (per test file), so install the bridge once per
 * file and reset it between tests.
 */

/** Main refusing a call: the envelope's error. */
export class Refusal {
  constructor(
    readonly code: ErrorCode,
    readonly message: string = code,
    /** The field at fault, as the core names it ("counsel.1.phone"). */
    readonly field?: string,
  ) {}
}

type Input = Record<string, unknown>;
type Handler = (input: Input) => unknown;

export interface FakeBridge {
  /** Every call in order, as "namespace.method" and its input. */
  readonly calls: { method: string; input: Input }[];
  /** What the method answers from now on: a value or a promise of one (or a Refusal, thrown or rejected). */
  answer(method: string, handler: Handler): void;
  /** The inputs of one method's calls, in order. */
  inputsOf(method: string): Input[];
  /** Forgets the calls and the answers. */
  reset(): void;
}

const METHODS: Record<string, string[]> = {
  cases: ['list'],
  plaintiffs: ['roster', 'prepareSearch', 'filter', 'reveal', 'copyName', 'withdraw'],
  intake: ['chooseFile', 'inspect', 'revealSample', 'preview', 'import', 'clear'],
  operations: ['cancel'],
  counsel: ['get', 'set', 'clear'],
};

export function installFakeBridge(): FakeBridge {
  const calls: { method: string; input: Input }[] = [];
  const handlers = new Map<string, Handler>();
  const call = async (method: string, input: Input) => {
    calls.push({ method, input });
    const handler = handlers.get(method);
    if (!handler) return { ok: false, error: { code: 'INTERNAL', message: `The fake bridge has no answer for ${method}.` } };
    try {
      return { ok: true, value: await handler(input) };
    } catch (caught) {
      if (caught instanceof Refusal) return { ok: false, error: { code: caught.code, message: caught.message, ...(caught.field ? { field: caught.field } : {}) } };
      throw caught;
    }
  };
  const bridge: Record<string, unknown> = { onEvent: () => () => undefined };
  for (const [namespace, methods] of Object.entries(METHODS)) {
    bridge[namespace] = Object.fromEntries(methods.map((method) => [method, (input: Input) => call(`${namespace}.${method}`, input)]));
  }
  Object.defineProperty(globalThis, 'doeVault', { value: bridge, configurable: true });
  return {
    calls,
    answer: (method, handler) => void handlers.set(method, handler),
    inputsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.input),
    reset: () => {
      calls.length = 0;
      handlers.clear();
    },
  };
}

/** A promise the test settles when it wants to. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
