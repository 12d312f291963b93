import type { FilingRenders } from '../filings/render';
import type { LeakHit, ScanSource } from '../scan/types';
import type { FileRole } from '../shared/filing-formats';
import { fold } from '../text/normalize';
import type { ExportJournal } from './export-staging';
import { buildManifest, type CaseCaption, type Manifest } from './manifest';
import { referenceLocations } from './reference-locations';
import type { PackageProtection } from './sealed-package';
import type { ExportAnswers } from './answers';
import type { Clearances, Verification } from './verification';
import { writeVerified, type DocumentToWrite, type WrittenFile } from './write-verified';

export const EXPORT_FILES = {
  publicPdf: 'public.pdf',
  sealedPdf: 'sealed.pdf',
  declarationPdf: 'declaration-of-identities.pdf',
  /** The sealed reference list (FRCP 5.2(g)), written when the public version redacts anything. */
  referenceList: 'reference-list.pdf',
  publicDocx: 'public.docx',
  sealedDocx: 'sealed.docx',
  declarationDocx: 'declaration-of-identities.docx',
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
  /** Polled before each step: true stops the export and removes what it wrote (CANCELLED). */
  isCancelled?: (() => boolean) | undefined;
  /** Records the staging so that a crash is cleaned up at the next start (export-staging.ts). */
  journal: ExportJournal;
}

/** What a file of an export is: filed publicly, kept under seal, lodged under seal, or the manifest of them. */
export type ExportRole = FileRole | 'manifest';

export type ExportedFile = WrittenFile & { role: ExportRole };

export type ExportOutcome =
  | { status: 'exported'; folder: string; files: ExportedFile[]; verification: Verification; manifest: Manifest }
  | { status: 'leak-found'; verification: Verification };

/**
 * Writes an export fail-closed (write-verified.ts): the public version (and its Word file) read
 * back and scanned against the whole vault, the sealed version checked to name every cited plaintiff
 * and the declaration of identities every plaintiff it lists, nothing placed until all is well.
 */
export async function exportFiling(request: ExportRequest): Promise<ExportOutcome> {
  const { renders } = request;
  const cited = renders.cited.map((p) => p.identity.legalName);
  const listed = renders.listed.map((p) => p.identity.legalName);
  // Text without a letter or digit ("—") reads back as no word at all: nothing to look for.
  const withheld = renders.redactions.map((entry) => entry.text).filter((text) => fold(text) !== '');
  const documents: DocumentToWrite[] = [
    { name: 'public', role: 'public', doc: renders.public, docx: request.docx, mustName: [], label: 'the public version' },
    { name: 'sealed', role: 'sealed', doc: renders.sealed, docx: request.docx, mustName: [...cited, ...withheld], label: 'the sealed version' },
    { name: 'declaration-of-identities', role: 'lodged', doc: renders.declaration, docx: request.docx, mustName: listed, label: 'the declaration of identities' },
  ];
  const { referenceList } = renders;
  if (referenceList) {
    documents.push({
      name: 'reference-list',
      role: 'sealed',
      // It cites where each reference printed in the typeset public version (page:line).
      doc: (publicPdfs) => {
        const places = referenceLocations(publicPdfs.get('public')!, renders.redactions.map((entry) => entry.ref));
        return referenceList((ref) => places.get(ref) ?? []);
      },
      docx: false,
      mustName: withheld,
      label: 'the reference list',
    });
  }
  const roles = new Map<string, ExportRole>([
    ...documents.flatMap((d): [string, ExportRole][] => [
      [`${d.name}.pdf`, d.role],
      [`${d.name}.docx`, d.role],
    ]),
    [EXPORT_FILES.manifest, 'manifest'],
    [EXPORT_FILES.package, 'sealed'],
  ]);
  const withRole = (file: WrittenFile): ExportedFile => ({ ...file, role: roles.get(file.name) ?? 'sealed' });
  const outcome = await writeVerified({
    documents,
    destination: request.destination,
    pdfa: request.pdfa,
    package: request.package && {
      protection: request.package,
      name: EXPORT_FILES.package,
      contents: [EXPORT_FILES.sealedPdf, EXPORT_FILES.declarationPdf, ...(referenceList ? [EXPORT_FILES.referenceList] : []), EXPORT_FILES.manifest],
    },
    fontsDir: request.fontsDir,
    scan: request.scan,
    identities: request.identities,
    clearances: request.clearances,
    answers: request.answers,
    manifestText: [request.caseCaption.title, request.caseCaption.court, request.caseCaption.number, renders.public.metadataTitle].filter(Boolean).join('\n'),
    manifest: (files, verification, clearedHashes) =>
      buildManifest({ caseCaption: request.caseCaption, renders, files: files.map(withRole), verification, clearedHashes, authenticate: (m) => request.answers.authenticate(m) }),
    onProgress: request.onProgress,
    isCancelled: request.isCancelled,
    journal: request.journal,
  });
  if (outcome.status !== 'written') return outcome;
  return { ...outcome, status: 'exported', files: outcome.files.map(withRole) };
}
