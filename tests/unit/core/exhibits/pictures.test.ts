import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { openPdfPages } from '../../../../src-main/core/exhibits/pdf-pages';
import { pdfBytes } from '../../../fixtures/exhibits';

/**
 * Faces are looked for only where a page draws pictures (issue 14: a text page must not cost
 * 28 detector passes): the boxes come from the PDF's operator list, each image's unit square
 * under the transform it is drawn with, nested and scaled.
 */
const photo = () => {
  const c = createCanvas(300, 200);
  const g = c.getContext('2d');
  g.fillStyle = '#884422';
  g.fillRect(0, 0, 300, 200);
  return c.toBuffer('image/png');
};

async function picturesOf(build: (doc: PDFKit.PDFDocument) => void) {
  const pages = await openPdfPages('p.pdf', new Uint8Array(await pdfBytes(build)));
  try {
    const page = await pages.render(1, 72);
    return await page.pictures!();
  } finally {
    await pages.close();
  }
}

const near = (box: { x: number; y: number; width: number; height: number }) => Object.fromEntries(Object.entries(box).map(([k, v]) => [k, Math.round(v)]));

describe('where a PDF page draws pictures', () => {
  it('a page of text only: none', async () => {
    expect(await picturesOf((doc) => doc.addPage({ size: 'LETTER' }).fontSize(12).text('Gangs and Narcotics Division', 72, 72))).toEqual([]);
  });

  it('a photo placed on the page, and one scaled inside a saved and transformed state: their boxes in points from the top left', async () => {
    const boxes = await picturesOf((doc) => {
      doc.addPage({ size: 'LETTER' });
      doc.fontSize(12).text('Exhibit photo:', 72, 72);
      doc.image(photo(), 100, 150, { width: 240, height: 160 });
      doc.save().translate(300, 400).scale(0.5).image(photo(), 0, 0, { width: 300, height: 200 }).restore();
    });
    expect(boxes.map(near)).toEqual([
      { x: 100, y: 150, width: 240, height: 160 },
      { x: 300, y: 400, width: 150, height: 100 },
    ]);
  });

  it('overlapping pictures are one region; a tiny one (a bullet, a glyph) is none', async () => {
    const boxes = await picturesOf((doc) => {
      doc.addPage({ size: 'LETTER' });
      doc.image(photo(), 100, 100, { width: 200, height: 100 });
      doc.image(photo(), 250, 150, { width: 200, height: 100 });
      doc.image(photo(), 500, 700, { width: 10, height: 10 });
    });
    expect(boxes.map(near)).toEqual([{ x: 100, y: 100, width: 350, height: 150 }]);
  });
});
