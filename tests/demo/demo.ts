// `npm run demo`: the main job end to end, headless. A real vault (default Argon2id settings)
// with one case and 140 synthetic plaintiffs imported from a generated CSV; a complaint drafted with their real names is
// scanned, anonymised and exported (public, sealed, the declaration of identities), verified before writing.
// The output shows pseudonyms only.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_KDF, type KdfParams } from '../../src-main/core/crypto';
import { VaultError } from '../../src-main/core/errors';
import type { Choice, Finding } from '../../src-main/core/filings/resolution';
import type { PlaintiffInput } from '../../src-main/core/plaintiffs/plaintiff-input';
import type { RosterEntry } from '../../src-main/core/plaintiffs/plaintiffs';
import { fold } from '../../src-main/core/text/normalize';
import { VaultService } from '../../src-main/core/service';
import { intakeCsv } from '../fixtures/intake-files';
import { syntheticPlaintiffs } from '../fixtures/synthetic';
import { complaintDraft } from './complaint';

/** The fixed seed of the demo's synthetic plaintiffs (tests regenerate them with it). */
export const DEMO_SEED = 140;
export const DEMO_PLAINTIFFS = 140;
/** The generated intake spreadsheet the demo imports (synthetic names), in the demo folder. */
export const DEMO_INTAKE_FILE = 'intake-synthetic.csv';

export const DEMO_CASE = {
  title: `Does 1–${DEMO_PLAINTIFFS} v. Metropolis Daily Courier`,
  court: 'Superior Court of California, County of Los Angeles',
  number: '26STCV14021',
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
  /** The draft written with real names (synthetic), kept for `doe-vault scan`. */
  draftPath: string;
  /** The export's folder: public.pdf, sealed.pdf, declaration-of-identities.pdf, reference-list.pdf, .docx, manifest, package. */
  folder: string;
  packagePassphraseFile: string;
  /** The exported filing (its body: the draft with pseudonym tokens and the attorney's answers). */
  filingId: string;
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

    const created = vault.cases.create(DEMO_CASE);
    log('');
    log(`Case:   ${created.title}`);
    log(`        ${created.court}, No. ${created.number}`);
    log(`        pseudonym scheme: ${created.scheme.kind} (Jane Doe N / John Doe N / Doe N, one sequence)`);
    log(`        id ${created.id}`);

    log('');
    const people = syntheticPlaintiffs(DEMO_PLAINTIFFS, DEMO_SEED);
    const intakePath = join(dir, DEMO_INTAKE_FILE);
    await writeFile(intakePath, intakeCsv(people), { mode: 0o600, flag: 'wx' });
    log(`Intake spreadsheet: ${intakePath} (mode 0600)`);
    log(`  ${DEMO_PLAINTIFFS} rows of SYNTHETIC names and details (generated with a fixed seed; nobody real).`);
    log('  A real intake file holds real identities: import it, then delete it or keep it on an encrypted disk.');
    log(`Importing it: column mapping, validation, duplicates, then one transaction ...`);
    started = performance.now();
    const inspection = await vault.intake.inspect(created.id, intakePath);
    const imported = await vault.intake.import(created.id, intakePath, { mapping: inspection.mapping, onDuplicate: 'fail' });
    log(`  columns: ${inspection.headers.map((h, i) => `${h} -> ${inspection.mapping[i] ?? 'ignored'}`).join(', ')}`);
    log(`  added ${imported.added}, skipped ${imported.skipped}, rejected ${imported.rejected}, in ${seconds(performance.now() - started)}. Each identity is encrypted under the case's own key.`);

    // Read back from the vault, as any user of the roster would.
    const roster = vault.plaintiffs.roster(created.id);
    log('');
    log(`Public roster: ${roster.length} plaintiffs, pseudonyms and status only`);
    log('');
    for (const line of columns(roster.map((entry) => `${entry.pseudonym.padEnd(13)} ${entry.status}`), 4)) log(`  ${line}`);
    log('');
    log(`  ${countBy(roster, (entry) => entry.pseudonym.replace(/ \d+$/, ''))} (gender not given)`);

    const filing = await draftScanAndExport(vault, created.id, people, dir, log);

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
    log('  # scan the draft written with real names, and check the public PDF');
    log(`  ${base} scan --case ${created.id} ${shellQuote(filing.draftPath)}`);
    log(`  ${base} verify --case ${created.id} ${shellQuote(join(filing.folder, 'public.pdf'))}`);
    log(`  pdftotext ${shellQuote(join(filing.folder, 'public.pdf'))} - | less`);
    log('');
    log('  # the sealed package, opened with its one-time passphrase');
    log(`  npx doe-vault package open ${shellQuote(join(filing.folder, 'sealed.doesealed'))} --out ${shellQuote(join(dir, 'opened'))} --passphrase-file ${shellQuote(filing.packagePassphraseFile)}`);
    log('');
    log('  # the audit log: vault created, case created, plaintiffs added, filing exported, ...');
    log(`  ${base} audit list`);
    log('');
    log('  # when you are done');
    log(`  rm -rf ${shellQuote(dir)}`);

    return { vaultPath, passphraseFile, recoveryKeyFile, caseId: created.id, roster, ...filing };
  } finally {
    vault.close();
  }
}

