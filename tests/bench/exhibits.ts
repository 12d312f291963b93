// The exhibits rows of `npm run bench` (issue 14, item 8): a scanned exhibit (300 dpi page
// images of synthetic text with planted names of a synthetic case, as an image-only PDF) redacted
// end to end by the engine (OCR + find + redact + verify), against Debian's native `tesseract`
// OCR of the same page images alone, on the same cores; and the recall of the planted names on
// those clean scans and on born-digital pages.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Faker, en } from '@faker-js/faker';
import { TEST_ONLY_INSECURE_KDF } from '../../src-main/core/crypto';
import { VaultService } from '../../src-main/core/service';
import { pdfBytes, scannedCanvas, syntheticPeople } from '../fixtures/exhibits';
import { formatDuration, formatRatio, markdownTable, timedAsync } from './measure';

export interface ExhibitBenchOptions {
  /** Pages of the scanned exhibit (300 dpi). */
  scannedPages: number;
  /** Pages of the born-digital exhibit. */
  digitalPages: number;
  /** Plaintiffs of the case whose names are planted. */
  plaintiffs: number;
  /** Names planted on each page. */
  perPage: number;
}

export const EXHIBITS_FULL: ExhibitBenchOptions = { scannedPages: 100, digitalPages: 10, plaintiffs: 40, perPage: 3 };
export const EXHIBITS_QUICK: ExhibitBenchOptions = { scannedPages: 4, digitalPages: 1, plaintiffs: 8, perPage: 3 };
/** The targets. */
export const EXHIBITS_RATIO_TARGET = 1.5;
export const SCAN_RECALL_TARGET = 0.99;

export const EXHIBIT_ROWS = ['redact', 'recallScanned', 'recallDigital'] as const;

export function exhibitRowLabel(row: (typeof EXHIBIT_ROWS)[number], options: ExhibitBenchOptions): string {
  switch (row) {
    case 'redact':
      return `redact ${options.scannedPages} scanned pages (300 dpi): OCR + find + redact + verify`;
    case 'recallScanned':
      return `recall of planted names, ${options.scannedPages} clean scans`;
    case 'recallDigital':
      return `recall of planted names, ${options.digitalPages} born-digital pages`;
  }
}

export const TESSERACT = '/usr/bin/tesseract';
export const TESSERACT_NOT_INSTALLED = 'n/a (apt-get install tesseract-ocr)';

const DIVISIONS = ['Gangs and Narcotics Division', 'Internal Affairs Bureau', 'Records Unit', 'Patrol Division'];

interface Planted {
  /** Page → pseudonym → how many times planted there. */
  byPage: Map<number, Map<string, number>>;
  total: number;
}

/** Lines of a page: synthetic prose, `perPage` of them naming a plaintiff (full legal name). */
function pageLines(faker: Faker, people: readonly { legalName: string; pseudonym: string }[], page: number, perPage: number, lineCount: number, planted: Planted) {
  const named = new Set<number>();
  while (named.size < perPage) named.add(faker.number.int({ min: 1, max: lineCount - 1 }));
  const lines: string[] = [`${faker.helpers.arrayElement(DIVISIONS)}, report page ${page}`];
  for (let i = 1; i < lineCount; i++) {
    if (named.has(i)) {
      const person = faker.helpers.arrayElement(people);
      lines.push(`Officer ${person.legalName} ${faker.helpers.arrayElement(['was present', 'signed the log', 'filed the form', 'was interviewed'])}.`);
      const onPage = planted.byPage.get(page) ?? new Map<string, number>();
      onPage.set(person.pseudonym, (onPage.get(person.pseudonym) ?? 0) + 1);
      planted.byPage.set(page, onPage);
      planted.total++;
    } else {
      lines.push(faker.lorem.sentence({ min: 6, max: 10 }).slice(0, 64));
    }
  }
  return lines;
}

