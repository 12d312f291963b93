/**
 * Pages of image exhibits: a PNG or JPEG is one page, a TIFF one page per image directory.
 * Their pixel counts are read from the headers (PNG IHDR, JPEG SOF, TIFF tags) and refused
 * above the limit BEFORE any pixel is decoded: a 100-byte file can declare a 100,000 ×
 * 100,000 image (a "bomb"). An image's page size comes from the density it declares (PNG pHYs,
 * JPEG JFIF, TIFF XResolution), else it is taken to be scanned at 300 dpi (EXHIBIT_LIMITS).
 */
import type { IFD } from 'utif2';
import { loadCanvas, loadUtif } from './canvas';
import { badExhibit, count, EXHIBIT_LIMITS } from './limits';
import type { PageCanvas, RenderedPage } from './types';

export interface ImagePages {
  pageCount: number;
  render(n: number, dpi: number | undefined): Promise<RenderedPage>;
  close(): Promise<void>;
}

const IMAGE_ADVICE = 'Open it in an image editor and save it again as PNG, JPEG or TIFF, or scan the paper again.';

function checkPixels(file: string, width: number, height: number, what: string): void {
  if (!(width > 0 && height > 0)) throw badExhibit(file, `${what} declares no size (${width} × ${height})`, IMAGE_ADVICE);
  if (width * height > EXHIBIT_LIMITS.maxImagePixels) {
    throw badExhibit(
      file,
      `${what} declares ${count(width)} × ${count(height)} pixels; DoeVault reads images of up to ${count(EXHIBIT_LIMITS.maxImagePixels)} pixels`,
      'Scan it again at 300 dpi, or reduce its size in an image editor.',
    );
  }
}

/** PNG: the IHDR chunk follows the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || !signature.every((b, i) => bytes[i] === b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** JPEG: the first start-of-frame marker's dimensions (walking the segments, not scanning bytes). */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = view.getUint16(at + 2);
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + length;
  }
  return undefined;
}

/**
 * The pixel density a file declares, when it is believable: the same across and down, and from
 * 100 to 1,200 dpi. Below that it is a screen's nominal 72 or 96 (what cameras and editors write
 * when they know nothing), not a scanner's measurement; a fax's 204 × 98 is not square. Outside
 * that, the image is taken to be a 300 dpi scan (EXHIBIT_LIMITS.imageDpi).
 */
export function believableDpi(x: number, y: number): number | undefined {
  if (!(Number.isFinite(x) && Number.isFinite(y)) || Math.abs(x - y) > 0.5) return undefined;
  return x >= 100 && x <= 1_200 ? Math.round(x) : undefined;
}

const PER_CM = 2.54;

/** PNG: the pHYs chunk (pixels per metre when its unit is 1). */
export function pngDpi(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Chunks after the signature: length, type, data, CRC. pHYs comes before the first IDAT.
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IDAT' || type === 'IEND') return undefined;
    if (type === 'pHYs' && length === 9 && at + 17 <= bytes.length) {
      if (bytes[at + 16] !== 1) return undefined;
      return believableDpi((view.getUint32(at + 8) * PER_CM) / 100, (view.getUint32(at + 12) * PER_CM) / 100);
    }
    at += 12 + length;
  }
  return undefined;
}

/** JPEG: the JFIF APP0 segment's density (units 1: per inch, 2: per centimetre). */
export function jpegDpi(bytes: Uint8Array): number | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 4 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    const length = view.getUint16(at + 2);
    if (marker === 0xda) return undefined;
    if (marker === 0xe0 && length >= 14 && at + 16 <= bytes.length && String.fromCharCode(...bytes.subarray(at + 4, at + 9)) === 'JFIF\0') {
      const units = bytes[at + 11];
      const x = view.getUint16(at + 12);
      const y = view.getUint16(at + 14);
      return units === 1 ? believableDpi(x, y) : units === 2 ? believableDpi(x * PER_CM, y * PER_CM) : undefined;
    }
    at += 2 + length;
  }
  return undefined;
}

/** TIFF: XResolution and YResolution (rationals), per inch or per centimetre (ResolutionUnit). */
function tiffDpi(ifd: Ifd): number | undefined {
  const resolution = (tag: string) => {
    const value = ifd[tag];
    const first = Array.isArray(value) ? value[0] : undefined;
    // utif2 gives a rational as [numerator, denominator] or as their quotient.
    if (Array.isArray(first) && typeof first[0] === 'number' && typeof first[1] === 'number' && first[1] !== 0) return first[0] / first[1];
    return typeof first === 'number' ? first : Number.NaN;
  };
  const unit = tagNumber(ifd, 't296') || 2;
  const factor = unit === 2 ? 1 : unit === 3 ? PER_CM : Number.NaN;
  return believableDpi(resolution('t282') * factor, resolution('t283') * factor);
}

