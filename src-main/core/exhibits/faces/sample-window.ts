import type { QuarterTurns, Window } from './geometry';

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, row by row, 4 bytes a pixel. */
  data: Uint8ClampedArray;
}

/**
 * The detector's input for one window: `n` × `n` RGB, the window averaged down (or repeated up)
 * to that size. Averaging, not picking one pixel
 * in each cell, keeps a small face on a big page from dissolving into aliasing. What lies past
 * the image's edge is black, as the detector pads its own input.
 */
export function sampleWindow(image: RgbaImage, window: Window, n: number): Int32Array {
  const scale = window.side / n;
  const spans = (origin: number, limit: number) =>
    Array.from({ length: n }, (_, cell) => {
      const from = Math.floor(origin + cell * scale);
      const to = Math.max(from + 1, Math.floor(origin + (cell + 1) * scale));
      return [Math.min(from, limit), Math.min(to, limit)] as const;
    });
  const columns = spans(window.x, image.width);
  const rows = spans(window.y, image.height);
  const out = new Int32Array(n * n * 3);
  const { data, width } = image;
  for (let v = 0; v < n; v++) {
    const [top, bottom] = rows[v]!;
    for (let u = 0; u < n; u++) {
      const [left, right] = columns[u]!;
      const count = (bottom - top) * (right - left);
      if (count === 0) continue;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = top; y < bottom; y++) {
        let at = (y * width + left) * 4;
        for (let x = left; x < right; x++, at += 4) {
          r += data[at]!;
          g += data[at + 1]!;
          b += data[at + 2]!;
        }
      }
      const o = (v * n + u) * 3;
      out[o] = Math.round(r / count);
      out[o + 1] = Math.round(g / count);
      out[o + 2] = Math.round(b / count);
    }
  }
  return out;
}

/** The `n` × `n` RGB pixels turned clockwise by `turns` quarter turns (the inverse of geometry's `unturn`). */
export function turn(pixels: Int32Array, n: number, turns: QuarterTurns): Int32Array {
  if (turns === 0) return pixels;
  const out = new Int32Array(pixels.length);
  for (let v = 0; v < n; v++) {
    for (let u = 0; u < n; u++) {
      // The pixel at (u, v) of the turned window shows the unturned window's pixel (a, b).
      const [a, b] = turns === 1 ? [v, n - 1 - u] : turns === 2 ? [n - 1 - u, n - 1 - v] : [n - 1 - v, u];
      const from = (b * n + a) * 3;
      const to = (v * n + u) * 3;
      out[to] = pixels[from]!;
      out[to + 1] = pixels[from + 1]!;
      out[to + 2] = pixels[from + 2]!;
    }
  }
  return out;
}
