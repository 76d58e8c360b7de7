/**
 * The renderers in a real Chromium: pixels on webgl (the GPU path: no readback) and on cpu (the
 * readback path), GL state left as tfjs expects it, no leaked tensors, and several canvases per task.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import {
  colorize,
  colorizeValues,
  colorScaleDomain,
  colormapCssGradient,
  colormapOf,
  countReadbacks,
  drawImageTensor,
  drawMap,
  drawMapValues,
  drawTensorToCanvas,
  LUT_SIZE,
  lutTransform,
  MAP_DISPLAYS,
  robustHalfRangeOfValues,
  resetReadbackCounts,
  sampleColormap,
  type MapDisplay,
} from '../../src/render/index.ts';
import { drawMapTexture, drawRgbaTexture } from '../../src/render/webglBlit.ts';

type Rgba = [number, number, number, number];

/** A 4 x 3 map with negative, zero and positive values; max|x| = 4. */
const MAP_VALUES = [
  [-4, -2, 0, 2],
  [4, 0, 1, -1],
  [0, 3, -3, 4],
];

function newCanvas(): HTMLCanvasElement {
  return document.createElement('canvas');
}

function readPixels(canvas: HTMLCanvasElement): Uint8ClampedArray {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
}

function pixelAt(canvas: HTMLCanvasElement, x: number, y: number): Rgba {
  const data = readPixels(canvas);
  const i = (y * canvas.width + x) * 4;
  return [data[i] ?? -1, data[i + 1] ?? -1, data[i + 2] ?? -1, data[i + 3] ?? -1];
}

/** tf.round and GLSL roundEven: 190.5 -> 190, 191.5 -> 192. */
function roundHalfToEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** What a value should look like, straight from the formula in colorize.ts, in plain JS. */
function expectedColour(value: number, normalize: MapDisplay, values: readonly number[]): Rgba {
  const name = colormapOf(normalize);
  const last = LUT_SIZE[name] - 1;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const maxAbs = Math.max(...values.map(Math.abs));
  let k: number;
  switch (normalize) {
    case 'robust': {
      // Small test maps are their own sample grid: q is ±max|x| rounded up onto the threshold grid.
      const q = robustHalfRangeOfValues(Float32Array.from(values), 1, values.length);
      k = (value * (last / 2)) / q + last / 2;
      break;
    }
    case 'symmetric':
      k = (value * (last / 2)) / maxAbs + last / 2;
      break;
    case 'minmax':
      k = ((value - min) * last) / (max - min);
      break;
    case 'abs':
      k = (Math.abs(value) * last) / maxAbs;
      break;
    case 'raw':
      k = value;
      break;
  }
  k = Math.min(Math.max(roundHalfToEven(k), 0), last);
  const [r, g, b] = sampleColormap(name, k / last);
  return [Math.round(r * 255), Math.round(g * 255), Math.round(b * 255), 255];
}

function expectPixelsToMatch(
  canvas: HTMLCanvasElement,
  rows: readonly (readonly number[])[],
  normalize: MapDisplay,
): void {
  const flat = rows.flat();
  expect([canvas.width, canvas.height]).toEqual([rows[0]?.length, rows.length]);
  const data = readPixels(canvas);
  rows.forEach((row, y) =>
    row.forEach((value, x) => {
      const i = (y * canvas.width + x) * 4;
      const got = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      const want = expectedColour(value, normalize, flat);
      got.forEach((channel, c) => {
        expect(
          Math.abs((channel ?? -1) - (want[c] ?? 0)),
          `${normalize} (${x}, ${y}) = ${value}: ${got} vs ${want}`,
        ).toBeLessThanOrEqual(1);
      });
    }),
  );
}

const isBluish = ([r, , b]: Rgba): boolean => b > r + 60;
const isReddish = ([r, , b]: Rgba): boolean => r > b + 60;
const isNeutralLight = ([r, g, b]: Rgba): boolean =>
  Math.max(r, g, b) - Math.min(r, g, b) <= 8 && Math.min(r, g, b) >= 230;

/** Draws one map both ways the renderers offer and hands back both canvases. */
async function drawBothWays(map: tf.Tensor2D, normalize: MapDisplay): Promise<HTMLCanvasElement[]> {
  const viaTensor = newCanvas();
  const rgba = colorize(map, normalize);
  try {
    await drawTensorToCanvas(rgba, viaTensor);
  } finally {
    rgba.dispose();
  }
  const fused = newCanvas();
  await drawMap(map, normalize, fused);
  return [viaTensor, fused];
}

