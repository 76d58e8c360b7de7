/**
 * Maps and images larger than the GPU's texture limit, drawn on webgl in tiles (src/render/tiles.ts):
 * the very same bytes as drawn in one piece, with no pixel readback and no leaked tensor.
 *
 * This machine's limit is 8192, so the tests lower tfjs's flag WEBGL_MAX_TEXTURE_SIZE. tfjs-backend-webgl
 * 4.22 reads that flag every time it lays out or creates a texture (webgl_util.js:
 * getTextureShapeFromLogicalShape and validateTextureSize call env().getNumber; the backend keeps no
 * copy of it), and the renderers read it the same way, so setting it on the running backend acts at
 * once, as a GPU with that limit would. The tensors to draw and the reference pictures are made at the
 * real limit first: at a limit of 64, tfjs could not even lay a 300 x 200 map out in one texture.
 *
 * They are made packed (2 x 2 values a texel), as tfjs ops leave their results and so the engine's maps
 * arrive: slicing a tile out of an unpacked tensor first makes a packed copy of the whole tensor, which
 * the lowered limit forbids (a GPU with that limit could not have held the unpacked tensor either:
 * its packed copy never needs more texels). tfjs checks the limit only when it creates a texture, not
 * when it reuses one from its pool; every check here holds with either order of the limits.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import {
  colorize,
  countReadbacks,
  drawImageTensor,
  drawMap,
  drawMapValues,
  drawTensorToCanvas,
  lutTransform,
  MAP_DISPLAYS,
  readbackCounts,
  resetReadbackCounts,
  type MapDisplay,
} from '../../src/render/index.ts';

const FLAG = 'WEBGL_MAX_TEXTURE_SIZE';
/** The lowered limits: a map is then cut into tiles of 128 or 64 pixels a side, RGBA into 64 or 32. */
const LIMITS = [128, 64] as const;
/** [height, width]: larger than both limits, odd sizes, tall and wide, tiles left over on both axes. */
const SIZES: readonly [number, number][] = [
  [300, 200],
  [257, 130],
  [130, 257],
];

let realLimit = 0;

/** `values` on the GPU as the result of a tfjs op: packed, as the engine's maps and images are. */
function packedOnGpu<T extends tf.Tensor>(values: Float32Array, shape: number[]): T {
  return tf.tidy(() => tf.add(tf.tensor(values, shape), 0) as T);
}

/** Runs `draw` as on a GPU whose texture limit is `limit`, then puts the real limit back. */
function withTextureLimit<T>(limit: number, draw: () => T): T {
  tf.env().set(FLAG, limit);
  try {
    return draw();
  } finally {
    tf.env().set(FLAG, realLimit);
  }
}

function bytesOf(canvas: HTMLCanvasElement): Uint8ClampedArray {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
}

/**
 * How two canvases differ: their sizes, the number of differing bytes and the first differing pixel
 * (x, y, and both colours), so that a failure says where; `{ differing: 0 }` when they are the same.
 */
function difference(got: HTMLCanvasElement, want: HTMLCanvasElement, tolerance = 0): object {
  const sizes = [got.width, got.height, want.width, want.height];
  if (got.width !== want.width || got.height !== want.height) return { sizes };
  const a = bytesOf(got);
  const b = bytesOf(want);
  let differing = 0;
  let first: object | null = null;
  for (let i = 0; i < a.length; i++) {
    if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) <= tolerance) continue;
    differing += 1;
    if (!first) {
      const pixel = i >> 2;
      const at = pixel * 4;
      first = {
        x: pixel % got.width,
        y: Math.floor(pixel / got.width),
        got: Array.from(a.subarray(at, at + 4)),
        want: Array.from(b.subarray(at, at + 4)),
      };
    }
  }
  return differing === 0 ? { differing } : { differing, first };
}

/**
 * A map with varied values (smooth waves and a fine ripple, fractions everywhere) whose extremes sit in
 * different tiles: its largest value (and largest |x|) only at the bottom-right pixel, its smallest in
 * the middle. A colour scale taken per tile would then colour most tiles differently.
 */
