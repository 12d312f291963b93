import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, mkdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VaultError } from '../errors';
import { docxPartsText, pdfText, type PdfText } from '../documents';
import type { RenderedDocument } from '../filings/document';
import type { FilingRenders } from '../filings/render';
import type { LeakHit, ScanSource } from '../scan/types';
import { fold } from '../text/normalize';
import { writeDocx } from './docx-writer';
import type { ExportJournal } from './export-staging';
import { buildManifest, type CaseCaption, type Manifest } from './manifest';
import { writePdf } from './pdf-writer';
import { referenceLocations } from './reference-locations';
import { preparePackageKey, writeSealedPackage, type PackageKey, type PackageProtection } from './sealed-package';
import type { ExportAnswers } from './answers';
import { Clearances, missingNames, toFileHit, type FileHit, type Verification } from './verification';

export const EXPORT_FILES = {
  publicPdf: 'public.pdf',
  sealedPdf: 'sealed.pdf',
  identityKey: 'identity-key.pdf',
  /** The sealed reference list (FRCP 5.2(g)), written when the public version redacts anything. */
  referenceList: 'reference-list.pdf',
  publicDocx: 'public.docx',
  sealedDocx: 'sealed.docx',
  manifest: 'manifest.json',
  package: 'sealed.doesealed',
} as const;

export interface ExportRequest {
  renders: FilingRenders;
  caseCaption: CaseCaption;
  /** The folder the files go to; created if missing. */
  destination: string;
  docx: boolean;
  /** Every PDF of the export as PDF/A-2b (pdf-archive.ts). */
  pdfa?: boolean | undefined;
  package?: PackageProtection | undefined;
  fontsDir: string;
  /** Scans text against every identity of the vault (all cases). */
  scan: (source: ScanSource) => LeakHit[];
  identities: number;
  /** Wording the user marked "not a plaintiff". */
  clearances: Clearances;
  /** Hashes the cleared texts and authenticates the manifest, under the case key. */
  answers: ExportAnswers;
  onProgress?: ((step: string, done: number, total: number) => void) | undefined;
  /** Records the staging so that a crash is cleaned up at the next start (export-staging.ts). */
  journal: ExportJournal;
}

/** What a file of an export is: filed publicly, kept under seal, or the manifest of them. */
export type FileRole = 'public' | 'sealed' | 'manifest';

const ROLES: Record<string, FileRole> = {
  [EXPORT_FILES.publicPdf]: 'public',
  [EXPORT_FILES.publicDocx]: 'public',
  [EXPORT_FILES.sealedPdf]: 'sealed',
  [EXPORT_FILES.sealedDocx]: 'sealed',
  [EXPORT_FILES.identityKey]: 'sealed',
  [EXPORT_FILES.referenceList]: 'sealed',
  [EXPORT_FILES.package]: 'sealed',
  [EXPORT_FILES.manifest]: 'manifest',
};

export interface ExportedFile {
  name: string;
  role: FileRole;
  sha256: string;
  bytes: number;
}

export type ExportOutcome =
  | { status: 'exported'; folder: string; files: ExportedFile[]; verification: Verification; manifest: Manifest }
  | { status: 'leak-found'; verification: Verification };

/**
 * Writes an export fail-closed (issue 4 §3): every file goes to a private staging folder inside
 * the destination, the public files are read back and scanned against the whole vault, and only
 * when nothing is found are the files moved into place, never over an existing file. On any
 * failure nothing of this export is left behind; after a crash, the journal lets the next start
 * remove it (export-staging.ts).
 */
