// `npm run bench`: DoeVault's main operations against the sqlite3 shell doing the same jobs
// unencrypted. `npm run bench -- --help` for the options.
import { mkdtempSync, mkdirSync, realpathSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_KDF, TEST_ONLY_INSECURE_KDF, type KdfParams } from '../../src-main/core/crypto';
import { runDoeVault } from './doevault';
import { parseOptions, UsageError, USAGE, type BenchOptions } from './options';
import { emptySamples, OPERATIONS, type Samples } from './operations';
import { renderReport } from './report';
import { EXHIBITS_FULL, EXHIBITS_QUICK, runExhibitsBench } from './exhibits';
import { EXPORT_FULL, EXPORT_QUICK, runExportBench } from './export';
import { INTAKE_FULL, INTAKE_QUICK, runIntakeBench } from './intake';
import { renderScannerReport, runScannerBench, SCANNER_FULL, SCANNER_QUICK, scannerMissed } from './scanner';
import { emptyProcessBaseline, findSqlite3, runSqlite3, sqlite3Version, writeScripts } from './sqlite3';
import { makeWorkload } from './workload';

export interface BenchEnvironment {
  /** Progress lines (stderr under `npm run bench`). */
  progress?: (line: string) => void;
  /** The sqlite3 shell; null: behave as if it were not installed. Default: found on the PATH. */
  sqlite3?: string | null;
  /** ripgrep, the leak scanner's reference; null: behave as if it were not installed. Default: /usr/bin/rg. */
  rg?: string | null;
}

/** The report was made, but it shows a failure (the leak scanner missed what rg found). */
export class BenchFailure extends Error {
  constructor(
    readonly report: string,
    message: string,
  ) {
    super(message);
  }
}

export async function runBench(options: BenchOptions, env: BenchEnvironment = {}): Promise<string> {
  if (options.testKdf && !options.quick) throw new UsageError('The test-only KDF is allowed in --quick mode only.');
  const kdf: KdfParams = options.testKdf ? TEST_ONLY_INSECURE_KDF : DEFAULT_KDF;
  const progress = env.progress ?? (() => {});
  const binary = env.sqlite3 === null ? undefined : (env.sqlite3 ?? findSqlite3());

  const root = realpathSync(mkdtempSync(join(tmpdir(), 'doevault-bench-')));
  try {
    progress(`Generating ${options.plaintiffs} synthetic plaintiffs (fixed seed) ...`);
    const work = makeWorkload(options.plaintiffs, options.lookups);
    const ours: Samples = emptySamples();
    const theirs: Samples = emptySamples();
    let reference: { baseline: number; version: string; scripts: ReturnType<typeof writeScripts> } | undefined;
    if (binary) {
      const scripts = writeScripts(root, work);
      reference = { scripts, baseline: emptyProcessBaseline(binary, scripts), version: sqlite3Version(binary) };
    }

    for (let run = 1; run <= options.runs; run++) {
      progress(`Run ${run} of ${options.runs}: DoeVault ...`);
      const ourDir = join(root, `doevault-${run}`);
      mkdirSync(ourDir);
      const ourRun = await runDoeVault(ourDir, work, kdf);
      rmSync(ourDir, { recursive: true, force: true });
      for (const op of OPERATIONS) ours[op].push(ourRun[op]);

      if (binary && reference) {
        progress(`Run ${run} of ${options.runs}: sqlite3 ...`);
        const theirDir = join(root, `sqlite3-${run}`);
        mkdirSync(theirDir);
        const theirRun = runSqlite3(binary, theirDir, reference.scripts, work, reference.baseline);
        rmSync(theirDir, { recursive: true, force: true });
        for (const op of OPERATIONS) theirs[op].push(theirRun[op]);
      }
    }

    const mib = kdf.memlimit / (1024 * 1024);
    const vaultReport = renderReport({
      plaintiffs: options.plaintiffs,
      lookups: options.lookups,
      runs: options.runs,
      testKdf: options.testKdf,
      kdfLabel: `Argon2id ops=${kdf.opslimit} mem=${mib} MiB${options.testKdf ? ' (TEST-ONLY, insecure)' : ' (MODERATE, the default)'}`,
      environment: `Node ${process.version}, ${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${cpus().length} CPUs), ${process.platform}/${process.arch}`,
      doevault: ours,
      sqlite3: reference ? { samples: theirs, baseline: reference.baseline, version: reference.version } : undefined,
    });

    const scannerDir = join(root, 'scanner');
    mkdirSync(scannerDir);
    const sizes = options.quick ? SCANNER_QUICK : SCANNER_FULL;
    const scanner = runScannerBench(scannerDir, { ...sizes, runs: options.runs, ...(env.rg === undefined ? {} : { rg: env.rg }) }, progress);
    const exportDir = join(root, 'export');
    mkdirSync(exportDir);
    progress('Export: typesetting, reading back and verifying a long filing ...');
    const exportReport = await runExportBench(exportDir, options.quick ? EXPORT_QUICK : { ...EXPORT_FULL, runs: Math.min(options.runs, EXPORT_FULL.runs) }, progress);
    const intakeDir = join(root, 'intake');
    mkdirSync(intakeDir);
    const intakeReport = await runIntakeBench(intakeDir, options.quick ? INTAKE_QUICK : INTAKE_FULL, progress);
    const exhibitsDir = join(root, 'exhibits');
    mkdirSync(exhibitsDir);
    const exhibitsReport = await runExhibitsBench(exhibitsDir, options.quick ? EXHIBITS_QUICK : EXHIBITS_FULL, progress);
    const report = `${vaultReport}\n\n${renderScannerReport(scanner)}\n${exportReport}\n\n${intakeReport}\n${exhibitsReport}`;
    if (scannerMissed(scanner)) throw new BenchFailure(report, 'The leak scanner missed matches that rg found (see the scanner table).');
    return report;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  let options: BenchOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  try {
    console.log(await runBench(options, { progress: (line) => console.error(line) }));
  } catch (error) {
    if (!(error instanceof BenchFailure)) throw error;
    console.log(error.report);
    console.error(error.message);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
