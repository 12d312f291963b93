/**
 * Intake: plaintiffs imported from a spreadsheet (CSV or XLSX). These types are what the
 * service returns to the app and the CLI; none of them carries an identity except the sample
 * rows of an inspection (shown masked by the app, never logged).
 */

import type { IntakeField } from '../shared/intake-fields';

export { INTAKE_FIELDS, type IntakeField } from '../shared/intake-fields';

export type IntakeFormat = 'csv' | 'xlsx';

export type CsvDelimiter = ',' | ';' | '\t';

export interface IntakeInspection {
  format: IntakeFormat;
  /** CSV only: the delimiter and text encoding found. */
  delimiter?: CsvDelimiter | undefined;
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | undefined;
  /** XLSX: every sheet's name, in workbook order; CSV: empty. */
  sheets: string[];
  /** XLSX: the sheet read (the one asked for, else the first); CSV: null. */
  sheet: string | null;
  /** The header row (row 1), as text. */
  headers: string[];
  /** One entry per header: the field it fills, or null (ignored). */
  mapping: (IntakeField | null)[];
  /** Where `mapping` came from: the case's last import with the same headers, or detection. */
  mappingSource: 'remembered' | 'detected';
  /** The first rows after the header, as text (identities: the app masks them). */
  sampleRows: { row: number; cells: string[] }[];
  /** Data rows (blank rows not counted), when cheap to know; null otherwise. */
  totalRows: number | null;
}

/** One thing wrong with one row. `row` is the row number as in the file (the header is row 1). */
export interface IntakeProblem {
  row: number;
  /** The plaintiff field at fault (e.g. "email"), with the file's column when known. */
  field: string;
  message: string;
}

/** A row that names someone already in the file or in the vault. Pseudonyms only, never names. */
export interface IntakeDuplicate {
  row: number;
  against: 'file' | 'vault';
  /** against 'file': the earlier row with the same name. */
  otherRow?: number | undefined;
  /** against 'vault': the plaintiff it matches. */
  caseId?: string | undefined;
  plaintiffId?: string | undefined;
  pseudonym?: string | undefined;
  /** Both have the same date of birth (false when either has none). */
  sameDateOfBirth: boolean;
}

export type DuplicateDecision = 'skip' | 'import' | 'merge';

export interface IntakeReadOptions {
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string | undefined;
}

export interface IntakeMappingOptions extends IntakeReadOptions {
  /** One entry per column of the header: the field it fills, or null. */
  mapping: (IntakeField | null)[];
}

export interface ImportOptions extends IntakeMappingOptions {
  /** What to do with duplicates that have no decision of their own. */
  onDuplicate: 'skip' | 'import' | 'fail';
  /** Per row (as in the file): skip it, import it anyway, or merge it into the record it duplicates. */
  decisions?: Record<number, DuplicateDecision> | undefined;
  /** Check everything and count what would happen, but write nothing. */
  dryRun?: boolean | undefined;
}

export interface ImportPreview {
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** Rows without problems. */
  valid: number;
  problems: IntakeProblem[];
  duplicates: IntakeDuplicate[];
}

export interface ImportSummary {
  added: number;
  skipped: number;
  merged: number;
  /** Rows with problems (then nothing is written, and the import fails with VALIDATION). */
  rejected: number;
  problems: IntakeProblem[];
  duplicates: IntakeDuplicate[];
  /** The first and last pseudonyms allocated, when any row was added. */
  pseudonyms?: { first: string; last: string } | undefined;
  /** True for a dry run: nothing was written. */
  dryRun?: boolean | undefined;
}

