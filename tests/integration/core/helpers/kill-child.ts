import { spawn } from 'node:child_process';

/** What a child that writes to the vault reported before it ended (or was killed). */
export interface ChildRun {
  /** The child printed "tx": its write transaction is about to open. */
  sawTx: boolean;
  /** The child printed "done": the transaction committed. */
  sawDone: boolean;
  /** Milliseconds from "tx" to "done". */
  txMs?: number;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/**
 * Runs a TypeScript child script (through tsx) with `args`; with `killAfterTx`, sends SIGKILL
 * that many milliseconds after the child reports "tx". Used by the SIGKILL tests.
 */
export function runChild(script: string, args: readonly string[], killAfterTx?: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { sawTx: false, sawDone: false, signal: null, code: null, stderr: '' };
    let txAt = 0;
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line === 'tx') {
          run.sawTx = true;
          txAt = performance.now();
          if (killAfterTx !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterTx);
        } else if (line.startsWith('done')) {
          run.sawDone = true;
          run.txMs = performance.now() - txAt;
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (run.stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ ...run, code, signal }));
  });
}