export async function exportFiling(request: ExportRequest): Promise<ExportOutcome> {
  const { renders, destination } = request;
  const names: string[] = [EXPORT_FILES.publicPdf, EXPORT_FILES.sealedPdf, EXPORT_FILES.identityKey];
  if (renders.referenceList) names.push(EXPORT_FILES.referenceList);
  if (request.docx) names.push(EXPORT_FILES.publicDocx, EXPORT_FILES.sealedDocx);
  names.push(EXPORT_FILES.manifest);
  if (request.package) names.push(EXPORT_FILES.package);
  await prepareDestination(destination, names);

  const steps = names.length + (request.package ? 3 : 2);
  let step = 0;
  const progress = (label: string) => request.onProgress?.(label, ++step, steps);
  // The package's Argon2id first, while little else is in memory (and a weak passphrase is
  // refused before the typesetting, not after it).
  let packageKey: PackageKey | undefined;
  if (request.package) {
    progress('Protecting the sealed package key');
    packageKey = await preparePackageKey(request.package);
  }
  let temp: string;
  try {
    temp = await request.journal.begin(destination);
  } catch (error) {
    packageKey?.dispose();
    throw error;
  }
  try {
    const written = new Map<string, Uint8Array>();
    const put = async (name: string, bytes: Uint8Array) => {
      await writeFile(join(temp, name), bytes, { mode: 0o600, flush: true });
      written.set(name, bytes);
    };
    const pdf = (doc: RenderedDocument) => writePdf(doc, { fontsDir: request.fontsDir, pdfa: request.pdfa });
    progress('Typesetting the public version');
    const publicPdf = await pdf(renders.public);
    await put(EXPORT_FILES.publicPdf, publicPdf);
    // Read back once: the reference list cites where each reference printed, and the scan reads it.
    const publicText = await pdfText(publicPdf);
    progress('Typesetting the sealed version');
    await put(EXPORT_FILES.sealedPdf, await pdf(renders.sealed));
    progress('Typesetting the identity key');
    await put(EXPORT_FILES.identityKey, await pdf(renders.identityKey));
    if (renders.referenceList) {
      progress('Typesetting the reference list');
      const places = referenceLocations(publicText, renders.redactions.map((entry) => entry.ref));
      await put(EXPORT_FILES.referenceList, await pdf(renders.referenceList((ref) => places.get(ref) ?? [])));
    }
    if (request.docx) {
      progress('Writing the Word files');
      await put(EXPORT_FILES.publicDocx, await writeDocx(renders.public, { fontsDir: request.fontsDir }));
      await put(EXPORT_FILES.sealedDocx, await writeDocx(renders.sealed, { fontsDir: request.fontsDir }));
    }

    progress('Reading back and scanning the public files');
    const { verification, clearedHashes } = await verify(request, written, publicText);
    if (verification.result === 'failed') {
      return { status: 'leak-found', verification };
    }

    const files = [...written].map(([name, bytes]) => describe(name, bytes));
    const manifest = buildManifest({
      caseCaption: request.caseCaption,
      renders,
      files,
      verification,
      clearedHashes,
      authenticate: (m) => request.answers.authenticate(m),
    });
    const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
    progress('Writing the manifest');
    await put(EXPORT_FILES.manifest, manifestBytes);
    if (packageKey) {
      progress('Encrypting the sealed package');
      await writeSealedPackage(
        join(temp, EXPORT_FILES.package),
        [EXPORT_FILES.sealedPdf, EXPORT_FILES.identityKey, EXPORT_FILES.referenceList, EXPORT_FILES.manifest]
          .filter((name) => written.has(name))
          .map((name) => ({ name, bytes: written.get(name)! })),
        packageKey,
      );
    }

    progress('Moving the files into place');
    const all = [...names];
    const hashes = new Map<string, string>();
    for (const name of all) {
      hashes.set(name, (written.has(name) ? describe(name, written.get(name)!) : await describeFile(name, join(temp, name))).sha256);
    }
    await request.journal.placing(hashes);
    await moveIntoPlace(temp, destination, all);
    const listed = await Promise.all(
      all.map(async (name) => (written.has(name) ? describe(name, written.get(name)!) : describeFile(name, join(destination, name)))),
    );
    return { status: 'exported', folder: destination, files: listed, verification, manifest };
  } finally {
    packageKey?.dispose();
    await rm(temp, { recursive: true, force: true });
  }
}

