import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { linkIntoPlace, prepareDestination, type PlacementWords } from '../files/place-files';
import { basename, extname, join } from 'node:path';
import { openCase } from '../cases/context';
import { pdfText } from '../documents';
import { VaultError } from '../errors';
import { ExportJournal, stagingFolderOf } from '../export/export-staging';
import { recordOrTakeBack } from '../files/new-file';
import { courtById } from '../filings/filing-facts';
import { RedactionNumbering } from '../filings/redactions';
import { throwIfCancelled, type Controlled } from '../operation';
import { caseIdentities, scannerOf } from '../plaintiffs/identities';
import { LeakScanner } from '../scan';
import type { ScanIdentity } from '../scan/types';
import { fold } from '../text/normalize';
import type { UnlockedVault } from '../vault/unlocked-vault';
import type { VaultSession } from '../vault/session';
import { readPages, withIds, type FaceDetector, type PageInfo } from './analyse';
import { burnBoxes, type Burn } from './burn';
import { openExhibit } from './exhibit-file';
import { InOrder } from './in-order';
import { keepable, type Scanners } from './find';
import { count } from './limits';
import { OcrPool } from './ocr';
import { skeletonIdentities } from './ocr-skeleton';
import { parseOptions, redactOptionsSchema, scanOptionsSchema, type RedactOptions } from './options';
import { pageFaces } from './page-faces';
import { renderPreview, type PagePreview } from './page-preview';
import { PublicPdfWriter } from './public-pdf';
import { readBack, type ResidualHit } from './read-back';
import { writeRedactionLog, type LoggedRedaction } from './redaction-log';
import type { Box, ExhibitFinding, ExhibitFormat } from './types';

export interface ExhibitScan {
  /** The exhibit's file name (no folder). */
  file: string;
  format: ExhibitFormat;
  sha256: string;
  pages: PageInfo[];
  findings: ExhibitFinding[];
  /** Findings that wait for the attorney's decision. */
  questions: number;
}

export interface WrittenExhibitFile {
  name: string;
  sha256: string;
  bytes: number;
}

export type ExhibitRedactReport =
  | { status: 'needs-decision'; questions: ExhibitFinding[] }
  | { status: 'leak-found'; hits: ResidualHit[] }
  | {
      status: 'written';
      folder: string;
      files: WrittenExhibitFile[];
      pages: number;
      redactions: number;
      kept: number;
    };

export const EXHIBIT_FILES = (stem: string) => ({ public: `${stem}-public.pdf`, log: `${stem}-redaction-log.pdf`, manifest: `${stem}-manifest.json` });

/**
 * Exhibits (issue 14): documents the firm did not write (scans, PDFs, images, Word files),
 * read page by page with their text layer and OCR, searched for every identity of the vault,
 * and redacted for real: each public page a new image with the boxes burned in, read back as an
 * adversary would (text extraction and fresh OCR) before anything is placed (docs/EXHIBITS.md).
 */
export class ExhibitsService {
  constructor(
    private readonly session: VaultSession,
    private readonly fontsDir: string,
    /** Face proposals (page-faces.ts, issue 14 item 3): each face a question, kept or redacted by the attorney. */
    private readonly faceDetector: FaceDetector = pageFaces,
  ) {}

  /** What names (or may name) someone, page by page: nothing is written. */
  async scan(caseId: string, path: string, { control, ...input }: { dpi?: number | undefined; faces?: boolean | undefined } & Controlled): Promise<ExhibitScan> {
    const options = parseOptions(scanOptionsSchema, input);
    const vault = this.session.unlocked();
    vault.assertIntact();
    const ctx = openCase(vault, caseId);
    const exhibit = await openExhibit(path);
    const pool = new OcrPool();
    try {
      const reading = await readPages(
        exhibit,
        { dpi: options.dpi, scanners: scannersOf(vault), caseId, pool, faces: options.faces ? this.faceDetector : undefined },
        control,
        'Reading the pages',
        { done: 0, total: exhibit.pageCount },
      );
      const findings = withIds(reading.findings, ctx.caseKey);
      return {
        file: basename(path),
        format: exhibit.format,
        sha256: sha256(exhibit.bytes),
        pages: reading.pages,
        findings,
        questions: findings.filter((f) => f.action.kind === 'ask').length,
      };
    } finally {
      await pool.close();
      await exhibit.close();
    }
  }