/** Found / planted, each (page, person) counted up to the times it was planted. */
function recall(planted: Planted, found: readonly { page: number; pseudonyms: readonly string[] }[]): { found: number; planted: number } {
  const hits = new Map<string, number>();
  for (const f of found) for (const p of f.pseudonyms) hits.set(`${f.page}|${p}`, (hits.get(`${f.page}|${p}`) ?? 0) + 1);
  let ok = 0;
  for (const [page, people] of planted.byPage) for (const [pseudonym, times] of people) ok += Math.min(times, hits.get(`${page}|${pseudonym}`) ?? 0);
  return { found: ok, planted: planted.total };
}

/** Native tesseract over every page image, `parallel` processes at a time, each on one thread. */
async function nativeOcr(images: readonly string[], parallel: number): Promise<number> {
  const run = promisify(execFile);
  let next = 0;
  const lane = async () => {
    while (next < images.length) {
      const image = images[next++]!;
      await run(TESSERACT, [image, '-', '--oem', '1', '--psm', '3'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 16 << 20 });
    }
  };
  const { ms } = await timedAsync(() => Promise.all(Array.from({ length: parallel }, lane)));
  return ms;
}

const percent = (r: { found: number; planted: number }) => `${((100 * r.found) / r.planted).toFixed(r.found === r.planted ? 0 : 1)}% (${r.found}/${r.planted})`;

