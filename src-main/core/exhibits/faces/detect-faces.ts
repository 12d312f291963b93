import { VaultError } from '../../errors';
import { cancelled } from '../../operation';
import { clampToImage, mergeFaces, padFace, QUARTER_TURNS, toImage, windowsOf, type Detection } from './geometry';
import { withFaceModel } from './face-model';
import { sampleWindow, turn, type RgbaImage } from './sample-window';

/** A proposed face: pixels of the image given, padded to cover the whole head. */
export interface FaceRegion {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The detector's highest score for this face, 0..1. */
  confidence: number;
}

export interface DetectFacesOptions {
  /** Scores below this are not proposed. Missing a face costs more than one box the attorney drops. */
  minConfidence?: number;
  /** Checked between detector passes: an aborted detection throws CANCELLED. */
  signal?: AbortSignal;
}

export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** The SSD detector's input side. */
const NET = 512;

/** A page at 600 dpi on 11 × 17 paper is 6,600 × 10,200; a larger image is a mistake or a bomb. */
export const MAX_PIXELS = 80_000_000;

function checkImage(image: RgbaImage): void {
  const { width, height, data } = image;
  const fail = (problem: string) =>
    new VaultError('VALIDATION', `Face detection needs an RGBA image: ${problem}.`, { field: 'image' });
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw fail(`its width and height must be whole numbers of pixels above 0 (got ${width} × ${height})`);
  }
  if (width * height > MAX_PIXELS) {
    throw fail(`${width} × ${height} is more than ${MAX_PIXELS.toLocaleString('en-US')} pixels; render the page at a lower resolution`);
  }
  if (!(data instanceof Uint8ClampedArray) || data.length !== width * height * 4) {
    throw fail(`a ${width} × ${height} image has ${width * height * 4} bytes of RGBA, not ${data?.length ?? 'none'}`);
  }
}

/**
 * Proposes a region for each face in the image, for the attorney to keep or drop.
 *
 * The detector sees the whole image and, when it is larger than a tile, overlapping tiles (small
 * faces on a page); each window in four orientations (a photo printed sideways or a page scanned
 * upside down). Every box is padded in the orientation it was found in, mapped back, and boxes of
 * one face merge into the box around them all.
 */
export async function detectFaces(image: RgbaImage, options: DetectFacesOptions = {}): Promise<FaceRegion[]> {
  checkImage(image);
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  if (!(minConfidence >= 0 && minConfidence <= 1)) {
    throw new VaultError('VALIDATION', `minConfidence must be between 0 and 1 (got ${minConfidence}).`, { field: 'minConfidence' });
  }
  const stopIfAborted = () => {
    if (options.signal?.aborted) throw cancelled();
  };
  stopIfAborted();

  const found = await withFaceModel(async ({ faceapi, detector }) => {
    const detectorOptions = new faceapi.SsdMobilenetv1Options({ minConfidence, maxResults: 200 });
    const detections: Detection[] = [];
    for (const window of windowsOf(image.width, image.height)) {
      stopIfAborted();
      const upright = sampleWindow(image, window, NET);
      for (const turns of QUARTER_TURNS) {
        stopIfAborted();
        const input = faceapi.tf.tensor3d(turn(upright, NET, turns), [NET, NET, 3], 'int32');
        try {
          for (const detection of await detector.locateFaces(input, detectorOptions)) {
            const { x, y, width, height } = detection.box;
            const box = { x, y, width, height };
            detections.push({
              found: toImage(box, window, turns, NET),
              padded: toImage(padFace(box), window, turns, NET),
              confidence: detection.score,
            });
          }
        } finally {
          input.dispose();
        }
      }
    }
    return detections;
  });

  return mergeFaces(found).flatMap(({ confidence, ...box }) => {
    const clamped = clampToImage(box, image.width, image.height);
    return clamped ? [{ ...clamped, confidence }] : [];
  });
}
