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
