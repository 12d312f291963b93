// The intake rows of `npm run bench`: plaintiffs imported from CSV and XLSX end to end (read,
// validate, look for duplicates, encrypt, one transaction), each in its own process for its
// peak memory, against the sqlite3 shell's `.import` of the same CSV into a plain table.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intakeCsv, writeIntakeXlsx, INTAKE_HEADERS } from '../fixtures/intake-files';
import { syntheticPlaintiffs } from '../fixtures/synthetic';
import { formatDuration, formatRatio, markdownTable, median } from './measure';
import { findSqlite3 } from './sqlite3';

export interface IntakeBenchOptions {
  /** Rows of the CSV and XLSX runs (target < 3 s each). */
  rows: number;
  /** Rows of the large CSV run (target < 30 s, peak RSS < 1 GiB). */
  largeRows: number;
}

export const INTAKE_FULL: IntakeBenchOptions = { rows: 10_000, largeRows: 100_000 };
export const INTAKE_QUICK: IntakeBenchOptions = { rows: 500, largeRows: 2_000 };

// Beside this module: the source, run through tsx (the smoke test, `tsx tests/bench/intake.ts`),
// or the bundle `npm run bench` builds (bench.mjs and intake-child.mjs, package.json).
const BUNDLED = import.meta.url.endsWith('.mjs');
const CHILD = fileURLToPath(new URL(BUNDLED ? './intake-child.mjs' : './intake-child.ts', import.meta.url));
const CHILD_ARGS = BUNDLED ? [CHILD] : ['--import', 'tsx', CHILD];
const GiB = 1024 ** 3;

interface Run {
  ms: number;
  added: number;
  maxRssBytes: number;
}

function importInChild(dir: string, file: string): Run {
  const child = spawnSync(process.execPath, [...CHILD_ARGS, dir, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`intake bench child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Run;
}

/** Wall time of `sqlite3 .import` of the CSV into a fresh unencrypted table (process start-up subtracted). */
function sqlite3Import(binary: string, dir: string, csv: string, tag: string): number | undefined {
  const empty = median(
    Array.from({ length: 3 }, () => {
      const t = performance.now();
      spawnSync(binary, [':memory:'], { input: '' });
      return performance.now() - t;
    }),
  );
  const db = join(dir, `sqlite3-${tag}.db`);
  const columns = INTAKE_HEADERS.map((_, i) => `c${i} TEXT`).join(', ');
  const script = `PRAGMA journal_mode = WAL;\nPRAGMA synchronous = FULL;\nPRAGMA secure_delete = ON;\nCREATE TABLE intake (${columns});\n.import --csv --skip 1 ${csv} intake\n`;
  const t = performance.now();
  const run = spawnSync(binary, [db], { input: script, encoding: 'utf8' });
  const ms = performance.now() - t - empty;
  if (run.status !== 0 || run.stderr.trim() !== '') return undefined;
  return Math.max(ms, 0.01);
}

/**
 * Runs the intake benchmark in `root` and returns its markdown table. `progress` gets a line
 * per step. Fails nothing by itself: the targets are reported beside the numbers.
 */
export async function runIntakeBench(root: string, options: IntakeBenchOptions, progress: (line: string) => void = () => {}): Promise<string> {
  const sqlite3 = findSqlite3();
  progress(`intake: generating ${options.largeRows.toLocaleString('en-US')} synthetic plaintiffs`);
  const people = syntheticPlaintiffs(Math.max(options.rows, options.largeRows), 10_001);
  const small = people.slice(0, options.rows);
  const csvSmall = join(root, `intake-${options.rows}.csv`);
  const csvLarge = join(root, `intake-${options.largeRows}.csv`);
  const xlsxSmall = join(root, `intake-${options.rows}.xlsx`);
  writeFileSync(csvSmall, intakeCsv(small), { mode: 0o600 });
  writeFileSync(csvLarge, intakeCsv(people.slice(0, options.largeRows)), { mode: 0o600 });
  await writeIntakeXlsx(xlsxSmall, small);

  const rows: { label: string; target: string; run: Run; reference?: number | undefined }[] = [];
  const n = (count: number) => count.toLocaleString('en-US');
  progress(`intake: ${n(options.rows)} rows CSV`);
  rows.push({ label: `import ${n(options.rows)} rows, CSV`, target: '< 3 s', run: importInChild(root, csvSmall), reference: sqlite3 ? sqlite3Import(sqlite3, root, csvSmall, 'small') : undefined });
  progress(`intake: ${n(options.rows)} rows XLSX`);
  rows.push({ label: `import ${n(options.rows)} rows, XLSX`, target: '< 3 s', run: importInChild(root, xlsxSmall), reference: rows[0]!.reference });
  progress(`intake: ${n(options.largeRows)} rows CSV`);
  rows.push({ label: `import ${n(options.largeRows)} rows, CSV`, target: '< 30 s, < 1 GiB', run: importInChild(root, csvLarge), reference: sqlite3 ? sqlite3Import(sqlite3, root, csvLarge, 'large') : undefined });

  const table = markdownTable(
    ['operation', 'DoeVault', 'peak RSS', 'sqlite3 .import (same CSV, plain table)', 'ratio (DoeVault / sqlite3)', 'target'],
    rows.map(({ label, target, run, reference }) => {
      const limitMs = target.startsWith('< 30') ? 30_000 : 3_000;
      const ok = run.ms < limitMs && (limitMs === 3_000 || run.maxRssBytes < GiB);
      return [
        label,
        formatDuration(run.ms),
        `${(run.maxRssBytes / 1024 ** 2).toFixed(0)} MiB`,
        reference === undefined ? 'n/a (apt-get install sqlite3)' : formatDuration(reference),
        reference === undefined ? '–' : formatRatio(run.ms / reference),
        `${target} ${ok ? '✓' : '✗'}`,
      ];
    }),
  );
  const lines = [
    `Intake: ${n(options.rows)} and ${n(options.largeRows)} synthetic rows imported end to end.`,
    '',
    ...table,
    '',
    'End to end, each in its own process: read, validate every row, look for duplicates in the file and the vault (blind indexes), encrypt each record (XChaCha20-Poly1305, two parts) and write them in one transaction (WAL, synchronous=FULL, secure_delete). The XLSX row is compared with the `.import` of the CSV of the same rows. Peak RSS is the whole process (Node, libsodium, SQLite).',
  ];
  return lines.join('\n');
}

// `tsx tests/bench/intake.ts [--quick]` runs it alone.
if (process.argv[1] && /[/\\]intake\.ts$/.test(process.argv[1]) && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const root = mkdtempSync(join(tmpdir(), 'doevault-intake-bench-'));
  try {
    const report = await runIntakeBench(root, process.argv.includes('--quick') ? INTAKE_QUICK : INTAKE_FULL, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(`${report}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
