/**
 * Page geometry of the two filing formats, in PDF points (1/72 inch), on US letter paper.
 *
 * Both lay text on a grid of half-lines ("slots", 12 pt apart): single-spaced text (the
 * counsel block, the caption, quotations, footnotes, table cells) takes one slot per line,
 * double-spaced body text two, and every line of type sits on a slot's baseline. On California
 * pleading paper the numbers 1–28 sit on the baselines of the even slots, so double-spaced text
 * is aligned with them (CRC 2.108(4)).
 *
 * California (CRC 2.100–2.111): 12-pt type (2.104); left margin 1.5 in and right margin 0.75 in,
 * beyond the rule's minimums of 1 in and 1/2 in (2.107); 28 numbered, double-spaced lines from
 * 1 in below the top (2.108), numbers right-aligned left of a double vertical rule, a single rule
 * at the right; page numbers at the bottom, then a printed line and the paper's title in 10 pt
 * (2.109, 2.110); counsel from line 1, the right half of lines 1–7 blank for the clerk, the
 * court's title on line 8, the caption below it (2.111).
 *
 * Federal pleading form (the California districts: C.D. Cal. L.R. 11-3, N.D. Cal. Civ. L.R. 3-4,
 * E.D. Cal. L.R. 130, S.D. Cal. Civ. L.R. 5.1): the same numbered paper, counsel from line 1 and
 * the court's title from line 8; "Page N of M" in the footer. Checked against C.D. Cal. L.R.
 * 11-3.2 (numbered lines, no more than 28 a page), 11-3.6 (double-spaced; quotations and
 * footnotes may be single-spaced) and 11-3.8 (counsel single-spaced from line 1 at the left
 * margin, the right half of lines 1–7 left to the clerk, the court's title centred on or below
 * line 8, the parties left of centre with the case number, the paper's title and the hearing
 * opposite them), and N.D. Cal. Civ. L.R. 3-4(c) (12-point type, footnotes included): the grid
 * of California paper meets them. C.D. Cal. L.R. 11-3.1.1 asks a proportionally spaced face to
 * be 14-point; the body stays 12-point on this grid (a 14-point body needs its own slots).
 *
 * Footnotes sit on the same grid, 12-point and single-spaced, at the foot of the page that
 * prints their reference, under a short rule and above the footer (page-notes.ts).
 *
 * Plain federal (other districts, Fed. R. Civ. P. 10(a)): 1-inch margins, 27 double-spaced
 * lines, "Page N of M" centred in the bottom margin with the footer title beneath it.
 */
import type { CourtForm } from '../filings/document';

export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
/** Body type size (CRC 2.104: not smaller than 12 points). */
export const BODY_SIZE = 12;
/** Footer title size (CRC 2.110(c): at least 10 points). */
export const FOOTER_SIZE = 10;
/** One slot: single spacing at 12 pt. */
export const SLOT = 12;
/** From a slot's top to the baseline of the text set in it. */
export const BASELINE_OFFSET = 9.5;

export interface Geometry {
  form: CourtForm;
  /** Where the first page's sealing labels go: above everything, or right-aligned under the court's title (out of the clerk's space, CRC 2.111(2)). */
  labels: 'top' | 'below-court';
  /** How the footer numbers pages: "3" or "Page 3 of 12". */
  pageNumbers: 'number' | 'page-of';
  /** Top of slot 0 (numbered line 1 on pleading paper). */
  gridTop: number;
  /** Slots per page; a double-spaced line takes two. */
  slots: number;
  /** Left and right edges of the text. */
  left: number;
  right: number;
  /** California: line numbers end here, then the double rule and the text. */
  lineNumbers?: { numberRight: number; leftRules: [number, number]; rightRule: number; count: number };
  /** Footer positions (baselines / rule), from the bottom of the grid down. */
  footer: { pageNumberBaseline: number; ruleY: number; firstTitleBaseline: number; titleLeading: number; maxTitleLines: number };
  /** Pleading paper's first page: the court's title no higher than this slot (line 8). */
  courtTitleSlot: number;
}

export const CALIFORNIA: Geometry = {
  form: 'california-pleading',
  labels: 'below-court',
  pageNumbers: 'number',
  gridTop: 72,
  slots: 56,
  left: 108,
  right: 558,
  lineNumbers: { numberRight: 88, leftRules: [96.5, 99.5], rightRule: 566, count: 28 },
  footer: { pageNumberBaseline: 757, ruleY: 762.5, firstTitleBaseline: 773, titleLeading: 10.5, maxTitleLines: 2 },
  courtTitleSlot: 14,
};

export const FEDERAL_PLEADING: Geometry = {
  ...CALIFORNIA,
  form: 'federal-pleading',
  pageNumbers: 'page-of',
};

export const FEDERAL: Geometry = {
  form: 'federal-plain',
  labels: 'top',
  pageNumbers: 'page-of',
  gridTop: 72,
  slots: 54,
  left: 72,
  right: 540,
  footer: { pageNumberBaseline: 741, ruleY: 748, firstTitleBaseline: 759, titleLeading: 11, maxTitleLines: 3 },
  courtTitleSlot: 0,
};

const GEOMETRIES: Readonly<Record<CourtForm, Geometry>> = { 'california-pleading': CALIFORNIA, 'federal-pleading': FEDERAL_PLEADING, 'federal-plain': FEDERAL };

export function geometryOf(form: CourtForm): Geometry {
  return GEOMETRIES[form];
}

/** Baseline of text set in `slot`. */
export function baselineOf(geometry: Geometry, slot: number): number {
  return geometry.gridTop + slot * SLOT + BASELINE_OFFSET;
}

/** Top edge of `slot`. */
export function slotTop(geometry: Geometry, slot: number): number {
  return geometry.gridTop + slot * SLOT;
}

/** The page number as printed in the footer. */
export function pageLabel(geometry: Geometry, page: number, pages: number): string {
  return geometry.pageNumbers === 'number' ? String(page) : `Page ${page} of ${pages}`;
}
