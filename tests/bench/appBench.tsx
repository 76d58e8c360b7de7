/**
 * The page columns (`?mode=page[&backend=webgl|wasm|cpu]` and `?mode=js`): the real <App/> is mounted,
 * so the real canvases, store and engine run, and each timed edit is "kernel edit -> every canvas
 * redrawn":
 *
 * - `mode=page`: Kernelscope as the page runs it: `startBackend` as src/main.tsx calls it (no
 *   `backend` in the query: the page's own choice; with one: forced, as `?backend=` forces it), then
 *   the engine.
 * - `mode=js`: the same page and the same store edit, but the engine is never started; instead a
 *   plain-JS loop (tests/reference/convLoop.ts, the course notes' algorithm on typed arrays) computes
 *   the layer and colourises + putImageData's every map into the App's own canvases, scheduled as the
 *   engine schedules a redraw after a quiet frame (a microtask after the store edit).
 *
 * A network case (networkCase.ts) is committed as the page commits one (`commitNetwork`), and its edit
 * is a cell of layer 1's first filter; the plain-JS column then runs the whole network by plain loops
 * (`referenceNetwork`) and draws the map canvases in view (the page draws only those).
 *
 * Every timed edit starts from an idle page, and ends after reading one pixel back from every canvas
 * of the page, so that queued GPU work (SwiftShader) is included.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRoot } from 'react-dom/client';
import { App } from '../../src/components/App.tsx';
import {
  canvasKey,
  backends,
  engine,
  engineStatus,
  followWorkload,
  onFrameDrawn,
  requestedBackend,
  startBackend,
} from '../../src/engine/index.ts';

/** The stages drawn per map without an activation, as the page draws them. */
const STAGES = ['features', 'maxPool', 'avgPool'] as const;
import { colorizeValues, countReadbacks, resetReadbackCounts } from '../../src/render/index.ts';
import {
  commitNetwork,
  editedSpec,
  editLayer,
  resizeKernels,
  setBackendStatus,
  setFilterCell,
  setImage,
  store,
  updateSpec,
} from '../../src/store/index.ts';
import type { LayerSpec, Stage } from '../../src/core/index.ts';
import {
  referenceLayer,
  referenceNetwork,
  type HwcArray,
  type ReferenceOutputs,
} from '../reference/convLoop.ts';
import { networkLayers } from './networkCase.ts';
import '../../src/styles.css';
import { makeImage, measure, webglRendererString } from './pageShared.ts';
import {
  editValue,
  kernelFor,
  type BenchCase,
  type CellResult,
  type LeakResult,
  type MeasureOptions,
  type PageInfo,
} from './types.ts';

let mode: 'page' | 'js' = 'page';

// Remember which canvas the App attached under which key (the engine keeps its map private).
const canvases = new Map<string, HTMLCanvasElement>();
const attach = engine.attachCanvas.bind(engine);
engine.attachCanvas = (key, canvas) => {
  canvases.set(key, canvas);
  attach(key, canvas);
};

const raf = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function filtersFor(c: BenchCase): LayerSpec['filters'] {
  return Array.from({ length: c.filters }, (_, f) => {
    const k = kernelFor(f, c.kernel);
    const weights = c.channels === 'gray' ? k : k.map((row) => row.map((v) => [v, v, v]));
    return { weights, bias: 0 } as LayerSpec['filters'][number];
  });
}

let rgbPixels: Uint8Array = new Uint8Array(0);
let imageSize = 0;
/** The case being measured. */
let current: BenchCase | null = null;

async function idle(): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const frames = engineStatus.getState().frames;
    await raf();
    await raf();
    if (engineStatus.getState().frames === frames && !jsPending) return;
  }
  throw new Error('the page never settled');
}

/** The last map canvas of the case (its last layer's, for a network): the App shows the whole case. */
function lastCanvas(c: BenchCase): HTMLCanvasElement {
  const layers = c.layers ?? [c.filters];
  const key = canvasKey(STAGES[STAGES.length - 1] as Stage, (layers.at(-1) ?? 1) - 1, layers.length - 1);
  const canvas = canvases.get(key);
  if (!canvas) throw new Error(`no canvas attached as ${key}; attached: ${[...canvases.keys()].join(', ')}`);
  return canvas;
}

/** Reads one pixel back from every canvas: waits for every draw queued on them (and the GL work copied). */
function syncCanvases(): void {
  for (const [key, canvas] of canvases) {
    if (canvas.width === 0 || canvas.height === 0 || !canvas.isConnected) continue;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(`canvas ${key} has no 2d context`);
    ctx.getImageData(0, 0, 1, 1);
  }
}

// ---- the plain-JS path (mode=js) --------------------------------------------------------------------

let jsPending = false;
let jsFrames = 0;
const jsListeners = new Set<() => void>();

function putValues(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  fill: (data: Uint8ClampedArray) => void,
): void {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const image = new ImageData(width, height);
  fill(image.data);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.putImageData(image, 0, 0);
}

