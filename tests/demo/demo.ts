// `npm run demo`: a real vault (default Argon2id settings) with one case and 140 synthetic
// plaintiffs, in a fresh temporary folder. The output shows pseudonyms only; the synthetic
// identities stay inside the encrypted vault.
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_KDF, type KdfParams } from '../../src-main/core/crypto';
import { VaultError } from '../../src-main/core/errors';
import type { RosterEntry } from '../../src-main/core/plaintiffs/plaintiffs';
import { VaultService } from '../../src-main/core/service';
import { syntheticPlaintiffs } from '../fixtures/synthetic';

/** The fixed seed of the demo's synthetic plaintiffs (tests regenerate them with it). */
export const DEMO_SEED = 140;
export const DEMO_PLAINTIFFS = 140;

export const DEMO_CASE = {
  title: `Does 1–${DEMO_PLAINTIFFS} v. Metropolis Daily Courier`,
  court: 'Superior Court of the State of California, County of Metropolis',
  number: 'MCV-2026-014021',
  scheme: 'gendered',
} as const;

export interface DemoOptions {
  /** An existing, empty folder for the vault and its passphrase file. */
  dir: string;
  /** Where each output line goes. */
  log: (line: string) => void;
  /**
   * Tests only: a faster key derivation. `npm run demo` never passes it, so the demo always
   * shows the real default (libsodium MODERATE).
   */
  kdf?: KdfParams;
}

export interface DemoResult {
  vaultPath: string;
  passphraseFile: string;
  recoveryKeyFile: string;
  caseId: string;
  roster: RosterEntry[];
}

export async function runDemo({ dir, log, kdf }: DemoOptions): Promise<DemoResult> {
  const vaultPath = join(dir, 'demo.doevault');
  const passphraseFile = join(dir, 'passphrase.txt');
  const recoveryKeyFile = join(dir, 'recovery-key.txt');
  const params = kdf ?? DEFAULT_KDF;

  // 24 random bytes: 32 base64url characters, well above the 12-character minimum.
  const passphrase = randomBytes(24).toString('base64url');
  await writeFile(passphraseFile, `${passphrase}\n`, { mode: 0o600, flag: 'wx' });

  log('DoeVault demo');
  log('');
  log(`Creating a vault: Argon2id, ${params.opslimit} passes over ${formatMiB(params.memlimit)} per keyslot${kdf ? ' (TEST-ONLY SETTINGS)' : ' (the default)'}, two keyslots (passphrase and recovery key) ...`);
  let started = performance.now();
  const { vault, recoveryKey } = await VaultService.create(vaultPath, passphrase, kdf ? { kdf } : {});
  try {
    log(`  done in ${seconds(performance.now() - started)}.`);
    await writeFile(recoveryKeyFile, `${recoveryKey}\n`, { mode: 0o600, flag: 'wx' });

    const created = vault.createCase(DEMO_CASE);
    log('');
    log(`Case:   ${created.title}`);
    log(`        ${created.court}, No. ${created.number}`);
    log(`        pseudonym scheme: ${created.scheme.kind} (Jane Doe N / John Doe N / Doe N, one sequence)`);
    log(`        id ${created.id}`);

    log('');
    log(`Adding ${DEMO_PLAINTIFFS} synthetic plaintiffs (generated with a fixed seed; nobody real) in one transaction ...`);
    const people = syntheticPlaintiffs(DEMO_PLAINTIFFS, DEMO_SEED);
    started = performance.now();
    vault.addPlaintiffs(created.id, people);
    log(`  done in ${seconds(performance.now() - started)}. Each identity is encrypted under the case's own key.`);

    // Read back from the vault, as any user of the roster would.
    const roster = vault.roster(created.id);
    log('');
    log(`Public roster: ${roster.length} plaintiffs, pseudonyms and status only`);
    log('');
    for (const line of columns(roster.map((entry) => `${entry.pseudonym.padEnd(13)} ${entry.status}`), 4)) log(`  ${line}`);
    log('');
    log(`  ${countBy(roster, (entry) => entry.pseudonym.replace(/ \d+$/, ''))} (gender not given)`);

    log('');
    log('Where things are');
    log(`  folder          ${dir}`);
    log(`  vault           ${vaultPath}`);
    log(`  passphrase      ${passphraseFile} (mode 0600, randomly generated)`);
    log(`  recovery key    ${recoveryKeyFile} (mode 0600)`);
    log('                  A demo convenience: a real recovery key is shown once, printed,');
    log('                  and kept offline, away from the laptop.');

    const base = `npx doe-vault --vault ${shellQuote(vaultPath)} --passphrase-file ${shellQuote(passphraseFile)}`;
    log('');
    log('Next, with the command line:');
    log('');
    log('  # the public roster of the case');
    log(`  ${base} roster --case ${created.id}`);
    log('');
    log('  # the audit log: vault created, case created, plaintiffs added, ...');
    log(`  ${base} audit list`);
    log('');
    log('  # when you are done');
    log(`  rm -rf ${shellQuote(dir)}`);

    return { vaultPath, passphraseFile, recoveryKeyFile, caseId: created.id, roster };
  } finally {
    vault.close();
  }
}

/** Lays `cells` out column by column (reading down), `count` columns wide. */
function columns(cells: string[], count: number): string[] {
  const rows = Math.ceil(cells.length / count);
  const width = Math.max(...cells.map((cell) => cell.length));
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < count; c++) {
      const cell = cells[c * rows + r];
      if (cell !== undefined) line.push(cell.padEnd(width));
    }
    lines.push(line.join('    ').trimEnd());
  }
  return lines;
}

function countBy<T>(items: T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([label, n]) => `${n} × ${label}`).join(', ');
}

function formatMiB(bytes: number): string {
  return `${bytes / (1024 * 1024)} MiB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Quotes a path for a POSIX shell when it needs quoting. */
function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

async function main(): Promise<void> {
  // realpath: on macOS the temporary folder is reached through a symlink.
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'doevault-demo-')));
  try {
    await runDemo({ dir, log: (line) => console.log(line) });
  } catch (error) {
    // Nothing half-made stays behind; on success the folder stays for the next commands.
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof VaultError ? `${error.code}: ${error.message}` : error);
    process.exitCode = 1;
  });
}
