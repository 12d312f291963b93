/**
 * Widths of text in the shipped Tinos faces, one measurer for both writers. Tinos has the
 * metrics of Times New Roman (what the Word file names) and of Liberation Serif (what
 * LibreOffice substitutes), so a line measured here breaks where pdfkit, Word and LibreOffice
 * break it: the PDF writer lays out with it, and the Word writer counts single-spaced lines to
 * keep the body on the pleading grid.
 */
import { FONT_FACES, loadFonts, type FontFace } from './fonts';
import { printedText, type Measure } from './typeset-text';

/** Widths at 1000 pt of the words pdfkit lays out, per font (pure functions of the font). */
const wordWidths = new WeakMap<object, Map<string, number>>();

/**
 * Width of text as pdfkit prints it: word by word, each word with the space after it, so each
 * word is measured once per font across documents. `widthAt1000` asks pdfkit for one word;
 * `fontOf` names the loaded font the cache belongs to.
 */
export function wordMeasure(widthAt1000: (word: string, face: FontFace) => number, fontOf: (face: FontFace) => object): Measure {
  return (text, face, size) => {
    const printed = printedText(text);
    let cache = wordWidths.get(fontOf(face));
    if (!cache || cache.size > 200_000) {
      cache = new Map();
      wordWidths.set(fontOf(face), cache);
    }
    let total = 0;
    let last = 0;
    for (let index = 0; index <= printed.length; ) {
      if ((index === printed.length && last < index) || printed[index] === ' ' || printed[index] === '\t') {
        const word = printed.slice(last, ++index);
        let width = cache.get(word);
        if (width === undefined) {
          width = widthAt1000(word, face);
          cache.set(word, width);
        }
        total += width;
        last = index;
      } else {
        index++;
      }
    }
    return (total * size) / 1000;
  };
}

const measures = new Map<string, Measure>();

/** The measurer of the fonts in `fontsDir`, without a PDF being written (the Word writer's). */
export async function fontMeasure(fontsDir: string): Promise<Measure> {
  const known = measures.get(fontsDir);
  if (known) return known;
  const fonts = loadFonts(fontsDir);
  const { default: PDF } = await import('pdfkit');
  const pdf = new PDF({ autoFirstPage: false, font: null as unknown as string });
  for (const face of FONT_FACES) pdf.registerFont(face, fonts[face].data);
  const measure = wordMeasure((word, face) => pdf.font(face).fontSize(1000).widthOfString(word), (face) => fonts[face]);
  measures.set(fontsDir, measure);
  return measure;
}
