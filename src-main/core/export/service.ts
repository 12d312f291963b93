import { join } from 'node:path';
import { openCase } from '../cases/context';
import { encodeBase32, wipe } from '../crypto';
import { VaultError } from '../errors';
import { recordOrTakeBack } from '../files/new-file';
import { checkCaseFiling, notAPlaintiffWordings, renderCaseFiling } from '../filings/case-filing';
import { renderSealingSet } from '../filings/sealing-set';
import type { FactOverrides } from '../filings/filing-facts';
import { readFiling, requireFiling } from '../filings/filings';
import type { Question } from '../filings/questions';
import type { Controlled } from '../operation';
import { caseIdentities, scannerOf } from '../plaintiffs/identities';
import type { VaultSession } from '../vault/session';
import { clearable } from '../filings/resolution';
import type { LeakHit, ScanSource } from '../scan/types';
import { EXPORT_FILES, exportFiling, type ExportOutcome } from './export-filing';
import { manifestOnDisk } from './manifest';
import { ExportJournal, stagingFolderOf } from './export-staging';
import { extractSealedPackage, readPublicKey, readSecretKey, type PackageProtection, type PackageSecret } from './sealed-package';
import { ExportAnswers } from './answers';
import { Clearances, type Verification } from './verification';
import { buildSetManifest, type SetFileFacts, type SetManifest } from './set-manifest';
import { writeVerified, type DocumentToWrite, type WrittenFile } from './write-verified';

/** What `verify` found in one written file (ExportService.verify). */
export interface PublishedCheck {
  identities: number;
  /** Hits not cleared by the export's answers. */
  hits: LeakHit[];
  cleared: number;
  /** The manifest beside the file: none, or not from this case's export (or changed since). */
  manifest: 'none' | 'authentic' | 'not-authentic';
  /** The file is, unchanged, a sealed (or lodged) file the manifest lists. */
  sealedVersion: boolean;
  /** What wrote the authentic manifest beside the file: an export, or a sealing set. */
  writtenBy?: 'export' | 'sealing-set' | undefined;
}

/** The files of an export that name plaintiffs by design. */
const SEALED_FILES: ReadonlySet<string> = new Set([EXPORT_FILES.sealedPdf, EXPORT_FILES.sealedDocx, EXPORT_FILES.declarationPdf, EXPORT_FILES.declarationDocx, EXPORT_FILES.referenceList]);

/** The sealing set's package: what `export` calls sealed.doesealed. */
export const SET_PACKAGE = 'sealing-set.doesealed';

export interface SealingSetOptions extends Controlled {
  destination: string;
  /** Word files of the public papers: the attorney completes the bracketed prompts in them. */
  docx?: boolean;
  pdfa?: boolean;
  package?: PackageProtection | undefined;
  /** A court id of resources/courts.json, over the facts' court. */
  court?: string | undefined;
  /** Without a court: the form, as `export --format`. */
  format?: 'california' | 'federal' | undefined;
  /**
   * Where the caption comes from: a draft's front matter (the CLI's --facts FILE) or a filing of
   * the case whose draft has front matter (the app); absent, the case's details and stored counsel.
   */
  facts?: { draft: string } | { filingId: string } | undefined;
  /** Counsel over the facts' and the stored counsel (the CLI's --counsel-file). */
  counsel?: FactOverrides['counsel'];
}

/** A file the set wrote; the manifest and the package have no role of their own. */
export type SetReportFile = WrittenFile & Partial<SetFileFacts>;

export type SealingSetReport =
  | { status: 'written'; folder: string; files: SetReportFile[]; verification: Verification; manifest: SetManifest }
  | { status: 'leak-found'; verification: Verification };

export interface ExportOptions extends Controlled {
  destination: string;
  docx?: boolean;
  /** PDF/A-2b PDFs; off unless asked for. */
  pdfa?: boolean;
  package?: PackageProtection | undefined;
  /** Court, counsel or labels over the draft's front matter (the CLI's flags); validated. */
  facts?: FactOverrides | undefined;
}

/**
 * An export that could not start: the questions, with offsets into `body` (the draft with its
 * unambiguous mentions already turned into tokens) for those in the body.
 */
export type ExportReport = ExportOutcome | { status: 'needs-resolution'; questions: Question[]; body: string };

/** Exports of filings (fail-closed, verified against the whole vault) and sealed packages. */
export class ExportService {
  constructor(
    private readonly session: VaultSession,
    private readonly fontsDir: string,
  ) {}

