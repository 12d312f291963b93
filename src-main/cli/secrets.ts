import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from './exit-codes';
import type { CliIo } from './io';

/**
 * Reads a secret from a file: its first line. Secrets never come from argv (visible in `ps`
 * and shell history) or the environment (inherited by every child process).
 */
export function readSecretFile(io: CliIo, path: string, what: string): string {
  let fd: number;
  try {
    // Non-blocking, so a FIFO given as a secret file is refused instead of waited on.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UsageError(`cannot read the ${what} file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let content: string;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(`the ${what} file ${path} is not a regular file (a pipe, device or folder); give a file that holds the ${what} on one line`);
    if (stat.size > MAX_SECRET_BYTES) throw new UsageError(`the ${what} file ${path} is over ${MAX_SECRET_BYTES / 1024} KiB; it should hold the ${what} on one line`);
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      io.warn(`warning: ${path} can be read by other users of this computer; restrict it with \`chmod 600 ${path}\``);
    }
    const bytes = Buffer.alloc(MAX_SECRET_BYTES);
    content = bytes.toString('utf8', 0, readSync(fd, bytes, 0, MAX_SECRET_BYTES, 0));
    bytes.fill(0);
  } finally {
    closeSync(fd);
  }
  const secret = firstLine(content);
  if (secret.length === 0) throw new UsageError(`the ${what} file ${path} is empty`);
  return secret;
}

/** The most a secret file or a line of standard input may hold: a passphrase is one line, not a stream. */
export const MAX_SECRET_BYTES = 4096;

/** The passphrase: --passphrase-file, else one line of stdin when piped, else a prompt without echo. */
export async function readPassphrase(
  io: CliIo,
  file: string | undefined,
  options: { prompt: string; confirm?: boolean },
): Promise<string> {
  if (file !== undefined) return readSecretFile(io, file, 'passphrase');
  if (!io.stdin.isTTY) {
    const line = await readStdinLine(io.stdin);
    if (line === undefined || line.length === 0) {
      throw new UsageError('no passphrase: give --passphrase-file FILE, or one line on standard input');
    }
    return line;
  }
  const first = await promptHidden(io, options.prompt);
  if (options.confirm) {
    const again = await promptHidden(io, 'Type it again: ');
    if (again !== first) throw new UsageError('the two passphrases differ; nothing was created');
  }
  return first;
}

function firstLine(content: string): string {
  const end = content.search(/\r?\n/);
  return end === -1 ? content : content.slice(0, end);
}

export function readStdinLine(stdin: NodeJS.ReadableStream): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const finish = (value: string | undefined) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', reject);
      stdin.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      buffered += chunk.toString();
      const end = buffered.search(/\r?\n/);
      if (end !== -1 && end <= MAX_SECRET_BYTES) finish(buffered.slice(0, end));
      else if (buffered.length > MAX_SECRET_BYTES) {
        stdin.off('data', onData);
        stdin.off('end', onEnd);
        stdin.off('error', reject);
        stdin.pause();
        reject(new UsageError(`the line on standard input is over ${MAX_SECRET_BYTES / 1024} KiB; give the passphrase on one line`));
      }
    };
    const onEnd = () => finish(buffered.length > 0 ? buffered : undefined);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', reject);
    stdin.resume();
  });
}

function promptHidden(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin as NodeJS.ReadStream;
  return new Promise((resolve, reject) => {
    io.stderr.write(prompt);
    let typed = '';
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.off('data', onData);
      stdin.pause();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return done();
        if (char === '\u0003') return done(new UsageError('cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
