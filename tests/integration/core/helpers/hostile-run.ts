import { spawn } from 'node:child_process';

/** What a hostile-input child reports: the outcome of its one operation and its peak RSS. */
export interface HostileRun<Outcome> {
  outcome: Outcome;
  peakMiB: number;
}

/**
 * Runs a bundled hostile-input child (bundleChild) in a fresh process and returns what it
 * printed last. The child's heap is capped at `heapMiB`, above the test's budget, so that a
 * regression fails the test instead of the machine.
 */
export function runHostile<Outcome>(bundle: string, args: readonly string[], heapMiB = 1024): Promise<HostileRun<Outcome>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMiB}`, bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the child failed (exit ${code}): ${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as HostileRun<Outcome>);
    });
  });
}