function mapValues(height: number, width: number): Float32Array {
  const values = new Float32Array(height * width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      values[y * width + x] =
        6 * Math.sin(x * 0.071 + y * 0.023) * Math.cos(y * 0.053) + ((x * 7 + y * 13) % 11) / 4;
    }
  }
  values[height * width - 1] = 40;
  values[Math.floor(height / 2) * width + Math.floor(width / 3)] = -25;
  return values;
}

/** An image [H, W, channels] of whole numbers 0..255 with some out of range (clipped when drawn). */
function imageValues(height: number, width: number, channels: number): Float32Array {
  const values = new Float32Array(height * width * channels);
  for (let i = 0; i < values.length; i++) values[i] = ((i * 37 + Math.floor(i / 7) * 11) % 301) - 20;
  return values;
}

/** The bytes an image should show: each value clipped to 0..255, gray repeated, alpha 255. */
function expectedImage(
  values: Float32Array,
  height: number,
  width: number,
  channels: number,
): HTMLCanvasElement {
  const picture = new ImageData(width, height);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) {
      picture.data[p * 4 + c] = values[p * channels + (channels === 1 ? 0 : c)] ?? 0;
    }
    picture.data[p * 4 + 3] = 255;
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.putImageData(picture, 0, 0);
  return canvas;
}

/**
 * How many tiles a height x width picture takes at a texture limit: tiles of limit x limit pixels for
 * a map, half as wide and high for RGBA (one value a texel, a tile's [h, w, 4] must fit the limit).
 */
function tileCount(height: number, width: number, limit: number, kind: 'map' | 'rgba'): number {
  const side = kind === 'map' ? limit : limit / 2;
  return Math.ceil(height / side) * Math.ceil(width / side);
}

/**
 * Draws with `draw` onto `canvas` at the lowered limit and checks the GPU path's promises: synchronous
 * (the CPU fallback would return a promise), in `tiles` copies to the target (one per tile), no pixel
 * readback, no tensor left behind.
 */
function drawTiled(
  limit: number,
  tiles: number,
  draw: (canvas: HTMLCanvasElement) => unknown,
  canvas = document.createElement('canvas'),
): HTMLCanvasElement {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const drawImage = ctx.drawImage.bind(ctx) as (...args: unknown[]) => void;
  let copies = 0;
  ctx.drawImage = ((...args: unknown[]) => {
    copies += 1;
    drawImage(...args);
  }) as typeof ctx.drawImage;
  resetReadbackCounts();
  const tensorsBefore = tf.memory().numTensors;
  try {
    const result = withTextureLimit(limit, () => draw(canvas));
    expect(result, 'drawn synchronously on the GPU, not by the CPU fallback').toBeUndefined();
  } finally {
    Reflect.deleteProperty(ctx, 'drawImage');
  }
  expect(copies, 'tiles copied to the target').toBe(tiles);
  expect(tf.memory().numTensors, 'tensors left behind').toBe(tensorsBefore);
  expect(readbackCounts()).toEqual({ pixels: 0, scalars: 0 });
  return canvas;
}

/** The same drawn at the real limit: in one piece. */
async function drawWhole(draw: (canvas: HTMLCanvasElement) => unknown): Promise<HTMLCanvasElement> {
  const canvas = document.createElement('canvas');
  await draw(canvas);
  return canvas;
}

