import { loadImage, createCanvas } from '@napi-rs/canvas';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFaces, disposeFaceModel } from '../../../src-main/core/exhibits/faces';
import { overlap } from '../../../src-main/core/exhibits/find';
import { syntheticPeople } from '../../fixtures/exhibits';
import { addCase, addPlaintiff, type CliVault, initVault, okJson, runCli, sandbox, type Sandbox } from './helpers';

/**
 * Issue 14, "Done when" 3, through the built CLI: a standard test photo face-api ships for
 * testing (read from node_modules, never copied into the repository) as an exhibit. Its faces
 * are proposed as questions; answered "redact", each comes out as a solid region (pdftoppm of
 * the public page) where the detector finds no face any more; answered "keep", it stays.
 */
const require = createRequire(import.meta.url);
const PHOTO = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample1.jpg');
/** Faces of sample1.jpg, counted by hand (tests/unit/core/exhibits/faces). */
const FACES = 3;
const SLOW = { timeoutMs: 300_000 };
const TEST_TIMEOUT = 600_000;
/** Resolution the test reads the public page back at. */
const READ_DPI = 150;

interface Finding {
  id: string;
  page: number;
  kind: string;
  box: { x: number; y: number; width: number; height: number };
  action: { kind: string; why?: string };
}

async function renderPage(pdf: string, dir: string) {
  execFileSync('pdftoppm', ['-r', String(READ_DPI), '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'page')]);
  const image = await loadImage(readFileSync(join(dir, 'page.png')));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
}

const toPixels = (box: Finding['box']) => {
  const s = READ_DPI / 72;
  return { x: box.x * s, y: box.y * s, width: box.width * s, height: box.height * s };
};

describe('exhibit faces through the CLI', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Metropolis');
    await addPlaintiff(vault, caseId, '--name', syntheticPeople(1, 1415)[0]!.legalName);
  }, TEST_TIMEOUT);
  afterAll(async () => {
    box.cleanup();
    await disposeFaceModel();
  });

  it('proposes each face as a question; redacted, each is a solid region with no face left; kept, the face stays', { timeout: TEST_TIMEOUT }, async () => {
    // Without --faces a photograph has nothing to find.
    const plain = await runCli([...vault.auth, 'exhibit', 'scan', '--case', caseId, PHOTO, '--json'], SLOW);
    expect(plain.code, plain.stderr).toBe(0);

    const scan = await runCli([...vault.auth, 'exhibit', 'scan', '--case', caseId, PHOTO, '--faces', '--json'], SLOW);
    expect(scan.code, scan.stderr).toBe(3);
    const faces = (JSON.parse(scan.stdout) as { findings: Finding[] }).findings;
    expect(faces.length).toBeGreaterThanOrEqual(FACES);
    for (const face of faces) expect(face).toMatchObject({ kind: 'face', page: 1, action: { kind: 'ask', why: 'face' } });

    // Questions open: nothing is written.
    const out = box.path('out');
    const asked = await runCli([...vault.auth, 'exhibit', 'redact', '--case', caseId, PHOTO, '--out', out, '--faces', '--json'], SLOW);
    expect(asked.code, asked.stderr).toBe(3);
    expect((JSON.parse(asked.stdout) as { questions: Finding[] }).questions.map((q) => q.id).sort()).toEqual(faces.map((f) => f.id).sort());

    // The largest face is kept; every other proposal is redacted.
    const [kept, ...redacted] = [...faces].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
    const decisions = box.path('decisions.txt');
    writeFileSync(decisions, [`${kept!.id} keep`, ...redacted.map((f) => `${f.id} redact`)].join('\n'));
    const report = await okJson<{ status: string; redactions: number; kept: number }>(
      [...vault.auth, 'exhibit', 'redact', '--case', caseId, PHOTO, '--out', out, '--faces', '--decisions', decisions, '--json'],
      SLOW,
    );
    expect(report).toMatchObject({ status: 'written', redactions: redacted.length, kept: 1 });
    // The read-back ran the face detector on the written page too (read-back.ts), and says so.
    const manifest = JSON.parse(readFileSync(`${out}/sample1-manifest.json`, 'utf8')) as { verification: { faces: boolean } };
    expect(manifest.verification.faces).toBe(true);

    const page = await renderPage(`${out}/sample1-public.pdf`, box.dir);
    for (const face of redacted) {
      const r = toPixels(face.box);
      // Inset by two pixels: the edge of a box blends with its neighbours in the JPEG.
      let dark = 0;
      let total = 0;
      let colour = 0;
      for (let y = Math.ceil(r.y) + 2; y < Math.floor(r.y + r.height) - 2; y++) {
        for (let x = Math.ceil(r.x) + 2; x < Math.floor(r.x + r.width) - 2; x++) {
          const at = (y * page.width + x) * 4;
          const [red, green, blue] = [page.data[at]!, page.data[at + 1]!, page.data[at + 2]!];
          colour = Math.max(colour, Math.max(red, green, blue) - Math.min(red, green, blue));
          if (red + green + blue < 3 * 48) dark++;
          total++;
        }
      }
      // Black, but for the reference printed in white: nothing of the photo's colours.
      expect(total).toBeGreaterThan(100);
      expect(dark / total).toBeGreaterThan(0.75);
      expect(colour).toBeLessThan(48);
    }
    const after = await detectFaces(page);
    for (const face of redacted) expect(after.filter((found) => overlap(found, toPixels(face.box)) > 0.3)).toEqual([]);
    expect(after.some((found) => overlap(found, toPixels(kept!.box)) > 0.3)).toBe(true);
  });
});
