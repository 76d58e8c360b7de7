/**
 * The filter gradient we register for wasm (src/train/wasmGradient.ts: the 3-D one at depth 1) against
 * the cpu backend's own Conv2DBackpropFilter on the same random data, through tfjs's conv2d gradient as
 * training takes it; and `dilateKernel` (src/train/dilate.ts) against tf.conv2d with that dilation.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTrainBackend } from '../../src/cli/backend.ts';
import '../../src/train/gradients.ts';
import { dilateKernel } from '../../src/train/dilate.ts';
import { seededRandom } from '../../src/train/random.ts';

beforeAll(async () => {
  // Registers wasm and our kernel; the cases switch between wasm and cpu.
  await initTrainBackend('wasm');
});

const random = seededRandom(11);
const values = (n: number) => Float32Array.from({ length: n }, () => random.next() * 2 - 1);

interface Case {
  x: [number, number, number, number];
  kernel: [number, number, number, number];
  stride: 1 | 2;
  pad: 'valid' | 'same';
}

const CASES: Case[] = [
  { x: [2, 9, 9, 1], kernel: [3, 3, 1, 4], stride: 1, pad: 'valid' },
  { x: [3, 12, 10, 3], kernel: [3, 3, 3, 5], stride: 2, pad: 'valid' },
  { x: [2, 11, 11, 8], kernel: [5, 5, 8, 16], stride: 1, pad: 'same' },
  { x: [1, 14, 13, 2], kernel: [2, 4, 2, 3], stride: 2, pad: 'same' },
  { x: [4, 28, 28, 1], kernel: [3, 3, 1, 8], stride: 1, pad: 'valid' },
];

/** dLoss/dKernel on `backend` for loss = sum(conv2d(x, kernel) * weights): Conv2DBackpropFilter(x, weights). */
async function filterGradient(
  backend: 'wasm' | 'cpu',
  c: Case,
  x: Float32Array,
  kernel: Float32Array,
  outWeights: () => tf.Tensor4D,
): Promise<Float32Array> {
  await tf.setBackend(backend);
  const result = tf.tidy(() => {
    const xt = tf.tensor4d(x, c.x);
    const dy = outWeights();
    return tf.grad((k: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(xt, k as tf.Tensor4D, c.stride, c.pad), dy)))(
      tf.tensor4d(kernel, c.kernel),
    );
  });
  const data = (await result.data()) as Float32Array;
  result.dispose();
  return data;
}

describe('the wasm filter gradient', () => {
  it("is registered on wasm, beside cpu's own", () => {
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu')).toBeDefined();
  });

  /** Compares the two backends' gradients on case `c`. */
  async function compare(c: Case): Promise<void> {
    const x = values(c.x.reduce((a, b) => a * b));
    const kernel = values(c.kernel.reduce((a, b) => a * b));
    // The output's shape from a forward pass on cpu, then fixed random weights over it.
    await tf.setBackend('cpu');
    const outShape = tf.tidy(
      () => tf.conv2d(tf.zeros(c.x) as tf.Tensor4D, tf.zeros(c.kernel) as tf.Tensor4D, c.stride, c.pad).shape,
    );
    const dy = values(outShape.reduce((a, b) => a * b));
    const dyTensor = () => tf.tensor4d(dy, outShape as [number, number, number, number]);
    const cpu = await filterGradient('cpu', c, x, kernel, dyTensor);
    const wasm = await filterGradient('wasm', c, x, kernel, dyTensor);
    expect(wasm).toHaveLength(kernel.length);
    let worst = 0;
    let largest = 0;
    for (let i = 0; i < cpu.length; i++) {
      worst = Math.max(worst, Math.abs(wasm[i]! - cpu[i]!));
      largest = Math.max(largest, Math.abs(cpu[i]!));
    }
    expect(largest).toBeGreaterThan(0.1);
    // Sums of up to a few thousand float32 products in another order.
    expect(worst).toBeLessThan(1e-4 * Math.max(1, largest));
  }

  // Stride 2 found tfjs 4.22 wasm's own Conv3DBackpropFilterV2 wrong; wasmGradient.ts now sums those
  // itself, and these cases hold it to cpu's.
  it.each(CASES)('equals the cpu one: x $x, kernel $kernel, stride $stride, $pad', compare);
});

describe('dilateKernel', () => {
  it.each([
    { dilation: [2, 2] as [number, number], kernel: [3, 3, 1, 2] as const },
    { dilation: [3, 1] as [number, number], kernel: [3, 2, 2, 3] as const },
    { dilation: [1, 2] as [number, number], kernel: [2, 3, 3, 1] as const },
  ])('gives tf.conv2d with dilation $dilation', async ({ dilation, kernel }) => {
    await tf.setBackend('cpu');
    const shape: [number, number, number, number] = [2, 13, 12, kernel[2]];
    const x = tf.tensor4d(values(shape.reduce((a, b) => a * b)), shape);
    const k = tf.tensor4d(values(kernel.reduce((a: number, b: number) => a * b, 1)), [...kernel]);
    const spread = dilateKernel(k, dilation);
    expect(spread.shape).toEqual([
      (kernel[0] - 1) * dilation[0] + 1,
      (kernel[1] - 1) * dilation[1] + 1,
      kernel[2],
      kernel[3],
    ]);
    const expected = tf.conv2d(x, k, 1, 'valid', 'NHWC', dilation);
    const actual = tf.conv2d(x, spread, 1, 'valid');
    expect(actual.shape).toEqual(expected.shape);
    const a = actual.dataSync();
    const e = expected.dataSync();
    for (let i = 0; i < e.length; i++) expect(a[i]).toBeCloseTo(e[i]!, 5);
    tf.dispose([x, k, spread, expected, actual]);
  });

  it('returns the kernel itself when there is no dilation', () => {
    const k = tf.zeros([3, 3, 1, 1]) as tf.Tensor4D;
    expect(dilateKernel(k, [1, 1])).toBe(k);
    k.dispose();
  });
});
