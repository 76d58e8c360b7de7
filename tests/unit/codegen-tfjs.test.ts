/**
 * The TensorFlow.js snippet, run whole (tests/support/tfjsSnippet.ts: its import given tfjs-core on cpu,
 * its Image the test picture) on every reference fixture and a fast-check sample of random specs, some
 * cropped: its feature maps and poolings must be the fixture's (the core's for random specs), and the
 * shapes it logs the ones its comments promise. Key lines are checked for the cases a reader looks for.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerGeometry, parseSpec, type LayerSpec } from '../../src/core/index.ts';
import { makePlan, type CodeImage } from '../../src/codegen/plan.ts';
import { tfjsCode } from '../../src/codegen/tfjs.ts';
import {
  coreLayerStages,
  expectCloseToMax,
  randomLayerCodeCases,
  type Image,
  type LayerStages,
} from '../support/codeCases.ts';
import { expectClose, FIXTURE_CASES, FIXTURE_TOLERANCE } from '../support/fixtures.ts';
import { expectLoggedAsCommented, runTfjsSnippet } from '../support/tfjsSnippet.ts';

const IMAGE: CodeImage = { file: 'image.png', label: 'test image', crop: null };
/** Random specs run; FC_RUNS raises it. FC_SEED replays a sample (the seed is in every failure). */
const RUNS = Number(process.env.FC_RUNS ?? 150);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

function codeFor(spec: unknown, height = 28, width = 28, image = IMAGE): string {
  const parsed = parseSpec(spec);
  return tfjsCode(makePlan(parsed, layerGeometry(parsed, height, width), image));
}

/** Runs the snippet of `spec` on `picture` (cut by `crop`) and compares what it returns with `want`. */
async function expectSnippetComputes(
  spec: LayerSpec,
  image: Image,
  picture: Image,
  crop: CodeImage['crop'],
  label: string,
  compare: (got: { shape: number[]; data: Float32Array }, stage: keyof LayerStages, label: string) => void,
): Promise<void> {
  const [h, w] = image.shape;
  const code = tfjsCode(makePlan(spec, layerGeometry(spec, h, w), { file: 'picture.png', label, crop }));
  const names = ['conv', 'maxPool', 'avgPool'] as const;
  const file = { file: 'picture.png', ...picture };
  await runTfjsSnippet(code, file, names, async (values, logged) => {
    for (const [name, stage] of [
      ['conv', 'conv'],
      ['maxPool', 'maxpool'],
      ['avgPool', 'avgpool'],
    ] as const) {
      const t = values[name] as tf.Tensor4D;
      expect(t.shape[0], `${label} ${stage} batch`).toBe(1);
      compare(
        { shape: t.shape.slice(1), data: (await t.data()) as Float32Array },
        stage,
        `${label} ${stage}`,
      );
    }
    expectLoggedAsCommented(code, logged, label);
  });
}

describe('the tfjs snippet computes what the page computes', () => {
  it.for(FIXTURE_CASES.map((c) => [c.name, c] as const))('fixture %s', async ([, fixture]) => {
    const image: Image = { shape: fixture.image.shape, data: fixture.image.data };
    await expectSnippetComputes(
      parseSpec(fixture.spec),
      image,
      image,
      null,
      fixture.name,
      (got, stage, label) => {
        const want = fixture.expected[stage];
        expect(got.shape, `${label} shape`).toEqual(want.shape);
        expectClose(got.data, want.data, FIXTURE_TOLERANCE, { label, shape: want.shape });
      },
    );
  });

  it(`on ${RUNS} random specs (a new sample each run; failures name FC_SEED), against the core`, async () => {
    const cases = randomLayerCodeCases(RUNS, SEED);
    expect(cases.length).toBeGreaterThan(RUNS / 3);
    for (const c of cases) {
      const expected = await coreLayerStages(c.spec, c.image);
      const label = `${c.name} (FC_SEED=${SEED}) ${JSON.stringify(c.spec)}`;
      await expectSnippetComputes(c.spec, c.image, c.picture, c.crop, label, (got, stage, l) =>
        expectCloseToMax(got, expected[stage], l),
      );
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