/**
 * The main job: a complaint drafted with real names is scanned, its unambiguous mentions become
 * pseudonym tokens, the rest are decided (here by simple rules; in the app, by the attorney),
 * and the filing is exported, verified before anything is written.
 */
async function draftScanAndExport(
  vault: VaultService,
  caseId: string,
  people: readonly PlaintiffInput[],
  dir: string,
  log: (line: string) => void,
): Promise<{ draftPath: string; folder: string; packagePassphraseFile: string; filingId: string }> {
  const draft = complaintDraft(people);
  const draftPath = join(dir, 'complaint-draft-with-real-names.md');
  await writeFile(draftPath, draft, { mode: 0o600, flag: 'wx' });
  log('');
  log('Drafting: a complaint written with the plaintiffs\' real names (synthetic), as attorneys draft it:');
  log(`  ${draftPath}`);

  const hits = vault.filings.scan(caseId, draft);
  log('');
  log(`Scan: ${hits.length} mentions of identities found: ${countBy(hits, (h) => `${h.kind} (${h.confidence})`)}`);

  const prepared = vault.filings.prepareDraft(caseId, draft);
  log(`  ${prepared.converted} can point to one plaintiff of this case only, or are contact details: turned into pseudonym tokens or redactions.`);
  log(`  ${prepared.questions.length} need a person's decision:`);
  let body = prepared.text;
  // Last first, so that the offsets of the earlier ones still hold.
  for (const question of [...prepared.questions].sort((a, b) => b.start - a.start)) {
    const choice = decide(question, caseId);
    body = vault.filings.resolve(caseId, body, question, choice);
    const whom = question.targets.map((t) => t.pseudonym).join(', ');
    log(`    line ${String(question.line).padStart(2)}: ${question.kind} that may name ${whom} -> ${choice.kind === 'plaintiff' ? choice.pseudonym : choice.kind}`);
  }

  const filing = vault.filings.create(caseId, { title: 'Complaint for Damages', documentType: 'Complaint', format: 'california', body, keyFields: ['dob', 'idNumbers'] });
  const folder = join(dir, 'export');
  const packagePassphrase = randomBytes(24).toString('base64url');
  const packagePassphraseFile = join(dir, 'package-passphrase.txt');
  await writeFile(packagePassphraseFile, `${packagePassphrase}\n`, { mode: 0o600, flag: 'wx' });
  log('');
  log('Exporting the public and sealed versions, the declaration of identities, the reference list of redactions, Word copies and a sealed package ...');
  const started = performance.now();
  const report = await vault.filings.export(caseId, filing.details, { destination: folder, docx: true, package: { passphrase: packagePassphrase } });
  if (report.status === 'needs-resolution') throw new Error(`the demo export asks: ${report.questions.map((q) => `${q.field} line ${q.line}: ${q.kind} ${q.text}`).join('; ')}`);
  if (report.status !== 'exported') throw new Error(`the demo export stopped: ${report.status} ${JSON.stringify(report).slice(0, 1500)}`);
  log(`  done in ${seconds(performance.now() - started)}.`);
  log('');
  for (const file of report.files) log(`  ${file.name.padEnd(30)} ${String(file.bytes).padStart(8)} bytes  sha256 ${file.sha256}`);
  const v = report.verification;
  log('');
  log(`Verified before writing: ${v.scanned.join(' and ')} read back and checked against all ${v.identities} identities of the vault:`);
  log(`  ${v.hits.length} found${v.cleared > 0 ? `, ${v.cleared} marked "not a plaintiff"` : ''}; the sealed PDF names every plaintiff it cites and the declaration every plaintiff of the case${report.manifest.verification.sealedNamesPresent ? '' : ' (INCOMPLETE)'}.`);
  const independent = pdftotextNames(join(folder, 'public.pdf'), people);
  if (independent !== undefined) log(`  pdftotext public.pdf: ${independent === 0 ? 'no real name' : `${independent} REAL NAMES`} among its text (an independent reader).`);
  log(`  Folder: ${folder}`);
  return { draftPath, folder, packagePassphraseFile, filingId: filing.id };
}