function webglBackend(): MathBackendWebGL {
  return tf.backend() as MathBackendWebGL;
}

describe('renderers on webgl', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('webgl')).toBe(true);
    await tf.ready();
  });

  beforeEach(() => resetReadbackCounts());

  it('runs on the webgl backend (not a silent fallback)', () => {
    expect(tf.getBackend()).toBe('webgl');
    expect(webglBackend().gpgpu.gl).toBeInstanceOf(WebGL2RenderingContext);
  });

  it('shows negative blue, positive red and zero neutral with the default symmetric map', async () => {
    const map = tf.tensor2d(MAP_VALUES);
    for (const canvas of await drawBothWays(map, 'symmetric')) {
      expect([canvas.width, canvas.height]).toEqual([4, 3]);
      expect(isBluish(pixelAt(canvas, 0, 0))).toBe(true); // -4
      expect(isBluish(pixelAt(canvas, 1, 0))).toBe(true); // -2
      expect(isNeutralLight(pixelAt(canvas, 2, 0))).toBe(true); // 0
      expect(isReddish(pixelAt(canvas, 3, 0))).toBe(true); // 2
      expect(isReddish(pixelAt(canvas, 0, 1))).toBe(true); // 4
      // The ends are the ends of the map, and the scale is symmetric: +-4 as far from white as each other.
      expect(pixelAt(canvas, 0, 0)).toEqual(expectedColour(-4, 'symmetric', MAP_VALUES.flat()));
      expect(pixelAt(canvas, 3, 2)).toEqual(expectedColour(4, 'symmetric', MAP_VALUES.flat()));
    }
    map.dispose();
  });

  it('matches the plain-JS colour formula at every pixel, for every normalisation, both ways', async () => {
    const rawValues = [
      [-20, 0, 64, 128],
      [255, 300, 12.4, 12.6],
      [1, 2, 3, 254.5],
    ];
    for (const normalize of MAP_DISPLAYS) {
      const rows = normalize === 'raw' ? rawValues : MAP_VALUES;
      const map = tf.tensor2d(rows);
      const [viaTensor, fused] = await drawBothWays(map, normalize);
      expectPixelsToMatch(viaTensor!, rows, normalize);
      expectPixelsToMatch(fused!, rows, normalize);
      // The fused shader reads the same lookup table: the same bytes, not merely close ones.
      expect(Array.from(readPixels(fused!))).toEqual(Array.from(readPixels(viaTensor!)));
      map.dispose();
    }
    expect(countReadbacks()).toBe(0);
  });

  it('draws a map whose width is not a multiple of 4, and an all-zero map as neutral', async () => {
    const rows = [
      [1, -2, 3, -4, 5, -6, 7],
      [0, 0, 0, 0, 0, 0, 0],
      [-7, 6, -5, 4, -3, 2, -1],
      [0.5, 0, -0.5, 0, 0.25, 0, -0.25],
      [9, 9, 9, 9, 9, 9, -9],
    ];
    const map = tf.tensor2d(rows);
    for (const canvas of await drawBothWays(map, 'symmetric')) expectPixelsToMatch(canvas, rows, 'symmetric');
    map.dispose();

    const zeros = tf.zeros([3, 5]) as tf.Tensor2D;
    for (const normalize of MAP_DISPLAYS) {
      for (const canvas of await drawBothWays(zeros, normalize)) {
        const want = colormapOf(normalize) === 'diverging' ? [247, 247, 247, 255] : [0, 0, 0, 255];
        expect(pixelAt(canvas, 4, 2)).toEqual(want);
      }
    }
    zeros.dispose();
  });

  it('draws maps computed by tf ops on the GPU (not just uploaded ones)', async () => {
    const map = tf.tidy(() => tf.sub(tf.mul(tf.tensor2d(MAP_VALUES), 3), 0) as tf.Tensor2D);
    const rows = MAP_VALUES.map((row) => row.map((v) => v * 3));
    for (const canvas of await drawBothWays(map, 'minmax')) expectPixelsToMatch(canvas, rows, 'minmax');
    // One map of several, as the engine takes it: a slice along the last axis of [H, W, M].
    const stack = tf.tidy(() => tf.stack([map, tf.neg(map), tf.zerosLike(map)], 2) as tf.Tensor3D);
    const second = tf.tidy(() => tf.squeeze(tf.slice(stack, [0, 0, 1], [-1, -1, 1]), [2]) as tf.Tensor2D);
    const negated = rows.map((row) => row.map((v) => -v));
    for (const canvas of await drawBothWays(second, 'symmetric'))
      expectPixelsToMatch(canvas, negated, 'symmetric');
    tf.dispose([map, stack, second]);
    expect(countReadbacks()).toBe(0);
  });

  it('sizes the canvas to an empty map and draws nothing', async () => {
    const canvas = newCanvas();
    const empty = tf.zeros([0, 5]) as tf.Tensor2D;
    await drawMap(empty, 'symmetric', canvas);
    expect([canvas.width, canvas.height]).toEqual([5, 0]);
    empty.dispose();
    expect(countReadbacks()).toBe(0);
  });

  it('gives each of several canvases drawn in one task its own picture', () => {
    const positive = tf.fill([3, 4], 5) as tf.Tensor2D;
    const negative = tf.fill([3, 4], -5) as tf.Tensor2D;
    const ramp = tf.tidy(() => tf.reshape(tf.range(0, 6 * 9), [6, 9]) as tf.Tensor2D);
    const canvases = [newCanvas(), newCanvas(), newCanvas(), newCanvas()];
    const rgba = colorize(negative, 'symmetric');
    // All synchronous on webgl: one task, one shared WebGL canvas, four different targets.
    expect(drawMap(positive, 'symmetric', canvases[0]!)).toBeUndefined();
    expect(drawMap(negative, 'symmetric', canvases[1]!)).toBeUndefined();
    expect(drawMap(ramp, 'raw', canvases[2]!)).toBeUndefined();
    expect(drawTensorToCanvas(rgba, canvases[3]!)).toBeUndefined();
    rgba.dispose();

    const [c0, c1, c2, c3] = canvases as [
      HTMLCanvasElement,
      HTMLCanvasElement,
      HTMLCanvasElement,
      HTMLCanvasElement,
    ];
    expect(isReddish(pixelAt(c0, 3, 2))).toBe(true);
    expect(isBluish(pixelAt(c1, 3, 2))).toBe(true);
    expect(isBluish(pixelAt(c3, 0, 0))).toBe(true);
    expect([c2.width, c2.height]).toEqual([9, 6]);
    expectPixelsToMatch(
      c2,
      Array.from({ length: 6 }, (_, y) => Array.from({ length: 9 }, (_, x) => y * 9 + x)),
      'raw',
    );
    // Redrawing the first canvas smaller replaces its picture and its size.
    const small = tf.fill([2, 2], -1) as tf.Tensor2D;
    drawMap(small, 'symmetric', c0);
    expect([c0.width, c0.height]).toEqual([2, 2]);
    expect(isBluish(pixelAt(c0, 1, 1))).toBe(true);
    tf.dispose([positive, negative, ramp, small]);
    expect(countReadbacks()).toBe(0);
  });

  it('draws the input image: RGB in 0..255, and gray as a gray ramp', async () => {
    const rgb = tf.tensor3d([
      [
        [255, 0, 0],
        [0, 255, 0],
      ],
      [
        [0, 0, 255],
        [128, 128, 128],
      ],
    ]);
    const canvas = newCanvas();
    await drawImageTensor(rgb, canvas);
    expect(pixelAt(canvas, 0, 0)).toEqual([255, 0, 0, 255]);
    expect(pixelAt(canvas, 1, 0)).toEqual([0, 255, 0, 255]);
    expect(pixelAt(canvas, 0, 1)).toEqual([0, 0, 255, 255]);
    expect(pixelAt(canvas, 1, 1)).toEqual([128, 128, 128, 255]);

    const gray = tf.tensor3d([[[0], [64], [300]]]);
    await drawImageTensor(gray, canvas);
    expect([canvas.width, canvas.height]).toEqual([3, 1]);
    expect(pixelAt(canvas, 1, 0)).toEqual([64, 64, 64, 255]);
    expect(pixelAt(canvas, 2, 0)).toEqual([255, 255, 255, 255]);
    tf.dispose([rgb, gray]);
    expect(countReadbacks()).toBe(0);
  });

  it('leaves the GL state tfjs relies on exactly as it was', () => {
    const gl = webglBackend().gpgpu.gl as WebGL2RenderingContext;
    const snapshot = (): unknown[] => {
      const active = gl.getParameter(gl.ACTIVE_TEXTURE) as number;
      const units: unknown[] = [];
      for (let unit = 0; unit < 4; unit++) {
        gl.activeTexture(gl.TEXTURE0 + unit);
        units.push(gl.getParameter(gl.TEXTURE_BINDING_2D), gl.getParameter(gl.SAMPLER_BINDING));
      }
      gl.activeTexture(active);
      return [
        active,
        ...units,
        gl.getParameter(gl.DRAW_FRAMEBUFFER_BINDING),
        gl.getParameter(gl.READ_FRAMEBUFFER_BINDING),
        gl.getParameter(gl.CURRENT_PROGRAM),
        gl.getParameter(gl.VERTEX_ARRAY_BINDING),
        gl.getParameter(gl.ARRAY_BUFFER_BINDING),
        gl.getParameter(gl.PIXEL_PACK_BUFFER_BINDING),
        gl.getParameter(gl.PIXEL_UNPACK_BUFFER_BINDING),
        Array.from(gl.getParameter(gl.VIEWPORT) as Int32Array),
        Array.from(gl.getParameter(gl.SCISSOR_BOX) as Int32Array),
        gl.getParameter(gl.COLOR_WRITEMASK),
        ...[
          gl.SCISSOR_TEST,
          gl.CULL_FACE,
          gl.BLEND,
          gl.DEPTH_TEST,
          gl.STENCIL_TEST,
          gl.RASTERIZER_DISCARD,
        ].map((cap) => gl.isEnabled(cap)),
        gl.getParameter(gl.CULL_FACE_MODE),
        gl.getParameter(gl.UNPACK_ALIGNMENT),
        gl.getParameter(gl.UNPACK_FLIP_Y_WEBGL),
      ];
    };
    // Take the textures first (dataToGPU runs a tfjs decode program, which sets state as any op does),
    // then leave tfjs mid-stream: an op has just run and bound its program, framebuffer and textures.
    const map = tf.tensor2d(MAP_VALUES);
    const rgba = colorize(map, 'symmetric');
    const params = lutTransform(map, 'symmetric');
    const rgbaData = rgba.dataToGPU({ customTexShape: [3, 4] });
    const mapData = map.dataToGPU({ customTexShape: [3, 1] });
    const paramData = params.dataToGPU({ customTexShape: [1, 1] });
    const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const b = tf.tidy(() => tf.addN([a, a, a]));
    const before = snapshot();
    expect(drawRgbaTexture(gl, rgbaData.texture!, 4, 3)).toBe(true);
    expect(snapshot()).toEqual(before);
    const textures = { map: mapData.texture!, texCols: 1, params: paramData.texture! };
    expect(drawMapTexture(gl, textures, 4, 3, { colormap: 'diverging', abs: false })).toBe(true);
    expect(snapshot()).toEqual(before);
    expect(gl.getError()).toBe(gl.NO_ERROR);
    tf.dispose([a, b, map, rgba, params, rgbaData.tensorRef, mapData.tensorRef, paramData.tensorRef]);
  });

  it('leaves tfjs computing the right numbers after drawing', async () => {
    const image = tf.tidy(() => tf.reshape(tf.range(0, 36, 1, 'float32'), [1, 6, 6, 1]));
    const kernel = tf.tensor4d([1, 0, -1, 2, 0, -2, 1, 0, -1], [3, 3, 1, 1]);
    const map = tf.tensor2d(MAP_VALUES);
    const canvas = newCanvas();
    const run = (drawBetween: boolean): tf.Tensor[] => {
      const step = (): void => {
        if (drawBetween) {
          drawMap(map, 'symmetric', canvas);
          const rgba = colorize(map, 'abs');
          drawTensorToCanvas(rgba, canvas);
          rgba.dispose();
        }
      };
      const conv = tf.conv2d(image as tf.Tensor4D, kernel, 1, 'valid');
      step();
      const pooled = tf.maxPool(conv, 2, 2, 'valid');
      step();
      const summed = tf.addN([conv, conv, tf.neg(conv)]);
      step();
      const product = tf.matMul(tf.reshape(summed, [4, 4]), tf.reshape(summed, [4, 4]));
      step();
      return [conv, pooled, summed, product];
    };
    const plain = run(false);
    const drawn = run(true);
    for (let i = 0; i < plain.length; i++) {
      expect(Array.from(await drawn[i]!.data())).toEqual(Array.from(await plain[i]!.data()));
    }
    // And against numbers known without tfjs: a horizontal Sobel on a ramp of +1 per column is -8.
    expect(Array.from(await drawn[0]!.data())).toEqual(new Array(16).fill(-8));
    tf.dispose([image, kernel, map, ...plain, ...drawn]);
  });

  it('leaks no tensor and reads nothing back over 200 draws', () => {
    const map = tf.tensor2d(MAP_VALUES);
    const image = tf.tensor3d([[[10, 20, 30]]]);
    const canvases = [newCanvas(), newCanvas(), newCanvas()];
    const drawAll = (normalize: MapDisplay): void => {
      const rgba = colorize(map, normalize);
      drawTensorToCanvas(rgba, canvases[0]!);
      rgba.dispose();
      drawMap(map, normalize, canvases[1]!);
      drawImageTensor(image, canvases[2]!);
    };
    for (const normalize of MAP_DISPLAYS) drawAll(normalize); // warm up: programs, texture pool
    const backend = webglBackend();
    const tensorsBefore = tf.memory().numTensors;
    const gpuBytesBefore = (tf.memory() as { numBytesInGPU?: number }).numBytesInGPU;
    expect(gpuBytesBefore).toBeGreaterThan(0);
    const dataIdsBefore = backend.numDataIds();
    const gl = backend.gpgpu.gl as WebGL2RenderingContext;
    const proto = WebGL2RenderingContext.prototype;
    const originalReadPixels = proto.readPixels;
    const originalGetBufferSubData = proto.getBufferSubData;
    let glReads = 0;
    proto.readPixels = function (this: WebGL2RenderingContext, ...args: unknown[]) {
      glReads += 1;
      return (originalReadPixels as (...a: unknown[]) => void).apply(this, args);
    } as typeof proto.readPixels;
    proto.getBufferSubData = function (this: WebGL2RenderingContext, ...args: unknown[]) {
      glReads += 1;
      return (originalGetBufferSubData as (...a: unknown[]) => void).apply(this, args);
    } as typeof proto.getBufferSubData;
    try {
      for (let i = 0; i < 200; i++) drawAll(MAP_DISPLAYS[i % MAP_DISPLAYS.length]!);
    } finally {
      proto.readPixels = originalReadPixels;
      proto.getBufferSubData = originalGetBufferSubData;
    }
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(backend.numDataIds()).toBe(dataIdsBefore);
    // Textures come back to tfjs's pool: no growth in what the backend has allocated on the GPU.
    expect((tf.memory() as { numBytesInGPU?: number }).numBytesInGPU).toBe(gpuBytesBefore);
    expect(countReadbacks()).toBe(0);
    expect(glReads).toBe(0);
    expect(gl.getError()).toBe(gl.NO_ERROR);
    tf.dispose([map, image]);
  });

  it('names the scale ends', () => {
    expect(colorScaleDomain('symmetric', { min: -1, max: 3 })).toEqual({ lo: -3, hi: 3 });
    expect(colorScaleDomain('robust', { min: -1, max: 3, clip: 2 })).toEqual({ lo: -2, hi: 2 });
    expect(colorScaleDomain('minmax', { min: -1, max: 3 })).toEqual({ lo: -1, hi: 3 });
    expect(colorScaleDomain('abs', { min: -5, max: 3 })).toEqual({ lo: 0, hi: 5 });
    expect(colorScaleDomain('raw', { min: -5, max: 3 })).toEqual({ lo: 0, hi: 255 });
    expect(colormapCssGradient('diverging')).toMatch(
      /^linear-gradient\(to right, rgb\(33, 102, 172\) 0\.00%.*rgb\(178, 24, 43\) 100\.00%\)$/,
    );
  });

  it('draws a 1024 x 1024 map correctly, and reports how long each path takes', async () => {
    const size = 1024;
    // A smooth signed pattern computed on the GPU, like a conv output.
    const map = tf.tidy(() => {
      const x = tf.reshape(tf.range(0, size), [1, size]);
      const y = tf.reshape(tf.range(0, size), [size, 1]);
      return tf.mul(tf.mul(tf.sin(tf.div(x, 37)), tf.cos(tf.div(y, 23))), 300) as tf.Tensor2D;
    });
    const canvas = newCanvas();
    const ctx = canvas.getContext('2d')!;
    // Finishing means the target canvas holds the pixels: read one back (the test's canvas, not the map).
    const finish = (): void => void ctx.getImageData(0, 0, 1, 1);
    const time = async (draw: () => Promise<void> | void, runs = 7): Promise<number> => {
      await draw();
      finish();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await draw();
        finish();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(runs / 2)]!;
    };
    const fusedMs = await time(() => drawMap(map, 'symmetric', canvas));
    const pixels = readPixels(canvas);
    const tensorMs = await time(() => {
      const rgba = colorize(map, 'symmetric');
      drawTensorToCanvas(rgba, canvas);
      rgba.dispose();
    });
    const readbackMs = await time(async () => {
      const rgba = colorize(map, 'symmetric');
      try {
        await tf.browser.toPixels(rgba, canvas);
      } finally {
        rgba.dispose();
      }
    });
    const viaToPixels = readPixels(canvas);
    const mapReadbackMs = await time(async () => {
      const values = await map.data();
      const image = new ImageData(size, size);
      colorizeValues(values, 'symmetric', image.data);
      ctx.putImageData(image, 0, 0);
    });
    // The paths agree on every pixel (within float rounding).
    const viaLoop = readPixels(canvas);
    let worst = 0;
    for (let i = 0; i < pixels.length; i++) {
      const fused = pixels[i] ?? 0;
      worst = Math.max(worst, Math.abs(fused - (viaToPixels[i] ?? 0)), Math.abs(fused - (viaLoop[i] ?? 0)));
    }
    expect(worst).toBeLessThanOrEqual(1);
    const values = await map.data();
    const sample = (x: number, y: number): void =>
      expect(
        pixelAt(canvas, x, y)
          .map((c, i) => Math.abs(c - expectedColour(values[y * size + x]!, 'symmetric', [-300, 300])[i]!))
          .every((d) => d <= 2),
      ).toBe(true);
    sample(0, 0);
    sample(511, 700);
    sample(1023, 1023);
    console.info(
      `1024x1024 map on ${tf.getBackend()}: drawMap (fused GPU) ${fusedMs.toFixed(1)} ms, ` +
        `colorize + drawTensorToCanvas (GPU) ${tensorMs.toFixed(1)} ms, ` +
        `colorize + toPixels (RGBA readback) ${readbackMs.toFixed(1)} ms, ` +
        `map.data + colorizeValues + putImageData (map readback) ${mapReadbackMs.toFixed(1)} ms`,
    );
    map.dispose();
  });
});

