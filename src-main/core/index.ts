/**
 * The core's public surface: the façade, and the pure helpers and types its callers need beside
 * it (parsing a scheme, reading a document to verify it, key files, exit-code types). The CLI
 * and the IPC layer import core only from here, from `core/shared` and (IPC) `core/host`;
 * eslint.config.js enforces it. Nothing exported here holds a key or opens a vault.
 */
export { VaultService, type CreateOptions, type FacadeApi, type OpenOptions } from './service';
export type { Controlled, OperationControl } from './operation';
// The pure helpers the main process uses too, listed once there.
export * from './helpers';

export type { CaseSummary } from './cases/cases';
export { KDF_PRESETS, wipe, type KdfPreset } from './crypto';
export { docxPartsText, pdfText, readDocument, type DocumentPart } from './documents';
export type { ExportReport, PublishedCheck, SealingSetReport, SetReportFile } from './export/service';
export { describeSealedPackage, extractSealedPackage, readPublicKey, readSecretKey, writeKeypair, type PackageProtection, type PackageSecret } from './export/sealed-package';
export { describeFileHit, KIND_WORDS, toFileHit, type FileHit } from './export/verification';
export type { Question } from './filings/questions';
export { courtById, draftTitle, splitDraft, type FactOverrides } from './filings/filing-facts';
export { parseCounselYaml } from './filings/counsel';
export { parseLabelFile } from './filings/label-file';
export type { Counsel } from './shared/counsel';
export type { CounselView } from './filings/counsel-service';
export { applyOverrides, describeDuplicate, IntakeRejected, type ImportSummary, type IntakeInspection } from './intake';
export { csvLine } from './plaintiffs/csv-writer';
export { profileColumns } from './plaintiffs/roster-export';
export type { LeakHit, ScanSource } from './scan/types';
export { EXHIBIT_EXTENSIONS } from './exhibits/exhibit-file';
export type { ExhibitRedactReport, ExhibitScan } from './exhibits/service';
export type { ResidualHit } from './exhibits/read-back';
export type { ExhibitFinding } from './exhibits/types';