function mapValues(array: HwcArray, m: number): Float32Array {
  const [h, w, c] = array.shape;
  const out = new Float32Array(h * w);
  for (let i = 0; i < h * w; i++) out[i] = array.data[i * c + m] as number;
  return out;
}

const MAP_KEY = /^(?:layer(\d+):)?(preActivation|features|maxPool|avgPool)-(\d+)$/;
const REFERENCE_ARRAY: Record<Stage, keyof ReferenceOutputs> = {
  preActivation: 'preActivation',
  features: 'conv',
  maxPool: 'maxpool',
  avgPool: 'avgpool',
};

function inView(canvas: HTMLCanvasElement): boolean {
  const r = canvas.getBoundingClientRect();
  return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && r.width > 0;
}

/** One redraw of a network by the plain loops: every layer, then every map canvas of the App in view. */
function jsRenderNetwork(): void {
  const { mapDisplay, network } = store.getState();
  const outputs = referenceNetwork({ shape: [imageSize, imageSize, 3], data: rgbPixels }, network.layers);
  for (const [key, canvas] of canvases) {
    const match = MAP_KEY.exec(key);
    if (!match || !canvas.isConnected || !inView(canvas)) continue;
    const array = outputs[Number(match[1] ?? 0)]?.[REFERENCE_ARRAY[match[2] as Stage]];
    if (!array) continue;
    const values = mapValues(array, Number(match[3]));
    putValues(canvas, array.shape[1], array.shape[0], (data) => colorizeValues(values, mapDisplay, data));
  }
}

/** One redraw by the plain loop: the whole layer, then every canvas the App shows. */
function jsRender(): void {
  if (current?.layers) {
    jsRenderNetwork();
    jsFrames += 1;
    for (const listener of jsListeners) listener();
    return;
  }
  const { mapDisplay } = store.getState();
  const spec = editedSpec(store.getState());
  const out = referenceLayer({ shape: [imageSize, imageSize, 3], data: rgbPixels }, spec);
  const input = canvases.get('input');
  if (input) {
    const gray = spec.channels === 'gray';
    putValues(input, imageSize, imageSize, (data) => {
      for (let i = 0; i < imageSize * imageSize; i++) {
        const r = rgbPixels[3 * i] as number;
        const g = rgbPixels[3 * i + 1] as number;
        const b = rgbPixels[3 * i + 2] as number;
        if (gray) {
          const l = 0.299 * r + 0.587 * g + 0.114 * b;
          data[4 * i] = data[4 * i + 1] = data[4 * i + 2] = l;
        } else {
          data[4 * i] = r;
          data[4 * i + 1] = g;
          data[4 * i + 2] = b;
        }
        data[4 * i + 3] = 255;
      }
    });
  }
  const byStage = { features: out.conv, maxPool: out.maxpool, avgPool: out.avgpool };
  const maps = out.conv.shape[2];
  for (let m = 0; m < maps; m++) {
    for (const stage of STAGES) {
      const canvas = canvases.get(canvasKey(stage, m));
      if (!canvas) continue;
      const array = byStage[stage];
      const values = mapValues(array, m);
      putValues(canvas, array.shape[1], array.shape[0], (data) => colorizeValues(values, mapDisplay, data));
    }
  }
  jsFrames += 1;
  for (const listener of jsListeners) listener();
}

function startJs(): void {
  let last = store.getState();
  store.subscribe((state) => {
    if (state.network === last.network && state.image === last.image && state.mapDisplay === last.mapDisplay)
      return;
    last = state;
    if (jsPending) return;
    jsPending = true;
    queueMicrotask(() => {
      jsPending = false;
      jsRender();
    });
  });
}

// ---- shared ------------------------------------------------------------------------------------------

function frameCount(): number {
  return mode === 'js' ? jsFrames : engineStatus.getState().frames;
}

/** Resolves after the next completed redraw of every canvas. */
function nextFrame(): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no redraw within 300 s')), 300_000);
    const done = () => {
      clearTimeout(timer);
      off();
      resolve();
    };
    let off: () => void;
    if (mode === 'js') {
      jsListeners.add(done);
      off = () => jsListeners.delete(done);
    } else {
      off = onFrameDrawn(() => done());
    }
  });
}

async function prepare(c: BenchCase): Promise<void> {
  const { imageData, rgb } = makeImage(c.size);
  rgbPixels = rgb;
  imageSize = c.size;
  current = c;
  setImage({ source: 'file', sampleId: null, name: `bench-${c.size}`, width: c.size, height: c.size });
  const [first] = store.getState().network.layers;
  const ok = c.layers
    ? commitNetwork(networkLayers(c), 0)
    : (!first || store.getState().network.layers.length === 1 || commitNetwork([first], 0)) &&
      updateSpec((draft) => {
        draft.channels = c.channels;
        draft.filters = filtersFor(c);
      });
  if (!ok) throw new Error(`spec refused: ${JSON.stringify(store.getState().error)}`);
  if (mode !== 'js') engine.setImage(imageData);
  // Let React attach the maps' canvases and the first redraws finish.
  for (let i = 0; i < 3; i++) await raf();
  await idle();
  lastCanvas(c);
  const error = store.getState().error;
  if (error) throw new Error(`the page shows an error: ${JSON.stringify(error)}`);
}