describe('renderers on cpu (the readback path)', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('cpu')).toBe(true);
    await tf.ready();
  });

  afterAll(async () => {
    await tf.setBackend('webgl');
  });

  beforeEach(() => resetReadbackCounts());

  it('draws the same pixels as on webgl, one counted readback per draw', async () => {
    expect(tf.getBackend()).toBe('cpu');
    for (const normalize of MAP_DISPLAYS) {
      const map = tf.tensor2d(MAP_VALUES);
      for (const canvas of await drawBothWays(map, normalize))
        expectPixelsToMatch(canvas, MAP_VALUES, normalize);
      map.dispose();
    }
    expect(countReadbacks()).toBe(2 * MAP_DISPLAYS.length);
    const canvas = newCanvas();
    const map = tf.tensor2d(MAP_VALUES);
    await drawMap(map, 'symmetric', canvas);
    expect(isBluish(pixelAt(canvas, 0, 0))).toBe(true);
    expect(isNeutralLight(pixelAt(canvas, 2, 0))).toBe(true);
    expect(isReddish(pixelAt(canvas, 3, 2))).toBe(true);
    map.dispose();
  });

  it('leaks no tensor over 200 draws, even when the caller disposes before the draw finishes', async () => {
    const map = tf.tensor2d(MAP_VALUES);
    const canvas = newCanvas();
    await drawMap(map, 'minmax', canvas);
    const before = tf.memory().numTensors;
    const pending: (Promise<void> | void)[] = [];
    for (let i = 0; i < 200; i++) {
      const rgba = colorize(map, MAP_DISPLAYS[i % MAP_DISPLAYS.length]!);
      pending.push(drawTensorToCanvas(rgba, canvas));
      rgba.dispose();
      pending.push(drawMap(map, 'symmetric', canvas));
    }
    await Promise.all(pending);
    expect(tf.memory().numTensors).toBe(before);
    expectPixelsToMatch(canvas, MAP_VALUES, 'symmetric');
    map.dispose();
  });
});

