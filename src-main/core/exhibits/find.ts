/**
 * Finding (issue 14, item 2): the leak scanner over each reading of a page (the text layer,
 * OCR, both as spaced lines and as run-together pairs, and OCR's skeleton against the names'
 * skeletons), each hit mapped to the union box of the words it covers, padded, and findings
 * over the same place merged into one. The question rules are the drafts' (classify): a surname
 * alone, a common word, initials, someone of another case are asked; a name that can only be
 * one plaintiff of this case, a contact detail, an ID number are redacted.
 */
import { classify, clearable } from '../filings/resolution';
import type { LeakScanner } from '../scan';
import type { HitTarget, LeakHit } from '../scan/types';
import { skeletonOf } from './ocr-skeleton';
import { linesOf, pairsText, spacedText, wordsOf, type MappedText } from './page-text';
import type { Box, ExhibitFinding, PageWord } from './types';

export interface Scanners {
  /** Every identity of the vault. */
  scanner: LeakScanner;
  /** The same identities' names as OCR skeletons (ocr-skeleton.ts). */
  skeleton: LeakScanner;
}

/** A finding before its id (which needs the whole page's findings and the case key). */
export type PageFinding = Omit<ExhibitFinding, 'id'>;

/** Words with OCR's confidence; text-layer words count as certain. */
type Word = PageWord & { confidence?: number };

/**
 * Everything on one page that names (or may name) someone. `scale` is the page's pixels per
 * point; boxes come out in points.
 */
export function findOnPage(page: number, words: { textLayer: readonly Word[]; ocr: readonly Word[] }, scanners: Scanners, caseId: string, scale: number): PageFinding[] {
  const found: PageFinding[] = [];
  const read = (list: readonly Word[], ocr: boolean) => {
    if (list.length === 0) return;
    const lines = linesOf(list);
    const spaced = spacedText(list, lines);
    const pairs = pairsText(list, lines);
    const readings: [MappedText, LeakScanner][] = [
      [spaced, scanners.scanner],
      [pairs, scanners.scanner],
    ];
    // The text layer holds what was typed: OCR's confusions are not in it.
    if (ocr) readings.push([skeletonOf(spaced), scanners.skeleton], [skeletonOf(pairs), scanners.skeleton]);
    for (const [mapped, scanner] of readings) {
      for (const hit of scanner.scan(mapped.text)) {
        const covered = wordsOf(mapped, hit.start, hit.end);
        if (covered.length === 0) continue;
        // A name wrapped onto the next line is one hit but two places: a box per line, never
        // one box over the lines between.
        const byLine = new Map<number, Word[]>();
        for (const i of covered) byLine.set(list[i]!.line, [...(byLine.get(list[i]!.line) ?? []), list[i]!]);
        for (const lineWords of byLine.values()) found.push(toFinding(page, hit, lineWords, caseId, scale));
      }
    }
  };
  read(words.textLayer, false);
  read(words.ocr, true);
  return merge(found);
}

function toFinding(page: number, hit: LeakHit, words: readonly Word[], caseId: string, scale: number): PageFinding {
  const { action } = classify(hit, caseId);
  const height = Math.max(...words.map((w) => w.y1 - w.y0));
  const pad = Math.max(2, height * 0.2);
  const x0 = Math.min(...words.map((w) => w.x0)) - pad;
  const y0 = Math.min(...words.map((w) => w.y0)) - pad;
  const x1 = Math.max(...words.map((w) => w.x1)) + pad;
  const y1 = Math.max(...words.map((w) => w.y1)) + pad;
  const confidences = words.map((w) => w.confidence ?? 100);
  return {
    page,
    box: { x: Math.max(0, x0) / scale, y: Math.max(0, y0) / scale, width: (x1 - Math.max(0, x0)) / scale, height: (y1 - Math.max(0, y0)) / scale },
    kind: hit.kind,
    confidence: hit.confidence,
    source: words[0]!.source,
    text: words.map((w) => w.text).join(' '),
    targets: hit.targets,
    action: action.kind === 'ask' ? { kind: 'ask', why: action.why } : { kind: 'redact' },
    ocrConfidence: Math.round(confidences.reduce((a, b) => a + b, 0) / confidences.length),
  };
}

/** The share of the smaller box that the two boxes share. */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.min(a.width * a.height, b.width * b.height);
}

export function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/**
 * One finding per place: findings whose boxes mostly overlap (the text layer and OCR reading
 * one name, a full name and its surname) become one with the union box, the stronger kind and
 * action (redacted when either is), and every target of both.
 */
function merge(findings: PageFinding[]): PageFinding[] {
  const out: PageFinding[] = [];
  const strength = (f: PageFinding) => (f.action.kind === 'redact' ? 2 : 0) + (f.confidence === 'high' ? 1 : 0);
  for (const finding of findings) {
    const same = out.findIndex((other) => overlap(other.box, finding.box) > 0.5);
    if (same < 0) {
      out.push(finding);
      continue;
    }
    const other = out[same]!;
    const strong = strength(finding) > strength(other) ? finding : other;
    out[same] = {
      ...strong,
      box: union(other.box, finding.box),
      source: other.source === finding.source ? other.source : 'ocr',
      targets: mergeTargets(other.targets, finding.targets),
      ocrConfidence: Math.max(other.ocrConfidence, finding.ocrConfidence),
    };
  }
  return out.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}

function mergeTargets(a: readonly HitTarget[], b: readonly HitTarget[]): HitTarget[] {
  const seen = new Set(a.map((t) => t.plaintiffId));
  return [...a, ...b.filter((t) => !seen.has(t.plaintiffId))];
}

/**
 * Whether the attorney may keep a finding in a public exhibit: a face, or what may honestly
 * name someone else (clearable: a given name or surname alone, initials, a date, a common word).
 * A full name, contact detail or ID number never.
 */
export function keepable(finding: Pick<PageFinding, 'kind' | 'confidence' | 'action'>): boolean {
  if (finding.kind === 'face') return true;
  const reasons = finding.action.kind === 'ask' && finding.action.why === 'common-word' ? ['common-word' as const] : [];
  return clearable({ kind: finding.kind, confidence: finding.confidence, reasons });
}

/**
 * Whether what the read-back found is what the attorney kept: on the same page, mostly (half of
 * its own box) inside a kept box, and itself keepable. A kept surname therefore never excuses a
 * full name read over it: OCR of the written page may read more of the line than the analysis
 * did ("Quentin Marlowe" where it first read only "Marlowe"), and a full name stops the file.
 */
export function excusedByKeep(kept: readonly Pick<PageFinding, 'page' | 'box'>[], found: Pick<PageFinding, 'page' | 'box' | 'kind' | 'confidence' | 'action'>): boolean {
  if (!keepable(found)) return false;
  return kept.some((k) => k.page === found.page && covered(found.box, k.box) > 0.5);
}

/** The share of `a` that `b` covers. */
function covered(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0 || a.width <= 0 || a.height <= 0) return 0;
  return (w * h) / (a.width * a.height);
}
