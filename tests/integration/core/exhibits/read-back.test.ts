import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFontsDir } from '../../../../src-main/core/export/fonts-dir';
import { burnBoxes } from '../../../../src-main/core/exhibits/burn';
import { openExhibit } from '../../../../src-main/core/exhibits/exhibit-file';
import { disposeFaceModel } from '../../../../src-main/core/exhibits/faces';
import { OcrPool } from '../../../../src-main/core/exhibits/ocr';
import { pageFaces } from '../../../../src-main/core/exhibits/page-faces';
import { PublicPdfWriter } from '../../../../src-main/core/exhibits/public-pdf';
import { readBack } from '../../../../src-main/core/exhibits/read-back';
import type { ProposedRegion } from '../../../../src-main/core/exhibits/types';
import { LeakScanner } from '../../../../src-main/core/scan';
import { syntheticPeople } from '../../../fixtures/exhibits';

/**
 * The read-back runs the face detector on the written pages when faces were looked for (issue
 * 14, item 6): a face the writing left (a box that missed it, a burn that never happened) stops
 * the exhibit, as an adversary's detector would find it. The public files here are written by
 * the real writer from a standard test photo face-api ships for testing (read from
 * node_modules, never copied into the repository): once as it is, once with its faces burned.
 */
const require = createRequire(import.meta.url);
const PHOTO = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample1.jpg');
const TIMEOUT = 300_000;

describe('the read-back of a written exhibit, with faces looked for', () => {
  let dir: string;
  let pool: OcrPool;
  let proposed: ProposedRegion[];
  let unburned: Uint8Array;
  let burned: Uint8Array;
  let pages: { number: number; widthPt: number; heightPt: number; dpi: number }[];
  const person = syntheticPeople(1, 1415)[0]!;
  const scanner = LeakScanner.build([{ plaintiffId: 'p1', caseId: 'c1', pseudonym: 'Jane Doe 1', legalName: person.legalName, aliases: [], idNumbers: [] }]);
  const input = (bytes: Uint8Array, faces: boolean, kept: readonly { page: number; box: ProposedRegion['box'] }[] = []) => ({
    name: 'exhibit-public.pdf',
    bytes,
    pages,
    coverPages: 0,
    kept,
    scanners: { scanner, skeleton: scanner },
    caseId: 'c1',
    pool,
    faces: faces ? pageFaces : undefined,
  });

  /** The photo's page written as the exhibit writer writes it, with `burn` applied to its pixels first. */
  async function written(name: string, burn: (page: Awaited<ReturnType<Awaited<ReturnType<typeof openExhibit>>['render']>>) => void | Promise<void>): Promise<Uint8Array> {
    const exhibit = await openExhibit(PHOTO);
    try {
      const page = await exhibit.render(1, undefined);
      await burn(page);
      const path = join(dir, name);
      const writer = await PublicPdfWriter.create(path, defaultFontsDir(), { created: new Date(0) });
      writer.page(await page.image.encode('jpeg', 90), page.widthPt, page.heightPt, page.dpi, []);
      await writer.end();
      return new Uint8Array(await readFile(path));
    } finally {
      await exhibit.close();
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'doevault-read-back-'));
    pool = new OcrPool(1);
    const exhibit = await openExhibit(PHOTO);
    try {
      const page = await exhibit.render(1, undefined);
      proposed = await pageFaces(page);
      pages = [{ number: 1, widthPt: page.widthPt, heightPt: page.heightPt, dpi: page.dpi }];
    } finally {
      await exhibit.close();
    }
    unburned = await written('unburned.pdf', () => {});
    burned = await written('burned.pdf', (page) => burnBoxes(page.image, page.dpi, proposed.map((p) => ({ box: p.box }))));
  }, TIMEOUT);
  afterAll(async () => {
    await pool?.close();
    await disposeFaceModel();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds each face the writing left, as a residual hit with its page and box', { timeout: TIMEOUT }, async () => {
    expect(proposed.length).toBeGreaterThanOrEqual(3);
    const residual = await readBack(input(unburned, true), undefined, { done: 0, total: 1 });
    const faces = residual.filter((hit) => hit.kind === 'face');
    expect(faces.length).toBeGreaterThanOrEqual(proposed.length);
    for (const face of faces) expect(face).toMatchObject({ page: 1, source: 'face-detector', targets: [] });
    // Text extraction and OCR alone see no face: without the face pass the same file passes.
    expect(await readBack(input(unburned, false), undefined, { done: 0, total: 1 })).toEqual([]);
  });

  it('excuses the faces the attorney kept, and only those', { timeout: TIMEOUT }, async () => {
    const [kept, ...others] = [...proposed].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
    const residual = await readBack(input(unburned, true, [{ page: 1, box: kept!.box }]), undefined, { done: 0, total: 1 });
    expect(residual.length).toBeGreaterThanOrEqual(others.length);
    expect(residual.some((hit) => overlapShare(hit.box, kept!.box) > 0.5)).toBe(false);
  });

  it('passes the same page with its faces burned', { timeout: TIMEOUT }, async () => {
    expect(await readBack(input(burned, true), undefined, { done: 0, total: 1 })).toEqual([]);
  });
});

function overlapShare(a: ProposedRegion['box'], b: ProposedRegion['box']): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / (a.width * a.height);
}
