import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { linkIntoPlace, prepareDestination, type PlacementWords } from '../files/place-files';
import { join } from 'node:path';
import { VaultError } from '../errors';
import { docxPartsText, pdfText, type PdfText } from '../documents';
import type { RenderedDocument } from '../filings/document';
import { cancelled } from '../operation';
import type { LeakHit, ScanSource } from '../scan/types';
import type { FileRole } from '../shared/filing-formats';
import { writeDocx } from './docx-writer';
import type { ExportJournal } from './export-staging';
import { writePdf } from './pdf-writer';
import { preparePackageKey, writeSealedPackage, type PackageKey, type PackageProtection } from './sealed-package';
import type { ExportAnswers } from './answers';
import { missingNames, toFileHit, type Clearances, type FileHit, type Verification } from './verification';

/** One document of what is written: `name`.pdf, and `name`.docx when asked for. */
export interface DocumentToWrite {
  /** The file's name without extension: "public", "motion". */
  name: string;
  role: FileRole;
  /**
   * The document; or, for one that cites the typeset public papers (the reference list's
   * page:line), how to build it from their text read back, by document name. Such a document
   * comes after the public ones in the list.
   */
  doc: RenderedDocument | ((publicPdfs: ReadonlyMap<string, PdfText>) => RenderedDocument);
  docx: boolean;
  /** Legal names and withheld texts the file must show (a sealed or lodged file), checked once it is written. */
  mustName: readonly string[];
  /** What progress says while it is typeset: "the public version". */
  label: string;
}

export interface WriteRequest<M> {
  /** In the order their files are written and listed. */
  documents: readonly DocumentToWrite[];
  /** The folder the files go to; created if missing. */
  destination: string;
  /** Every PDF as PDF/A-2b (pdf-archive.ts). */
  pdfa?: boolean | undefined;
  /** An encrypted package of some of the files written (the manifest among them). */
  package?: { protection: PackageProtection; name: string; contents: readonly string[] } | undefined;
  fontsDir: string;
  /** Scans text against every identity of the vault (all cases). */
  scan: (source: ScanSource) => LeakHit[];
  identities: number;
  /** Wording that names nobody: "not a plaintiff" answers. */
  clearances: Clearances;
  /** Hashes the cleared texts (for the manifest), under the case key. */
  answers: ExportAnswers;
  /** The manifest's free text (case caption, titles): scanned like the public files. */
  manifestText: string;
  /** manifest.json, from the files written and the verification. */
  manifest: (files: WrittenFile[], verification: Verification, clearedHashes: ReadonlySet<string>) => M;
  onProgress?: ((step: string, done: number, total: number) => void) | undefined;
  /** Polled before each step: true stops the writing and removes what it wrote (CANCELLED). */
  isCancelled?: (() => boolean) | undefined;
  /** Records the staging so that a crash is cleaned up at the next start (export-staging.ts). */
  journal: ExportJournal;
}

export interface WrittenFile {
  name: string;
  sha256: string;
  bytes: number;
}

export type WriteOutcome<M> =
  | { status: 'written'; folder: string; files: WrittenFile[]; verification: Verification; manifest: M }
  | { status: 'leak-found'; verification: Verification };

export const MANIFEST_FILE = 'manifest.json';

/**
 * Writes documents fail-closed (issue 4 §3): every file goes to a private staging folder inside
 * the destination, the public files are read back and scanned against the whole vault, the
 * sealed and lodged ones checked to name everyone they must, and only when all is well are the
 * files moved into place, never over an existing file. On any failure nothing of this write is
 * left behind; after a crash, the journal lets the next start remove it (export-staging.ts).
 */