  /**
   * Exports a filing (issue 4 §3): nothing is written while any question is open; the public
   * files are verified against every identity of the vault before they are moved into place.
   */
  async export(caseId: string, input: unknown, { control, ...options }: ExportOptions): Promise<ExportReport> {
    const vault = this.session.unlocked();
    vault.assertIntact();
    const ctx = openCase(vault, caseId);
    const checked = checkCaseFiling(vault, ctx, input, options.facts);
    if (checked.details.body.trim() === '') {
      throw new VaultError('VALIDATION', 'The filing has no body yet; there is nothing to export. Write or import the draft first.', { field: 'body' });
    }
    if (checked.questions.length > 0) return { status: 'needs-resolution', questions: checked.questions, body: checked.details.body };
    const renders = renderCaseFiling(vault, ctx, checked.details, options.facts);
    if (renders.listed.length === 0 && caseIdentities(vault, ctx).length > 0) {
      throw new VaultError(
        'VALIDATION',
        'The declaration of identities would list no plaintiff (the body cites none, or every plaintiff chosen has withdrawn). List all plaintiffs, or cite them in the body.',
        { field: 'identities' },
      );
    }
    const { scanner, identities } = scannerOf(vault, 'all');
    const { title, court, number } = ctx.details;
    const onProgress = control?.onProgress;
    const journal = new ExportJournal(stagingFolderOf(vault.store.path));
    const answers = new ExportAnswers(ctx.caseKey);
    try {
      const outcome = await exportFiling({
        renders,
        caseCaption: { title, court, number },
        destination: options.destination,
        docx: options.docx ?? false,
        pdfa: options.pdfa ?? false,
        package: options.package,
        fontsDir: this.fontsDir,
        // Hits and mixed-script words: a disguised word has no place in a public filing.
        scan: (source) => scanner.findings(source),
        identities,
        clearances: new Clearances(notAPlaintiffWordings(checked.details)),
        answers,
        onProgress: onProgress && ((step, done, total) => onProgress(done, total, step)),
        isCancelled: control?.isCancelled,
        journal,
      });
      const written = outcome.status === 'exported' ? outcome.files.map((file) => join(outcome.folder, file.name)) : [];
      await recordOrTakeBack(written, () =>
        vault.record(
          outcome.status === 'exported'
            ? { action: 'filing.exported', details: { caseId, folder: outcome.folder, files: outcome.files.length, cited: renders.cited.length, declared: renders.listed.length } }
            : { action: 'filing.export-blocked', details: { caseId, hits: outcome.verification.hits.length } },
        ),
      );
      return outcome;
    } finally {
      answers.dispose();
      // Recorded or taken back: a crash before this line is undone at the next start.
      await journal.finish();
    }
  }

  /**
   * The sealing set (issue 13, items 5 and 6): the motion, the declaration of counsel and the
   * proposed order, public and pseudonymous, and the declaration of identities lodged
   * conditionally under seal, written like an export: the public papers read back and scanned
   * against every identity of the vault, the lodged one checked to name every plaintiff, with
   * an authenticated manifest giving each file's role, and nothing placed until all is well.
   */
  async sealingSet(caseId: string, { control, ...options }: SealingSetOptions): Promise<SealingSetReport> {
    const vault = this.session.unlocked();
    vault.assertIntact();
    const ctx = openCase(vault, caseId);
    const facts = options.facts === undefined ? undefined : 'draft' in options.facts ? options.facts.draft : readFiling(ctx, requireFiling(ctx, options.facts.filingId)).details.body;
    const set = renderSealingSet(vault, ctx, { court: options.court, format: options.format, facts, counsel: options.counsel });
    const docx = options.docx ?? false;
    const documents: DocumentToWrite[] = set.papers.map((paper) => ({
      name: paper.name,
      role: paper.role,
      doc: paper.doc,
      // The lodged declaration is lodged as printed, a PDF only (an export's Word copy is for signing).
      docx: docx && paper.role === 'public',
      mustName: paper.mustName,
      label: `the ${paper.name.replaceAll('-', ' ')}`,
    }));
    const fileFacts = new Map<string, SetFileFacts>();
    for (const paper of set.papers) {
      // The title as the paper prints it (its footer): the lodged exhibit's own, not the motion's it is filed with.
      const facts: SetFileFacts = { role: paper.role, title: paper.doc.footer, labels: paper.doc.labels };
      fileFacts.set(`${paper.name}.pdf`, facts);
      if (docx && paper.role === 'public') fileFacts.set(`${paper.name}.docx`, facts);
    }
    const { scanner, identities } = scannerOf(vault, 'all');
    const { title, court, number } = ctx.details;
    const caseCaption = { title, court, number };
    const onProgress = control?.onProgress;
    const journal = new ExportJournal(stagingFolderOf(vault.store.path));
    const answers = new ExportAnswers(ctx.caseKey);
    try {
      const outcome = await writeVerified({
        documents,
        destination: options.destination,
        pdfa: options.pdfa ?? false,
        package: options.package && {
          protection: options.package,
          name: SET_PACKAGE,
          // The sealed part of the set, and the manifest that says what each file is.
          contents: [...documents.filter((d) => d.role !== 'public').map((d) => `${d.name}.pdf`), 'manifest.json'],
        },
        fontsDir: this.fontsDir,
        scan: (source) => scanner.findings(source),
        identities,
        clearances: new Clearances(set.clearances),
        answers,
        manifestText: [title, court, number, ...set.papers.flatMap((paper) => [paper.doc.metadataTitle, paper.doc.footer])].filter(Boolean).join('\n'),
        manifest: (files, verification, clearedHashes) =>
          buildSetManifest({
            caseCaption,
            set: { court: set.court, format: set.format, plaintiffs: set.plaintiffs },
            createdAt: vault.now(),
            files,
            facts: fileFacts,
            verification,
            clearedHashes,
            authenticate: (m) => answers.authenticate(m),
          }),
        onProgress: onProgress && ((step, done, total) => onProgress(done, total, step)),
        isCancelled: control?.isCancelled,
        journal,
      });
      const report: SealingSetReport =
        outcome.status === 'written' ? { ...outcome, files: outcome.files.map((file) => ({ ...file, ...fileFacts.get(file.name) })) } : outcome;
      const written = outcome.status === 'written' ? outcome.files.map((file) => join(outcome.folder, file.name)) : [];
      await recordOrTakeBack(written, () =>
        vault.record(
          outcome.status === 'written'
            ? {
                action: 'filing.sealing-set-written',
                details: { caseId, folder: outcome.folder, files: outcome.files.length, plaintiffs: set.plaintiffs, sha256: outcome.files.map((f) => f.sha256) },
              }
            : { action: 'filing.sealing-set-blocked', details: { caseId, hits: outcome.verification.hits.length } },
        ),
      );
      return report;
    } finally {
      answers.dispose();
      await journal.finish();
    }
  }

