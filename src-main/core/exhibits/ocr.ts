/**
 * OCR of rendered pages: tesseract.js (its WebAssembly engine in worker threads, one per core)
 * with the English model of @tesseract.js-data/eng read from disk. Every path is given, so
 * nothing is ever fetched: the engine from tesseract.js-core, the worker script from
 * tesseract.js, the model from the data package; cacheMethod 'none' writes no cache file.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VaultError } from '../errors';
import type { PageCanvas, PageWord } from './types';

type Tesseract = typeof import('tesseract.js');
type Scheduler = ReturnType<Tesseract['createScheduler']>;

/** The model: the integer "best" LSTM model (3 MB), which reads degraded scans as well as the 11 MB one. */
const MODEL_FOLDER = '4.0.0_best_int';
/** More workers than cores only compete; each holds ~60 MB. */
const MAX_WORKERS = 4;

export function ocrPaths(): { langPath: string; workerPath: string } {
  const require = createRequire(import.meta.url);
  try {
    return {
      langPath: join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), MODEL_FOLDER),
      workerPath: join(dirname(require.resolve('tesseract.js/package.json')), 'src', 'worker-script', 'node', 'index.js'),
    };
  } catch (error) {
    throw new VaultError('INTERNAL', 'The OCR engine or its English model is missing from this installation. Reinstall DoeVault.', { cause: error });
  }
}

export interface OcrWord extends PageWord {
  /** 0–100. */
  confidence: number;
}

/** A pool of OCR workers, started on first use; `close` ends them. */
export class OcrPool {
  private scheduler: Promise<Scheduler> | undefined;

  constructor(readonly size = Math.max(1, Math.min(MAX_WORKERS, availableParallelism()))) {}

  private start(): Promise<Scheduler> {
    this.scheduler ??= (async () => {
      const tesseract = ((await import('tesseract.js')) as unknown as { default?: Tesseract }).default ?? ((await import('tesseract.js')) as unknown as Tesseract);
      const { langPath, workerPath } = ocrPaths();
      const scheduler = tesseract.createScheduler();
      const started = await Promise.allSettled(
        Array.from({ length: this.size }, () =>
          tesseract.createWorker('eng', tesseract.OEM.LSTM_ONLY, { langPath, workerPath, gzip: true, cacheMethod: 'none', workerBlobURL: false }),
        ),
      );
      for (const result of started) if (result.status === 'fulfilled') scheduler.addWorker(result.value);
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) {
        await scheduler.terminate();
        throw new VaultError('INTERNAL', 'The OCR engine did not start (its model could not be read). Reinstall DoeVault.', { cause: failed.reason });
      }
      return scheduler;
    })();
    return this.scheduler;
  }

  /** The words OCR reads on a page, with their boxes in the page's pixels. */
  async read(image: PageCanvas): Promise<OcrWord[]> {
    const scheduler = await this.start();
    const result = await scheduler.addJob('recognize', grayPgm(image), {}, { blocks: true, text: false });
    const words: OcrWord[] = [];
    let line = 0;
    for (const block of result.data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const ocrLine of paragraph.lines) {
          line++;
          for (const word of ocrLine.words) {
            if (word.text.trim() === '') continue;
            const { x0, y0, x1, y1 } = word.bbox;
            words.push({ text: word.text, x0, y0, x1, y1, line, source: 'ocr', confidence: word.confidence });
          }
        }
      }
    }
    return words;
  }

  async close(): Promise<void> {
    const scheduler = this.scheduler;
    this.scheduler = undefined;
    if (scheduler) await (await scheduler.catch(() => undefined))?.terminate();
  }
}

/**
 * The page as a binary PGM (8-bit grey): what tesseract reads anyway (it greys every image
 * first), handed over without compression. Encoding a 300 dpi page as PNG took longer than a
 * tenth of its OCR, and decoding it again inside the WebAssembly engine as long again.
 */
export function grayPgm(image: PageCanvas): Uint8Array {
  const { width, height } = image;
  const { data } = image.getContext('2d').getImageData(0, 0, width, height);
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  // ITU-R BT.601 luma, in integers.
  for (let i = 0, p = 0, o = header.length; i < width * height; i++, p += 4, o++) {
    out[o] = (data[p]! * 77 + data[p + 1]! * 150 + data[p + 2]! * 29) >> 8;
  }
  return out;
}
