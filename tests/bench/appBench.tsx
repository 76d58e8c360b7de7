/**
 * The benchmark page (served by Vite's dev server, driven by run.ts). It mounts the real <App/>, so the
 * real canvases, store and engine run, and times "kernel edit -> every canvas redrawn" one way per load:
 *
 * - `?mode=webgl` / `?mode=cpu`: Kernelscope's engine on that tfjs backend.
 * - `?mode=js`: the same page and the same store edit, but the engine is never started; instead a
 *   plain-JS loop (tests/reference/convLoop.ts, the course notes' algorithm on typed arrays) computes
 *   the layer and colourises + putImageData's every map into the App's own canvases, scheduled on the
 *   next animation frame exactly as the engine schedules its redraws.
 *
 * Every timed edit starts from an idle page, and ends after reading one pixel back from the last
 * canvas drawn, so that queued GPU work (SwiftShader) is included.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRoot } from 'react-dom/client';
import { App } from '../../src/components/App.tsx';
import { canvasKey, engine, startBackend, STAGES } from '../../src/engine/index.ts';
import { colorizeValues, countReadbacks, resetReadbackCounts } from '../../src/render/index.ts';
import { setBackendStatus, setFilterCell, setImage, store, updateSpec } from '../../src/store/index.ts';
import type { LayerSpec } from '../../src/core/index.ts';
import { referenceLayer, type HwcArray } from '../reference/convLoop.ts';
import '../../src/styles.css';
import { summarize, type BenchCase, type EngineResult, type LeakResult, type PageInfo } from './types.ts';

type Mode = 'webgl' | 'cpu' | 'js';
const mode = (new URLSearchParams(location.search).get('mode') ?? 'webgl') as Mode;

// Remember which canvas the App attached under which key (the engine keeps its map private).
const canvases = new Map<string, HTMLCanvasElement>();
const attach = engine.attachCanvas.bind(engine);
engine.attachCanvas = (key, canvas) => {
  canvases.set(key, canvas);
  attach(key, canvas);
};

const raf = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** A deterministic test image: gradients plus noise, so that every kernel sees structure. */
function makeImage(size: number): { imageData: ImageData; rgb: Uint8Array } {
  const imageData = new ImageData(size, size);
  const rgb = new Uint8Array(size * size * 3);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 24) - 128;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      const r = Math.max(0, Math.min(255, (x * 255) / size + noise() / 4));
      const g = Math.max(0, Math.min(255, (y * 255) / size + noise() / 4));
      const b = Math.max(0, Math.min(255, ((x ^ y) & 32 ? 200 : 40) + noise() / 4));
      const px = [Math.round(r), Math.round(g), Math.round(b)];
      for (let c = 0; c < 3; c++) {
        imageData.data[4 * i + c] = px[c] as number;
        rgb[3 * i + c] = px[c] as number;
      }
      imageData.data[4 * i + 3] = 255;
    }
  }
  return { imageData, rgb };
}

const KERNELS = [
  [
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ],
  [
    [-1, -2, -1],
    [0, 0, 0],
    [1, 2, 1],
  ],
  [
    [0, 1, 0],
    [1, -4, 1],
    [0, 1, 0],
  ],
  [
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ],
];

function filtersFor(c: BenchCase): LayerSpec['filters'] {
  return Array.from({ length: c.filters }, (_, f) => {
    const k = KERNELS[f % KERNELS.length] as number[][];
    const weights =
      c.channels === 'gray' ? k.map((row) => [...row]) : k.map((row) => row.map((v) => [v, v, v]));
    return { weights, bias: 0 } as LayerSpec['filters'][number];
  });
}

let rgbPixels: Uint8Array = new Uint8Array(0);
let imageSize = 0;

async function idle(): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const frames = engine.frameCount;
    await raf();
    await raf();
    if (engine.frameCount === frames && !jsPending) return;
  }
  throw new Error('the page never settled');
}

function lastCanvas(maps: number): HTMLCanvasElement {
  const key = canvasKey(STAGES[STAGES.length - 1] as (typeof STAGES)[number], maps - 1);
  const canvas = canvases.get(key);
  if (!canvas) throw new Error(`no canvas attached as ${key}; attached: ${[...canvases.keys()].join(', ')}`);
  return canvas;
}

/** Reads one pixel back: waits for every draw queued on that canvas (and the GL work it copied). */
function syncCanvas(canvas: HTMLCanvasElement): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the last canvas has no 2d context');
  ctx.getImageData(0, 0, 1, 1);
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

