/**
 * Widths of text in the shipped Tinos faces, for the Word writer's layout. Tinos has the
 * metrics of Times New Roman (what the Word file names) and of Liberation Serif (what
 * LibreOffice substitutes), so a line measured here breaks where Word and LibreOffice break it:
 * the writer counts single-spaced lines to keep the body on the pleading grid.
 */
import { FONT_FACES, loadFonts, type FontFace } from './fonts';
import type { Measure } from './typeset-text';

const measures = new Map<string, Measure>();

export async function fontMeasure(fontsDir: string): Promise<Measure> {
  const known = measures.get(fontsDir);
  if (known) return known;
  const fonts = loadFonts(fontsDir);
  // pdfkit (with fontkit) reads the fonts' metrics; no PDF is written.
  const { default: PDF } = await import('pdfkit');
  const pdf = new PDF({ autoFirstPage: false, font: null as unknown as string });
  for (const face of FONT_FACES) pdf.registerFont(face, fonts[face].data);
  const widths = new Map<string, number>();
  const wordWidth = (word: string, face: FontFace): number => {
    const key = `${face}\u0000${word}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = pdf.font(face).fontSize(1000).widthOfString(word);
      if (widths.size > 200_000) widths.clear();
      widths.set(key, width);
    }
    return width;
  };
  const measure: Measure = (text, face, size) => {
    let total = 0;
    for (const word of text.replace(/[\u00a0\u2007\u202f]/g, ' ').split(/(?<= )/)) if (word !== '') total += wordWidth(word, face);
    return (total * size) / 1000;
  };
  measures.set(fontsDir, measure);
  return measure;
}
