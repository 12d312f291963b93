/**
 * A filing rendered for one audience, ready to be typeset: the export writers (PDF and DOCX)
 * take this and nothing else. Every string in here is final text: tokens have been replaced by
 * pseudonyms (public) or legal names (sealed) before a writer sees it.
 */

import type { CourtForm, FilingFormat, SignatureBlock, Withheld } from '../shared/filing-formats';

export { signatureLines } from '../shared/filing-formats';
export type { CourtForm, FilingFormat, SignatureBlock, Withheld };
/** The public and sealed versions of a filing, and the declaration of identities lodged with it. */
export type Audience = 'public' | 'sealed' | 'declaration';

/** The form a filing without a court from the list prints on: its format's usual one. */
export function defaultFormOf(format: FilingFormat): CourtForm {
  return format === 'california' ? 'california-pleading' : 'federal-plain';
}

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /**
   * The reference mark of a footnote: `text` is the note's label ("1"). A writer prints it
   * superscript and puts the note with that label at the foot of the page where it prints.
   */
  noteRef?: boolean;
  /**
   * Sealed version only: text the public version withheld, printed there as `ref`. A writer
   * draws a light grey band behind it when `mark` is "highlight"; "bracket" text carries its
   * brackets already.
   */
  withheld?: Withheld;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  /**
   * An ordered list is a run of a pleading's numbered paragraphs: `start` is the number of its
   * first item, counted through the whole body (markdown.ts), so the writers print numbers that
   * cross-references and "incorporate paragraphs 1 through 18" can rely on.
   */
  | { type: 'list'; ordered: boolean; items: Run[][]; start?: number }
  | { type: 'quote'; runs: Run[] }
  | { type: 'table'; header: Run[][]; rows: Run[][][] }
  /**
   * The draft's footnotes, in order of reference, after the body. Not printed where it stands:
   * each note goes to the foot of the page that prints its reference (a `noteRef` run).
   */
  | { type: 'footnotes'; notes: { label: string; runs: Run[] }[] }
  /**
   * The signature block closing a pleading, one line each: "Dated: …", the firm, "By: /s/ Name",
   * the name, "Attorneys for Plaintiffs". Kept together on one page.
   */
  | { type: 'signature'; signature: SignatureBlock };


export interface RenderedDocument {
  format: FilingFormat;
  /** The page form (pleading-paper.ts `geometryOf(form)`): a court from the list names it, else the format's default. */
  form: CourtForm;
  audience: Audience;
  /** Document metadata title: the filing's public title in both versions; the declaration's own title. */
  metadataTitle: string;
  /** Attorney name, bar number, firm, address, phone, email, "Attorneys for Plaintiffs": one per line. */
  counsel: string[];
  /** "SUPERIOR COURT OF THE STATE OF CALIFORNIA, COUNTY OF LOS ANGELES". */
  court: string;
  /** Left of the caption: the parties, one per line ("JANE DOE 1 through JANE DOE 140,", "Plaintiffs,", "v.", …). */
  parties: string[];
  /** Right of the caption: "Case No. 24STCV01234", the document title, other lines. */
  captionRight: string[];
  /** Sealing labels printed at the top of the first page, above the caption. */
  labels: string[];
  /** Footer of every page (California: the document title, CRC 2.110). */
  footer: string;
  blocks: Block[];
  /** Creation time written into the metadata (ISO 8601), so identical input gives identical bytes. */
  createdAt: string;
}

