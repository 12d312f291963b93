/**
 * The exhibits' image libraries, loaded on first use: @napi-rs/canvas (Skia) and utif2 hold some
 * 40 MB once loaded, for as long as the process lives, and most work with a vault never touches
 * an exhibit. Modules here import them as types only; code awaits these.
 */
export type CanvasModule = typeof import('@napi-rs/canvas');
export type Utif = typeof import('utif2');

let canvas: Promise<CanvasModule> | undefined;
let utif: Promise<Utif> | undefined;

export function loadCanvas(): Promise<CanvasModule> {
  canvas ??= import('@napi-rs/canvas');
  return canvas;
}

export function loadUtif(): Promise<Utif> {
  // CommonJS: its functions are on the default export (the named ones are only in the typings).
  utif ??= import('utif2').then((module) => (module as unknown as { default: Utif }).default);
  return utif;
}