let edits = 0;

/** One timed edit: store action -> next full redraw -> one pixel read back from every canvas. */
async function timedEdit(): Promise<number> {
  await idle();
  const before = frameCount();
  const frame = nextFrame();
  const value = editValue(edits++);
  const t0 = performance.now();
  setFilterCell(0, 1, 1, value);
  await frame;
  syncCanvases();
  const t1 = performance.now();
  if (frameCount() !== before + 1) throw new Error('more than one redraw for one edit');
  return t1 - t0;
}

async function run(c: BenchCase, o: MeasureOptions): Promise<CellResult> {
  await prepare(c);
  await idle();
  const tensorsBefore = tf.memory().numTensors;
  // Counted over warm-up and timed edits alike: 0 per edit is the webgl contract, warm or not.
  resetReadbackCounts();
  const result = await measure(() => timedEdit(), o);
  const readbacks = countReadbacks();
  await idle();
  const error = store.getState().error;
  if (error) throw new Error(`the page shows an error: ${JSON.stringify(error)}`);
  const done = result.warmupMs.length + (result.skipped ? 0 : result.timing.samples.length);
  return {
    ...result,
    readbacksPerEdit: readbacks / done,
    canvases: canvases.size,
    tensors: [tensorsBefore, tf.memory().numTensors],
  };
}

/** Shows a new image of side `size` (store and engine, as the page's loader does). */
function showImage(size: number): void {
  setImage({ source: 'file', sampleId: null, name: `bench-${size}`, width: size, height: size });
  engine.setImage(makeImage(size).imageData);
}

/** GPU memory held by tfjs's textures (webgl), or 0 on the other backends. */
function gpuBytes(): number {
  return (tf.memory() as { numBytesInGPU?: number }).numBytesInGPU ?? 0;
}

/**
 * Tensors (and webgl texture bytes) before and after `count` steps, each awaited to its redraw (engine
 * modes only). Most steps edit a kernel cell, of layer (step mod layers) in a network; every 100th shows
 * an image of another size, and every 100th (offset by 50) resizes the last layer's kernels to 5 × 5 or
 * back. "Before" is taken after one cell edit of layer 1, and the page is brought back to that state
 * (image, kernel size, a layer-1 cell edit last) before "after": between edits the page may keep, besides
 * every layer's outputs, an edited filter's maps computed alone.
 */
async function leak(c: BenchCase, count: number): Promise<LeakResult> {
  await prepare(c);
  const layers = c.layers?.length ?? 1;
  const edit = async (layer: number) => {
    editLayer(layer);
    const frame = nextFrame();
    setFilterCell(0, 1, 1, editValue(edits++) - 0.25);
    await frame;
  };
  const resize = (side: number) => {
    editLayer(layers - 1);
    resizeKernels(side, side);
  };
  await edit(0);
  await idle();
  const before = tf.memory().numTensors;
  const beforeBytes = gpuBytes();
  for (let i = 1; i <= count; i++) {
    if (i % 100 === 0) showImage(i % 200 === 0 ? c.size : Math.round(c.size * 0.75));
    else if (i % 100 === 50) resize(i % 200 === 50 ? 5 : c.kernel);
    else {
      await edit(i % layers);
      continue;
    }
    await idle();
  }
  showImage(c.size);
  resize(c.kernel);
  await idle();
  await edit(0);
  await idle();
  return { edits: count, before, after: tf.memory().numTensors, gpuBytes: [beforeBytes, gpuBytes()] };
}

export async function bootApp(which: 'page' | 'js', search: string) {
  mode = which;
  // As src/main.tsx: the link's ?backend= forces one, else the page picks (the js column needs none).
  const status = await startBackend(which === 'js' ? 'cpu' : requestedBackend(search));
  setBackendStatus(status);
  if (!status.name || tf.getBackend() !== status.name)
    throw new Error(`the page chose tfjs ${status.name ?? '?'}, but tfjs runs ${tf.getBackend()}`);
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(<App />);
  if (mode === 'js') startJs();
  else {
    engine.start();
    // As src/main.tsx: the measured choice is made again for each case's image and layer.
    followWorkload(backends);
  }

  function info(): PageInfo {
    return {
      backend: which === 'js' ? 'js' : tf.getBackend(),
      reason: store.getState().backend.reason ?? status.reason,
      detail: store.getState().backend.detail ?? status.detail,
      renderer: webglRendererString(),
      userAgent: navigator.userAgent,
    };
  }
  return { run, leak, info };
}
