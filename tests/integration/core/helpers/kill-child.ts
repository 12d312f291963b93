import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

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

/** Inside node_modules, so the bundle's package imports resolve as the source's do. */
const BUNDLES = resolve(import.meta.dirname, '../../../../node_modules/.cache/doevault-kill-children');

/**
 * Bundles a TypeScript child script (and the source it imports) into one ES module, once per
 * test file: started through tsx, a child spent 1.4 s compiling before its first line ran, and
 * the SIGKILL tests start 21 children each. Packages stay imports of node_modules.
 */
export async function bundleChild(script: string): Promise<string> {
  mkdirSync(BUNDLES, { recursive: true });
  const outfile = join(BUNDLES, `${basename(script, '.ts')}-${process.pid}.mjs`);
  await build({ entryPoints: [script], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
  return outfile;
}

/**
 * Runs a bundled child script (bundleChild) with `args`; with `killAfterTx`, sends SIGKILL that
 * many milliseconds after the child reports "tx". Used by the SIGKILL tests.
 */
export function runChild(bundle: string, args: readonly string[], killAfterTx?: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
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