/** One redraw by the plain loop: the whole layer, then every canvas the App shows. */
function jsRender(): void {
  const { spec, mapDisplay } = store.getState();
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
    if (state.spec === last.spec && state.image === last.image && state.mapDisplay === last.mapDisplay)
      return;
    last = state;
    if (jsPending) return;
    jsPending = true;
    requestAnimationFrame(() => {
      jsPending = false;
      jsRender();
    });
  });
}

// ---- shared ------------------------------------------------------------------------------------------

function frameCount(): number {
  return mode === 'js' ? jsFrames : engine.frameCount;
}

/** Resolves after the next completed redraw of every canvas. */
function nextFrame(): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no redraw within 60 s')), 60_000);
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
      off = engine.onFrame(() => done());
    }
  });
}

async function prepare(c: BenchCase): Promise<void> {
  const { imageData, rgb } = makeImage(c.size);
  rgbPixels = rgb;
  imageSize = c.size;
  setImage({ source: 'file', sampleId: null, name: `bench-${c.size}`, width: c.size, height: c.size });
  const ok = updateSpec((draft) => {
    draft.channels = c.channels;
    draft.filters = filtersFor(c);
  });
  if (!ok) throw new Error(`spec refused: ${JSON.stringify(store.getState().error)}`);
  if (mode !== 'js') engine.setImage(imageData);
  // Let React attach the maps' canvases and the first redraws finish.
  for (let i = 0; i < 3; i++) await raf();
  await idle();
  lastCanvas(c.filters);
  const error = store.getState().error;
  if (error) throw new Error(`the page shows an error: ${JSON.stringify(error)}`);
}

let editValue = 0;

/** One timed edit: store action -> next full redraw -> one pixel read back. */
async function timedEdit(maps: number): Promise<number> {
  await idle();
  editValue = (editValue + 1) % 9;
  const before = frameCount();
  const frame = nextFrame();
  const t0 = performance.now();
  setFilterCell(0, 1, 1, editValue - 4 + 0.5);
  await frame;
  syncCanvas(lastCanvas(maps));
  const t1 = performance.now();
  if (frameCount() !== before + 1) throw new Error('more than one redraw for one edit');
  return t1 - t0;
}

async function run(
  c: BenchCase,
  edits: number,
  warmup: number,
): Promise<EngineResult & { tensors: [number, number] }> {
  await prepare(c);
  for (let i = 0; i < warmup; i++) await timedEdit(c.filters);
  await idle();
  const tensorsBefore = tf.memory().numTensors;
  resetReadbackCounts();
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) samples.push(await timedEdit(c.filters));
  const readbacks = countReadbacks();
  await idle();
  const error = store.getState().error;
  if (error) throw new Error(`the page shows an error: ${JSON.stringify(error)}`);
  return {
    timing: summarize(samples),
    readbacksPerEdit: readbacks / edits,
    canvases: canvases.size,
    tensors: [tensorsBefore, tf.memory().numTensors],
  };
}

/** Tensor count before and after `edits` edits, each awaited to its redraw (engine modes only). */
async function leak(c: BenchCase, edits: number): Promise<LeakResult> {
  await prepare(c);
  await idle();
  const before = tf.memory().numTensors;
  for (let i = 0; i < edits; i++) {
    const frame = nextFrame();
    editValue = (editValue + 1) % 9;
    setFilterCell(0, 1, 1, editValue - 4 + 0.25);
    await frame;
  }
  await idle();
  return { edits, before, after: tf.memory().numTensors };
}

function info(): PageInfo {
  const gl =
    document.createElement('canvas').getContext('webgl2') ??
    document.createElement('canvas').getContext('webgl');
  let renderer = 'no webgl';
  if (gl) {
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  }
  return { backend: tf.getBackend(), renderer, userAgent: navigator.userAgent };
}

async function boot(): Promise<void> {
  const backend = mode === 'js' ? 'cpu' : mode;
  const status = await startBackend(backend);
  setBackendStatus(status);
  if (tf.getBackend() !== backend) throw new Error(`asked for tfjs ${backend}, got ${tf.getBackend()}`);
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(<App />);
  if (mode === 'js') startJs();
  else engine.start();
  Object.assign(window, { __bench: { run, leak, info } });
}

boot().then(
  () => Object.assign(window, { __benchReady: 'ok' }),
  (error: unknown) => Object.assign(window, { __benchReady: `error: ${String(error)}` }),
);
