/**
 * The robust colour scale (src/render/robustScale.ts): its q is near the 99.5th percentile of |x| on the
 * sample grid, ignores an outlier, and is the very same number in JS (wasm/cpu drawing) and as tf ops
 * (the webgl shader's scale, the legend's statistics).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  allowedAbove,
  colorizeValues,
  robustHalfRange,
  robustHalfRangeOfValues,
  robustHalfRanges,
  sampleStart,
  sampleStrides,
} from '../../src/render/index.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The exact (m+1)-th largest |x| of the sample grid, m = allowedAbove(n). */
function exactQuantile(values: Float32Array, height: number, width: number): number {
  const [sy, sx] = sampleStrides(height, width);
  const sample: number[] = [];
  for (let y = sampleStart(sy); y < height; y += sy)
    for (let x = sampleStart(sx); x < width; x += sx) sample.push(Math.abs(values[y * width + x]!));
  sample.sort((a, b) => b - a);
  return sample[allowedAbove(sample.length)]!;
}

function onTensor(values: Float32Array, height: number, width: number): number {
  return tf.tidy(() => robustHalfRange(tf.tensor2d(values, [height, width])).dataSync()[0]!);
}

/** A ramp of edges: mostly small values, some larger, like a Sobel map of a photo. */
function edgeLike(height: number, width: number, seed: number): Float32Array {
  const out = new Float32Array(height * width);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const u = s / 2 ** 31;
    out[i] = (u - 0.5) * (u > 0.9 ? 200 : 10);
  }
  return out;
}

describe('robust colour scale', () => {
  it('is the 99.5th percentile of |x| within 0.4%, rounded up, and ignores one huge outlier', () => {
    const [height, width] = [300, 200];
    const values = edgeLike(height, width, 7);
    const q = robustHalfRangeOfValues(values, height, width);
    const exact = exactQuantile(values, height, width);
    expect(q).toBeGreaterThanOrEqual(exact);
    expect(q).toBeLessThanOrEqual(exact * 1.004);
    values[0] = 1e5; // a zero-padding border's kind of outlier
    expect(robustHalfRangeOfValues(values, height, width)).toBeCloseTo(q, 0);
  });

  it('gives the same q in JS and as tf ops, for any map (and any map of an interleaved stage)', () => {
    const maps = fc.record({
      height: fc.integer({ min: 1, max: 300 }),
      width: fc.integer({ min: 1, max: 300 }),
      seed: fc.integer({ min: 1, max: 1e6 }),
    });
    fc.assert(
      fc.property(maps, ({ height, width, seed }) => {
        const values = edgeLike(height, width, seed);
        expect(robustHalfRangeOfValues(values, height, width)).toBe(onTensor(values, height, width));
      }),
      { numRuns: 25 },
    );
    // Map 1 of two interleaved maps, against the stage's [M, N] form the statistics use.
    const [height, width] = [150, 260];
    const a = edgeLike(height, width, 3);
    const b = edgeLike(height, width, 5).map((v) => v * 3);
    const both = new Float32Array(a.length * 2);
    a.forEach((v, i) => {
      both[2 * i] = v;
      both[2 * i + 1] = b[i]!;
    });
    const fromStage = tf.tidy(() => {
      const [sy, sx] = sampleStrides(height, width);
      const stage = tf.tensor3d(both, [height, width, 2]);
      const grid = tf.stridedSlice(
        stage,
        [sampleStart(sy), sampleStart(sx), 0],
        [height, width, 2],
        [sy, sx, 1],
      );
      const samples = tf.transpose(tf.reshape(grid, [-1, 2])) as tf.Tensor2D;
      // In uneven column chunks, as a tiled map or a small texture limit gives them.
      const chunks = [
        tf.slice(samples, [0, 0], [2, 1000]),
        tf.slice(samples, [0, 1000], [2, -1]),
      ] as tf.Tensor2D[];
      return Array.from(robustHalfRanges(chunks).dataSync());
    });
    expect(fromStage).toEqual([
      robustHalfRangeOfValues(both, height, width, 0, 2),
      robustHalfRangeOfValues(both, height, width, 1, 2),
    ]);
  });

  it('is 0 for an all-zero map and never below max|x| / 65536', () => {
    expect(robustHalfRangeOfValues(new Float32Array(100), 10, 10)).toBe(0);
    const sparse = new Float32Array(10000);
    sparse[0] = 65536; // 100² has stride 2 and starts at 0: (0, 0) is sampled // 99.99% zeros: the exact percentile is 0
    expect(robustHalfRangeOfValues(sparse, 100, 100)).toBe(1);
    expect(onTensor(sparse, 100, 100)).toBe(1);
  });

  it('colours beyond ±q saturated and 0 neutral (colorizeValues, robust)', () => {
    const values = edgeLike(40, 50, 11);
    values[0] = 1e4;
    values[1] = -1e4;
    values[2] = 0;
    const bytes = colorizeValues(values, 'robust', undefined, undefined, [40, 50]);
    expect(Array.from(bytes.subarray(0, 12))).toEqual([
      178, 24, 43, 255, 33, 102, 172, 255, 247, 247, 247, 255,
    ]);
  });
});
