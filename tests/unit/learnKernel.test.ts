/**
 * Learn a kernel (docs/training.md): from random weights (a fixed seed) gradient descent on the map of
 * a sample image reaches the hidden target within 0.05 per weight, for the three targets and for
 * the layer settings a person may have (stride, padding, dilation, RGB).
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, imageTensor } from '../../src/cli/decode.ts';
import { defaultSpec, type LayerSpec, type Weights } from '../../src/core/index.ts';
import { DEFAULT_LEARN_SETTINGS, KernelLearner } from '../../src/train/learnKernel.ts';
import { seededRandom } from '../../src/train/random.ts';

let image: tf.Tensor3D;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const full = imageTensor(decodeImage(new Uint8Array(readFileSync('public/samples/camera.png'))));
  // A 96 x 96 crop keeps the test quick; the rule is the same on any size.
  image = tf.slice(full, [200, 200, 0], [96, 96, 3]);
  full.dispose();
});
afterAll(() => image.dispose());

const SOBEL_X = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
const BOX = Array.from({ length: 3 }, () => Array<number>(3).fill(1 / 9));
const random = seededRandom(7);
const RANDOM_5 = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => random.next() * 2 - 1));

/** Learns `target` until it stalls (at most `limit` steps) and returns the largest weight error. */
function learn(target: Weights, layer: Partial<LayerSpec> = {}, limit = 3000): { error: number; steps: number } {
  const learner = new KernelLearner(image, { ...defaultSpec(), ...layer }, target, DEFAULT_LEARN_SETTINGS);
  try {
    let state = learner.run(50);
    while (!learner.stalled(50) && state.step < limit) state = learner.run(50);
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
    console.log(_name, steps, error);
    expect(error).toBeLessThan(0.05);
  });

  it.each([
    ['stride 2, valid', { stride: [2, 2], padding: 'valid' }],
    ['dilation 2, reflect', { dilation: [2, 2], padMode: 'reflect' }],
    ['RGB', { channels: 'rgb' }],
    ['per channel', { channels: 'rgb-per-channel' }],
  ] as Array<[string, Partial<LayerSpec>]>)('learns Sobel x with %s', (_name, layer) => {
    expect(learn(SOBEL_X, layer).error).toBeLessThan(0.05);
  });

  it('learns a 3-D RGB filter', () => {
    const target = SOBEL_X.map((row) => row.map((v) => [v, -v / 2, 0.25]));
    expect(learn(target, { channels: 'rgb' }).error).toBeLessThan(0.05);
  });

  it('leaks no tensor', () => {
    const before = tf.memory().numTensors;
    learn(SOBEL_X, {}, 100);
    expect(tf.memory().numTensors).toBe(before);
  });
});