/**
 * The page of an image: its size in points from the density it declares (else 300 dpi); by
 * default drawn at that density, so its own pixels are kept and OCR reads it at its native
 * resolution; `dpi` resamples it.
 */
function geometry(width: number, height: number, dpi: number | undefined, density: number | undefined) {
  const own = density ?? EXHIBIT_LIMITS.imageDpi;
  const target = dpi ?? own;
  return { dpi: target, scale: target / own, widthPt: (width * 72) / own, heightPt: (height * 72) / own };
}

function checkRender(file: string, n: number, width: number, height: number, dpi: number): void {
  if (width * height > EXHIBIT_LIMITS.maxRenderPixels) {
    throw badExhibit(file, `page ${n} at ${dpi} dpi would be ${count(width * height)} pixels; DoeVault renders up to ${count(EXHIBIT_LIMITS.maxRenderPixels)} a page`, 'Choose a lower --dpi.');
  }
}

/** A PNG or JPEG exhibit: one page. */
export async function openRasterImage(file: string, bytes: Uint8Array, format: 'png' | 'jpeg'): Promise<ImagePages> {
  const size = format === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) throw badExhibit(file, `the file is not a ${format.toUpperCase()} image DoeVault can read`, IMAGE_ADVICE);
  checkPixels(file, size.width, size.height, 'the image');
  const density = format === 'png' ? pngDpi(bytes) : jpegDpi(bytes);
  return {
    pageCount: 1,
    async render(_n, dpi) {
      const { createCanvas, loadImage } = await loadCanvas();
      let image;
      try {
        image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      } catch (error) {
        throw badExhibit(file, `the ${format.toUpperCase()} image is damaged`, IMAGE_ADVICE, error);
      }
      // The header may lie about what the decoder then made.
      checkPixels(file, image.width, image.height, 'the image');
      const g = geometry(image.width, image.height, dpi, density);
      const width = Math.max(1, Math.round(image.width * g.scale));
      const height = Math.max(1, Math.round(image.height * g.scale));
      checkRender(file, 1, width, height, g.dpi);
      const canvas = createCanvas(width, height);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      context.drawImage(image, 0, 0, width, height);
      return { number: 1, widthPt: g.widthPt, heightPt: g.heightPt, dpi: g.dpi, image: canvas as unknown as PageCanvas, textWords: [] };
    },
    async close() {},
  };
}

type Ifd = IFD;

/** A TIFF exhibit: one page per image (multi-page scans); sub-images (thumbnails) are not pages. */
export async function openTiff(file: string, bytes: Uint8Array): Promise<ImagePages> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const UTIF = await loadUtif();
  let ifds: Ifd[];
  try {
    ifds = UTIF.decode(buffer);
  } catch (error) {
    throw badExhibit(file, 'the TIFF image is damaged or not a TIFF', IMAGE_ADVICE, error);
  }
  if (ifds.length === 0) throw badExhibit(file, 'the TIFF holds no image', IMAGE_ADVICE);
  if (ifds.length > EXHIBIT_LIMITS.maxPages) {
    throw badExhibit(file, `the TIFF has ${count(ifds.length)} pages; DoeVault redacts exhibits of up to ${count(EXHIBIT_LIMITS.maxPages)} pages`, 'Split it into smaller files.');
  }
  ifds.forEach((ifd, i) => checkPixels(file, tagNumber(ifd, 't256'), tagNumber(ifd, 't257'), `page ${i + 1} of the TIFF`));
  return {
    pageCount: ifds.length,
    async render(n, dpi) {
      const { createCanvas, ImageData } = await loadCanvas();
      const ifd = ifds[n - 1]!;
      try {
        UTIF.decodeImage(buffer, ifd);
      } catch (error) {
        throw badExhibit(file, `page ${n} of the TIFF is damaged`, IMAGE_ADVICE, error);
      }
      const width = ifd.width;
      const height = ifd.height;
      checkPixels(file, width, height, `page ${n} of the TIFF`);
      const rgba = UTIF.toRGBA8(ifd);
      // The decoded pixels are not kept on the directory: the next page does not need them.
      (ifd as { data?: unknown }).data = undefined;
      const source = createCanvas(width, height);
      const sourceContext = source.getContext('2d');
      sourceContext.putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, width * height * 4), width, height), 0, 0);
      const g = geometry(width, height, dpi, tiffDpi(ifd));
      const w = Math.max(1, Math.round(width * g.scale));
      const h = Math.max(1, Math.round(height * g.scale));
      checkRender(file, n, w, h, g.dpi);
      const canvas = createCanvas(w, h);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, w, h);
      context.drawImage(source, 0, 0, w, h);
      return { number: n, widthPt: g.widthPt, heightPt: g.heightPt, dpi: g.dpi, image: canvas as unknown as PageCanvas, textWords: [] };
    },
    async close() {},
  };
}

function tagNumber(ifd: Ifd, tag: string): number {
  const value = ifd[tag];
  return Array.isArray(value) && typeof value[0] === 'number' ? value[0] : 0;
}
