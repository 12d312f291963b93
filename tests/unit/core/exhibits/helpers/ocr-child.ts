/** Child of ocr-offline.test.ts: OCR of one synthetic line, words printed as JSON. Not a test. */
import { createCanvas } from '@napi-rs/canvas';
import { OcrPool } from '../../../../../src-main/core/exhibits/ocr';
import type { PageCanvas } from '../../../../../src-main/core/exhibits/types';

const canvas = createCanvas(900, 120);
const g = canvas.getContext('2d');
g.fillStyle = '#ffffff';
g.fillRect(0, 0, 900, 120);
g.fillStyle = '#000000';
g.font = '40px sans-serif';
g.fillText('Gangs and Narcotics Division', 30, 75);
const pool = new OcrPool(1);
try {
  process.stdout.write(JSON.stringify((await pool.read(canvas as unknown as PageCanvas)).map((w) => w.text)));
} finally {
  await pool.close();
}