  /**
   * Records that the words of one finding were shown (the app keeps them in main after a scan
   * and shows them only on Reveal): audited like a plaintiff's reveal, by where they were
   * (finding, page, the exhibit's SHA-256), never by what they say.
   */
  revealed(caseId: string, finding: { findingId: string; page: number; sha256: string }): void {
    const vault = this.session.unlocked();
    openCase(vault, caseId);
    vault.record({ action: 'exhibit.finding-revealed', details: { caseId, finding: finding.findingId, page: finding.page, source: finding.sha256 } });
  }

  /**
   * Redacts an exhibit into `destination`: <name>-public.pdf, <name>-redaction-log.pdf (sealed)
   * and <name>-manifest.json. Nothing is written while a finding waits for a decision, nor when
   * the read-back of the public file finds anyone (the staged files are removed).
   */
  async redact(caseId: string, path: string, { control, ...input }: RedactOptions & Controlled): Promise<ExhibitRedactReport> {
    const options = parseOptions(redactOptionsSchema, input);
    // The court's own form of reference ("[REDACTED-{n}]" unless its label set says otherwise); an unknown court stops here.
    const referenceForm = options.court === undefined ? undefined : courtById(options.court).labels.redactionRef;
    const vault = this.session.unlocked();
    vault.assertIntact();
    const ctx = openCase(vault, caseId);
    const scanners = scannersOf(vault);
    const stem = basename(path, extname(path));
    refuseNaming(scanners, stem, `The exhibit's file name (${basename(path)}) names someone of the vault, and the public file would carry it. Rename the file (for example "exhibit-a${extname(path)}") and try again.`, 'file');
    if (options.cover) refuseNaming(scanners, options.cover, 'The cover text names someone of the vault. Give a cover text without names (for example "EXHIBIT A").', 'cover');
    const names = EXHIBIT_FILES(stem);
    await prepareDestination(options.destination, Object.values(names), EXHIBIT_WORDS);

    const exhibit = await openExhibit(path);
    const pool = new OcrPool();
    const journal = new ExportJournal(stagingFolderOf(vault.store.path));
    try {
      checkRegions(options.regions ?? [], exhibit.pageCount);
      const progress = { done: 0, total: exhibit.pageCount * 3 };
      // One label while pages are read and written side by side: two would flicker in turn.
      const step = 'Reading and redacting the pages';
      const faces = options.faces ? this.faceDetector : undefined;
      const coverPages = options.cover ? 1 : 0;
      const temp = await journal.begin(options.destination);
      try {
        const publicPath = join(temp, names.public);
        const writer = await PublicPdfWriter.create(publicPath, this.fontsDir, { bates: options.bates, created: new Date(vault.now()) });
        if (options.cover) writer.cover(options.cover);
        // Each page is burned and written while its reading still holds its pixels (one
        // rendering a page), in page order, until a page has a question: then only the
        // reading goes on, to list every question, and nothing is written.
        const numbering = new RedactionNumbering(referenceForm);
        const plan: { findings: ExhibitFinding[]; burns: (PlannedBurn & { ref: string })[]; kept: ExhibitFinding[]; questions: ExhibitFinding[] } = { findings: [], burns: [], kept: [], questions: [] };
        const order = new InOrder();
        const reading = await readPages(
          exhibit,
          {
            dpi: options.dpi,
            scanners,
            caseId,
            pool,
            faces,
            onPage: async (page, found) => {
              await order.turn(page.number);
              try {
                const findings = withIds([found], ctx.caseKey);
                const { redact, kept, questions } = planPage(findings, options.decisions ?? {}, (options.regions ?? []).filter((r) => r.page === page.number));
                plan.findings.push(...findings);
                plan.kept.push(...kept);
                plan.questions.push(...questions);
                if (plan.questions.length > 0) return;
                const burns = redact.map((r) => ({ ...r, ref: numbering.refFor(r.key) }));
                plan.burns.push(...burns);
                throwIfCancelled(control);
                await burnBoxes(page.image, page.dpi, burns.map((b): Burn => ({ box: b.box, label: b.ref })));
                const words = options.ocrLayer ? await pool.read(page.image) : [];
                writer.page(await page.image.encode('jpeg', 90), page.widthPt, page.heightPt, page.dpi, words);
                control?.onProgress?.(++progress.done, progress.total, step);
              } finally {
                order.done(page.number);
              }
            },
          },
          control,
          step,
          progress,
        ).catch((error: unknown) => {
          writer.discard();
          throw error;
        });
        checkDecisions(plan.findings, options.decisions ?? {});
        if (plan.questions.length > 0) {
          writer.discard();
          return { status: 'needs-decision', questions: plan.questions };
        }
        await writer.end();

        // The adversary's reading: the written file's text, fresh OCR of its rendered pages and,
        // when faces were looked for, the face detector on each whole page.
        const written = await readFile(publicPath);
        const residual = await readBack(
          { name: names.public, bytes: new Uint8Array(written), pages: reading.pages, coverPages, kept: plan.kept, scanners, caseId, pool, faces },
          control,
          progress,
        );
        const publicSha = sha256(written);
        if (residual.length > 0) {
          vault.record({ action: 'exhibit.redaction-blocked', details: { caseId, pages: exhibit.pageCount, hits: residual.length, source: sha256(exhibit.bytes) } });
          return { status: 'leak-found', hits: residual };
        }

        const logged: LoggedRedaction[] = plan.burns.map((b) => ({
          ref: b.ref,
          page: b.page,
          outputPage: b.page + coverPages,
          box: b.box,
          kind: b.kind,
          decided: b.decided,
          protects: b.protects,
        }));
        const log = await writeRedactionLog(
          this.fontsDir,
          { exhibit: names.public, caseNumber: ctx.details.number ?? '', created: new Date(vault.now()), publicSha256: publicSha, sourceSha256: sha256(exhibit.bytes) },
          logged,
        );
        // The log names no one by design; a name there would be a defect, never filed.
        if (scanners.scanner.scan(await pdfText(log)).some((hit) => hit.kind !== 'initials')) {
          throw new VaultError('INTERNAL', 'The redaction log would name someone of the vault; nothing was written. Report this as a bug.');
        }
        await writeFile(join(temp, names.log), log, { mode: 0o600, flush: true });
        const manifest = {
          kind: 'doevault-exhibit-redaction',
          version: 1,
          createdAt: vault.now(),
          source: { name: basename(path), format: exhibit.format, sha256: sha256(exhibit.bytes), bytes: exhibit.bytes.length, pages: exhibit.pageCount },
          options: { dpi: options.dpi ?? 'by page', ocrLayer: options.ocrLayer ?? false, bates: options.bates ?? null, cover: options.cover !== undefined },
          pages: reading.pages.map((p) => ({ page: p.number, dpi: p.dpi, widthPt: round(p.widthPt), heightPt: round(p.heightPt), redactions: plan.burns.filter((b) => b.page === p.number).length })),
          redactions: plan.burns.length,
          kept: plan.kept.length,
          verification: { result: 'passed', textExtraction: true, ocr: true, faces: faces !== undefined, identities: scanners.identities },
          files: {
            [names.public]: { role: 'public', sha256: publicSha, bytes: written.length },
            [names.log]: { role: 'sealed', sha256: sha256(log), bytes: log.length },
          },
        };
        const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
        await writeFile(join(temp, names.manifest), manifestBytes, { mode: 0o600, flush: true });
        const files: WrittenExhibitFile[] = [
          { name: names.public, sha256: publicSha, bytes: written.length },
          { name: names.log, sha256: sha256(log), bytes: log.length },
          { name: names.manifest, sha256: sha256(manifestBytes), bytes: manifestBytes.length },
        ];
        await journal.placing(new Map(files.map((f) => [f.name, f.sha256])));
        await linkIntoPlace(temp, options.destination, files.map((f) => f.name), EXHIBIT_WORDS);
        await recordOrTakeBack(
          files.map((f) => join(options.destination, f.name)),
          () =>
            vault.record({
              action: 'exhibit.redacted',
              details: {
                caseId,
                pages: exhibit.pageCount,
                redactions: plan.burns.length,
                kept: plan.kept.length,
                source: sha256(exhibit.bytes),
                sha256: files.map((f) => f.sha256),
              },
            }),
        );
        return { status: 'written', folder: options.destination, files, pages: exhibit.pageCount, redactions: plan.burns.length, kept: plan.kept.length };
      } finally {
        await rm(temp, { recursive: true, force: true });
      }
    } finally {
      await journal.finish();
      await pool.close();
      await exhibit.close();
    }
  }

