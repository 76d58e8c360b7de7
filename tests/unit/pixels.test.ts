/** The engine's image tensor from a still image's RGBA bytes (src/engine/pixels.ts), on tfjs cpu. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, expect, it } from 'vitest';
import { tensorOfPixels } from '../../src/engine/pixels.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

it('keeps R, G, B of every pixel in order as float32 0..255 and drops alpha', () => {
  // 2 rows × 3 columns; alpha varies and must not leak into the values.
  const data = Uint8ClampedArray.from([
    0, 1, 2, 255, 10, 20, 30, 0, 255, 254, 253, 128, 7, 8, 9, 1, 100, 150, 200, 255, 40, 50, 60, 77,
  ]);
  const image = tensorOfPixels({ width: 3, height: 2, data });
  expect(image.shape).toEqual([2, 3, 3]);
  expect(image.dtype).toBe('float32');
  expect(Array.from(image.dataSync())).toEqual([
    0, 1, 2, 10, 20, 30, 255, 254, 253, 7, 8, 9, 100, 150, 200, 40, 50, 60,
  ]);
  image.dispose();
});
