/**
 * The TensorFlow.js snippet: its `layer(x)` function is run (tfjs cpu) on every reference fixture and must
 * give the fixture's feature maps and poolings; key lines are checked for the cases a reader looks for.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerGeometry, layerInput, parseSpec } from '../../src/core/index.ts';
import { makePlan, type CodeImage } from '../../src/codegen/plan.ts';
import { tfjsCode } from '../../src/codegen/tfjs.ts';
import { expectClose, FIXTURE_CASES, FIXTURE_TOLERANCE } from '../support/fixtures.ts';

const IMAGE: CodeImage = { file: 'image.png', label: 'test image', crop: null };

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

type LayerFn = (x: tf.Tensor4D) => { conv: tf.Tensor4D; maxPool: tf.Tensor4D; avgPool: tf.Tensor4D };

/** The snippet's `function layer(x) { … }`, compiled against tfjs-core. */
function compileLayer(code: string): LayerFn {
  const start = code.indexOf('function layer(x) {');
  const end = code.indexOf('\n}\n', start);
  expect(start, 'the snippet defines function layer(x)').toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const source = `${code.slice(start, end + 2)}\nreturn layer;`;
  return new Function('tf', source)(tf) as LayerFn;
}

function codeFor(spec: unknown, height = 28, width = 28, image = IMAGE): string {
  const parsed = parseSpec(spec);
  return tfjsCode(makePlan(parsed, layerGeometry(parsed, height, width), image));
}

describe('the tfjs snippet computes what the page computes', () => {
  it.each(FIXTURE_CASES.map((c) => [c.name, c] as const))('fixture %s', async (_name, fixture) => {
    const spec = parseSpec(fixture.spec);
    const [h, w] = fixture.image.shape;
    const code = tfjsCode(makePlan(spec, layerGeometry(spec, h, w), IMAGE));
    const layer = compileLayer(code);
    const image = tf.tensor3d(fixture.image.data, fixture.image.shape, 'float32');
    const x = tf.expandDims(layerInput(image, spec.channels), 0) as tf.Tensor4D;
    const out = layer(x);
    try {
      for (const [got, want, label] of [
        [out.conv, fixture.expected.conv, 'conv'],
        [out.maxPool, fixture.expected.maxpool, 'maxpool'],
        [out.avgPool, fixture.expected.avgpool, 'avgpool'],
      ] as const) {
        expect(got.shape.slice(1), `${fixture.name} ${label} shape`).toEqual(want.shape);
        expectClose(await got.data(), want.data, FIXTURE_TOLERANCE, {
          label: `${fixture.name} ${label}`,
          shape: want.shape,
        });
      }
    } finally {
      tf.dispose([image, x, out.conv, out.maxPool, out.avgPool]);
    }
  });
});

describe('the tfjs snippet says what it does', () => {
  it('builds the weights with tf.tensor4d as [kh, kw, C_in, F] and prints the shapes', () => {
    const code = codeFor({ padding: 'valid', filters: [{ weights: Array(7).fill(Array(7).fill(1)) }] });
    expect(code).toContain("import * as tf from '@tensorflow/tfjs';");
    expect(code).toContain('tf.tensor4d(filters.flat(3), [1, 7, 7, 1]), [1, 2, 3, 0])');
    expect(code).toContain('// tf.conv2d wants [kh, kw, C_in, F] = [7, 7, 1, 1]');
    expect(code).toContain("let y = tf.conv2d(x, kernel, [1, 1], 'valid', 'NHWC', [1, 1]);");
    expect(code).toContain('console.log(conv.shape); // [1, 22, 22, 1]');
    expect(code).toContain('// [1, 11, 11, 1]');
    expect(code).toContain('0.299 R + 0.587 G + 0.114 B');
  });

  it('rotates the weights 180° for flip, and says so', () => {
    const code = codeFor({
      flip: true,
      filters: [
        {
          weights: [
            [1, 2, 3],
            [4, 5, 6],
            [7, 8, 9],
          ],
        },
      ],
    });
    expect(code).toContain('rotated 180°');
    expect(code).toMatch(/\[9, 8, 7\],\n\s*\[6, 5, 4\],\n\s*\[3, 2, 1\],/);
  });

  it('uses SAME directly for zeros, and explicit pads for reflect and replicate', () => {
    expect(codeFor({ stride: 2 })).toContain("tf.conv2d(x, kernel, [2, 2], 'same'");
    expect(codeFor({ stride: 2 })).toContain('SAME: height 1 → 0 before, 1 after');
    const reflect = codeFor({ padMode: 'reflect' });
    expect(reflect).toContain("x = tf.mirrorPad(x, [[0, 0], [1, 1], [1, 1], [0, 0]], 'reflect');");
    const replicate = codeFor({ padMode: 'replicate', padding: [0, 2, 1, 0] });
    expect(replicate).toContain('tfjs has no such pad mode');
    expect(replicate).toContain('x = tf.gather(tf.gather(x, rows, 1), cols, 2);');
  });

  it('writes a depthwise layer for rgb-per-channel and reorders its maps', () => {
    const code = codeFor({ channels: 'rgb-per-channel', filters: [{ weights: [[1]] }, { weights: [[2]] }] });
    expect(code).toContain('tf.depthwiseConv2d(x, kernel');
    expect(code).toContain('y = tf.gather(y, [0, 2, 4, 1, 3, 5], 3);');
    expect(code).toContain('tf.tile(');
  });

  it('clips to 0..255 and crops the 27 × 27 sample', () => {
    const code = codeFor({ activation: 'clip' }, 27, 27, {
      file: 'fashion-mnist-9.png',
      label: 'Fashion-MNIST',
      crop: [0, 0, 27, 27],
    });
    expect(code).toContain('y = tf.clipByValue(y, 0, 255);');
    expect(code).toContain('rgb = tf.slice(rgb, [0, 0, 0], [27, 27, 3]);');
  });
});