describe('renderers on wasm (what the page picks without a real GPU)', () => {
  beforeAll(async () => {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
    expect(await tf.setBackend('wasm')).toBe(true);
    await tf.ready();
  });

  afterAll(async () => {
    await tf.setBackend('webgl');
  });

  beforeEach(() => resetReadbackCounts());

  it('draws the same pixels both ways, one counted readback per draw, leaking nothing', async () => {
    expect(tf.getBackend()).toBe('wasm');
    const map = tf.tensor2d(MAP_VALUES);
    const before = tf.memory().numTensors;
    for (const normalize of MAP_DISPLAYS) {
      const [viaTensor, packed] = await drawBothWays(map, normalize);
      expectPixelsToMatch(viaTensor!, MAP_VALUES, normalize);
      expectPixelsToMatch(packed!, MAP_VALUES, normalize);
    }
    expect(countReadbacks()).toBe(2 * MAP_DISPLAYS.length);
    expect(tf.memory().numTensors).toBe(before);
    const image = tf.tensor3d([[[255, 0, 0]], [[0, 0, 255]]]);
    const canvas = newCanvas();
    await drawImageTensor(image, canvas);
    expect(pixelAt(canvas, 0, 0)).toEqual([255, 0, 0, 255]);
    expect(pixelAt(canvas, 0, 1)).toEqual([0, 0, 255, 255]);
    // Gray (one channel) is spread to R, G and B; values are clamped to 0..255 and rounded half to even.
    const gray = tf.tensor3d([[[-5], [64.5], [65.5], [300]]]);
    await drawImageTensor(gray, canvas);
    expect([canvas.width, canvas.height]).toEqual([4, 1]);
    expect([0, 1, 2, 3].map((x) => pixelAt(canvas, x, 0))).toEqual([
      [0, 0, 0, 255],
      [64, 64, 64, 255],
      [66, 66, 66, 255],
      [255, 255, 255, 255],
    ]);
    tf.dispose([map, image, gray]);
  });

  it('draws map m of a stage read back once as drawMap draws that map alone', async () => {
    const maps = 3;
    const stage = tf.tidy(
      () => tf.mul(tf.expandDims(tf.tensor2d(MAP_VALUES), 2), tf.tensor1d([1, -2, 0.5])) as tf.Tensor3D,
    );
    const values = (await stage.data()) as Float32Array;
    const [height, width] = stage.shape;
    for (let m = 0; m < maps; m++) {
      const alone = tf.tidy(() => tf.squeeze(tf.slice(stage, [0, 0, m], [-1, -1, 1]), [2]) as tf.Tensor2D);
      const [viaMap, viaValues] = [newCanvas(), newCanvas()];
      await drawMap(alone, 'minmax', viaMap);
      drawMapValues(values, [height, width], { index: m, count: maps }, 'minmax', viaValues);
      expect([viaValues.width, viaValues.height]).toEqual([width, height]);
      expect(Array.from(readPixels(viaValues))).toEqual(Array.from(readPixels(viaMap)));
      alone.dispose();
    }
    stage.dispose();
  });

  it('draws a 1024 x 1024 map, and reports how long it takes', async () => {
    const size = 1024;
    const map = tf.tidy(() => {
      const x = tf.reshape(tf.range(0, size), [1, size]);
      const y = tf.reshape(tf.range(0, size), [size, 1]);
      return tf.mul(tf.mul(tf.sin(tf.div(x, 37)), tf.cos(tf.div(y, 23))), 300) as tf.Tensor2D;
    });
    const canvas = newCanvas();
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      await drawMap(map, 'symmetric', canvas);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect([canvas.width, canvas.height]).toEqual([size, size]);
    const values = await map.data();
    for (const [x, y] of [
      [0, 0],
      [511, 700],
      [1023, 1023],
    ] as const) {
      const want = expectedColour(values[y * size + x]!, 'symmetric', [-300, 300]);
      pixelAt(canvas, x, y).forEach((c, i) => expect(Math.abs(c - want[i]!)).toBeLessThanOrEqual(1));
    }
    console.info(
      `1024x1024 map on wasm: drawMap (map readback + colour loop) median ${times[3]!.toFixed(1)} ms`,
    );
    map.dispose();
  });
});
