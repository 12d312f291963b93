import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/bench';
import { parseOptions, QUICK, UsageError } from '../bench/options';
import { OPERATIONS } from '../bench/operations';
import { NOT_INSTALLED, rowLabel } from '../bench/report';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs');
const run = promisify(execFile);

/** The table rows: lines that start with "| " and are not the header. */
function tableRows(output: string): string[][] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| operation'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

describe('npm run bench (smoke)', () => {
  it('prints a row for every operation in --quick mode, in well under 15 s', async () => {
    const started = Date.now();
    const { stdout } = await run(process.execPath, [tsx, 'tests/bench/bench.ts', '--quick', '--test-kdf'], {
      cwd: root,
      timeout: 15_000,
    });
    expect(Date.now() - started).toBeLessThan(15_000);

    const rows = tableRows(stdout);
    expect(rows.map((row) => row[0])).toEqual(OPERATIONS.map((op) => rowLabel(op, QUICK.plaintiffs, QUICK.lookups)));
    for (const row of rows) {
      expect(row).toHaveLength(4);
      expect(row[1]).toMatch(/^\d+(\.\d+)? (s|ms|µs)$/);
      // The sqlite3 column holds a time, or says how to install sqlite3.
      expect(row[2]).toMatch(/^(\d+(\.\d+)? (s|ms|µs)|n\/a \(apt-get install sqlite3\))$/);
    }
    expect(stdout).toContain('TEST-ONLY INSECURE KDF');
  });

  it('says how to install sqlite3 where it is missing', async () => {
    const output = await runBench({ ...QUICK, runs: 1, testKdf: true }, { sqlite3: null });
    const rows = tableRows(output);
    expect(rows).toHaveLength(OPERATIONS.length);
    for (const row of rows) {
      expect(row[2]).toBe(NOT_INSTALLED);
      expect(row[3]).toBe('–');
    }
  });

  it('allows the test-only KDF in --quick mode only', () => {
    expect(() => parseOptions(['--test-kdf'])).toThrow(UsageError);
    expect(() => parseOptions(['--runs', '0'])).toThrow(UsageError);
    expect(parseOptions(['--runs', '7'])).toMatchObject({ runs: 7, plaintiffs: 10_000, lookups: 1_000, testKdf: false });
    expect(parseOptions(['--quick', '--test-kdf'])).toMatchObject({ runs: 1, plaintiffs: QUICK.plaintiffs, testKdf: true });
  });
});