describe('drawing in tiles beyond the texture limit, on webgl', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('webgl')).toBe(true);
    await tf.ready();
    realLimit = tf.env().getNumber(FLAG);
    expect(realLimit).toBeGreaterThanOrEqual(1024);
  });

  beforeEach(() => resetReadbackCounts());

  afterEach(() => {
    tf.env().set(FLAG, realLimit);
  });

  it('really cannot draw these maps in one piece at the lowered limits', () => {
    const [height, width] = [257, 130];
    // Made at the real limit, as the tests' tensors are; then neither the one-piece texture nor a whole
    // map reduction (colorize's, for the colour scale) can be laid out any more.
    const map = packedOnGpu<tf.Tensor2D>(mapValues(height, width), [height, width]);
    for (const limit of LIMITS) {
      withTextureLimit(limit, () => {
        expect(() => map.dataToGPU({ customTexShape: [height, Math.ceil(width / 4)] })).toThrow(
          /texture size/,
        );
        expect(() => lutTransform(map, 'minmax')).toThrow(/texture size/);
      });
    }
    map.dispose();
  });

  for (const [height, width] of SIZES) {
    it(`draws a ${width} x ${height} map in tiles with the same bytes as in one piece, every normalisation`, async () => {
      const values = mapValues(height, width);
      const map = packedOnGpu<tf.Tensor2D>(values, [height, width]);
      for (const normalize of MAP_DISPLAYS) {
        const whole = await drawWhole((canvas) => drawMap(map, normalize, canvas));
        // Independently of the GPU path: the CPU colour loop agrees (within one level, as elsewhere).
        const onCpu = document.createElement('canvas');
        drawMapValues(values, [height, width], { index: 0, count: 1 }, normalize, onCpu);
        expect(difference(whole, onCpu, 1), `${normalize} in one piece vs the CPU loop`).toEqual({
          differing: 0,
        });
        for (const limit of LIMITS) {
          const tiles = tileCount(height, width, limit, 'map');
          const tiled = drawTiled(limit, tiles, (canvas) => drawMap(map, normalize, canvas));
          expect(difference(tiled, whole), `${normalize} at limit ${limit}`).toEqual({ differing: 0 });
        }
      }
      map.dispose();
    });
  }

  it('draws a map that is a view of another tensor (a slice, reshaped) in tiles the same way', async () => {
    // Row 1 of an unpacked [2, H, W] is a contiguous slice, which tfjs makes a view of the stack's
    // texture (maps can arrive so). The map is narrower than both limits: its tiles are whole rows,
    // contiguous too, so views of a view, which the tiled path must copy before dataToGPU takes them.
    const [height, width] = [300, 60];
    const values = mapValues(height, width);
    const stack = tf.tensor3d(new Float32Array([...values.map((v) => -v), ...values]), [2, height, width]);
    const view = tf.tidy(
      () => tf.reshape(tf.slice(stack, [1, 0, 0], [1, -1, -1]), [height, width]) as tf.Tensor2D,
    );
    const plain = packedOnGpu<tf.Tensor2D>(values, [height, width]);
    const backend = tf.backend() as MathBackendWebGL;
    expect(backend.texData.get(view.dataId)?.slice, 'the map is a view').toBeDefined();
    for (const normalize of ['symmetric', 'minmax'] as MapDisplay[]) {
      const whole = await drawWhole((canvas) => drawMap(view, normalize, canvas));
      const direct = await drawWhole((canvas) => drawMap(plain, normalize, canvas));
      expect(difference(whole, direct), normalize).toEqual({ differing: 0 });
      for (const limit of LIMITS) {
        const tiles = tileCount(height, width, limit, 'map');
        const tiled = drawTiled(limit, tiles, (canvas) => drawMap(view, normalize, canvas));
        expect(difference(tiled, whole), `${normalize} at limit ${limit}`).toEqual({ differing: 0 });
      }
    }
    tf.dispose([stack, view, plain]);
  });

  it('replaces every pixel of a canvas that already shows a picture of the same size', async () => {
    const [height, width] = [257, 130];
    const map = packedOnGpu<tf.Tensor2D>(mapValues(height, width), [height, width]);
    const negated = tf.neg(map) as tf.Tensor2D;
    const whole = await drawWhole((canvas) => drawMap(map, 'symmetric', canvas));
    for (const limit of LIMITS) {
      const canvas = await drawWhole((target) => drawMap(negated, 'symmetric', target));
      expect(difference(canvas, whole)).not.toEqual({ differing: 0 });
      drawTiled(
        limit,
        tileCount(height, width, limit, 'map'),
        () => drawMap(map, 'symmetric', canvas),
        canvas,
      );
      expect(difference(canvas, whole), `at limit ${limit}`).toEqual({ differing: 0 });
    }
    tf.dispose([map, negated]);
  });

  for (const [channels, [height, width]] of [
    [3, [300, 200]],
    [1, [257, 130]],
    [4, [130, 257]],
  ] as const) {
    it(`draws a ${width} x ${height} image of ${channels} channel(s) in tiles, the same bytes as in one piece`, async () => {
      const values = imageValues(height, width, channels);
      const image = packedOnGpu<tf.Tensor3D>(values, [height, width, channels]);
      const whole = await drawWhole((canvas) => drawImageTensor(image, canvas));
      expect(difference(whole, expectedImage(values, height, width, channels)), 'in one piece').toEqual({
        differing: 0,
      });
      for (const limit of LIMITS) {
        const tiles = tileCount(height, width, limit, 'rgba');
        const tiled = drawTiled(limit, tiles, (canvas) => drawImageTensor(image, canvas));
        expect(difference(tiled, whole), `at limit ${limit}`).toEqual({ differing: 0 });
      }
      image.dispose();
    });
  }

  it('draws an RGBA tensor (drawTensorToCanvas) in tiles, the same bytes as in one piece', async () => {
    const [height, width] = [300, 200];
    const map = packedOnGpu<tf.Tensor2D>(mapValues(height, width), [height, width]);
    const rgba = tf.tidy(() => tf.add(colorize(map, 'symmetric'), 0) as tf.Tensor3D);
    const whole = await drawWhole((canvas) => drawTensorToCanvas(rgba, canvas));
    for (const limit of LIMITS) {
      const tiles = tileCount(height, width, limit, 'rgba');
      const tiled = drawTiled(limit, tiles, (canvas) => drawTensorToCanvas(rgba, canvas));
      expect(difference(tiled, whole), `at limit ${limit}`).toEqual({ differing: 0 });
    }
    tf.dispose([map, rgba]);
  });

  it('draws in tiles when the drawing buffer cannot hold the whole map (the browser caps its area)', async () => {
    const [height, width] = [6000, 8];
    const values = mapValues(height, width);
    const map = packedOnGpu<tf.Tensor2D>(values, [height, width]);
    const gl = (tf.backend() as MathBackendWebGL).gpgpu.gl as WebGL2RenderingContext;
    const canvasSize = [gl.canvas.width, gl.canvas.height] as const;
    try {
      const whole = await drawWhole((canvas) => drawMap(map, 'symmetric', canvas));
      // The renderers only ever grow the webgl canvas. Grown wide as well as tall, its area is past
      // Chromium's cap, and the drawing buffer comes out smaller than the canvas and than the map.
      gl.canvas.width = 8192;
      gl.canvas.height = height;
      const buffer = [gl.drawingBufferWidth, gl.drawingBufferHeight] as const;
      expect(buffer[1], `the drawing buffer ${buffer.join(' x ')} is shorter than the map`).toBeLessThan(
        height,
      );
      const tiles = Math.ceil(height / buffer[1]); // whole rows: the map is far narrower than the buffer
      const tiled = drawTiled(realLimit, tiles, (canvas) => drawMap(map, 'symmetric', canvas));
      expect(difference(tiled, whole)).toEqual({ differing: 0 });
      const onCpu = document.createElement('canvas');
      drawMapValues(values, [height, width], { index: 0, count: 1 }, 'symmetric', onCpu);
      expect(difference(tiled, onCpu, 1)).toEqual({ differing: 0 });
    } finally {
      [gl.canvas.width, gl.canvas.height] = canvasSize;
      map.dispose();
    }
  });

  it('leaves tfjs computing the right numbers and no GL error after tiled draws', async () => {
    const map = packedOnGpu<tf.Tensor2D>(mapValues(300, 200), [300, 200]);
    const image = packedOnGpu<tf.Tensor3D>(imageValues(300, 200, 3), [300, 200, 3]);
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    withTextureLimit(64, () => {
      drawMap(map, 'symmetric', document.createElement('canvas'));
      drawImageTensor(image, document.createElement('canvas'));
    });
    const gl = (tf.backend() as MathBackendWebGL).gpgpu.gl as WebGL2RenderingContext;
    expect(gl.getError()).toBe(gl.NO_ERROR);
    const product = tf.matMul(x, x);
    expect(Array.from(await product.data())).toEqual([7, 10, 15, 22]);
    expect(countReadbacks()).toBe(0);
    tf.dispose([map, image, x, product]);
  });
});
