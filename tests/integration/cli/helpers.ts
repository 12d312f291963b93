import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import { expect } from 'vitest';

/**
 * Runs the real, built `doe-vault` (src-main/cli/bin.mjs -> out/main/cli.js) as a child
 * process, the way a script would. Nothing here calls the CLI in-process.
 */

export const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'src-main/cli/bin.mjs');
const BUILT = join(ROOT, 'out/main/cli.js');

/** Synthetic test passphrases (12 characters or more). */
export const PASSPHRASE = 'correct horse battery staple';
export const OTHER_PASSPHRASE = 'violet kettle under nine moons';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the child's stdin, which is then closed. Without it stdin is an empty pipe. */
  stdin?: string;
  /** Merged over the sandbox environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Killed (and the test failed) after this long; default 30 s. OCR of exhibits takes longer on shared cores. */
  timeoutMs?: number;
}

let buildChecked = false;

/** Throws unless out/main/cli.js exists and is newer than every file under src-main. */
export function assertBuilt(): void {
  if (buildChecked) return;
  const hint = 'run `npm run build` first (the CLI tests run the built out/main/cli.js)';
  if (!existsSync(BUILT)) throw new Error(`${BUILT} does not exist: ${hint}`);
  const builtAt = statSync(BUILT).mtimeMs;
  const newer = sourceFiles(join(ROOT, 'src-main')).find((file) => statSync(file).mtimeMs > builtAt);
  if (newer) throw new Error(`${newer} is newer than ${BUILT}: ${hint}`);
  buildChecked = true;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : [path];
  });
}

/** HOME and XDG_CONFIG_HOME of every child: a folder that does not exist (nothing may use it). */
const NO_HOME = join(tmpdir(), `doevault-cli-no-home-${process.pid}-${Date.now()}`);

/**
 * The environment of every child: the parent's, minus $DOE_VAULT, with HOME and
 * XDG_CONFIG_HOME pointing nowhere real, so no test can reach a real vault. Tests of the
 * default path set their own.
 */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: NO_HOME, XDG_CONFIG_HOME: join(NO_HOME, '.config') };
  delete env.DOE_VAULT;
  delete env.NODE_OPTIONS;
  return env;
}

export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  assertBuilt();
  const env = baseEnv();
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? tmpdir(),
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === null) reject(new Error(`doe-vault ${args.join(' ')} was killed by ${signal}`));
      else resolvePromise({ code, stdout, stderr });
    });
    // The child may exit before reading stdin (usage errors): ignore the broken pipe.
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
  });
}

// Files --------------------------------------------------------------------------------------

