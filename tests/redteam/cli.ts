import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The built `doe-vault`, run as a child process the way an attacker's script would. */
export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'src-main/cli/bin.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the command was killed for running past its time limit (a hang). */
  timedOut: boolean;
}

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'out/main/cli.js'))) {
    throw new Error('The command line is not built: run `npm run build` first (npm run redteam does).');
  }
}

/** `wrap`: a command the CLI runs under (e.g. GNU time). */
export function runCli(args: string[], options: { env?: Record<string, string>; timeoutMs?: number; wrap?: string[] } = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const env = { ...process.env, ...options.env };
    delete env.DOE_VAULT;
    const [command, ...prefix] = [...(options.wrap ?? []), process.execPath];
    const child = spawn(command!, [...prefix, BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end();
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, timedOut });
    });
  });
}
