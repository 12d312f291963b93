import { basename } from 'node:path';
import { VaultError } from '../errors';

/**
 * What an exhibit may be (issue 14, "Bad input"). Each limit is checked before the work it
 * bounds: the file's size before it is read, a PDF's page count and page sizes before a page
 * is rendered, an image's declared dimensions before its pixels are decoded. Past any of them
 * nothing is written and the message names the file and the limit.
 */
export const EXHIBIT_LIMITS = {
  /** The file as read from disk. A 2,000-page scan at 300 dpi in JPEG is well under it. */
  maxBytes: 512 * 1024 * 1024,
  /** Beyond any exhibit a court takes in one piece (split larger ones). */
  maxPages: 2_000,
  /** A page's side in points: 20,000 pt is 7 m, far beyond any paper (ISO A0 is 3,370 pt). */
  maxPageSidePt: 14_400,
  /**
   * Pixels of one decoded image (a scanned page, a TIFF page, a photograph): a 300 dpi A3 scan
   * is 17.4 million; 60 million at 4 bytes each is 240 MB, under the worker's budget.
   */
  maxImagePixels: 60_000_000,
  /** Pixels of one rendered page: a 44 × 34 inch page at 150 dpi, or letter at 600 dpi. */
  maxRenderPixels: 40_000_000,
  minDpi: 72,
  maxDpi: 600,
  defaultScanDpi: 300,
  defaultDigitalDpi: 200,
  /** Resolution an image file is taken to have when its pixels are its only size (scanner default). */
  imageDpi: 300,
} as const;

/** A VALIDATION error naming the exhibit (its file name, never the folders above it). */
export function badExhibit(file: string, problem: string, advice: string, cause?: unknown): VaultError {
  return new VaultError('VALIDATION', `${basename(file)}: ${problem}. Nothing was written. ${advice}`, cause === undefined ? {} : { cause });
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
