import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/bench';
import { EXHIBIT_ROWS, EXHIBITS_QUICK, exhibitRowLabel, TESSERACT_NOT_INSTALLED } from '../bench/exhibits';
import { EXPORT_QUICK, EXPORT_ROWS, exportRowLabel } from '../bench/export';
import { parseOptions, QUICK, UsageError } from '../bench/options';
import { OPERATIONS } from '../bench/operations';
import { NOT_INSTALLED, rowLabel } from '../bench/report';
import { RG_NOT_INSTALLED, SCANNER_QUICK, SCANNER_ROWS, scannerRowLabel } from '../bench/scanner';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs');
const run = promisify(execFile);

/** The rows of the output's tables (0: the vault vs sqlite3, 1: the leak scanner vs rg), headers left out. */
function tableRows(output: string, table = 0): string[][] {
  const tables: string[][][] = [];
  let inTable = false;
  for (const line of output.split('\n')) {
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    if (!inTable) tables.push([]);
    inTable = true;
    if (line.startsWith('| operation') || line.startsWith('|:')) continue;
    tables[tables.length - 1]!.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return tables[table] ?? [];
}

describe('npm run bench (smoke)', () => {
  // A smoke test of the tables, not a timing: speed is what `npm run bench` itself reports, and
  // a loaded 2-core machine may take minutes here.
  // The exhibits table OCRs a 4-page scan twice: minutes on a loaded machine.
  it('prints a row for every operation in --quick mode (five tables, small sizes)', { timeout: 900_000 }, async () => {
    const { stdout } = await run(process.execPath, [tsx, 'tests/bench/bench.ts', '--quick', '--test-kdf'], {
      cwd: root,
      timeout: 890_000,
    });

    const rows = tableRows(stdout);
    expect(rows.map((row) => row[0])).toEqual(OPERATIONS.map((op) => rowLabel(op, QUICK.plaintiffs, QUICK.lookups)));
    for (const row of rows) {
      expect(row).toHaveLength(4);
      expect(row[1]).toMatch(/^\d+(\.\d+)? (s|ms|µs)$/);
      // The sqlite3 column holds a time, or says how to install sqlite3.
      expect(row[2]).toMatch(/^(\d+(\.\d+)? (s|ms|µs)|n\/a \(apt-get install sqlite3\))$/);
    }
    expect(stdout).toContain('TEST-ONLY INSECURE KDF');

    // The leak scanner's table: build and scan, against ripgrep (or how to install it).
    const scanner = tableRows(stdout, 1);
    expect(scanner.map((row) => row[0])).toEqual(SCANNER_ROWS.map((row) => scannerRowLabel(row, SCANNER_QUICK.identities, SCANNER_QUICK.documentChars)));
    for (const row of scanner) {
      expect(row).toHaveLength(4);
      expect(row[1]).toMatch(/^\d+(\.\d+)? (s|ms|µs)$/);
      expect(row[2]).toMatch(/^(\d+(\.\d+)? (s|ms|µs)|n\/a \(apt-get install ripgrep\))$/);
    }
    expect(stdout).toMatch(/nothing rg finds is missed|rg is not installed/);

    // The export table: a long filing exported and verified, and the read-back against pdftotext.
    const exported = tableRows(stdout, 2);
    expect(exported.map((row) => row[0])).toEqual(EXPORT_ROWS.map((row) => exportRowLabel(row, EXPORT_QUICK)));
    for (const row of exported) {
      expect(row).toHaveLength(4);
      expect(row[1]).toMatch(/^\d+(\.\d+)? (s|ms|µs)$/);
    }
    expect(exported[0]![2]).toMatch(/^target \d/);
    expect(exported[1]![2]).toMatch(/^(\d+(\.\d+)? (s|ms|µs)|n\/a \(apt-get install poppler-utils\))$/);

    // The intake table: CSV and XLSX imports against sqlite3 .import of the same CSV.
    const intake = tableRows(stdout, 3);
    expect(intake.map((row) => row[0])).toEqual(['import 500 rows, CSV', 'import 500 rows, XLSX', 'import 2,000 rows, CSV']);
    for (const row of intake) {
      expect(row).toHaveLength(6);
      expect(row[1]).toMatch(/^\d+(\.\d+)? (s|ms|µs)$/);
      expect(row[3]).toMatch(/^(\d+(\.\d+)? (s|ms|µs)|n\/a \(apt-get install sqlite3\))$/);
    }

    // The exhibits table: a scanned exhibit redacted against native tesseract; recall of planted names.
    const exhibits = tableRows(stdout, 4);
    expect(exhibits.map((row) => row[0])).toEqual(EXHIBIT_ROWS.map((row) => exhibitRowLabel(row, EXHIBITS_QUICK)));
    expect(exhibits[0]![1]).toMatch(/^\d+(\.\d+)? (s|ms)$/);
    expect(exhibits[0]![2]).toMatch(new RegExp(`^(\\d+(\\.\\d+)? (s|ms)|${TESSERACT_NOT_INSTALLED.replace(/[()]/g, '\\$&')})$`));
    // Planted names are found: the synthetic pages are clean, and the born-digital one has a text layer.
    expect(exhibits[1]![1]).toMatch(/^(\d+(\.\d)?% \(\d+\/\d+\)|n\/a \(apt-get install poppler-utils\))$/);
    expect(exhibits[2]![1]).toMatch(/^100% \(\d+\/\d+\)$/);
  });

  it('says how to install sqlite3 and ripgrep where they are missing', { timeout: 900_000 }, async () => {
    const output = await runBench({ ...QUICK, runs: 1, testKdf: true }, { sqlite3: null, rg: null });
    const rows = tableRows(output);
    expect(rows).toHaveLength(OPERATIONS.length);
    for (const row of rows) {
      expect(row[2]).toBe(NOT_INSTALLED);
      expect(row[3]).toBe('–');
    }
    const scanner = tableRows(output, 1);
    expect(scanner).toHaveLength(SCANNER_ROWS.length);
    for (const row of scanner) {
      expect(row[2]).toBe(RG_NOT_INSTALLED);
      expect(row[3]).toBe('–');
    }
    expect(output).toContain('apt-get install ripgrep');
  });

  it('allows the test-only KDF in --quick mode only', () => {
    expect(() => parseOptions(['--test-kdf'])).toThrow(UsageError);
    expect(() => parseOptions(['--runs', '0'])).toThrow(UsageError);
    expect(parseOptions(['--runs', '7'])).toMatchObject({ runs: 7, plaintiffs: 10_000, lookups: 1_000, testKdf: false });
    expect(parseOptions(['--quick', '--test-kdf'])).toMatchObject({ runs: 1, plaintiffs: QUICK.plaintiffs, testKdf: true });
  });
});
