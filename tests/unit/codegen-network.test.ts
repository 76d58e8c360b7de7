/**
 * Code export of a whole network. The TensorFlow.js code runs whole in Node (tests/support/tfjsSnippet.ts)
 * on the notes' small CNN, a six-layer network and random networks, and every layer's results (`out1`, `out2`, …) must be `runNetwork`'s; a network of
 * one layer generates exactly the one-layer code in every language; the Keras code (TensorFlow is not
 * in Debian, so it is not run) is checked for the lines that carry the meaning.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_LANGUAGES, generateCode, generateNetworkCode } from '../../src/codegen/index.ts';
import { layerGeometry, networkGeometry, networkOf, parseNetwork, parseSpec } from '../../src/core/index.ts';
import {
  coreNetworkStages,
  expectCloseToMax,
  namedNetworkCodeCases,
  randomNetworkCodeCases,
  type LayerStages,
  type NetworkCodeCase,
} from '../support/codeCases.ts';
import { FIXTURE_CASES } from '../support/fixtures.ts';
import { expectLoggedAsCommented, runTfjsSnippet } from '../support/tfjsSnippet.ts';

/** Random networks tried; FC_RUNS raises it. FC_SEED replays a sample (the seed is in every failure). */
const RUNS = Number(process.env.FC_RUNS ?? 150);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const STAGES = [
  ['conv', 'conv'],
  ['maxPool', 'maxpool'],
  ['avgPool', 'avgpool'],
] as const;

/** Runs the tfjs code of `c` whole and compares every layer's results with `runNetwork`'s. */
async function expectNetworkSnippetComputes(c: NetworkCodeCase, label: string): Promise<void> {
  const expected = await coreNetworkStages(c.net, c.image);
  const file = 'picture.png';
  const code = generateNetworkCode('tfjs', c.net, c.geometries, { file, label: c.name, crop: null });
  const outs = c.net.layers.map((_, i) => `out${i + 1}`);
  await runTfjsSnippet(code, { file, ...c.image }, outs, async (values, logged) => {
    for (const [i, want] of expected.entries()) {
      const out = values[`out${i + 1}`] as Record<string, tf.Tensor4D>;
      for (const [name, stage] of STAGES) {
        const t = out[name] as tf.Tensor4D;
        const got = { shape: t.shape.slice(1), data: await t.data() };
        expectCloseToMax(got, (want as LayerStages)[stage], `${label} layer ${i + 1} ${stage}`);
      }
    }
    expectLoggedAsCommented(code, logged, label);
  });
}

describe('the tfjs network code computes what the page computes', () => {
  it.for(namedNetworkCodeCases().map((c) => [c.name, c] as const))('%s, every layer', async ([, c]) => {
    await expectNetworkSnippetComputes(c, c.name);
  });

  it(`on ${RUNS} random networks (a new sample each run; failures name FC_SEED), those that fit their image, every layer`, async () => {
    const cases = randomNetworkCodeCases(RUNS, SEED);
    expect(cases.length).toBeGreaterThan(RUNS / 4);
    for (const c of cases)
      await expectNetworkSnippetComputes(c, `${c.name} (FC_SEED=${SEED}) ${JSON.stringify(c.net)}`);
  });
});

describe('a network of one layer', () => {
  it('generates exactly the one-layer code, in every language', () => {
    for (const fixture of FIXTURE_CASES) {
      const spec = parseSpec(fixture.spec);
      const [h, w] = fixture.image.shape;
      const image = { file: 'x.png', label: 'x', crop: null };
      const net = networkOf(spec);
      for (const language of CODE_LANGUAGES) {
        expect(generateNetworkCode(language, net, networkGeometry(net, h, w), image)).toBe(
          generateCode(language, spec, layerGeometry(spec, h, w), image),
        );
      }
    }
  });
});

describe('the Keras network code', () => {
  const net = parseNetwork({
    layers: [
      {
        channels: 'rgb-per-channel',
        filters: [{ weights: [[1, 2]] }, { weights: [[3, 4]] }],
        padMode: 'reflect',
        activation: 'abs',
        output: 'avgpool',
      },
      { filters: [{ weights: [[1]] }], stride: 2, dilation: 2, padding: 'valid', activation: 'clip' },
    ],
  });
  const code = generateNetworkCode('keras', net, networkGeometry(net, 28, 28), {
    file: 'f.png',
    label: 'F',
    crop: null,
  });

  it('is one keras.Sequential with each layer named and given its weights', () => {
    expect(code).toContain('model = keras.Sequential([');
    expect(code).toContain('keras.Input(shape=(28, 28, 3))');
    expect(code).toContain("model.get_layer('conv1').set_weights([kernel1, np.tile(bias1, 3)])");
    expect(code).toContain("model.get_layer('conv2').set_weights([kernel2, bias2])");
    expect(code).toContain('(kh, kw, C_in, F) = (1, 1, 6, 1)');
  });

  it('says in the model what Keras cannot: reflect padding, map order, abs, stride with dilation', () => {
    expect(code).toContain("np.pad(np.arange(28), (0, 0), mode='reflect')");
    expect(code).toContain('layers.DepthwiseConv2D(kernel_size=(1, 2)');
    expect(code).toContain('keras.ops.take(t, [0, 2, 4, 1, 3, 5], axis=3)');
    expect(code).toContain('layers.Lambda(keras.ops.abs');
    expect(code).toContain("layers.AveragePooling2D(pool_size=(2, 2), strides=(2, 2), padding='valid')");
    expect(code).toContain('t[:, ::2, ::2]');
    expect(code).toContain('layers.ReLU(max_value=255.0');
  });
});
