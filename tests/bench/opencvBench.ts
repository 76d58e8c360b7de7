/**
 * The OpenCV.js column (`?mode=opencv`): what people reach for otherwise. `@techstark/opencv-js` ships
 * docs.opencv.org's single-file opencv.js (the wasm is inlined as base64), so nothing is fetched from a
 * CDN: the runner serves the file from node_modules at OPENCV_URL and the page loads it as a classic
 * script (no bundling of 10 MB of UMD).
 *
 * Per edit, on Mats allocated once per case (as an OpenCV user would):
 * - gray: `cvtColor(RGB2GRAY)` of the float RGB image (BT.601, the contract's luma), then per filter
 *   `filter2D(CV_32F, kernel, anchor centre, delta = bias, BORDER_CONSTANT)` — cross-correlation with
 *   zero padding, which is TF's SAME for odd kernels;
 * - rgb: `split` once, then per filter 3 `filter2D` (one per channel slice) summed with `add`;
 * - per map: 2×2/2 max pool as `dilate` (2×2, anchor 0,0) + `resize(INTER_NEAREST)` to half size, and
 *   2×2/2 average pool as `resize(INTER_AREA)` to half size (exact for even sizes, which all cases are).
 * Filter 0's kernel Mat is rebuilt from the edited values each edit. No drawing, no readback (the
 * results are already in wasm memory). OpenCV's rounding and border handling are its own: the maps are
 * the same maths, not checked bit for bit against the page here.
 */
import { defaultSpec, type LayerSpec } from '../../src/core/index.ts';
import { referenceLayer, type HwcArray } from '../reference/convLoop.ts';
import { makeImage, measure } from './pageShared.ts';
import {
  editValue,
  kernelFor,
  type BenchCase,
  type CellResult,
  type MeasureOptions,
  type PageInfo,
} from './types.ts';

export const OPENCV_URL = '/__bench/opencv.js';

/** The few OpenCV.js calls used here (the package's own typings are large and not needed). */
interface Mat {
  delete(): void;
  data32F: Float32Array;
  convertTo(dst: Mat, type: number): void;
}
interface MatVector {
  get(i: number): Mat;
  delete(): void;
}
interface Cv {
  Mat: (new () => Mat) & { ones(rows: number, cols: number, type: number): Mat };
  MatVector: new () => MatVector;
  Point: new (x: number, y: number) => unknown;
  Size: new (w: number, h: number) => unknown;
  CV_32F: number;
  CV_8U: number;
  COLOR_RGBA2RGB: number;
  COLOR_RGB2GRAY: number;
  BORDER_CONSTANT: number;
  INTER_NEAREST: number;
  INTER_AREA: number;
  matFromImageData(imageData: ImageData): Mat;
  matFromArray(rows: number, cols: number, type: number, values: number[]): Mat;
  cvtColor(src: Mat, dst: Mat, code: number): void;
  split(src: Mat, dst: MatVector): void;
  add(a: Mat, b: Mat, dst: Mat): void;
  filter2D(
    src: Mat,
    dst: Mat,
    ddepth: number,
    kernel: Mat,
    anchor: unknown,
    delta: number,
    borderType: number,
  ): void;
  dilate(src: Mat, dst: Mat, kernel: Mat, anchor: unknown, iterations: number): void;
  resize(src: Mat, dst: Mat, size: unknown, fx: number, fy: number, interpolation: number): void;
  getBuildInformation(): string;
}

/**
 * Loads opencv.js and waits for its runtime. Resolves with `{ cv }`, never with `cv` itself: the
 * Emscripten module is a thenable that resolves to itself, so an async function returning it never settles.
 */
