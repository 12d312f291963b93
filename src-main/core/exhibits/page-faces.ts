/**
 * Face proposals on an exhibit page (issue 14, item 3). The detector (faces/) runs on each
 * picture the page draws (a PDF's images; the whole page for a scan, a photograph or a picture
 * of a Word file), cut from the page's own rendering and brought down to one detector window at
 * most: four passes a picture (one per orientation) instead of 28 over a whole 300 dpi page, and
 * none on a page of text without pictures. Regions come back in points, for the attorney to keep
 * or redact (every face is a question).
 */
import type { Canvas } from '@napi-rs/canvas';
import type { OperationControl } from '../operation';
import { loadCanvas } from './canvas';
import { detectFaces } from './faces';
import type { Box, ProposedRegion, RenderedPage } from './types';

/**
 * The largest side the detector takes as one window (faces/geometry `windowsOf` adds tiles from
 * TILE × 1.5 = 2,304 pixels). A whole letter page at 300 dpi is seen at about 210 dpi: a face of
 * 65 pixels at 300 dpi (a fifth of an inch) is still about the detector's 10-pixel minimum.
 */
export const FACE_WINDOW_MAX = 2303;

export async function pageFaces(page: RenderedPage, control?: OperationControl): Promise<ProposedRegion[]> {
  const scale = page.dpi / 72;
  const pictures: Box[] = page.pictures ? await page.pictures() : [{ x: 0, y: 0, width: page.widthPt, height: page.heightPt }];
  // detectFaces checks its signal between passes: the caller's cancel flag, read each time.
  const signal = { get aborted() { return control?.isCancelled?.() === true; } } as AbortSignal;
  const proposed: ProposedRegion[] = [];
  const { createCanvas } = await loadCanvas();
  for (const picture of pictures) {
    const x = Math.max(0, Math.floor(picture.x * scale));
    const y = Math.max(0, Math.floor(picture.y * scale));
    const w = Math.min(page.image.width, Math.ceil((picture.x + picture.width) * scale)) - x;
    const h = Math.min(page.image.height, Math.ceil((picture.y + picture.height) * scale)) - y;
    if (w < 2 || h < 2) continue;
    const shrink = Math.min(1, FACE_WINDOW_MAX / Math.max(w, h));
    const width = Math.max(1, Math.round(w * shrink));
    const height = Math.max(1, Math.round(h * shrink));
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.imageSmoothingQuality = 'high';
    context.drawImage(page.image as unknown as Canvas, x, y, w, h, 0, 0, width, height);
    const { data } = context.getImageData(0, 0, width, height);
    const faces = await detectFaces({ width, height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) }, { signal });
    for (const face of faces) {
      proposed.push({
        page: page.number,
        kind: 'face',
        score: face.confidence,
        box: {
          x: (x + face.x / shrink) / scale,
          y: (y + face.y / shrink) / scale,
          width: face.width / shrink / scale,
          height: face.height / shrink / scale,
        },
      });
    }
  }
  return proposed;
}