/** The rows of the redaction log (`pdftotext -layout`): page and the pseudonyms protected. */
function logRows(pdf: string, pseudonyms: readonly string[]): { page: number; pseudonyms: string[] }[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const named = (cell: string) => pseudonyms.filter((p) => new RegExp(`(^|[^\\p{L}\\p{N}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(cell));
  return text.split('\n').flatMap((line) => {
    const match = /^\s*\[REDACTED-\d+\]\s+(\d+)\s+\d+\s+(.*)$/.exec(line);
    return match ? [{ page: Number(match[1]), pseudonyms: named(match[2]!) }] : [];
  });
}

export async function runExhibitsBench(root: string, options: ExhibitBenchOptions, progress: (line: string) => void): Promise<string> {
  const cores = availableParallelism();
  const vault = (await VaultService.create(join(root, 'exhibits-bench.doevault'), 'bench passphrase, not secret', { kdf: TEST_ONLY_INSECURE_KDF })).vault;
  try {
    const caseId = vault.cases.create({ title: 'Does v. Metropolis', number: 'MCV-14' }).id;
    const people = syntheticPeople(options.plaintiffs, 1408);
    const roster = vault.plaintiffs.addMany(caseId, people.map((p) => ({ legalName: p.legalName })));
    const cast = people.map((p, i) => ({ legalName: p.legalName, pseudonym: roster[i]!.pseudonym }));
    const faker = new Faker({ locale: [en] });
    faker.seed(14);

    progress(`Exhibits: typing ${options.scannedPages} synthetic pages and scanning them at 300 dpi ...`);
    const scanned: Planted = { byPage: new Map(), total: 0 };
    const images: string[] = [];
    const jpegs: Buffer[] = [];
    for (let page = 1; page <= options.scannedPages; page++) {
      const lines = pageLines(faker, cast, page, options.perPage, 24, scanned);
      const canvas = scannedCanvas({ lines, dpi: 300, rotate: faker.number.float({ min: -1, max: 1 }), noise: 0.002, seed: page });
      // The very bytes the PDF embeds: native OCR reads the same pixels as DoeVault.
      const jpeg = await canvas.encode('jpeg', 90);
      const image = join(root, `scan-${String(page).padStart(3, '0')}.jpg`);
      writeFileSync(image, jpeg);
      images.push(image);
      jpegs.push(jpeg);
    }
    const scannedPdf = join(root, 'exhibit-scan.pdf');
    writeFileSync(
      scannedPdf,
      await pdfBytes((doc) => {
        for (const jpeg of jpegs) {
          doc.addPage({ size: 'LETTER', margin: 0 });
          doc.image(jpeg, 0, 0, { width: 612, height: 792 });
        }
      }),
    );
    jpegs.length = 0;

    progress(`Exhibits: DoeVault redacting ${options.scannedPages} scanned pages ...`);
    const out = join(root, 'exhibit-out');
    mkdirSync(out);
    const { value: report, ms: ours } = await timedAsync(() => vault.exhibits.redact(caseId, scannedPdf, { destination: out }));
    if (report.status !== 'written') throw new Error(`the exhibits benchmark's redaction stopped: ${report.status} ${JSON.stringify(report).slice(0, 400)}`);
    let scannedRecall: { found: number; planted: number } | undefined;
    try {
      scannedRecall = recall(scanned, logRows(join(out, 'exhibit-scan-redaction-log.pdf'), cast.map((c) => c.pseudonym)));
    } catch {
      // poppler-utils not installed: the row says so.
    }

    let native: number | undefined;
    try {
      execFileSync(TESSERACT, ['--version'], { stdio: 'ignore' });
      progress(`Exhibits: native tesseract on the same ${options.scannedPages} page images (${cores} processes, one thread each) ...`);
      native = await nativeOcr(images, cores);
    } catch {
      native = undefined;
    }

    progress(`Exhibits: ${options.digitalPages} born-digital pages ...`);
    const digital: Planted = { byPage: new Map(), total: 0 };
    const digitalLines = Array.from({ length: options.digitalPages }, (_, i) => pageLines(faker, cast, i + 1, options.perPage, 30, digital));
    const digitalPdf = join(root, 'exhibit-digital.pdf');
    writeFileSync(
      digitalPdf,
      await pdfBytes((doc) => {
        for (const lines of digitalLines) {
          doc.addPage({ size: 'LETTER', margin: 72 });
          doc.font('Helvetica').fontSize(11).fillColor('#000000');
          lines.forEach((line, i) => doc.text(line, 72, 72 + i * 20, { lineBreak: false }));
        }
      }),
    );
    const scan = await vault.exhibits.scan(caseId, digitalPdf, {});
    const digitalRecall = recall(digital, scan.findings.map((f) => ({ page: f.page, pseudonyms: f.targets.map((t) => t.pseudonym) })));

    const rows = [
      [exhibitRowLabel('redact', options), formatDuration(ours), native === undefined ? TESSERACT_NOT_INSTALLED : formatDuration(native), native === undefined ? '–' : formatRatio(ours / native), `≤ ${EXHIBITS_RATIO_TARGET}×`],
      [exhibitRowLabel('recallScanned', options), scannedRecall ? percent(scannedRecall) : 'n/a (apt-get install poppler-utils)', '', '', `≥ ${SCAN_RECALL_TARGET * 100}%`],
      [exhibitRowLabel('recallDigital', options), percent(digitalRecall), '', '', '100%'],
    ];
    return [
      '',
      `Exhibits: ${options.scannedPages} scanned letter pages at 300 dpi (synthetic text, ${options.perPage} planted names a page, rotated up to 1°, light speckle), ${cores} CPU(s). One run.`,
      '',
      ...markdownTable(['operation', 'DoeVault', 'native tesseract (OCR alone)', 'ratio', 'target'], rows),
      '',
      `1. DoeVault: \`exhibits.redact\` in process, everything it does: render, OCR (tesseract.js, ${Math.min(4, cores)} worker(s)), find, burn, write, and the read-back (text + fresh OCR of every written page).`,
      `2. Native: \`tesseract IMAGE - --oem 1 --psm 3\` on the same JPEG page images the PDF embeds, ${cores} processes at a time with OMP_THREAD_LIMIT=1 (one thread each: every core busy, none oversubscribed); its OCR of each page once, nothing else.`,
      '3. Recall: a planted name counts as found when the redaction log (scans) or the scan (born-digital) has a finding on its page naming its plaintiff.',
    ].join('\n');
  } finally {
    vault.close();
  }
}
