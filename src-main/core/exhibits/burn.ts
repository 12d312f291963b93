/**
 * Burning boxes into a page's pixels: a solid black fill over each box, and its reference
 * ("[REDACTED-3]") in white inside when it fits. The pixels under the box are overwritten in
 * the canvas itself, so the image written is the only trace of the page, and it has none of
 * what was under the box.
 */
import { registerPageFont } from './page-font';
import type { Box, PageCanvas } from './types';

export interface Burn {
  box: Box;
  /** Printed inside the box when it fits; undefined: a plain fill. */
  label?: string | undefined;
}

/** Burns `burns` (boxes in points) into `image`, drawn at `dpi`. */
export async function burnBoxes(image: PageCanvas, dpi: number, burns: readonly Burn[]): Promise<void> {
  const font = await registerPageFont();
  const context = image.getContext('2d');
  const scale = dpi / 72;
  for (const { box, label } of burns) {
    const x = Math.max(0, Math.floor(box.x * scale));
    const y = Math.max(0, Math.floor(box.y * scale));
    const w = Math.min(image.width, Math.ceil((box.x + box.width) * scale)) - x;
    const h = Math.min(image.height, Math.ceil((box.y + box.height) * scale)) - y;
    if (w <= 0 || h <= 0) continue;
    context.fillStyle = '#000000';
    context.fillRect(x, y, w, h);
    if (!label) continue;
    let size = Math.floor(h * 0.6);
    context.font = `${size}px "${font}"`;
    const width = context.measureText(label).width;
    if (width > w * 0.95) size = Math.floor((size * w * 0.95) / width);
    // Below 6 points a label cannot be read on paper: the box stays a plain fill.
    if (size < 6 * scale * 0.5) continue;
    context.font = `${size}px "${font}"`;
    context.fillStyle = '#ffffff';
    context.textBaseline = 'middle';
    context.fillText(label, x + (w - context.measureText(label).width) / 2, y + h / 2);
  }
}
