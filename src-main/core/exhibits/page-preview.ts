/**
 * A picture of one exhibit page for the app's review (thumbnails and the zoomed view): a PNG
 * no wider than asked, rendered in the vault worker like every page. Nothing is read or found
 * here; the picture shows the page as it is, so it is for the attorney's screen only.
 */
import { VaultError } from '../errors';
import { loadCanvas } from './canvas';
import { openExhibit } from './exhibit-file';
import { count } from './limits';

/** The widest picture the app asks for: a page at about 150 dpi, enough for a zoomed view. */
export const MAX_PREVIEW_WIDTH = 1600;

export interface PagePreview {
  page: number;
  pageCount: number;
  png: Uint8Array;
  /** Pixels of the PNG. */
  width: number;
  height: number;
  /** The page in points: the boxes of findings and drawn regions are in these. */
  widthPt: number;
  heightPt: number;
}

export async function renderPreview(path: string, page: number, width: number): Promise<PagePreview> {
  if (!Number.isInteger(width) || width < 32 || width > MAX_PREVIEW_WIDTH) {
    throw new VaultError('VALIDATION', `A page picture is 32 to ${MAX_PREVIEW_WIDTH} pixels wide.`, { field: 'width' });
  }
  const exhibit = await openExhibit(path);
  try {
    if (!Number.isInteger(page) || page < 1 || page > exhibit.pageCount) {
      throw new VaultError('VALIDATION', `The exhibit has ${count(exhibit.pageCount)} page${exhibit.pageCount === 1 ? '' : 's'}; there is no page ${page}.`, { field: 'page' });
    }
    // Rendered at the resolution that gives `width` pixels (72 dpi at least, as the readers
    // allow), then scaled down: a small thumbnail costs a small rendering.
    const probe = await exhibit.render(page, 72);
    const dpi = Math.max(72, Math.min(300, Math.ceil((width / probe.widthPt) * 72)));
    const rendered = dpi === 72 ? probe : await exhibit.render(page, dpi);
    const scale = Math.min(1, width / rendered.image.width);
    const { createCanvas } = await loadCanvas();
    const out = createCanvas(Math.max(1, Math.round(rendered.image.width * scale)), Math.max(1, Math.round(rendered.image.height * scale)));
    const g = out.getContext('2d');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, out.width, out.height);
    g.drawImage(rendered.image as never, 0, 0, out.width, out.height);
    return {
      page,
      pageCount: exhibit.pageCount,
      png: new Uint8Array(await out.encode('png')),
      width: out.width,
      height: out.height,
      widthPt: rendered.widthPt,
      heightPt: rendered.heightPt,
    };
  } finally {
    await exhibit.close();
  }
}
