/**
 * What the main process writes to its log about an unexpected error: the error's kind, its code
 * if any, and where it happened. Never its message: a message can quote input (a name, an
 * address) and the log is plain text on disk or a terminal.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${error === null ? 'null' : typeof error}`;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .join('\n');
  return `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` (${code})` : ''}${frames ? `\n${frames}` : ''}`;
}

/** The dispatcher's logError: which request failed and how, without identity data. */
export function logIpcError(channel: string, error: unknown): void {
  console.error(`DoeVault: ${channel} failed: ${describeError(error)}`);
}
