/**
 * Learn a kernel (docs/training.md): from random weights (a fixed seed) gradient descent on the map of
 * a sample image reaches the hidden target within 0.05 per weight, for the three targets and for
 * the layer settings a person may have (stride, padding, dilation, RGB, RGB per channel), on wasm with our
 * filter gradient (RGB per channel without the depthwise gradient wasm lacks) and on cpu.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, imageTensor } from '../../src/cli/decode.ts';
import { defaultSpec, type LayerSpec, type Weights } from '../../src/core/index.ts';
import { DEFAULT_LEARN_SETTINGS, KernelLearner } from '../../src/train/learnKernel.ts';
import { seededRandom } from '../../src/train/random.ts';
import { registerWasmFilterGradient } from '../../src/train/wasmGradient.ts';

/** A crop of a sample, [size, size, 3]: small keeps the file quick on cpu; the rule is the same on any size. */
function crop(file: string, top: number, left: number, size: number): tf.Tensor3D {
  const full = imageTensor(decodeImage(new Uint8Array(readFileSync(`public/samples/${file}`))));
  const part = tf.slice(full, [top, left, 0], [size, size, 3]);
  full.dispose();
  return part;
}

let gray: tf.Tensor3D;
/** RGB filters need a colour image: on a gray one (R = G = B) only their sum over channels shows. */
let colour: tf.Tensor3D;

beforeAll(async () => {
  // wasm with our filter gradient (as the page's worker runs): about 8 times quicker than cpu here.
  expect(await tf.setBackend('wasm')).toBe(true);
  registerWasmFilterGradient();
  gray = crop('camera.png', 200, 200, 40);
  colour = crop('chelsea.png', 100, 150, 40);
});
afterAll(() => tf.dispose([gray, colour]));

const SOBEL_X = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
const BOX = Array.from({ length: 3 }, () => Array<number>(3).fill(1 / 9));
const random = seededRandom(7);
const RANDOM_5 = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => random.next() * 2 - 1));

/** Learns `target` until it stalls (at most `limit` steps) and returns the largest weight error. */
function learn(
  target: Weights,
  layer: Partial<LayerSpec> = {},
  image = gray,
  limit = 2000,
): { error: number; steps: number } {
  const learner = new KernelLearner(image, { ...defaultSpec(), ...layer }, target, DEFAULT_LEARN_SETTINGS);
  try {
    let state = learner.run(25);
    while (!learner.stalled(25) && state.step < limit) state = learner.run(25);
    const got = (state.weights as unknown[]).flat(2) as number[];
    const want = (target as unknown[]).flat(2) as number[];
    return { error: Math.max(...got.map((v, i) => Math.abs(v - want[i]!))), steps: state.step };
  } finally {
    learner.dispose();
  }
}

describe('learn a kernel', () => {
  it.each([
    ['Sobel x', SOBEL_X],
    ['a 3 x 3 box blur', BOX],
    ['a random 5 x 5', RANDOM_5],
  ])('reaches %s within 0.05 per weight', (_name, target) => {
    const { error, steps } = learn(target);
    expect(error).toBeLessThan(0.05);
    // Converged by the match rule well before the limit, not cut off by it.
    expect(steps).toBeLessThan(1000);
  });

  it.each([
    ['stride 2, valid', { stride: [2, 2], padding: 'valid' }],
    ['dilation 2, reflect', { dilation: [2, 2], padMode: 'reflect' }],
    ['RGB', { channels: 'rgb' }],
    ['per channel', { channels: 'rgb-per-channel' }],
  ] as Array<[string, Partial<LayerSpec>]>)('learns Sobel x with %s', (_name, layer) => {
    expect(learn(SOBEL_X, layer, colour).error).toBeLessThan(0.05);
  });

  it('learns a 3-D RGB filter', () => {
    const target = SOBEL_X.map((row) => row.map((v) => [v, -v / 2, 0.25]));
    expect(learn(target, { channels: 'rgb' }, colour).error).toBeLessThan(0.05);
  });

  it('leaks no tensor', () => {
    const before = tf.memory().numTensors;
    learn(SOBEL_X, {}, gray, 100);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("learns on cpu too (the worker's fallback)", async () => {
    await tf.setBackend('cpu');
    const g = crop('camera.png', 200, 200, 40);
    try {
      expect(learn(SOBEL_X, {}, g).error).toBeLessThan(0.05);
    } finally {
      g.dispose();
      await tf.setBackend('wasm');
    }
  });
});
