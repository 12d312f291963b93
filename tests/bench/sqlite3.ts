// The reference: the sqlite3 command-line shell doing the same jobs on the same rows, in plain
// (unencrypted) columns, with the same durability settings as the vault (WAL,
// synchronous=FULL, secure_delete=ON, foreign_keys=ON).
//
// Timing: wall time of the whole sqlite3 process (spawnSync) minus the median wall time of an
// empty sqlite3 process, so process start-up is not charged to SQLite. The shell's `.timer on`
// is not used: it prints milliseconds per statement, too coarse for the thousand
// microsecond-long lookups.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './measure';
import type { Operation } from './operations';
import { BENCH_CASE, genderedPseudonym, type Workload } from './workload';

/** The sqlite3 shell on the PATH, or undefined. */
export function findSqlite3(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v sqlite3'], { encoding: 'utf8' });
  const path = found.status === 0 ? found.stdout.trim() : '';
  return path === '' ? undefined : path;
}

export function sqlite3Version(binary: string): string {
  return spawnSync(binary, ['-version'], { encoding: 'utf8' }).stdout.trim().split(' ')[0] ?? '?';
}

const PRAGMAS = `PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA secure_delete = ON;
PRAGMA foreign_keys = ON;
PRAGMA temp_store = MEMORY;
`;

// The vault's schema with every encrypted BLOB replaced by the plain columns it holds.
const SCHEMA = `CREATE TABLE meta (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  vault_id TEXT NOT NULL, created_at TEXT NOT NULL, key_check BLOB, audit_head BLOB
) STRICT;
CREATE TABLE keyslots (
  kind TEXT PRIMARY KEY, alg TEXT NOT NULL, opslimit INTEGER NOT NULL, memlimit INTEGER NOT NULL,
  salt BLOB NOT NULL, wrapped_key BLOB NOT NULL, checksum BLOB NOT NULL, updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE cases (
  id TEXT PRIMARY KEY, created_at TEXT NOT NULL, next_seq INTEGER NOT NULL DEFAULT 1,
  title TEXT NOT NULL, court TEXT, number TEXT, scheme TEXT NOT NULL
) STRICT;
CREATE TABLE plaintiffs (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  pseudonym TEXT NOT NULL, status TEXT NOT NULL,
  legal_name TEXT NOT NULL, aliases TEXT NOT NULL, gender TEXT NOT NULL, dob TEXT, email TEXT,
  phone TEXT, address TEXT, id_numbers TEXT NOT NULL, notes TEXT,
  UNIQUE (case_id, seq),
  UNIQUE (case_id, pseudonym)
) STRICT;
CREATE INDEX plaintiffs_by_name ON plaintiffs (legal_name);
CREATE INDEX plaintiffs_by_name_dob ON plaintiffs (legal_name, dob);
CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, details TEXT) STRICT;
`;

const NOW = '2026-01-01T00:00:00.000Z';
const CASE_ID = 'benchcase0000001';

