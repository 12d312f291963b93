/**
 * The fonts the PDF writer embeds: Tinos (a Times-metric Unicode serif, resources/fonts/) in
 * four faces. They are read from the folder the caller names, checked to be whole fonts (not
 * unicode-range subsets, which print blanks, DESIGN.md §6), and their character maps are read
 * so that text the fonts cannot print is refused instead of being typeset as empty boxes that
 * no reader, and no leak scan, could read back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VaultError } from '../errors';

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FONT_FILES: Readonly<Record<FontFace, string>> = {
  regular: 'Tinos_400Regular.ttf',
  bold: 'Tinos_700Bold.ttf',
  italic: 'Tinos_400Regular_Italic.ttf',
  boldItalic: 'Tinos_700Bold_Italic.ttf',
};

export const FONT_FACES: readonly FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];

export function faceOf(bold: boolean | undefined, italic: boolean | undefined): FontFace {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

export interface LoadedFont {
  face: FontFace;
  file: string;
  data: Buffer;
  /** Whether the font has a glyph for the code point. */
  covers(codePoint: number): boolean;
}

export type LoadedFonts = Readonly<Record<FontFace, LoadedFont>>;

/** Text every face must print: a subset font (Latin only) fails here, not in a court filing. */
const PROBE = 'Nguyễn Thị Minh Khai Łukasz Wiśniewski Zoë Ramírez-Núñez §¶“”’–—•';

const cache = new Map<string, LoadedFonts>();

/** Reads and checks the four faces in `fontsDir` (cached per folder: the fonts ship with the app). */
export function loadFonts(fontsDir: string): LoadedFonts {
  const cached = cache.get(fontsDir);
  if (cached) return cached;
  const fonts = {} as Record<FontFace, LoadedFont>;
  for (const face of FONT_FACES) {
    const file = FONT_FILES[face];
    let data: Buffer;
    try {
      data = readFileSync(join(fontsDir, file));
    } catch (error) {
      throw new VaultError(
        'INTERNAL',
        `The PDF font ${file} could not be read from the fonts folder (${fontsDir}). Reinstall DoeVault: it ships the fonts in resources/fonts.`,
        { cause: error },
      );
    }
    let codePoints: Set<number>;
    try {
      codePoints = readCmap(data);
    } catch (error) {
      throw new VaultError('INTERNAL', `The PDF font ${file} in ${fontsDir} is not a readable TrueType font.`, { cause: error });
    }
    for (const char of PROBE) {
      if (char !== ' ' && !codePoints.has(char.codePointAt(0)!)) {
        throw new VaultError(
          'INTERNAL',
          `The PDF font ${file} in ${fontsDir} is incomplete (a subset without accented Latin letters). Use the whole Tinos font.`,
        );
      }
    }
    fonts[face] = { face, file, data, covers: (codePoint) => codePoints.has(codePoint) };
  }
  cache.set(fontsDir, fonts);
  return fonts;
}

/**
 * The code points of a TrueType/OpenType font's Unicode character map (subtable format 4 or
 * 12), read directly from its `cmap` table.
 */
export function readCmap(data: Buffer): Set<number> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const numTables = view.getUint16(4);
  let cmapOffset = -1;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(data[record]!, data[record + 1]!, data[record + 2]!, data[record + 3]!);
    if (tag === 'cmap') cmapOffset = view.getUint32(record + 8);
  }
  if (cmapOffset < 0) throw new Error('no cmap table');
  const subtables = view.getUint16(cmapOffset + 2);
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < subtables; i++) {
    const record = cmapOffset + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmapOffset + view.getUint32(record + 4);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || (format === 12 && best.format === 4)) best = { offset, format };
  }
  if (!best) throw new Error('no Unicode cmap subtable');
  const codePoints = new Set<number>();
  const { offset } = best;
  if (best.format === 12) {
    const groups = view.getUint32(offset + 12);
    for (let g = 0; g < groups; g++) {
      const start = view.getUint32(offset + 16 + g * 12);
      const end = view.getUint32(offset + 20 + g * 12);
      const glyph = view.getUint32(offset + 24 + g * 12);
      for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) codePoints.add(c);
    }
    return codePoints;
  }
  const segCount = view.getUint16(offset + 6) / 2;
  const endCodes = offset + 14;
  const startCodes = endCodes + segCount * 2 + 2;
  const idDeltas = startCodes + segCount * 2;
  const idRangeOffsets = idDeltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const end = view.getUint16(endCodes + s * 2);
    const start = view.getUint16(startCodes + s * 2);
    const delta = view.getInt16(idDeltas + s * 2);
    const rangeOffset = view.getUint16(idRangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (c + delta) & 0xffff;
      } else {
        glyph = view.getUint16(idRangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) codePoints.add(c);
    }
  }
  return codePoints;
}
