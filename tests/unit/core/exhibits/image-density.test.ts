import { createCanvas } from '@napi-rs/canvas';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { jpegDpi, openRasterImage, pngDpi } from '../../../../src-main/core/exhibits/image-pages';

/**
 * An image exhibit's page size comes from the density its file declares (issue 14): a 200 dpi
 * scan of a letter page is a letter page, not two thirds of one, and keeps its own pixels. A
 * screen's nominal 72 dpi means nothing and gives the 300 dpi default.
 */
const WIDTH = 1700;
const HEIGHT = 2200;

function canvas() {
  const c = createCanvas(WIDTH, HEIGHT);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, WIDTH, HEIGHT);
  return c;
}

/** The PNG with a pHYs chunk of `perMetre` pixels per metre both ways, after IHDR. */
function withPhys(png: Buffer, perMetre: number, unit = 1): Buffer {
  const data = Buffer.alloc(9);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data[8] = unit;
  const type = Buffer.from('pHYs', 'latin1');
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 17);
  const ihdrEnd = 8 + 25;
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

/** The JPEG with its JFIF density set (the encoder writes an APP0 JFIF segment first). */
function withJfif(jpeg: Buffer, units: number, x: number, y = x): Buffer {
  const out = Buffer.from(jpeg);
  expect(out.subarray(6, 11).toString('latin1')).toBe('JFIF\0');
  out[13] = units;
  out.writeUInt16BE(x, 14);
  out.writeUInt16BE(y, 16);
  return out;
}

describe('image exhibits: the page size from the declared density', () => {
  it('reads PNG pHYs and JPEG JFIF densities, per inch or per centimetre', () => {
    const png = canvas().toBuffer('image/png');
    expect(pngDpi(withPhys(png, 7874))).toBe(200);
    expect(pngDpi(png)).toBeUndefined();
    // Unit 0: an aspect ratio, not a density.
    expect(pngDpi(withPhys(png, 7874, 0))).toBeUndefined();
    const jpeg = canvas().toBuffer('image/jpeg');
    expect(jpegDpi(withJfif(jpeg, 1, 200))).toBe(200);
    expect(jpegDpi(withJfif(jpeg, 2, 118))).toBe(300);
    // A screen's nominal density, and a fax's non-square one: not believed.
    expect(jpegDpi(withJfif(jpeg, 1, 72))).toBeUndefined();
    expect(jpegDpi(withJfif(jpeg, 1, 204, 98))).toBeUndefined();
  });

  it('a 200 dpi scan of a letter page is a letter page, drawn at its own 200 dpi; without a density, 300 dpi', async () => {
    const declared = await openRasterImage('scan.png', new Uint8Array(withPhys(canvas().toBuffer('image/png'), 7874)), 'png');
    const page = await declared.render(1, undefined);
    expect({ widthPt: page.widthPt, heightPt: page.heightPt, dpi: page.dpi }).toEqual({ widthPt: 612, heightPt: 792, dpi: 200 });
    expect([page.image.width, page.image.height]).toEqual([WIDTH, HEIGHT]);

    const plain = await openRasterImage('scan.jpg', new Uint8Array(withJfif(canvas().toBuffer('image/jpeg'), 1, 72)), 'jpeg');
    const unknown = await plain.render(1, undefined);
    expect({ widthPt: unknown.widthPt, dpi: unknown.dpi }).toEqual({ widthPt: (WIDTH * 72) / 300, dpi: 300 });
    // --dpi resamples from the declared density.
    const resampled = await declared.render(1, 100);
    expect([resampled.image.width, resampled.widthPt]).toEqual([WIDTH / 2, 612]);
  });
});
