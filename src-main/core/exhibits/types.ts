/**
 * The exhibit's vocabulary (issue 14): pages rendered to pixels, the words read on them, and
 * the findings the redaction burns. Boxes are in PDF points (1/72 inch) from the page's top
 * left, so that they do not depend on the resolution a page was rendered at.
 */
import type { HitTarget, VariantKind } from '../scan/types';
import type { AskReason } from '../filings/resolution';

export type ExhibitFormat = 'pdf' | 'png' | 'jpeg' | 'tiff' | 'docx';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a word was read: the PDF's text layer (drawn or not), or OCR of the rendered page. */
export type WordSource = 'text-layer' | 'ocr';

/** One word on a page, in pixels of the page's rendering. */
export interface PageWord {
  text: string;
  /** Pixels: left, top, right, bottom. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Words of one line share it (per source): line breaks come from it. */
  line: number;
  source: WordSource;
}

/** A page ready to read or to redact: its pixels and its text layer's words. */
export interface RenderedPage {
  /** 1-based. */
  number: number;
  /** The page's size in points. */
  widthPt: number;
  heightPt: number;
  /** Resolution of `image` (pixels per inch). */
  dpi: number;
  /** An @napi-rs/canvas canvas holding the page. */
  image: PageCanvas;
  /** Words of the text layer (PDF, DOCX); none for scans and images. */
  textWords: PageWord[];
  /**
   * Where pictures are drawn on the page (points), for face proposals. Absent: the whole page
   * is a picture (a scan, a photograph). Asked only when faces are.
   */
  pictures?: (() => Promise<Box[]>) | undefined;
}

/** What this code needs of an @napi-rs/canvas Canvas. */
export interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): PageContext;
  encode(format: 'png'): Promise<Buffer>;
  encode(format: 'jpeg', quality?: number): Promise<Buffer>;
}

/** The drawing calls the redaction uses (a subset of CanvasRenderingContext2D). */
export interface PageContext {
  fillStyle: string | unknown;
  font: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: unknown, dx: number, dy: number, dw?: number, dh?: number): void;
  getImageData(x: number, y: number, w: number, h: number): { width: number; height: number; data: Uint8ClampedArray };
  save(): void;
  restore(): void;
}

/** What a redaction does with a finding: burned in, or kept (the attorney said so). */
export type Decision = 'redact' | 'keep';

/**
 * One place on one page that names someone (or may): a hit of the leak scanner on the page's
 * text, mapped to the union box of the words it covers.
 */
export interface ExhibitFinding {
  /** Stable across runs of the same file and case (keyed under the case, so it reveals no text). */
  id: string;
  page: number;
  box: Box;
  kind: VariantKind | 'face';
  confidence: 'high' | 'low';
  /** Where the words were read; OCR where both read it. */
  source: WordSource | 'face-detector';
  /** What the page says there, as read. Real names: masked in lists, never in public files. */
  text: string;
  /** Whom it may name (pseudonyms), in vault order. */
  targets: HitTarget[];
  /** Redacted without asking, or a question for the attorney (the rules of drafts). */
  action: { kind: 'redact' } | { kind: 'ask'; why: AskReason | 'face' };
  /** Mean OCR confidence (0–100) of its words; 100 for the text layer. */
  ocrConfidence: number;
}

/**
 * A region proposed by another detector (faces: src-main/core/exhibits/faces/): burned like
 * any box once the attorney keeps it (every proposal is a question).
 */
export interface ProposedRegion {
  page: number;
  box: Box;
  kind: 'face';
  /** 0–1. */
  score: number;
}
