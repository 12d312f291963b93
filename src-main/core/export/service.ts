import { join } from 'node:path';
import { openCase } from '../cases/context';
import { encodeBase32, wipe } from '../crypto';
import { VaultError } from '../errors';
import { recordOrTakeBack } from '../files/new-file';
import { checkCaseFiling, notAPlaintiffWordings, renderCaseFiling } from '../filings/case-filing';
import type { FactOverrides } from '../filings/filing-facts';
import type { Question } from '../filings/questions';
import type { Controlled } from '../operation';
import { scannerOf } from '../plaintiffs/identities';
import type { VaultSession } from '../vault/session';
import { clearable } from '../filings/resolution';
import type { LeakHit, ScanSource } from '../scan/types';
import { EXPORT_FILES, exportFiling, type ExportOutcome } from './export-filing';
import { manifestOnDisk } from './manifest';
import { ExportJournal, stagingFolderOf } from './export-staging';
import { extractSealedPackage, readPublicKey, readSecretKey, type PackageProtection, type PackageSecret } from './sealed-package';
import { ExportAnswers } from './answers';
import { Clearances } from './verification';

/** What `verify` found in one written file (ExportService.verify). */
export interface PublishedCheck {
  identities: number;
  /** Hits not cleared by the export's answers. */
  hits: LeakHit[];
  cleared: number;
  /** The manifest beside the file: none, or not from this case's export (or changed since). */
  manifest: 'none' | 'authentic' | 'not-authentic';
  /** The file is, unchanged, a sealed version the manifest lists. */
  sealedVersion: boolean;
}

/** The files of an export that name plaintiffs by design. */
const SEALED_FILES: ReadonlySet<string> = new Set([EXPORT_FILES.sealedPdf, EXPORT_FILES.sealedDocx, EXPORT_FILES.identityKey, EXPORT_FILES.referenceList]);

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
        journal,
      });
      const written = outcome.status === 'exported' ? outcome.files.map((file) => join(outcome.folder, file.name)) : [];
      await recordOrTakeBack(written, () =>
        vault.record(
          outcome.status === 'exported'
            ? { action: 'filing.exported', details: { caseId, folder: outcome.folder, files: outcome.files.length, cited: renders.cited.length } }
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
      const unchanged = parsed.data.files.some((entry) => entry.name === file.name && entry.sha256 === file.sha256);
      const clearedHashes = new Set(parsed.data.answers.notAPlaintiff);
      const hits = found.filter((hit) => !(clearable(hit) && clearedHashes.has(answers.clearedHash(hit))));
      return { identities, hits, cleared: found.length - hits.length, manifest: 'authentic', sealedVersion: unchanged && SEALED_FILES.has(file.name) };
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