  /**
   * A PNG of page `page`, at most `width` pixels wide, for the app's review: the vault must be
   * unlocked and the case exist, as for a scan. Nothing is found or written.
   */
  async preview(caseId: string, path: string, { page, width }: { page: number; width: number }): Promise<PagePreview> {
    const vault = this.session.unlocked();
    vault.assertIntact();
    openCase(vault, caseId);
    return renderPreview(path, page, width);
  }
}

interface PlannedBurn {
  page: number;
  box: Box;
  kind: LoggedRedaction['kind'];
  decided: LoggedRedaction['decided'];
  protects: string[];
  /** What the numbering keys the reference by: the same text, the same reference. */
  key: string;
}

/** Every decision must answer a finding of this exhibit: an id of another file or reading is a mistake to report. */
function checkDecisions(findings: readonly ExhibitFinding[], decisions: Record<string, 'redact' | 'keep'>): void {
  const ids = new Set(findings.map((f) => f.id));
  const unknown = Object.keys(decisions).filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    throw new VaultError(
      'VALIDATION',
      `The decisions name ${unknown.length === 1 ? 'a finding' : `${unknown.length} findings`} this exhibit does not have (${unknown.slice(0, 5).join(', ')}). Run \`exhibit scan\` on the same file, with the same --dpi, and answer the ids it lists.`,
      { field: 'decisions' },
    );
  }
}

