import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VaultError } from '../../errors';

type FaceApi = typeof import('@vladmandic/face-api/dist/face-api.node-wasm.js');
/** face-api's `tf` is @tensorflow/tfjs with the WebAssembly backend re-exported; its own types leave the backend calls out. */
type Tf = typeof import('@tensorflow/tfjs-core') & Pick<typeof import('@tensorflow/tfjs-backend-wasm'), 'setWasmPaths'>;

/**
 * The face detector: SSD MobileNet v1 as @vladmandic/face-api ships it, on TensorFlow.js's
 * WebAssembly backend (SIMD; about 35 times the speed of the pure-JavaScript CPU backend on a
 * 2000 × 1500 photo, docs/EXHIBITS-FACES.md). Weights and the .wasm are read from the installed
 * packages, never fetched: the same paths resolve from the sources, from out/main (CLI and
 * vault worker, which keep dependencies external) and from the packaged app's node_modules.
 * Loaded once per thread on first use; TensorFlow.js is loaded only then, so nothing else pays
 * for it.
 */
export interface FaceModel {
  faceapi: FaceApi;
  detector: FaceApi['nets']['ssdMobilenetv1'];
}

// Not named `require`: the bundle's CommonJS shim declares one at the top of the chunk.
const resolveFrom = createRequire(import.meta.url);

/** Where a package's files are, by its package.json (packages without an exports map). */
function packageDir(name: string): string {
  return dirname(resolveFrom.resolve(`${name}/package.json`));
}

export function modelDir(): string {
  return join(packageDir('@vladmandic/face-api'), 'model');
}

export function wasmDir(): string {
  return join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist');
}

interface WeightsManifest {
  paths: string[];
  weights: { name: string; shape: number[]; dtype: string }[];
}

async function load(): Promise<FaceModel> {
  const loaded = await import('@vladmandic/face-api/dist/face-api.node-wasm.js');
  const faceapi = ((loaded as { default?: FaceApi }).default ?? loaded) as FaceApi;
  const tf = faceapi.tf as unknown as Tf;
  // A directory, so the backend picks its .wasm by what the engine supports; read with fs.
  tf.setWasmPaths(`${wasmDir()}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error(`the WebAssembly backend did not start (from ${wasmDir()})`);
  await tf.ready();

  const dir = modelDir();
  const manifest = JSON.parse(await readFile(join(dir, 'ssd_mobilenetv1_model-weights_manifest.json'), 'utf8')) as WeightsManifest[];
  const chunks = await Promise.all(manifest.flatMap((group) => group.paths).map((path) => readFile(join(dir, path))));
  const bytes = Buffer.concat(chunks);
  const specs = manifest.flatMap((group) => group.weights) as Parameters<typeof tf.io.decodeWeights>[1];
  const detector = faceapi.nets.ssdMobilenetv1;
  const weights = tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), specs);
  // The same tensors at run time; face-api's bundled declarations name them as another class.
  detector.loadFromWeightMap(weights as unknown as Parameters<typeof detector.loadFromWeightMap>[0]);
  return { faceapi, detector };
}

function whereModelIs(): string {
  try {
    return modelDir();
  } catch {
    return 'the @vladmandic/face-api package (not found)';
  }
}

let model: Promise<FaceModel> | null = null;

function loadedModel(): Promise<FaceModel> {
  model ??= load().catch((cause: unknown) => {
    model = null;
    throw new VaultError(
      'INTERNAL',
      `The face detector could not be loaded from ${whereModelIs()} (${cause instanceof Error ? cause.message : String(cause)}). Reinstall DoeVault: its face model ships with it.`,
      { cause },
    );
  });
  return model;
}

/**
 * Detections take turns: TensorFlow.js has one engine per thread, and a detection interleaved
 * with another's awaits (or with a dispose) could see its tensors freed. A failed turn does not
 * stop the next.
 */
let queue: Promise<unknown> = Promise.resolve();

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work, work);
  queue = result.catch(() => undefined);
  return result;
}

/** Runs `work` with the model (loaded on first use), after any detection already running. */
export function withFaceModel<T>(work: (model: FaceModel) => Promise<T>): Promise<T> {
  return inTurn(async () => work(await loadedModel()));
}

/**
 * Frees the detector's weights once running detections end; the next detection loads them
 * again. The WebAssembly memory itself stays: it cannot shrink.
 */
export function disposeFaceModel(): Promise<void> {
  return inTurn(async () => {
    const loading = model;
    model = null;
    const loaded = await loading?.catch(() => null);
    loaded?.detector.dispose();
  });
}
