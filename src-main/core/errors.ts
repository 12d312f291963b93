/**
 * The closed set of failure kinds DoeVault reports. The CLI maps them to exit codes, the IPC
 * layer sends them to the renderer, and the renderer shows a human message for each, so adding
 * one is a deliberate, visible change across all three.
 */
export const ERROR_CODES = [
  'LOCKED',
  'WRONG_PASSPHRASE',
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'DAMAGED',
  'NOT_A_VAULT',
  'UNSUPPORTED_VERSION',
  'LEAK_FOUND',
  'FORBIDDEN',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

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