export interface Sandbox {
  dir: string;
  path(name: string): string;
  cleanup(): void;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'doevault-cli-'));
  return {
    dir,
    path: (name) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Writes a one-page Letter PDF with what `draw` puts on it. */
export function writePdf(path: string, draw: (doc: InstanceType<typeof PDFDocument>) => void): Promise<void> {
  return new Promise((resolvePromise) => {
    const doc = new PDFDocument({ size: 'LETTER' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      writeFileSync(path, Buffer.concat(chunks));
      resolvePromise();
    });
    draw(doc);
    doc.end();
  });
}

/** Writes a secret file (passphrase, recovery key) readable by its owner only. */
export function secretFile(path: string, content: string): string {
  writeFileSync(path, `${content}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

export { sha256 } from '../../fixtures/checks';

// Vaults -------------------------------------------------------------------------------------

export interface CliVault {
  path: string;
  passphraseFile: string;
  recoveryKey: string;
  /** `--vault PATH --passphrase-file FILE`, to put before a command. */
  auth: string[];
}

/** `doe-vault init --kdf interactive` (the fastest preset the CLI offers) at `path`. */
export async function initVault(path: string, passphrase = PASSPHRASE): Promise<CliVault> {
  const passphraseFile = secretFile(`${path}.passphrase`, passphrase);
  const result = await runCli(['--vault', path, '--passphrase-file', passphraseFile, 'init', '--kdf', 'interactive', '--json']);
  expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });
  const { recoveryKey } = JSON.parse(result.stdout) as { recoveryKey: string };
  return { path, passphraseFile, recoveryKey, auth: ['--vault', path, '--passphrase-file', passphraseFile] };
}

/** Runs a command that must succeed with nothing on stderr, and returns its stdout. */
export async function ok(args: string[], options?: RunOptions): Promise<string> {
  const result = await runCli(args, options);
  expect(result.stderr, `doe-vault ${args.join(' ')}`).toBe('');
  expect(result.code, `doe-vault ${args.join(' ')}`).toBe(0);
  return result.stdout;
}

/** Runs a command with --json that must succeed, and parses its stdout. */
export async function okJson<T = unknown>(args: string[], options?: RunOptions): Promise<T> {
  return JSON.parse(await ok([...args, '--json'], options)) as T;
}

export async function addCase(vault: CliVault, ...options: string[]): Promise<string> {
  return (await okJson<{ id: string }>([...vault.auth, 'case', 'add', ...options])).id;
}

export async function addPlaintiff(vault: CliVault, caseId: string, ...options: string[]): Promise<string> {
  return (await okJson<{ pseudonym: string }>([...vault.auth, 'plaintiff', 'add', '--case', caseId, ...options])).pseudonym;
}

/**
 * The filing tests' starting point: a new sandbox and vault holding the case "Does v. Courier"
 * (a court and a number, so that exports have a caption) with `plaintiffs` (the options of
 * `plaintiff add` of each), added in order. The caller cleans the sandbox up.
 */
export async function courierCase(plaintiffs: readonly (readonly string[])[]): Promise<{ box: Sandbox; vault: CliVault; caseId: string }> {
  const box = sandbox();
  const vault = await initVault(box.path('v.doevault'));
  const caseId = await addCase(vault, '--title', 'Does v. Courier', '--court', 'Superior Court of California, County of Metropolis', '--number', 'MCV-1');
  for (const options of plaintiffs) await addPlaintiff(vault, caseId, ...options);
  return { box, vault, caseId };
}

export interface AuditEntryJson {
  seq: number;
  at: string;
  action: string;
  details: Record<string, unknown>;
}

export function auditActions(entries: AuditEntryJson[]): string[] {
  return entries.map((entry) => entry.action);
}

// Errors -------------------------------------------------------------------------------------

const STACK_FRAME = /^\s+at\s|\.(?:[cm]?[jt]s|tsx?):\d+/m;

/**
 * Checks a failure against the contract: the exit code, and exactly one line on stderr that
 * starts with "doe-vault: " (plain) or is {"error":{"code","message"}} (--json), with no
 * stack trace. Returns the message.
 */
export function expectFailure(result: CliResult, exit: number, code?: string): string {
  const context = `exit ${result.code}, stderr: ${result.stderr}`;
  expect(result.code, context).toBe(exit);
  expect(result.stderr, context).toMatch(/^[^\n]+\n$/);
  expect(result.stderr, context).not.toMatch(STACK_FRAME);
  const line = result.stderr.slice(0, -1);
  if (line.startsWith('{')) {
    const parsed = JSON.parse(line) as { error: { code: string; message: string } };
    expect(Object.keys(parsed)).toEqual(['error']);
    expect(parsed.error).toEqual({ code: expect.any(String), message: expect.any(String) });
    if (code !== undefined) expect(parsed.error.code, context).toBe(code);
    expect(parsed.error.message).not.toMatch(STACK_FRAME);
    return parsed.error.message;
  }
  expect(line, context).toMatch(/^doe-vault: \S/);
  if (code !== undefined) throw new Error(`expectFailure: error codes are only printed with --json (${context})`);
  return line.slice('doe-vault: '.length);
}

/** Runs a command with --json that must fail with `exit` and `code`; returns the message. */
export async function failJson(args: string[], exit: number, code: string, options?: RunOptions): Promise<string> {
  return expectFailure(await runCli([...args, '--json'], options), exit, code);
}

// Direct access to the file, to damage it ----------------------------------------------------

/** Opens the vault file with better-sqlite3 (no DoeVault code) to inspect or damage it. */
export function withDatabase<T>(path: string, work: (db: Database.Database) => T): T {
  const db = new Database(path, { fileMustExist: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** Flips one bit of the byte at `at` (default: the middle) of a BLOB column in one row. */
export function flipBlobBit(path: string, table: string, column: string, where: string, params: unknown[] = [], at?: number): void {
  withDatabase(path, (db) => {
    const row = db.prepare(`SELECT rowid AS r, ${column} AS v FROM ${table} WHERE ${where}`).get(...params) as
      | { r: number; v: Buffer }
      | undefined;
    if (!row) throw new Error(`flipBlobBit: no row in ${table} where ${where}`);
    const bytes = Buffer.from(row.v);
    const index = at ?? Math.floor(bytes.length / 2);
    bytes[index]! ^= 0x01;
    db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`).run(bytes, row.r);
  });
}

/**
 * A PDF's text as poppler's pdftotext reads it (an independent reader, UTF-8), pages separated
 * by form feeds; `layout` keeps each page's rows as printed, so on pleading paper each row
 * begins with its line number. `first`/`last` limit the pages.
 */
export function pdftotext(file: string, options: { layout?: boolean; first?: number; last?: number } = {}): string {
  const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8'];
  if (options.first !== undefined) args.push('-f', String(options.first));
  if (options.last !== undefined) args.push('-l', String(options.last));
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}
