// Command-line options of `npm run bench`.

export interface BenchOptions {
  /** Measured runs per operation; the table shows the median. */
  runs: number;
  /** Plaintiffs added, decrypted and searched. */
  plaintiffs: number;
  /** Duplicate lookups per run; the DoeVault column shows the median lookup. */
  lookups: number;
  /** Small sizes for the smoke test. */
  quick: boolean;
  /** The test-only Argon2id settings instead of MODERATE. Refused unless `quick`. */
  testKdf: boolean;
}

export const FULL = { runs: 5, plaintiffs: 10_000, lookups: 1_000, quick: false } as const;

export const QUICK = { runs: 1, plaintiffs: 50, lookups: 20, quick: true } as const;

export const USAGE = `Usage: npm run bench -- [--runs N] [--quick [--test-kdf]]

  --runs N     measured runs per operation, median shown (default ${FULL.runs}; 1 with --quick)
  --quick      tiny sizes (${QUICK.plaintiffs} plaintiffs, ${QUICK.lookups} lookups; a 64 KB document and
               200 identities for the leak scanner; a 4-page scanned exhibit) for the smoke test
  --test-kdf   with --quick only: the test-only, insecure Argon2id settings, so that
               create and unlock take milliseconds (their numbers then mean nothing)`;

export class UsageError extends Error {}

export function parseOptions(argv: readonly string[]): BenchOptions {
  let runs: number | undefined;
  let quick = false;
  let testKdf = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--test-kdf') testKdf = true;
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg === '--runs' ? argv[++i] : arg.slice('--runs='.length);
      runs = Number(value);
      if (!Number.isInteger(runs) || runs < 1 || runs > 1000) throw new UsageError(`--runs needs a whole number from 1 to 1000, not "${value ?? ''}".`);
    } else throw new UsageError(`Unknown option "${arg}".`);
  }
  if (testKdf && !quick) {
    throw new UsageError('--test-kdf is for the --quick smoke test only: the real benchmark measures the default KDF.');
  }
  const sizes = quick ? QUICK : FULL;
  return { runs: runs ?? sizes.runs, plaintiffs: sizes.plaintiffs, lookups: sizes.lookups, quick, testKdf };
}
