import type { DoeVaultApi } from '../../../src-preload/api';
import type { Envelope, ErrorCode, EventPayload } from '../../../src-preload/contract';

declare global {
  interface Window {
    /** Installed by the preload (the app) or the E2E harness: the only way to main. */
    readonly doeVault: DoeVaultApi;
  }
}

/**
 * One plain sentence per error code: what happened and what to do. A Record over the closed
 * set of codes, so a new code in the contract does not compile until it has its message.
 */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  LOCKED: 'The vault is locked. Unlock it to continue.',
  WRONG_PASSPHRASE: 'That is not the right passphrase or key. Check it (is Caps Lock on?) and try again.',
  VALIDATION: 'Some of the information is not valid. Correct the marked fields and try again.',
  NOT_FOUND: 'That item is no longer in the vault. It may have been deleted; reload and try again.',
  CONFLICT: 'That clashes with something already there, so nothing was changed.',
  DAMAGED: 'The vault file is damaged. Restore it from a backup, or unlock it with the recovery key.',
  NOT_A_VAULT: 'That file is not a DoeVault vault or backup. Nothing was changed.',
  UNSUPPORTED_VERSION: 'This vault was made by a newer version of DoeVault. Update DoeVault to open it.',
  LEAK_FOUND: 'A real name was found where it must not appear, so nothing was written.',
  FORBIDDEN: 'DoeVault refused the request because it did not come from the DoeVault window.',
  CANCELLED: 'Cancelled. Nothing was changed.',
  INTERNAL: 'Something went wrong inside DoeVault. Nothing further was saved; try again.',
};

/** A failed call: the contract's error code, main's own message, and the field at fault if any. */
export class DoeVaultError extends Error {
  readonly code: ErrorCode;
  /** Main's message, often more specific than the per-code one ("Email is not a valid address"). */
  readonly detail: string;
  readonly field: string | undefined;

  constructor(code: ErrorCode, detail: string, field?: string) {
    super(ERROR_MESSAGES[code]);
    this.name = 'DoeVaultError';
    this.code = code;
    this.detail = detail;
    this.field = field;
  }
}

export function asDoeVaultError(error: unknown): DoeVaultError {
  if (error instanceof DoeVaultError) return error;
  return new DoeVaultError('INTERNAL', 'The request did not reach the vault.');
}

// ---------------------------------------------------------------------------------------------
// Lock notifications: a LOCKED reply to any call, or main's 'locked' event.

export type LockReason = EventPayload<'locked'>['reason'] | 'expired';
type LockListener = (reason: LockReason) => void;
const lockListeners = new Set<LockListener>();

export function onLocked(listener: LockListener): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

function notifyLocked(reason: LockReason): void {
  for (const listener of [...lockListeners]) listener(reason);
}

// ---------------------------------------------------------------------------------------------
// Slow calls: any call still running after SLOW_AFTER_MS shows the progress bar.

export const SLOW_AFTER_MS = 300;
export interface BusyState {
  /** Calls running for longer than SLOW_AFTER_MS. */
  slow: number;
  /** The latest progress event from main, while a slow call runs. */
  progress: EventPayload<'progress'> | null;
}
let busy: BusyState = { slow: 0, progress: null };
let pending = 0;
const busyListeners = new Set<() => void>();

export const busyStore = {
  get: (): BusyState => busy,
  subscribe(listener: () => void): () => void {
    busyListeners.add(listener);
    return () => busyListeners.delete(listener);
  },
};

function setBusy(next: BusyState): void {
  busy = next;
  for (const listener of [...busyListeners]) listener();
}

function trackSlow<T>(promise: Promise<T>): Promise<T> {
  let counted = false;
  pending += 1;
  const timer = setTimeout(() => {
    counted = true;
    setBusy({ ...busy, slow: busy.slow + 1 });
  }, SLOW_AFTER_MS);
  const done = () => {
    clearTimeout(timer);
    pending -= 1;
    const slow = counted ? busy.slow - 1 : busy.slow;
    const progress = pending > 0 ? busy.progress : null;
    if (slow !== busy.slow || progress !== busy.progress) setBusy({ slow, progress });
  };
  promise.then(done, done);
  return promise;
}

// ---------------------------------------------------------------------------------------------
// The typed client: window.doeVault with values returned and failures thrown.

type Namespace = Exclude<keyof DoeVaultApi, 'onEvent'>;
type Unwrapped<F> = F extends (input: infer I) => Promise<Envelope<infer O>>
  ? // Channels without input ({}) may be called with no argument.
    Record<string, never> extends I
    ? (input?: I) => Promise<O>
    : (input: I) => Promise<O>
  : never;
export type Client = { readonly [NS in Namespace]: { readonly [M in keyof DoeVaultApi[NS]]: Unwrapped<DoeVaultApi[NS][M]> } };

async function settle<T>(call: () => Promise<Envelope<T>>): Promise<T> {
  let envelope: Envelope<T>;
  try {
    envelope = await call();
  } catch {
    throw new DoeVaultError('INTERNAL', 'The request did not reach the vault.');
  }
  if (envelope.ok) return envelope.value;
  const { code, message, field } = envelope.error;
  if (code === 'LOCKED') notifyLocked('expired');
  throw new DoeVaultError(code, message, field);
}

/**
 * window.doeVault, read through globalThis (the same object in the page) so that this module
 * type-checks without the DOM's types too: the renderer's unit tests import it under Node's
 * tsconfig and install a fake bridge there, the transport boundary.
 */
function doeVault(): DoeVaultApi | undefined {
  return (globalThis as { doeVault?: DoeVaultApi }).doeVault;
}

function buildClient(): Client {
  const bridge = doeVault() as unknown as Record<string, unknown>;
  const client: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const [namespace, methods] of Object.entries(bridge)) {
    if (typeof methods !== 'object' || methods === null) continue;
    const wrapped: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const [method, fn] of Object.entries(methods as Record<string, unknown>)) {
      if (typeof fn !== 'function') continue;
      wrapped[method] = (input?: unknown) =>
        trackSlow(settle(() => (fn as (input: unknown) => Promise<Envelope<unknown>>)(input ?? {})));
    }
    client[namespace] = Object.freeze(wrapped);
  }
  return Object.freeze(client) as unknown as Client;
}

let built: Client | undefined;

/** The vault API, e.g. `await api().vault.unlock({ passphrase })`. */
export function api(): Client {
  built ??= buildClient();
  return built;
}

let subscribed = false;

/** Subscribes once to main's events: 'locked' returns to the unlock screen, 'progress' feeds the bar. */
export function listenToMain(): void {
  const bridge = doeVault();
  if (subscribed || !bridge) return;
  subscribed = true;
  bridge.onEvent('locked', ({ reason }) => notifyLocked(reason));
  bridge.onEvent('progress', (payload) => {
    if (pending > 0) setBusy({ ...busy, progress: payload });
  });
}

/** The message to show for an error: the per-code sentence, and main's detail when it adds something. */
export function describeError(error: DoeVaultError): { title: string; detail: string | undefined } {
  const detail = plainDetail(error.detail);
  return { title: error.message, detail: detail && detail !== error.message ? detail : undefined };
}

/**
 * Main's messages are shared with the command line; the hints that name a doe-vault command
 * ("(`doe-vault recover`)", "List the cases with `doe-vault case list`.") mean nothing here.
 */
export function plainDetail(detail: string): string {
  return detail
    .replace(/\s*\(`[^`]*`\)/g, '')
    .replace(/(^|[.;]\s+)[^.;]*`[^`]*`[^.;]*[.;]?/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
