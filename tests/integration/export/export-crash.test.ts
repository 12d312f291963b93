import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagingFolderOf } from '../../../src-main/core/export/export-staging';
import { PASSPHRASE, tempVault } from '../../fixtures/temp-vault';
import { runCli, secretFile } from '../cli/helpers';
import { bundleChild } from '../core/helpers/kill-child';
import { openUnlocked } from '../core/helpers/raw';

const CHILD_SOURCE = fileURLToPath(new URL('./helpers/export-child.ts', import.meta.url));
const KILLS = 50;
const EXPORT_FILES = ['declaration-of-identities.docx', 'declaration-of-identities.pdf', 'manifest.json', 'public.docx', 'public.pdf', 'sealed.docx', 'sealed.pdf'];

interface ExportRun {
  cleaned: number;
  sawTx: boolean;
  sawDone: boolean;
  /** Milliseconds from "tx" to "done". */
  exportMs?: number;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the export child; with `killAfter`, SIGKILLs it that many milliseconds after "tx". */
function runExport(bundle: string, args: readonly string[], killAfter?: number): Promise<ExportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ExportRun = { cleaned: -1, sawTx: false, sawDone: false, signal: null, stderr: '' };
    let txAt = 0;
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.startsWith('cleaned ')) run.cleaned = Number(line.slice(8));
        else if (line === 'tx') {
          run.sawTx = true;
          txAt = performance.now();
          if (killAfter !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfter);
        } else if (line.startsWith('done')) {
          run.sawDone = true;
          run.exportMs = performance.now() - txAt;
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (run.stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ ...run, signal }));
  });
}

/** Every `.doevault-partial-*` staging folder under `dir`, one level down. */
function stagedLeftovers(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(join(dir, entry.name)).filter((name) => name.startsWith('.doevault-')).map((name) => join(entry.name, name)));
}

describe(`SIGKILL at random points of an export, ${KILLS} times`, () => {
  let path: string;
  let dir: string;
  let caseId: string;
  let cleanup: () => void;
  let child: string;

  beforeAll(async () => {
    child = await bundleChild(CHILD_SOURCE);
    const created = await tempVault();
    ({ path, dir, cleanup } = created);
    caseId = created.vault.cases.create({ title: 'Does v. Courier', court: 'Superior Court', number: 'MCV-1' }).id;
    // Invented people.
    created.vault.plaintiffs.addMany(caseId, [
      { legalName: 'Maria Elena Ramírez', gender: 'female' },
      { legalName: 'Łukasz Wiśniewski', gender: 'male' },
    ]);
    created.vault.close();
  });
  afterAll(() => {
    cleanup();
    rmSync(child, { force: true });
  });

  it('leaves no staged file anywhere once the CLI has started, and the CLI says it cleaned up', { timeout: 600_000 }, async () => {
    const outs = join(dir, 'exports');
    mkdirSync(outs);
    const calibration = await runExport(child, [path, caseId, join(outs, 'calibration')]);
    expect(calibration.stderr).toBe('');
    expect(calibration).toMatchObject({ cleaned: 0, sawDone: true });
    const durations = [calibration.exportMs!];

    let interrupted = 0; // kills that left a journal, i.e. an export to clean up
    let reported = 0; // what the next start said it cleaned
    for (let i = 0; i < KILLS; i++) {
      const median = [...durations].sort((a, b) => a - b)[durations.length >> 1]!;
      // Anywhere from the start of the export to a little after its expected end.
      const run = await runExport(child, [path, caseId, join(outs, `run-${i}`)], Math.random() * median * 1.1);
      expect(run.stderr).toBe('');
      reported += Math.max(0, run.cleaned);
      if (run.sawDone) durations.push(run.exportMs!);
      if (existsSync(stagingFolderOf(path)) && readdirSync(stagingFolderOf(path)).some((n) => n.endsWith('.json'))) interrupted++;
    }
    // The kills must have hit exports in the middle, or this test proves nothing.
    expect(interrupted).toBeGreaterThan(KILLS / 5);

    const passphraseFile = secretFile(join(dir, 'passphrase'), PASSPHRASE);
    const cli = await runCli(['--vault', path, '--passphrase-file', passphraseFile, 'case', 'list']);
    expect(cli.code).toBe(0);
    const said = /Removed the staged files of (\d+) exports? interrupted by a crash/.exec(cli.stderr);
    const cliCleaned = said ? Number(said[1]) : 0;
    // Each start cleans what the kill before it left: the children cleaned all but the last.
    expect(reported + cliCleaned).toBe(interrupted);

    expect(stagedLeftovers(outs)).toEqual([]);
    expect(existsSync(stagingFolderOf(path))).toBe(false);
    // Each destination holds a whole, recorded export or none of its files.
    const vault = await openUnlocked(path);
    try {
      const recorded = new Set(vault.audit.list().filter((e) => e.action === 'filing.exported').map((e) => (e.details as { folder: string }).folder));
      for (const name of readdirSync(outs)) {
        const files = readdirSync(join(outs, name)).sort();
        if (files.length === 0) continue;
        expect(files, name).toEqual(EXPORT_FILES);
        expect(recorded.has(join(outs, name)), name).toBe(true);
      }
    } finally {
      vault.close();
    }
  });
});