/** The demo's stand-in for the attorney. */
function decide(question: Finding, caseId: string): Choice {
  const inCase = question.targets.filter((t) => t.caseId === caseId);
  if (question.action.kind === 'ask' && question.action.why === 'common-word') return { kind: 'not-a-plaintiff' };
  if (question.kind === 'date-of-birth' || inCase.length === 0) return { kind: 'redact' };
  return { kind: 'plaintiff', pseudonym: inCase[0]!.pseudonym };
}

/** How many legal names pdftotext finds in a PDF; undefined when poppler-utils is not installed. */
function pdftotextNames(pdf: string, people: readonly PlaintiffInput[]): number | undefined {
  let text: string;
  try {
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  const folded = fold(text);
  return people.filter((p) => folded.includes(fold(p.legalName))).length;
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

/** Issue 10: the demo's memory ceiling (its peak resident set, worker threads included). */
export const DEMO_PEAK_RSS_LIMIT_MIB = 400;

/**
 * The peak resident memory of this process so far: every thread (the KDF's short-lived
 * workers too), not child processes (pdftotext). maxRSS is in kilobytes.
 */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function peakMemoryLine(): string {
  const peak = peakRssMiB();
  const verdict = peak <= DEMO_PEAK_RSS_LIMIT_MIB ? 'within' : 'OVER';
  return `Peak memory (resident set) of this demo: ${peak.toFixed(0)} MiB, ${verdict} the ${DEMO_PEAK_RSS_LIMIT_MIB} MiB limit.`;
}

async function main(): Promise<void> {
  // realpath: on macOS the temporary folder is reached through a symlink.
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'doevault-demo-')));
  try {
    await runDemo({ dir, log: (line) => console.log(line) });
    console.log('');
    console.log(peakMemoryLine());
  } catch (error) {
    // Nothing half-made stays behind; on success the folder stays for the next commands.
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

// Run only as `npm run demo` (demo.mjs, or demo.ts under tsx): a bundle that imports the demo
// (docs-images.mjs) is also "the main module" by URL.
if (process.argv[1] && /[/\\]demo\.(?:mjs|ts)$/.test(process.argv[1]) && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof VaultError ? `${error.code}: ${error.message}` : error);
    process.exitCode = 1;
  });
}