function checkRegions(regions: readonly { page: number }[], pageCount: number): void {
  for (const region of regions) {
    if (region.page > pageCount) throw new VaultError('VALIDATION', `A drawn box is on page ${region.page}; the exhibit has ${count(pageCount)} pages.`, { field: 'regions' });
  }
}

/**
 * Which findings of one page are burned, kept, or still questions, and the boxes drawn on it. A
 * decision can keep only what a person may honestly say names someone else (clearable: a given
 * name or surname alone, initials, a common word, a date, a face); a full name, contact detail
 * or ID number is always redacted.
 */
function planPage(findings: readonly ExhibitFinding[], decisions: Record<string, 'redact' | 'keep'>, regions: readonly { page: number; box: Box }[]) {
  const redact: PlannedBurn[] = [];
  const kept: ExhibitFinding[] = [];
  const questions: ExhibitFinding[] = [];
  for (const finding of findings) {
    const decision = decisions[finding.id];
    if (decision === 'keep') {
      if (!keepable(finding)) {
        throw new VaultError(
          'VALIDATION',
          `Finding ${finding.id} (page ${finding.page}) is a ${finding.kind.replace('-', ' ')}: it cannot be kept in a public exhibit. Answer "redact" for it.`,
          { field: 'decisions' },
        );
      }
      kept.push(finding);
      continue;
    }
    if (finding.action.kind === 'ask' && decision === undefined) {
      questions.push(finding);
      continue;
    }
    redact.push({
      page: finding.page,
      box: finding.box,
      kind: finding.kind,
      decided: finding.action.kind === 'ask' ? 'decided' : 'automatic',
      protects: finding.targets.map((t) => t.pseudonym),
      key: finding.kind === 'face' ? `face ${finding.id}` : fold(finding.text).replace(/\s+/g, ' '),
    });
  }
  regions.forEach((region, i) => {
    redact.push({ page: region.page, box: region.box, kind: 'manual', decided: 'drawn', protects: [], key: `drawn ${region.page} ${i}` });
  });
  return { redact, kept, questions };
}

/** The vault's scanner and its OCR-skeleton twin, built once per change of the identities. */
function scannersOf(vault: UnlockedVault): Scanners & { identities: number } {
  const { scanner, identities } = scannerOf(vault, 'all');
  const skeleton = vault.derive('exhibit-skeleton-scanner', undefined, () => {
    const all: ScanIdentity[] = vault.store.cases().flatMap((row) =>
      caseIdentities(vault, openCase(vault, row.id)).map((p) => ({ plaintiffId: p.id, caseId: p.caseId, pseudonym: p.pseudonym, ...p.identity })),
    );
    return LeakScanner.build(skeletonIdentities(all));
  });
  return { scanner, skeleton, identities };
}

function refuseNaming(scanners: Scanners, text: string, message: string, field: string): void {
  if (scanners.scanner.scan(text.replace(/[_.-]+/g, ' ')).length > 0 || scanners.scanner.scan(text).length > 0) {
    throw new VaultError('VALIDATION', message, { field });
  }
}

const EXHIBIT_WORDS: PlacementWords = {
  folderFor: 'the redacted exhibit',
  alreadyHolds: (destination, present) =>
    `${destination} already holds ${present.join(', ')}. DoeVault never overwrites a file: choose another folder, or move those files away first.`,
  appeared: 'while redacting; nothing was written',
};

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

