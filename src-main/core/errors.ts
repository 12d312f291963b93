import type { ErrorCode } from './shared/error-codes';

export { ERROR_CODES, type ErrorCode } from './shared/error-codes';

/**
 * An expected failure with a message written for the person at the keyboard: what went wrong
 * and what to do. Messages never contain identity data (names, contact details, notes), since
 * they reach terminals, logs and the renderer.
 */
export class VaultError extends Error {
  readonly code: ErrorCode;
  /** The input field at fault, for VALIDATION errors (e.g. "legalName", "aliases.2"). */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VaultError';
    this.code = code;
    this.field = options.field;
  }
}

export function isVaultError(error: unknown, code?: ErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}
