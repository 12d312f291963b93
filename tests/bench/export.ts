// The export rows of `npm run bench`: a long filing exported end to end (public and sealed PDFs
// and the declaration of identities, read back and verified against every identity of the vault), and the
// read-back alone against poppler's pdftotext on the same public PDF.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Faker, en } from '@faker-js/faker';
import { TEST_ONLY_INSECURE_KDF } from '../../src-main/core/crypto';
import { pdfText } from '../../src-main/core/documents';
import { VaultService } from '../../src-main/core/service';
import { syntheticPlaintiffs } from '../fixtures/synthetic';
import { formatDuration, formatRatio, markdownTable, median, timed, timedAsync } from './measure';

export interface ExportBenchOptions {
  /** Pages of the public PDF to aim for. */
  pages: number;
  /** Plaintiffs of the case (all cited); the vault also holds `others` in another case. */
  plaintiffs: number;
  others: number;
  runs: number;
}

export const EXPORT_FULL: ExportBenchOptions = { pages: 100, plaintiffs: 140, others: 10_000, runs: 3 };
export const EXPORT_QUICK: ExportBenchOptions = { pages: 5, plaintiffs: 20, others: 50, runs: 1 };
/** The target for a 100-page filing. */
export const EXPORT_TARGET_MS = 5_000;

export const EXPORT_ROWS = ['export', 'readBack'] as const;

export function exportRowLabel(row: (typeof EXPORT_ROWS)[number], options: ExportBenchOptions): string {
  return row === 'export'
    ? `export a ${options.pages}-page filing (3 PDFs + verification)`
    : `read back the public PDF's text (${options.pages} pages)`;
}

/** A complaint of about `pages` pleading pages that cites every plaintiff by token. */
function longBody(pseudonyms: readonly string[], pages: number): string {
  const faker = new Faker({ locale: [en] });
  faker.seed(2026);
  const paragraphs: string[] = ['# Complaint for Damages'];
  // About 140 words a pleading page (28 double-spaced lines, caption on the first); a
  // paragraph of ~30 words; measured: about seven paragraphs a page.
  const count = pages * 7;
  for (let i = 0; i < count; i++) {
    if (i % 20 === 0) paragraphs.push(`## Count ${i / 20 + 1}`);
    const who = pseudonyms[i % pseudonyms.length]!;
    paragraphs.push(`${i + 1}. Plaintiff {{${who}}} ${faker.lorem.sentences(5)}`);
  }
  return paragraphs.join('\n\n');
}

export async function runExportBench(root: string, options: ExportBenchOptions, progress: (line: string) => void): Promise<string> {
  const vault = (await VaultService.create(join(root, 'export-bench.doevault'), 'bench passphrase, not secret', { kdf: TEST_ONLY_INSECURE_KDF })).vault;
  try {
    const caseId = vault.cases.create({ title: 'Does v. Metropolis Daily Courier', court: 'Superior Court of California, County of Metropolis', number: 'MCV-1' }).id;
    const roster = vault.plaintiffs.addMany(caseId, syntheticPlaintiffs(options.plaintiffs, 140));
    vault.plaintiffs.addMany(vault.cases.create({ title: 'Other case' }).id, syntheticPlaintiffs(options.others, 7));
    // Lorem ipsum may meet a surname of 10,000 synthetic people: answer those questions
    // (redact) before timing, as an attorney would before exporting.
    let body = longBody(roster.map((p) => p.pseudonym), options.pages);
    for (const question of [...vault.filings.check(caseId, { title: 'Complaint for Damages', body }).questions].sort((a, b) => b.start - a.start)) {
      body = vault.filings.resolve(caseId, body, question, { kind: 'redact' });
    }
    const exports: number[] = [];
    const readBacks: number[] = [];
    const pdftotexts: number[] = [];
    let pages = 0;
    for (let run = 1; run <= options.runs; run++) {
      progress(`Export run ${run} of ${options.runs} ...`);
      const folder = join(root, `export-${run}`);
      mkdirSync(folder);
      // The first run builds the scanner over every identity; later runs reuse it, as the app does.
      const { value: report, ms } = await timedAsync(() => vault.filings.export(caseId, { title: 'Complaint for Damages', body }, { destination: folder }));
      if (report.status !== 'exported') throw new Error(`the benchmark export stopped: ${report.status}`);
      exports.push(ms);
      const pdf = new Uint8Array(readFileSync(join(folder, 'public.pdf')));
      const read = await timedAsync(() => pdfText(pdf));
      readBacks.push(read.ms);
      pages = (read.value.pageStarts?.length ?? 0) + 1;
      try {
        pdftotexts.push(timed(() => execFileSync('pdftotext', ['-enc', 'UTF-8', join(folder, 'public.pdf'), '-'], { stdio: ['ignore', 'pipe', 'ignore'] })).ms);
      } catch {
        // poppler-utils not installed: the column says so.
      }
    }
    const ours = { export: median(exports), readBack: median(readBacks) };
    const reference = pdftotexts.length > 0 ? median(pdftotexts) : undefined;
    const rows = [
      [exportRowLabel('export', options), formatDuration(ours.export), `target ${formatDuration(EXPORT_TARGET_MS)}`, formatRatio(ours.export / EXPORT_TARGET_MS)],
      [exportRowLabel('readBack', options), formatDuration(ours.readBack), reference === undefined ? 'n/a (apt-get install poppler-utils)' : formatDuration(reference), reference === undefined ? '–' : formatRatio(ours.readBack / reference)],
    ];
    const header = ['operation', 'DoeVault (median)', 'reference', 'ratio (DoeVault / reference)'];
    return [
      '',
      `Export: one filing citing ${options.plaintiffs} plaintiffs, verified against ${options.plaintiffs + options.others} identities; the public PDF has ${pages} pages. Median of ${options.runs} run(s).`,
      '',
      ...markdownTable(header, rows),
      '',
      '1. The export row compares with the issue\'s target for a 100-page filing (5 s): below 1× meets it.',
      "2. The read-back row compares pdfjs-dist (what the verifier uses) with poppler's pdftotext, a C reader, on the same file.",
    ].join('\n');
  } finally {
    vault.close();
  }
}