export async function writeVerified<M>(request: WriteRequest<M>): Promise<WriteOutcome<M>> {
  const { documents, destination } = request;
  const pdfName = (d: DocumentToWrite) => `${d.name}.pdf`;
  const docxName = (d: DocumentToWrite) => `${d.name}.docx`;
  const withDocx = documents.filter((d) => d.docx);
  const names = [...documents.map(pdfName), ...withDocx.map(docxName), MANIFEST_FILE, ...(request.package ? [request.package.name] : [])];
  await prepareDestination(destination, names, EXPORT_WORDS);

  const steps = documents.length + (withDocx.length > 0 ? 1 : 0) + (request.package ? 5 : 3);
  let step = 0;
  const progress = (label: string) => {
    if (request.isCancelled?.()) throw cancelled();
    request.onProgress?.(label, ++step, steps);
  };
  // The package's Argon2id first, while little else is in memory (and a weak passphrase is
  // refused before the typesetting, not after it).
  let packageKey: PackageKey | undefined;
  if (request.package) {
    progress('Protecting the sealed package key');
    packageKey = await preparePackageKey(request.package.protection);
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
    // The public PDFs read back once: a later document may cite them, and the scan reads them.
    const publicPdfs = new Map<string, PdfText>();
    const built = new Map<string, RenderedDocument>();
    for (const d of documents) {
      progress(`Typesetting ${d.label}`);
      const doc = typeof d.doc === 'function' ? d.doc(publicPdfs) : d.doc;
      built.set(d.name, doc);
      const bytes = await writePdf(doc, { fontsDir: request.fontsDir, pdfa: request.pdfa });
      await put(pdfName(d), bytes);
      if (d.role === 'public') publicPdfs.set(d.name, await pdfText(bytes));
    }
    if (withDocx.length > 0) {
      progress('Writing the Word files');
      for (const d of withDocx) await put(docxName(d), await writeDocx(built.get(d.name)!, { fontsDir: request.fontsDir }));
    }

    progress('Reading back and scanning the public files');
    const { verification, clearedHashes } = await verify(request, written, publicPdfs);
    if (verification.result === 'failed') {
      return { status: 'leak-found', verification };
    }

    const manifest = request.manifest(
      [...written].map(([name, bytes]) => describe(name, bytes)),
      verification,
      clearedHashes,
    );
    progress('Writing the manifest');
    await put(MANIFEST_FILE, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
    if (packageKey && request.package) {
      progress('Encrypting the sealed package');
      await writeSealedPackage(
        join(temp, request.package.name),
        request.package.contents.map((name) => ({ name, bytes: written.get(name)! })),
        packageKey,
      );
    }

    progress('Moving the files into place');
    const hashes = new Map<string, string>();
    for (const name of names) {
      hashes.set(name, (written.has(name) ? describe(name, written.get(name)!) : await describeFile(name, join(temp, name))).sha256);
    }
    await request.journal.placing(hashes);
    await linkIntoPlace(temp, destination, names, EXPORT_WORDS);
    const listed = await Promise.all(
      names.map(async (name) => (written.has(name) ? describe(name, written.get(name)!) : describeFile(name, join(destination, name)))),
    );
    return { status: 'written', folder: destination, files: listed, verification, manifest };
  } finally {
    packageKey?.dispose();
    await rm(temp, { recursive: true, force: true });
  }
}

async function verify<M>(
  request: WriteRequest<M>,
  written: ReadonlyMap<string, Uint8Array>,
  publicPdfs: ReadonlyMap<string, PdfText>,
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
  check(MANIFEST_FILE, { text: request.manifestText });
  const publicDocuments = request.documents.filter((d) => d.role === 'public');
  for (const d of publicDocuments) {
    const pdf = publicPdfs.get(d.name)!;
    check(`${d.name}.pdf`, pdf);
    check(`${d.name}.pdf (metadata)`, { text: pdf.metadata.join('\n') });
    scanned.push(`${d.name}.pdf`);
  }
  for (const d of publicDocuments.filter((p) => p.docx)) {
    check(`${d.name}.docx`, await docxPartsText(written.get(`${d.name}.docx`)!));
    scanned.push(`${d.name}.docx`);
  }

  for (const d of request.documents.filter((p) => p.mustName.length > 0)) {
    for (const file of d.docx ? [`${d.name}.pdf`, `${d.name}.docx`] : [`${d.name}.pdf`]) {
      const bytes = written.get(file)!;
      if (missingNames(file.endsWith('.docx') ? await docxPartsText(bytes) : await pdfText(bytes), d.mustName).length > 0) {
        // A defect, not a user error: a sealed file must identify everyone it is there to identify.
        throw new VaultError('INTERNAL', `${file} does not show every legal name or withheld text it must; nothing was written. Report this as a bug.`);
      }
    }
  }
  return { verification: { result: hits.length === 0 ? 'passed' : 'failed', scanned, identities: request.identities, hits, cleared, sealedComplete: true }, clearedHashes };
}

const EXPORT_WORDS: PlacementWords = {
  folderFor: 'the export',
  alreadyHolds: (destination, present) =>
    `${destination} already holds an export (${present.join(', ')}). DoeVault never overwrites one: choose an empty folder, or move those files away first.`,
  appeared: 'while exporting; nothing was exported',
};

function describe(name: string, bytes: Uint8Array): WrittenFile {
  return { name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

async function describeFile(name: string, path: string): Promise<WrittenFile> {
  return describe(name, new Uint8Array(await readFile(path)));
}
