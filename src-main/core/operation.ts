import { VaultError } from './errors';

/**
 * What a long operation (an import, an export) is given by its caller: where to report
 * progress, and how to learn it was cancelled. In the app the vault worker fills it in from
 * messages (progress goes out, a cancel flag comes in through shared memory, readable while the
 * worker is busy); the CLI and tests pass functions directly. Both are optional.
 */
export interface OperationControl {
  /** `total` null: not known yet. `step` is a short label for a person ("Checking rows"). */
  onProgress?: ((done: number, total: number | null, step: string) => void) | undefined;
  /** Polled between units of work; true makes the operation stop and undo what it did. */
  isCancelled?: (() => boolean) | undefined;
}

/** Throws the one "cancelled" error when the caller asked to stop. */
export function throwIfCancelled(control: OperationControl | undefined): void {
  if (control?.isCancelled?.()) throw cancelled();
}

export function cancelled(): VaultError {
  return new VaultError('CANCELLED', 'Cancelled: nothing was changed.');
}

/**
 * The options of a long operation carry its control by name: `{ ...options, control }`. The
 * vault host gives it there (tests/host check that only such methods can be `run`).
 */
export interface Controlled {
  control?: OperationControl | undefined;
}
