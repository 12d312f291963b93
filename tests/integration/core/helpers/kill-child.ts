import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, expect } from 'vitest';
import type { VaultService } from '../../../../src-main/core/service';
import { tempVault } from '../../../fixtures/temp-vault';
import { openUnlocked, withDb } from './raw';

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
  /** The other lines the child printed, in order (what a child reports beside "tx" and "done"). */
  lines: string[];
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
    const run: ChildRun = { sawTx: false, sawDone: false, signal: null, code: null, stderr: '', lines: [] };
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
        } else run.lines.push(line);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (run.stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ ...run, code, signal }));
  });
}

/** What a SIGKILL test works on: the bundled child and a vault of one case that the child writes to. */
export interface KillFixture {
  child: string;
  path: string;
  dir: string;
  caseId: string;
}

/**
 * Registers the set-up of a SIGKILL test file: bundles the child, makes a temporary vault and
 * its case (`makeCase` returns its id) before the tests, removes both after. The fields are
 * filled when the tests run.
 */
export function killFixture(childSource: string, makeCase: (vault: VaultService) => string): KillFixture {
  const fixture: KillFixture = { child: '', path: '', dir: '', caseId: '' };
  let cleanup = (): void => {};
  beforeAll(async () => {
    fixture.child = await bundleChild(childSource);
    const created = await tempVault();
    ({ path: fixture.path, dir: fixture.dir, cleanup } = created);
    fixture.caseId = makeCase(created.vault);
    created.vault.close();
  });
  afterAll(() => {
    cleanup();
    if (fixture.child !== '') rmSync(fixture.child, { force: true });
  });
  return fixture;
}

/**
 * Opens the vault as the app would after a kill and checks what every kill must leave: a
 * verified audit log, an intact file, the case's next sequence number right after its
 * plaintiffs. `checkFile` adds a test's own checks of the file. Returns the plaintiff count of
 * the first case and the number of audit entries of `action`.
 */
export async function checkVaultAfterKill(
  path: string,
  action: string,
  checkFile: (db: Database.Database, count: number) => void = () => {},
): Promise<{ count: number; entries: number }> {
  const vault = await openUnlocked(path);
  let count: number;
  let entries: number;
  try {
    count = vault.cases.list()[0]!.plaintiffs;
    expect(vault.audit.verify()).toMatchObject({ ok: true });
    entries = vault.audit.list().filter((e) => e.action === action).length;
  } finally {
    vault.close();
  }
  withDb(
    path,
    (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const next = (db.prepare('SELECT next_seq FROM cases').get() as { next_seq: number }).next_seq;
      expect(next).toBe(count + 1);
      checkFile(db, count);
    },
    { readonly: true },
  );
  return { count, entries };
}
