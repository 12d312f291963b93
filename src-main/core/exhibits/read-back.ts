/**
 * The adversary's reading of a written public exhibit (issue 14, item 6): its text layer, fresh
 * OCR of every rendered page and, when faces were looked for, the face detector on every page,
 * all against the vault. Whatever it finds that no decision kept is a residual hit, and the
 * caller writes nothing. The face pass reads the written pages whole, not the source's pictures:
 * a face left by a box that missed it, or drawn where the first reading did not look, is found
 * here as an adversary's detector would find it.
 */
import type { OperationControl } from '../operation';
import type { HitTarget } from '../scan/types';
import { readPages, type FaceDetector, type PageInfo } from './analyse';
import { excusedByKeep, type PageFinding, type Scanners } from './find';
import type { OcrPool } from './ocr';
import { openPdfPages } from './pdf-pages';
import type { Box, ExhibitFinding } from './types';

/** A place of the written file where the read-back still found someone. */
export interface ResidualHit {
  /** Page of the exhibit; 0: the cover. */
  page: number;
  box: Box;
  kind: ExhibitFinding['kind'];
  source: ExhibitFinding['source'];
  /** Whom it may name: pseudonyms, with their cases (pseudonyms repeat from case to case). */
  targets: HitTarget[];
}

export interface ReadBackInput {
  /** The written public PDF and its file name (for messages). */
  name: string;
  bytes: Uint8Array;
  /** The source's pages as first read: each written page is rendered back at its page's resolution. */
  pages: readonly PageInfo[];
  /** Pages before the exhibit's first (a cover). */
  coverPages: number;
  /** What the attorney decided to keep (exhibit pages): found again there, it is no residue. */
  kept: readonly Pick<PageFinding, 'page' | 'box'>[];
  scanners: Scanners;
  caseId: string;
  pool: OcrPool;
  /** The face detector, when faces were looked for in the source. */
  faces?: FaceDetector | undefined;
}

export async function readBack(input: ReadBackInput, control: OperationControl | undefined, progress: { done: number; total: number }): Promise<ResidualHit[]> {
  const output = await openPdfPages(input.name, input.bytes);
  try {
    const back = await readPages(
      { pageCount: output.pageCount, render: (n) => output.render(n, input.pages[Math.max(0, n - 1 - input.coverPages)]?.dpi) },
      { dpi: undefined, scanners: input.scanners, caseId: input.caseId, pool: input.pool, faces: input.faces },
      control,
      'Reading back the public file',
      progress,
    );
    return back.findings.flat().flatMap((finding): ResidualHit[] => {
      const page = finding.page - input.coverPages;
      if (excusedByKeep(input.kept, { ...finding, page })) return [];
      return [{ page: Math.max(0, page), box: finding.box, kind: finding.kind, source: finding.source, targets: finding.targets }];
    });
  } finally {
    await output.close();
  }
}