  /**
   * `verify` of a written file (issue 12, item 7): its hits against every identity of the vault,
   * less those the export's authenticated manifest (beside the file) says the user cleared. A
   * file the manifest lists, unchanged, as a sealed version names plaintiffs by design: then
   * `sealedVersion` is set and the caller says so instead of reporting its names.
   */
  verify(caseId: string, file: { name: string; sha256: string; source: ScanSource }, manifestJson?: unknown): PublishedCheck {
    const vault = this.session.unlocked();
    vault.assertIntact();
    const ctx = openCase(vault, caseId);
    const { scanner, identities } = scannerOf(vault, 'all');
    const found = scanner.findings(file.source);
    if (manifestJson === undefined) return { identities, hits: found, cleared: 0, manifest: 'none', sealedVersion: false };
    const parsed = manifestOnDisk.safeParse(manifestJson);
    const answers = new ExportAnswers(ctx.caseKey);
    try {
      // The MAC covers the manifest as written: zod's output puts known keys first, another order.
      if (!parsed.success || !answers.isAuthentic(manifestJson as { authentication?: unknown })) {
        return { identities, hits: found, cleared: 0, manifest: 'not-authentic', sealedVersion: false };
      }
      const listed = parsed.data.files.find((entry) => entry.name === file.name && entry.sha256 === file.sha256);
      // A set's manifest says each file's role; an export's older manifest is read by file name.
      const sealed = listed !== undefined && (listed.role !== undefined ? listed.role !== 'public' : SEALED_FILES.has(file.name));
      const clearedHashes = new Set(parsed.data.answers.notAPlaintiff);
      const hits = found.filter((hit) => !(clearable(hit) && clearedHashes.has(answers.clearedHash(hit))));
      const writtenBy = parsed.data.format === 'doevault-sealing-set/1' ? ('sealing-set' as const) : ('export' as const);
      return { identities, hits, cleared: found.length - hits.length, manifest: 'authentic', sealedVersion: sealed, writtenBy };
    } finally {
      answers.dispose();
    }
  }

  /**
   * A recipient's public key file (.pub), read and checked here, in the vault's thread: the
   * app's main process loads no cryptography. The fingerprint is the start of the key line as
   * the .pub file prints it ("ABCD-EFGH"), for the person to compare.
   */
  async readRecipientKey(path: string): Promise<{ publicKey: Uint8Array; fingerprint: string }> {
    const publicKey = await readPublicKey(path);
    return { publicKey, fingerprint: encodeBase32(publicKey).slice(0, 8).replace(/^(.{4})/, '$1-') };
  }

  /**
   * Opens a sealed package into `outDir` (all or nothing, never over a file) with its passphrase
   * or the recipient's secret key file, and returns the paths written. Needs no unlocked vault;
   * when the vault is unlocked, the opening is recorded in its audit log.
   */
  async openPackage(path: string, secret: { passphrase: string } | { secretKeyFile: string }, outDir: string): Promise<string[]> {
    const key = 'secretKeyFile' in secret ? await readSecretKey(secret.secretKeyFile) : undefined;
    const opening: PackageSecret = key ? { secretKey: key } : { passphrase: (secret as { passphrase: string }).passphrase };
    try {
      const written = await extractSealedPackage(path, opening, outDir);
      if (this.session.isUnlocked) {
        this.session.unlocked().record({ action: 'package.opened', details: { file: path, folder: outDir, files: written.length } });
      }
      return written;
    } finally {
      if (key) wipe(key);
    }
  }
}