async function loadOpenCv(): Promise<{ cv: Cv }> {
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = OPENCV_URL;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${OPENCV_URL}`));
    document.head.append(script);
  });
  const module = (window as unknown as { cv?: unknown }).cv;
  if (!module) throw new Error('opencv.js loaded but set no window.cv');
  if (module instanceof Promise) return { cv: (await module) as Cv };
  const cv = module as Cv & { onRuntimeInitialized?: () => void };
  if (typeof cv.Mat !== 'function') {
    await new Promise<void>((resolve) => {
      cv.onRuntimeInitialized = () => resolve();
    });
  }
  return { cv };
}

/** The layer on OpenCV Mats allocated once per image and case; `compute` runs it for given kernels. */
function openCvLayer(cv: Cv, imageData: ImageData, c: BenchCase) {
  const owned: { delete(): void }[] = [];
  const own = <T extends { delete(): void }>(m: T): T => {
    owned.push(m);
    return m;
  };
  const rgba = own(cv.matFromImageData(imageData));
  const rgb8 = own(new cv.Mat());
  cv.cvtColor(rgba, rgb8, cv.COLOR_RGBA2RGB);
  const rgb = own(new cv.Mat());
  rgb8.convertTo(rgb, cv.CV_32F);
  const gray = own(new cv.Mat());
  const planes = own(new cv.MatVector());
  const maps = Array.from({ length: c.filters }, () => own(new cv.Mat()));
  const tmp = own(new cv.Mat());
  const dilated = own(new cv.Mat());
  const maxPools = maps.map(() => own(new cv.Mat()));
  const avgPools = maps.map(() => own(new cv.Mat()));
  const box = own(cv.Mat.ones(2, 2, cv.CV_8U));
  const centre = new cv.Point(-1, -1);
  const corner = new cv.Point(0, 0);
  const half = new cv.Size(imageData.width / 2, imageData.height / 2);

  /** The whole layer for these kernels (one Mat each, CV_32F). */
  function compute(kernels: readonly Mat[]): void {
    if (c.channels === 'gray') {
      cv.cvtColor(rgb, gray, cv.COLOR_RGB2GRAY);
      kernels.forEach((k, f) =>
        cv.filter2D(gray, maps[f] as Mat, cv.CV_32F, k, centre, 0, cv.BORDER_CONSTANT),
      );
    } else {
      cv.split(rgb, planes);
      const channels = [0, 1, 2].map((ch) => planes.get(ch));
      kernels.forEach((k, f) => {
        const out = maps[f] as Mat;
        channels.forEach((plane, ch) => {
          cv.filter2D(plane, ch === 0 ? out : tmp, cv.CV_32F, k, centre, 0, cv.BORDER_CONSTANT);
          if (ch > 0) cv.add(out, tmp, out);
        });
      });
      for (const plane of channels) plane.delete();
    }
    maps.forEach((map, f) => {
      cv.dilate(map, dilated, box, corner, 1);
      cv.resize(dilated, maxPools[f] as Mat, half, 0, 0, cv.INTER_NEAREST);
      cv.resize(map, avgPools[f] as Mat, half, 0, 0, cv.INTER_AREA);
    });
  }

  const kernelMat = (k: number[][]) => cv.matFromArray(c.kernel, c.kernel, cv.CV_32F, k.flat());
  const kernels = maps.map((_, f) => own(kernelMat(kernelFor(f, c.kernel))));
  const free = () => {
    for (const m of owned.reverse()) m.delete();
  };
  return { compute, kernelMat, kernels, maps, maxPools, avgPools, free };
}

/**
 * Largest |OpenCV - reference| over every map and pool of a small case, against the course notes' loop
 * (tests/reference/convLoop.ts, float64): shows the column computes the same layer.
 */
function checkAgainstReference(cv: Cv, c: BenchCase): number {
  const { imageData, rgb } = makeImage(c.size);
  const layer = openCvLayer(cv, imageData, c);
  try {
    layer.compute(layer.kernels);
    // A 2-D kernel is the same slice for every channel (docs/spec.md), as `compute` applies it.
    const filters = layer.kernels.map((_, f) => ({ weights: kernelFor(f, c.kernel), bias: 0 }));
    const spec: LayerSpec = { ...defaultSpec(), channels: c.channels, filters };
    const ref = referenceLayer({ shape: [c.size, c.size, 3], data: rgb }, spec);
    let worst = 0;
    const compare = (mats: Mat[], array: HwcArray) => {
      const [h, w, m] = array.shape;
      mats.forEach((mat, f) => {
        for (let i = 0; i < h * w; i++)
          worst = Math.max(worst, Math.abs((mat.data32F[i] as number) - (array.data[i * m + f] as number)));
      });
    };
    compare(layer.maps, ref.conv);
    compare(layer.maxPools, ref.maxpool);
    compare(layer.avgPools, ref.avgpool);
    return worst;
  } finally {
    layer.free();
  }
}

export async function bootOpenCv() {
  const t0 = performance.now();
  const { cv } = await loadOpenCv();
  const loadMs = performance.now() - t0;
  const build = cv.getBuildInformation();
  const version = /General configuration for OpenCV ([^\s=]+)/.exec(build)?.[1] ?? 'unknown';
  // docs.opencv.org's build has an empty `Baseline:` (no wasm SIMD) and USE_PTHREADS=0.
  const baseline = /Baseline:([^\n]*)/.exec(build)?.[1]?.trim() || 'none';
  const check = Math.max(
    ...[3, 7].flatMap((kernel) =>
      (['gray', 'rgb'] as const).map((channels) =>
        checkAgainstReference(cv, { size: 64, channels, filters: 2, kernel }),
      ),
    ),
  );

  async function run(c: BenchCase, o: MeasureOptions): Promise<CellResult> {
    const layer = openCvLayer(cv, makeImage(c.size).imageData, c);
    try {
      let n = 0;
      const edit = async () => {
        const k0 = kernelFor(0, c.kernel);
        (k0[1] as number[])[1] = editValue(n++);
        const t0 = performance.now();
        const edited = layer.kernelMat(k0);
        layer.compute([edited, ...layer.kernels.slice(1)]);
        const t1 = performance.now();
        edited.delete();
        return t1 - t0;
      };
      return await measure(edit, o);
    } finally {
      layer.free();
    }
  }

  function info(): PageInfo {
    return {
      backend: 'opencv',
      reason: null,
      detail: null,
      renderer: 'n/a',
      userAgent: navigator.userAgent,
      opencv: { version, loadMs, baseline, maxAbsDiff: check },
    };
  }

  return { run, info };
}
