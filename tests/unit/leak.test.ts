/**
 * No tensor leaked: the whole layer and every exported op, run many times on the cpu backend after a warm-up,
 * leave `tf.memory().numTensors` where it was once their results are disposed.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activate,
  convolve,
  disposeOutputs,
  layerGeometry,
  layerInput,
  padImage,
  parseSpec,
  poolAvg,
  poolMax,
  runLayer,
  type LayerSpec,
} from '../../src/core/index.ts';

const RUNS = 200;

/** Runs `op` (which must dispose what it makes) once to warm up, then RUNS times; returns the tensor count change. */
function tensorGrowth(op: () => void): number {
  op();
  const before = tf.memory().numTensors;
  for (let i = 0; i < RUNS; i++) op();
  return tf.memory().numTensors - before;
}

const SPECS: Record<string, unknown> = {
  'the default Sobel layer': {},
  'replicate padding': { padding: 2, padMode: 'replicate', activation: 'relu' },
  'reflect padding with same pooling': { padMode: 'reflect', pool: { size: 3, stride: 2, padding: 'same' } },
  'rgb-per-channel with two filters': {
    channels: 'rgb-per-channel',
    filters: [
      {
        weights: [
          [1, -1],
          [0.5, 2],
        ],
      },
      {
        weights: [
          [0.5, 1],
          [2, -1],
        ],
        bias: 3,
      },
    ],
    activation: 'abs',
  },
  'rgb with 3-D weights': {
    channels: 'rgb',
    filters: [
      {
        weights: [
          [
            [1, 0, -1],
            [0, 2, 0],
          ],
        ],
        bias: -10,
      },
    ],
    activation: 'clip',
  },
  'stride and dilation together': { stride: [2, 3], dilation: [2, 2], padding: 'same' },
  'rgb-per-channel with stride and dilation together': {
    channels: 'rgb-per-channel',
    filters: [
      {
        weights: [
          [1, 2],
          [3, 4],
        ],
      },
      {
        weights: [
          [0, 1],
          [1, 0],
        ],
      },
    ],
    stride: 2,
    dilation: 2,
    padMode: 'replicate',
  },
};

let image: tf.Tensor3D;

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
  expect(tf.getBackend()).toBe('cpu');
  image = tf.randomUniform([17, 13, 3], 0, 255, 'float32', 7) as tf.Tensor3D;
});

afterAll(() => {
  image.dispose();
});

describe('runLayer followed by disposeOutputs', () => {
  it.each(Object.entries(SPECS))('leaves no tensor behind for %s', (_name, json) => {
    const spec = parseSpec(json);
    const growth = tensorGrowth(() => disposeOutputs(runLayer(image, spec)));
    expect(growth).toBe(0);
  });

  it('leaves no tensor behind when given a precomputed geometry', () => {
    const spec = parseSpec({ padding: 'valid' });
    const geometry = layerGeometry(spec, 17, 13);
    expect(tensorGrowth(() => disposeOutputs(runLayer(image, spec, geometry)))).toBe(0);
  });

  it('leaves no tensor behind when the spec is refused', () => {
    const spec = parseSpec({
      filters: [{ weights: Array.from({ length: 20 }, () => [1]) }],
      padding: 'valid',
    });
    expect(() => runLayer(image, spec)).toThrow(/leaves no output/);
    expect(
      tensorGrowth(() => {
        try {
          runLayer(image, spec);
        } catch {
          // refused before any tensor is made
        }
      }),
    ).toBe(0);
  });

  it('disposes all four outputs, and the count would grow without disposeOutputs', () => {
    const spec = parseSpec({});
    const before = tf.memory().numTensors;
    const out = runLayer(image, spec);
    expect(tf.memory().numTensors - before).toBe(4);
    disposeOutputs(out);
    expect(tf.memory().numTensors).toBe(before);
    expect(out.featureMaps.isDisposed && out.maxPool.isDisposed && out.avgPool.isDisposed).toBe(true);
  });
});

describe('each exported op returns one tensor and keeps nothing else', () => {
  const specs: LayerSpec[] = Object.values(SPECS).map((json) => parseSpec(json));

  /** Runs `make` and disposes its result, RUNS times; asserts it made exactly one new tensor each time. */
  function expectNoLeak(make: () => tf.Tensor): void {
    const before = tf.memory().numTensors;
    const once = make();
    expect(tf.memory().numTensors - before).toBe(1);
    once.dispose();
    expect(tensorGrowth(() => make().dispose())).toBe(0);
  }

  it('padImage in every mode', () => {
    const pads = { top: 1, bottom: 2, left: 2, right: 0 };
    for (const mode of ['zeros', 'reflect', 'replicate'] as const)
      expectNoLeak(() => padImage(image, pads, mode));
    expectNoLeak(() => padImage(image, { top: 0, bottom: 0, left: 0, right: 0 }, 'replicate'));
  });

  it('layerInput for every channel mode', () => {
    for (const channels of ['gray', 'rgb', 'rgb-per-channel'] as const)
      expectNoLeak(() => layerInput(image, channels));
  });

  it('convolve for every test spec', () => {
    for (const spec of specs) {
      const input = layerInput(image, spec.channels);
      const geometry = layerGeometry(spec, 17, 13);
      expectNoLeak(() => convolve(input, spec, geometry));
      input.dispose();
    }
  });

  it('activate for every activation', () => {
    for (const activation of ['none', 'relu', 'abs', 'clip'] as const)
      expectNoLeak(() => activate(image, activation));
  });

  it('poolMax and poolAvg with valid and same padding', () => {
    for (const padding of ['valid', 'same'] as const) {
      const pool = { size: [3, 2] as [number, number], stride: [2, 2] as [number, number], padding };
      expectNoLeak(() => poolMax(image, pool));
      expectNoLeak(() => poolAvg(image, pool));
    }
  });
});