async function verify(
  request: ExportRequest,
  written: ReadonlyMap<string, Uint8Array>,
  publicPdf: PdfText,
): Promise<{ verification: Verification; clearedHashes: Set<string> }> {
  const hits: FileHit[] = [];
  let cleared = 0;
  const clearedHashes = new Set<string>();
  const check = (file: string, source: ScanSource & { pleadingLines?: number[][] }) => {
    for (const hit of request.scan(source)) {
      if (request.clearances.covers(hit)) {
        cleared++;
        clearedHashes.add(request.answers.clearedHash(hit));
      } else hits.push(toFileHit(file, hit, source.pleadingLines));
    }
  };
  const scanned: string[] = [];
  // The manifest's words (its hashes are hex, where an ID number's digits could turn up by chance).
  const { caseCaption, renders } = request;
  check(EXPORT_FILES.manifest, { text: [caseCaption.title, caseCaption.court, caseCaption.number, renders.public.metadataTitle].filter(Boolean).join('\n') });
  check(EXPORT_FILES.publicPdf, publicPdf);
  check(`${EXPORT_FILES.publicPdf} (metadata)`, { text: publicPdf.metadata.join('\n') });
  scanned.push(EXPORT_FILES.publicPdf);
  const publicDocx = written.get(EXPORT_FILES.publicDocx);
  if (publicDocx) {
    check(EXPORT_FILES.publicDocx, await docxPartsText(publicDocx));
    scanned.push(EXPORT_FILES.publicDocx);
  }

  const legalNames = request.renders.cited.map((p) => p.identity.legalName);
  // Text without a letter or digit ("—") reads back as no word at all: nothing to look for.
  const withheld = request.renders.redactions.map((entry) => entry.text).filter((text) => fold(text) !== '');
  const sealedPdf = await pdfText(written.get(EXPORT_FILES.sealedPdf)!);
  const referenceList = written.get(EXPORT_FILES.referenceList);
  const sealedComplete =
    missingNames(sealedPdf, [...legalNames, ...withheld]).length === 0 &&
    missingNames(await pdfText(written.get(EXPORT_FILES.identityKey)!), legalNames).length === 0 &&
    (referenceList === undefined || missingNames(await pdfText(referenceList), withheld).length === 0);
  if (!sealedComplete) {
    // A defect, not a user error: the sealed papers must show everyone cited and all the public version withheld.
    throw new VaultError(
      'INTERNAL',
      'The sealed PDF, identity key or reference list does not show every cited plaintiff’s legal name and every redacted text; nothing was exported. Report this as a bug.',
    );
  }
  return { verification: { result: hits.length === 0 ? 'passed' : 'failed', scanned, identities: request.identities, hits, cleared, sealedComplete }, clearedHashes };
}

/** The destination exists (or is created), is a writable folder, and holds none of our files. */
async function prepareDestination(destination: string, names: readonly string[]): Promise<void> {
  const existing = await stat(destination).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new VaultError('VALIDATION', `${destination} is a file, not a folder. Choose a folder for the export.`);
  }
  try {
    await mkdir(destination, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw unwritable(destination, error);
  }
  try {
    await access(destination, constants.W_OK);
  } catch (error) {
    throw unwritable(destination, error);
  }
  const present: string[] = [];
  for (const name of names) {
    if (await exists(join(destination, name))) present.push(name);
  }
  if (present.length > 0) {
    throw new VaultError(
      'CONFLICT',
      `${destination} already holds an export (${present.join(', ')}). DoeVault never overwrites one: choose an empty folder, or move those files away first.`,
    );
  }
}

function unwritable(destination: string, cause: unknown): VaultError {
  return new VaultError('VALIDATION', `Cannot write to ${destination} (${(cause as NodeJS.ErrnoException).code ?? 'error'}). Choose a folder you can write to.`, { cause });
}

/** Links each file into place (never over an existing one); on a clash, takes back what it moved. */
async function moveIntoPlace(temp: string, destination: string, names: readonly string[]): Promise<void> {
  const moved: string[] = [];
  try {
    for (const name of names) {
      await link(join(temp, name), join(destination, name));
      moved.push(name);
    }
  } catch (error) {
    await Promise.all(moved.map((name) => unlink(join(destination, name)).catch(() => undefined)));
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new VaultError('CONFLICT', `A file appeared in ${destination} while exporting; nothing was exported. Choose an empty folder.`, { cause: error });
    }
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function describe(name: string, bytes: Uint8Array): ExportedFile {
  return { name, role: ROLES[name] ?? 'sealed', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

async function describeFile(name: string, path: string): Promise<ExportedFile> {
  return describe(name, new Uint8Array(await readFile(path)));
}
