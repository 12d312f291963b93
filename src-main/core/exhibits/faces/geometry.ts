/**
 * The plain geometry of face proposals: which square windows of an image the detector looks at,
 * how a box found in a (rotated, scaled) window maps back to the image, how a face box is padded
 * to cover a whole head, and how the boxes of all passes merge into one proposal per face.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A square of the image, `side` pixels, at (x, y); it may reach past the right and bottom edges. */
export interface Window {
  x: number;
  y: number;
  side: number;
}

/** Clockwise quarter turns applied to a window before the detector sees it. */
export type QuarterTurns = 0 | 1 | 2 | 3;
export const QUARTER_TURNS: readonly QuarterTurns[] = [0, 1, 2, 3];

/**
 * The detector finds faces down to about 10 pixels at its 512-pixel input. The whole image is one
 * window (large faces, which tiles would cut); when it is much larger than a tile (a page at
 * 300 dpi), overlapping tiles of TILE pixels find faces down to about TILE / 50 pixels. The
 * overlap is larger than any face the whole-image window can miss, so each face lies whole in
 * one window.
 */
export const TILE = 1536;
export const OVERLAP = 256;

/** Window origins along one axis of `length` pixels: 0, then every TILE - OVERLAP, the last flush with the end. */
function origins(length: number): number[] {
  if (length <= TILE) return [0];
  const stride = TILE - OVERLAP;
  const starts: number[] = [];
  for (let at = 0; at + TILE < length; at += stride) starts.push(at);
  starts.push(length - TILE);
  return starts;
}

export function windowsOf(width: number, height: number): Window[] {
  const whole: Window = { x: 0, y: 0, side: Math.max(width, height) };
  // Tiles only where they see faces at least half as large again as the whole image does.
  if (whole.side < TILE * 1.5) return [whole];
  const tiles = origins(height).flatMap((y) => origins(width).map((x) => ({ x, y, side: TILE })));
  return [whole, ...tiles];
}

/**
 * A point of the turned window (what the detector saw, `n` pixels square) in the unturned
 * window's coordinates. Continuous coordinates: corners map to corners.
 */
export function unturn(turns: QuarterTurns, n: number, u: number, v: number): [number, number] {
  switch (turns) {
    case 0:
      return [u, v];
    case 1:
      return [v, n - u];
    case 2:
      return [n - u, n - v];
    case 3:
      return [n - v, u];
  }
}

/**
 * A face box as the detector draws it runs from the brows to the chin and cheek to cheek. The
 * burned box must take the forehead and hairline, the ears and the chin: padded in the turned
 * window, where "up" is the top of the face, before it is mapped back.
 */
export const PAD = { side: 0.35, top: 0.6, bottom: 0.2 } as const;

export function padFace(box: Box): Box {
  const x = box.x - box.width * PAD.side;
  const y = box.y - box.height * PAD.top;
  return { x, y, width: box.width * (1 + 2 * PAD.side), height: box.height * (1 + PAD.top + PAD.bottom) };
}

/** A box found in the turned window (`n` pixels square) of `window`, in image pixels. */
export function toImage(box: Box, window: Window, turns: QuarterTurns, n: number): Box {
  const corners = [
    unturn(turns, n, box.x, box.y),
    unturn(turns, n, box.x + box.width, box.y + box.height),
  ];
  const scale = window.side / n;
  const xs = corners.map(([a]) => window.x + a * scale);
  const ys = corners.map(([, b]) => window.y + b * scale);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** The box in whole pixels, grown outward (never shrunk) and cut to the image; null if nothing is left. */
export function clampToImage(box: Box, width: number, height: number): Box | null {
  const left = Math.max(0, Math.floor(box.x));
  const top = Math.max(0, Math.floor(box.y));
  const right = Math.min(width, Math.ceil(box.x + box.width));
  const bottom = Math.min(height, Math.ceil(box.y + box.height));
  if (right <= left || bottom <= top) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function intersection(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Two detector boxes (unpadded) are one face when they overlap by a third of their union, or
 * the smaller lies mostly inside the larger (the same face seen whole and in a tile, upright
 * and turned). Padded boxes of neighbours in a group photo overlap; their faces do not.
 */
export function sameFace(a: Box, b: Box): boolean {
  const shared = intersection(a, b);
  if (shared === 0) return false;
  const areaA = a.width * a.height;
  const areaB = b.width * b.height;
  return shared / (areaA + areaB - shared) > 1 / 3 || shared / Math.min(areaA, areaB) > 0.6;
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** One detection in image pixels: the detector's box, and that box padded in the orientation it was found in. */
export interface Detection {
  found: Box;
  padded: Box;
  confidence: number;
}

/**
 * One region per face. Strongest first, each detection joins the face whose strongest box it
 * matches (`sameFace`), else starts a face. A face's region is the box around all its padded
 * boxes, with its highest confidence: a tilted head is found in two orientations, and the
 * stronger of them is not always the one whose "up" is the top of the head.
 */
export function mergeFaces(detections: readonly Detection[]): (Box & { confidence: number })[] {
  const faces: { anchor: Box; region: Box; confidence: number }[] = [];
  for (const detection of [...detections].sort((a, b) => b.confidence - a.confidence)) {
    const face = faces.find(({ anchor }) => sameFace(anchor, detection.found));
    if (face) face.region = union(face.region, detection.padded);
    else faces.push({ anchor: detection.found, region: detection.padded, confidence: detection.confidence });
  }
  return faces.map(({ region, confidence }) => ({ ...region, confidence })).sort((a, b) => a.y - b.y || a.x - b.x);
}
