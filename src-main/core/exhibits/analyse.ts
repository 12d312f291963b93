/**
 * Reading an exhibit page by page: each page rendered, read by OCR (a pool of workers, as many
 * pages at a time as there are workers), and its findings made (find.ts). Only the findings
 * are kept: a page's pixels are dropped as soon as it is read (after `onPage`, which the
 * redaction uses to burn and write them), so memory does not grow with the page count. The same
 * reading verifies the written file (read-back.ts).
 */
import { createHmac } from 'node:crypto';
import { throwIfCancelled, type OperationControl } from '../operation';
import { fold } from '../text/normalize';
import { findOnPage, type PageFinding, type Scanners } from './find';
import type { OcrPool } from './ocr';
import type { ExhibitFinding, ProposedRegion, RenderedPage } from './types';

export interface PageInfo {
  number: number;
  widthPt: number;
  heightPt: number;
  dpi: number;
}

/** Proposes faces on a rendered page (page-faces.ts); boxes in points. */
export type FaceDetector = (page: RenderedPage, control?: OperationControl) => Promise<ProposedRegion[]>;

export interface Reader {
  pageCount: number;
  render(n: number, dpi: number | undefined): Promise<RenderedPage>;
}

export interface Reading {
  pages: PageInfo[];
  /** Per page (index n - 1), in reading order. */
  findings: PageFinding[][];
}

/** Runs `work` for pages 1..count, at most `concurrency` at a time. */
async function eachPage(count: number, concurrency: number, work: (n: number) => Promise<void>): Promise<void> {
  let next = 1;
  const lane = async () => {
    while (next <= count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}

export async function readPages(
  reader: Reader,
  options: {
    dpi: number | undefined;
    scanners: Scanners;
    caseId: string;
    pool: OcrPool;
    faces?: FaceDetector | undefined;
    /** Given each page while its pixels are still held (the redaction burns and writes them: one rendering a page). */
    onPage?: ((page: RenderedPage, found: PageFinding[]) => Promise<void>) | undefined;
  },
  control: OperationControl | undefined,
  step: string,
  progress: { done: number; total: number },
): Promise<Reading> {
  const pages: PageInfo[] = new Array<PageInfo>(reader.pageCount);
  const findings: PageFinding[][] = new Array<PageFinding[]>(reader.pageCount);
  await eachPage(reader.pageCount, options.pool.size, async (n) => {
    throwIfCancelled(control);
    const page = await reader.render(n, options.dpi);
    const ocr = await options.pool.read(page.image);
    const found = findOnPage(n, { textLayer: page.textWords, ocr }, options.scanners, options.caseId, page.dpi / 72);
    if (options.faces) found.push(...(await options.faces(page, control)).map(faceFinding));
    findings[n - 1] = found;
    pages[n - 1] = { number: n, widthPt: page.widthPt, heightPt: page.heightPt, dpi: page.dpi };
    control?.onProgress?.(++progress.done, progress.total, step);
    if (options.onPage) await options.onPage(page, found);
  });
  return { pages, findings };
}

function faceFinding(region: ProposedRegion): PageFinding {
  return {
    page: region.page,
    box: region.box,
    kind: 'face',
    confidence: region.score >= 0.9 ? 'high' : 'low',
    source: 'face-detector',
    text: '',
    targets: [],
    action: { kind: 'ask', why: 'face' },
    ocrConfidence: 100,
  };
}

/**
 * Stable ids: the same file read again for the same case gives each finding the same id (a
 * `--decisions` file made from one scan answers the next), and an id reveals nothing of the
 * text: it is a MAC under the case's key of the page, kind, folded text and the finding's
 * place among the page's findings of that text.
 */
export function withIds(findings: readonly PageFinding[][], caseKey: Uint8Array): ExhibitFinding[] {
  const out: ExhibitFinding[] = [];
  for (const page of findings) {
    const seen = new Map<string, number>();
    for (const finding of page) {
      const key =
        finding.kind === 'face'
          ? `face|${Math.round(finding.box.x / 8)}|${Math.round(finding.box.y / 8)}`
          : `${finding.kind}|${fold(finding.text).replace(/[^\p{L}\p{N}]+/gu, '')}`;
      const ordinal = seen.get(key) ?? 0;
      seen.set(key, ordinal + 1);
      const id = `x${createHmac('sha256', caseKey).update(`exhibit-finding|${finding.page}|${key}|${ordinal}`).digest('hex').slice(0, 12)}`;
      out.push({ id, ...finding });
    }
  }
  return out;
}