function q(value: string | undefined | null): string {
  return value === undefined || value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`;
}

function audit(action: string, details: string): string {
  return `INSERT INTO audit_log (at, action, details) VALUES (${q(NOW)}, ${q(action)}, ${q(details)});\n`;
}

/** The scripts, one per job, written once into `dir`. */
export interface Scripts {
  empty: string;
  create: string;
  newCase: string;
  add: string;
  unlock: string;
  sealedRoster: string;
  publicRoster: string;
  lookups: string;
  /** Untimed checks: each prints one number. */
  countRows: string;
  countFirstLookup: string;
}

export function writeScripts(dir: string, work: Workload): Scripts {
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const slot = (kind: string) =>
    `INSERT INTO keyslots VALUES (${q(kind)}, 'argon2id13', 3, 268435456, randomblob(16), randomblob(72), randomblob(32), ${q(NOW)});\n`;

  const rows = work.plaintiffs.map((p, i) => {
    const seq = i + 1;
    const values = [
      q(`p${String(seq).padStart(15, '0')}`),
      q(CASE_ID),
      String(seq),
      q(NOW),
      q(NOW),
      q(genderedPseudonym(p, seq)),
      q('active'),
      q(p.legalName),
      q(JSON.stringify(p.aliases ?? [])),
      q(p.gender ?? 'unspecified'),
      q(p.dob),
      q(p.email),
      q(p.phone),
      q(p.address),
      q(JSON.stringify(p.idNumbers ?? [])),
      q(p.notes),
    ];
    return `INSERT INTO plaintiffs VALUES (${values.join(', ')});\n`;
  });

  return {
    empty: file('empty.sql', ''),
    create:
      file(
        'create.sql',
        `${PRAGMAS}BEGIN;\n${SCHEMA}INSERT INTO meta (singleton, vault_id, created_at) VALUES (1, 'benchvault000001', ${q(NOW)});\n` +
          `${slot('passphrase')}${slot('recovery')}${audit('vault.created', '{}')}COMMIT;\n`,
      ),
    newCase: file(
      'case.sql',
      `${PRAGMAS}INSERT INTO cases (id, created_at, title, court, number, scheme) VALUES (${q(CASE_ID)}, ${q(NOW)}, ` +
        `${q(BENCH_CASE.title)}, ${q(BENCH_CASE.court)}, ${q(BENCH_CASE.number)}, ${q(BENCH_CASE.scheme)});\n`,
    ),
    add: file(
      'add.sql',
      `${PRAGMAS}BEGIN;\n${rows.join('')}UPDATE cases SET next_seq = ${rows.length + 1} WHERE id = ${q(CASE_ID)};\n` +
        `${audit('plaintiffs.added', `{"count":${rows.length}}`)}COMMIT;\n`,
    ),
    unlock: file(
      'unlock.sql',
      `${PRAGMAS}SELECT * FROM meta;\nSELECT * FROM keyslots WHERE kind = 'passphrase';\nSELECT count(*) FROM plaintiffs;\n${audit('vault.unlocked', '{}')}`,
    ),
    sealedRoster: file(
      'sealed.sql',
      `${PRAGMAS}SELECT * FROM plaintiffs WHERE case_id = ${q(CASE_ID)} ORDER BY seq;\n${audit('roster.revealed', '{}')}`,
    ),
    publicRoster: file('public.sql', `${PRAGMAS}SELECT id, seq, pseudonym, status FROM plaintiffs WHERE case_id = ${q(CASE_ID)} ORDER BY seq;\n`),
    lookups: file(
      'lookups.sql',
      `${PRAGMAS}${work.lookupNames
        .map((name) => `SELECT case_id, id, pseudonym, dob FROM plaintiffs WHERE legal_name = ${q(name)} ORDER BY case_id, seq;\n`)
        .join('')}`,
    ),
    countRows: file('count.sql', 'SELECT count(*) FROM plaintiffs;\n'),
    countFirstLookup: file('count-lookup.sql', `SELECT count(*) FROM plaintiffs WHERE legal_name = ${q(work.lookupNames[0])};\n`),
  };
}

/** Runs one script against `db`; returns the process wall time in milliseconds and its output. */
function runScript(binary: string, db: string, script: string, keepOutput = false): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(binary, ['-bail', '-batch', db, `.read ${script}`], {
    stdio: ['ignore', keepOutput ? 'pipe' : 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  if (result.status !== 0 || result.stderr.trim() !== '') {
    throw new Error(`sqlite3 failed on ${script} (exit ${result.status}): ${result.stderr.trim().slice(0, 500)}`);
  }
  return { ms, stdout: keepOutput ? result.stdout : '' };
}

/** The median wall time of an sqlite3 process that does nothing: subtracted from every job. */
export function emptyProcessBaseline(binary: string, scripts: Scripts, samples = 21): number {
  return median(Array.from({ length: samples }, () => runScript(binary, ':memory:', scripts.empty).ms));
}

/** One run in `dir` (empty). For `lookup`, the mean per lookup of one process running them all. */
export function runSqlite3(
  binary: string,
  dir: string,
  scripts: Scripts,
  work: Workload,
  baseline: number,
): Record<Operation, number> {
  const db = join(dir, 'reference.sqlite3');
  const job = (script: string) => Math.max(0, runScript(binary, db, script).ms - baseline);
  const check = (script: string) => Number(runScript(binary, db, script, true).stdout.trim());

  const create = job(scripts.create);
  runScript(binary, db, scripts.newCase);
  const add = job(scripts.add);
  if (check(scripts.countRows) !== work.plaintiffs.length) throw new Error('sqlite3 reference: wrong row count after the insert.');
  const unlock = job(scripts.unlock);
  const sealedRoster = job(scripts.sealedRoster);
  const publicRoster = job(scripts.publicRoster);
  if (check(scripts.countFirstLookup) < 1) throw new Error('sqlite3 reference: a looked-up name is missing.');
  const lookup = job(scripts.lookups) / work.lookupNames.length;
  return { create, unlock, add, sealedRoster, publicRoster, lookup };
}
