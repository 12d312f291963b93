import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './exit-codes';
import type { CliIo } from './io';

/**
 * Reads a secret from a file: its first line. Secrets never come from argv (visible in `ps`
 * and shell history) or the environment (inherited by every child process).
 */
export function readSecretFile(io: CliIo, path: string, what: string): string {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the ${what} file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    io.warn(`warning: ${path} can be read by other users of this computer; restrict it with \`chmod 600 ${path}\``);
  }
  const secret = firstLine(content);
  if (secret.length === 0) throw new UsageError(`the ${what} file ${path} is empty`);
  return secret;
}

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
      if (end !== -1) finish(buffered.slice(0, end));
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
