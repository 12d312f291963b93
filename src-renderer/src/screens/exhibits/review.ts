import type { ExhibitFindingDto, PageBoxDto } from '../../../../src-preload/contract';
import { describeTargets } from '../../lib/filings';

/** An exhibit under review: its case and the id main gave it when it was chosen. */
export interface ExhibitRef {
  caseId: string;
  exhibitId: string;
}

/** A box drawn by hand: page and place in points, with a local id for selection. */
export interface DrawnRegion {
  key: number;
  page: number;
  box: PageBoxDto;
}

export type Decisions = Readonly<Record<string, 'redact' | 'keep'>>;

/**
 * Whom a finding or a residual hit may name, in words; null for nobody by name (a face).
 * Pseudonyms repeat from case to case, so one of another case is said to be so.
 */
export function whomItMayName(item: Pick<ExhibitFindingDto, 'targets'>, caseId: string): string | null {
  return item.targets.length === 0 ? null : describeTargets(item, caseId);
}

/** What becomes of a finding with the answers given so far. */
export function fate(finding: ExhibitFindingDto, decisions: Decisions): 'redact' | 'keep' | 'question' {
  const decision = decisions[finding.id];
  if (decision === 'keep' && finding.canKeep) return 'keep';
  if (decision === 'redact' || !finding.question) return 'redact';
  return 'question';
}

export interface Tally {
  /** Findings that will be burned. */
  found: number;
  drawn: number;
  kept: number;
  questions: number;
}

export function tally(findings: readonly ExhibitFindingDto[], decisions: Decisions, regions: readonly DrawnRegion[], page?: number): Tally {
  const t: Tally = { found: 0, drawn: 0, kept: 0, questions: 0 };
  for (const f of findings) {
    if (page !== undefined && f.page !== page) continue;
    const what = fate(f, decisions);
    if (what === 'redact') t.found++;
    else if (what === 'keep') t.kept++;
    else t.questions++;
  }
  t.drawn = regions.filter((r) => page === undefined || r.page === page).length;
  return t;
}

/** The smallest box worth drawing, in points (a stray click makes none). */
export const MIN_SIDE_PT = 4;

/** A box from two corners, kept inside the page. */
export function boxFrom(a: { x: number; y: number }, b: { x: number; y: number }, page: { widthPt: number; heightPt: number }): PageBoxDto | null {
  const x0 = clamp(Math.min(a.x, b.x), 0, page.widthPt);
  const y0 = clamp(Math.min(a.y, b.y), 0, page.heightPt);
  const x1 = clamp(Math.max(a.x, b.x), 0, page.widthPt);
  const y1 = clamp(Math.max(a.y, b.y), 0, page.heightPt);
  if (x1 - x0 < MIN_SIDE_PT || y1 - y0 < MIN_SIDE_PT) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The keyboard's way to draw: arrow keys move the selected box, with Shift they resize it
 * (right and down grow it, left and up shrink it); Alt takes small steps. Always inside the page.
 */
export function nudge(box: PageBoxDto, key: string, { shift, alt }: { shift: boolean; alt: boolean }, page: { widthPt: number; heightPt: number }): PageBoxDto | null {
  const step = alt ? 1 : 6;
  const dx = key === 'ArrowRight' ? step : key === 'ArrowLeft' ? -step : 0;
  const dy = key === 'ArrowDown' ? step : key === 'ArrowUp' ? -step : 0;
  if (dx === 0 && dy === 0) return null;
  if (shift) {
    const width = clamp(box.width + dx, MIN_SIDE_PT, page.widthPt - box.x);
    const height = clamp(box.height + dy, MIN_SIDE_PT, page.heightPt - box.y);
    return { ...box, width, height };
  }
  return { ...box, x: clamp(box.x + dx, 0, page.widthPt - box.width), y: clamp(box.y + dy, 0, page.heightPt - box.height) };
}

/** A new box for keyboard users: two inches by half an inch, in the middle of the page. */
export function centredBox(page: { widthPt: number; heightPt: number }): PageBoxDto {
  const width = Math.min(144, page.widthPt / 2);
  const height = Math.min(36, page.heightPt / 4);
  return { x: (page.widthPt - width) / 2, y: (page.heightPt - height) / 2, width, height };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
