import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src-main/cli/exit-codes';
import type { CliIo } from '../../../src-main/cli/io';
import { MAX_SECRET_BYTES, readPassphrase, readSecretFile, readStdinLine } from '../../../src-main/cli/secrets';

const dir = mkdtempSync(join(tmpdir(), 'doevault-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(stdin = new PassThrough()): CliIo & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin,
    env: {},
    warn: (message) => warnings.push(message),
    warnings,
  };
}

function secretFile(name: string, content: string, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

describe('passphrase input', () => {
  it('reads the first line of a file, keeping inner spaces and dropping the line ending', () => {
    const path = secretFile('a', '  spaced passphrase words  \r\nsecond line\n');
    expect(readSecretFile(io(), path, 'passphrase')).toBe('  spaced passphrase words  ');
  });

  it('warns when the file is readable by others', () => {
    const path = secretFile('b', 'correct horse battery staple\n', 0o644);
    const terminal = io();
    readSecretFile(terminal, path, 'passphrase');
    expect(terminal.warnings.join()).toContain('chmod 600');
  });

  it('refuses an empty or missing file as a usage error', () => {
    expect(() => readSecretFile(io(), secretFile('c', '\n'), 'passphrase')).toThrow(UsageError);
    expect(() => readSecretFile(io(), join(dir, 'missing'), 'passphrase')).toThrow(/cannot read the passphrase file/);
  });

  it('takes one line from piped standard input', async () => {
    const stdin = new PassThrough();
    stdin.end('from the pipe line\nnot this\n');
    await expect(readPassphrase(io(stdin), undefined, { prompt: '' })).resolves.toBe('from the pipe line');
  });

  it('refuses empty standard input with a pointer to --passphrase-file', async () => {
    const stdin = new PassThrough();
    stdin.end('');
    await expect(readPassphrase(io(stdin), undefined, { prompt: '' })).rejects.toThrow(/--passphrase-file/);
  });

  it('reads a line split across chunks', async () => {
    const stdin = new PassThrough();
    const line = readStdinLine(stdin);
    stdin.write('half of a ');
    stdin.write('passphrase\nrest');
    await expect(line).resolves.toBe('half of a passphrase');
  });

  // Issue 11: every secret read is bounded, and only a regular file is a secret file.
  it('refuses a device, a FIFO and a folder as a secret file at once, without reading or waiting', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const path of ['/dev/zero', fifo, dir]) {
      expect(() => readSecretFile(io(), path, 'passphrase'), path).toThrow(/not a regular file/);
    }
  });

  it('refuses a secret file over 4 KiB, naming the limit', () => {
    const path = secretFile('long', `${'x'.repeat(MAX_SECRET_BYTES)}\n`);
    expect(() => readSecretFile(io(), path, 'passphrase')).toThrow(/over 4 KiB/);
    expect(readSecretFile(io(), secretFile('just', `${'y'.repeat(MAX_SECRET_BYTES - 1)}\n`), 'passphrase')).toHaveLength(MAX_SECRET_BYTES - 1);
  });

  it('refuses a line of standard input over 4 KiB instead of reading without end', async () => {
    const stdin = new PassThrough();
    const line = readStdinLine(stdin);
    stdin.write('z'.repeat(3000));
    stdin.write('z'.repeat(3000));
    await expect(line).rejects.toThrow(/over 4 KiB/);
  });
});
