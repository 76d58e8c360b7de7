/**
 * The robust colour scale on tfjs webgl (src/render/robustScale.ts): q counted by tf ops on the GPU is
 * the number the JS path finds (the wasm/cpu drawing, the same values), so a photo-like map with an
 * outlier border is drawn the same on both paths; nothing is read back and no tensor is left; and what
 * it costs next to the full-range scale.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import {
  countReadbacks,
  drawMap,
  drawMapValues,
  resetReadbackCounts,
  robustHalfRange,
  robustHalfRangeOfValues,
} from '../../src/render/index.ts';

beforeAll(async () => {
  await tf.setBackend('webgl');
  await tf.ready();
});

/** Edges on a flat field, and every 7th pixel of the top row 20 times stronger than any edge (a zero-padded photo's kind). */
function photoLike(size: number): Float32Array {
  const values = new Float32Array(size * size);
  let s = 12345;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      const noise = (s / 2 ** 31 - 0.5) * 6;
      const edge = (x % 37 === 0 ? 40 : 0) - (y % 53 === 0 ? 30 : 0);
      const border = y === 0 && x % 7 === 0 ? 800 : 0;
      values[y * size + x] = noise + edge + border;
    }
  }
  return values;
}

function bytesOf(canvas: HTMLCanvasElement): Uint8ClampedArray {
  return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
}

describe('robust colour scale on webgl', () => {
  it('finds the same q on the GPU as in JS and draws the same picture, with no readback and no leak', async () => {
    for (const size of [28, 300, 700]) {
      const values = photoLike(size);
      const map = tf.tidy(() => tf.add(tf.tensor2d(values, [size, size]), 0) as tf.Tensor2D);
      const onGpu = tf.tidy(() => robustHalfRange(map));
      const q = (await onGpu.data())[0];
      onGpu.dispose();
      expect(q, `${size}²`).toBe(robustHalfRangeOfValues(values, size, size));
      if (size > 200) expect(q, 'the border is clipped, not the scale').toBeLessThan(100);

      const before = tf.memory().numTensors;
      resetReadbackCounts();
      const gpu = document.createElement('canvas');
      drawMap(map, 'robust', gpu);
      expect(countReadbacks()).toBe(0);
      expect(tf.memory().numTensors).toBe(before);
      const cpu = document.createElement('canvas');
      drawMapValues(values, [size, size], { index: 0, count: 1 }, 'robust', cpu);
      const [a, b] = [bytesOf(gpu), bytesOf(cpu)];
      let off = 0;
      for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 1) off++;
      expect(off, `${size}²: bytes more than one level apart`).toBe(0);
      map.dispose();
    }
  });

  it('reports what the robust scale costs against the full range (webgl, 512²)', async () => {
    const values = photoLike(512);
    const map = tf.tidy(() => tf.add(tf.tensor2d(values, [512, 512]), 0) as tf.Tensor2D);
    const canvas = document.createElement('canvas');
    const time = async (mode: 'robust' | 'symmetric') => {
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const t0 = performance.now();
        drawMap(map, mode, canvas);
        canvas.getContext('2d')!.getImageData(0, 0, 1, 1); // wait for the GPU's work
        times.push(performance.now() - t0);
      }
      return times.sort((x, y) => x - y)[2]!;
    };
    const full = await time('symmetric');
    const robust = await time('robust');
    console.log(
      `512² map on webgl: drawMap full range ${full.toFixed(1)} ms, robust ${robust.toFixed(1)} ms`,
    );
    map.dispose();
    expect(robust).toBeGreaterThan(0);
  });
});
