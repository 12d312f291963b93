
/** The CLI's exit codes: part of its contract with scripts. */
export const EXIT = {
  ok: 0,
  usage: 1,
  wrongSecret: 2,
  leaks: 3,
  damaged: 4,
  failure: 5,
} as const;
import { type ErrorCode } from '../core';

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'WRONG_PASSPHRASE':
      return EXIT.wrongSecret;
    case 'LEAK_FOUND':
      return EXIT.leaks;
    case 'DAMAGED':
      return EXIT.damaged;
    default:
      return EXIT.failure;
  }
}

/** A mistake in how the command was called: exit 1 with a pointer to the help. */
export class UsageError extends Error {
  override name = 'UsageError';
}
