/**
 * The leak scanner's vocabulary (DESIGN.md §5). The scanner is given decrypted identities by its
 * caller and never touches the store or the keys; its hits go to the filings module, the export
 * verifier, the CLI's `scan` and the editor's live highlighting.
 */

import type { FindingKind } from '../shared/finding-kinds';

/** What kind of text matched (core/shared/finding-kinds.ts lists them). */
export type VariantKind = FindingKind;

export type Confidence = 'high' | 'low';

/** Why a hit is low confidence. A hit with no reason is high. */
export type LowReason =
  | 'partial-name' // a given name, surname or initials alone
  | 'shared' // the text names several identities of the vault
  | 'common-word'; // the text is also an ordinary English word ("Will", "Young", "Rose")

/** One identity to look for, as decrypted by the caller. */
export interface ScanIdentity {
  plaintiffId: string;
  caseId: string;
  pseudonym: string;
  legalName: string;
  aliases: readonly string[];
  dob?: string | undefined; // YYYY-MM-DD
  email?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  idNumbers: readonly string[];
  /** The doxxing surface (PlaintiffIdentity's optional fields; absent means none). */
  family?: readonly { name: string; relation: string }[] | undefined;
  pastAddresses?: readonly string[] | undefined;
  affiliations?: readonly { name: string; kind: string }[] | undefined;
  vehicles?: readonly { plate: string; state?: string | undefined }[] | undefined;
  handles?: readonly string[] | undefined;
  characteristics?: readonly string[] | undefined;
}

/** Whom a hit may point at. */
export interface HitTarget {
  plaintiffId: string;
  caseId: string;
  pseudonym: string;
}

export interface LeakHit {
  /** UTF-16 offsets into the scanned text: text.slice(start, end) is what matched. */
  start: number;
  end: number;
  /** The original text that matched, as written (line breaks included). */
  text: string;
  kind: VariantKind;
  confidence: Confidence;
  reasons: LowReason[];
  /** Every identity this text may name, in vault order; one for a full name. */
  targets: HitTarget[];
  /** 1-based line of `start` in the scanned text (or in its page, when the text has pages). */
  line: number;
  /** 1-based page, when the source has pages (PDF). */
  page?: number;
  /** Kind 'mixed-script' only: the scripts mixed in the word ("Latin", "Cyrillic"). */
  scripts?: string[];
}

/**
 * A finding of its own kind, not a variant of any identity (issue 11, leak 1): a word that mixes
 * scripts ("Mаrta" with a Cyrillic "а"), from LeakScanner.mixedScript. Always low confidence and
 * without targets; as a LeakHit (LeakScanner.findings) it has none and no reasons.
 */
export interface MixedScriptHit {
  start: number;
  end: number;
  text: string;
  kind: 'mixed-script';
  confidence: 'low';
  /** The scripts mixed in the word, in order of first use: ["Latin", "Cyrillic"]. */
  scripts: string[];
  line: number;
  page?: number;
}

/** Text to scan. `pageStarts` are the offsets where pages 2, 3 … begin (PDF input). */
export interface ScanSource {
  text: string;
  pageStarts?: readonly number[];
  /**
   * Spans the caller has dealt with: no hit overlaps them. A draft's tokens ("{{Jane Doe 3|Marta}}",
   * "{{redacted|…}}"), whose wording is printed under seal or checked on its own (filings).
   * Nothing else sets it: in a PDF, an exhibit or any file read from disk, "{{Marta Kowalczyk}}"
   * is text like any other.
   */
  handled?: readonly { start: number; end: number }[];
}
