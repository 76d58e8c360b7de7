/**
 * Networks on the page's GPU and wasm backends in a real Chromium: a few random networks (1–4 layers,
 * every field) run by `runNetwork` on webgl and on wasm (started as the page starts it), every layer
 * and stage against the plain-loop reference. The full random sweep runs on cpu in the unit tests
 * (tests/unit/networkProperty.test.ts); this checks the ops the GPU and wasm kernels bring.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  disposeNetworkOutputs,
  networkGeometry,
  parseNetwork,
  runNetwork,
  SpecError,
} from '../../src/core/index.ts';
import { startBackend } from '../../src/engine/backend.ts';
import { referenceNetwork, type HwcArray } from '../reference/convLoop.ts';
import { expectClose, FIXTURE_TOLERANCE } from '../support/fixtures.ts';
import { networkCase } from '../support/networkArbitraries.ts';

/** As the unit test: the allowed error grows with the stage's largest value (deep float32 sums). */
function tolerance(want: HwcArray): typeof FIXTURE_TOLERANCE {
  let scale = 0;
  for (const v of want.data) scale = Math.max(scale, Math.abs(v));
  return { ...FIXTURE_TOLERANCE, abs: FIXTURE_TOLERANCE.abs + 4e-6 * scale };
}

/** Networks that have a result on their image, the same sample on both backends. */
const CASES = fc
  .sample(networkCase, { numRuns: 60, seed: 13 })
  .filter(({ spec, image }) => {
    try {
      networkGeometry(parseNetwork(spec), image.shape[0], image.shape[1]);
      return true;
    } catch (error) {
      if (error instanceof SpecError) return false;
      throw error;
    }
  })
  .slice(0, 12);

/** Each new shape compiles shaders on webgl (slow on SwiftShader): fewer networks there. */
const COUNT = { webgl: 4, wasm: CASES.length };

describe.each(['webgl', 'wasm'] as const)('runNetwork on %s', (backend) => {
  it(`matches the plain-loop reference on random networks, every layer and stage`, async () => {
    if (backend === 'webgl') expect(await tf.setBackend('webgl')).toBe(true);
    else expect(await startBackend('wasm')).toMatchObject({ name: 'wasm' });
    expect(tf.getBackend()).toBe(backend);
    const cases = CASES.slice(0, COUNT[backend]);
    expect(cases.filter((c) => c.spec.layers.length > 1).length).toBeGreaterThan(2);

    for (const { spec, image } of cases) {
      const net = parseNetwork(spec);
      const reference = referenceNetwork(image, net.layers);
      const input = tf.tensor3d(image.data, image.shape, 'float32');
      const before = tf.memory().numTensors;
      const outputs = runNetwork(input, net);
      try {
        expect(tf.memory().numTensors - before, 'four tensors per layer, nothing else kept').toBe(
          4 * net.layers.length,
        );
        for (const [i, out] of outputs.entries()) {
          const want = reference[i]!;
          for (const [name, tensor, expected] of [
            ['featureMaps', out.featureMaps, want.conv],
            ['maxPool', out.maxPool, want.maxpool],
            ['avgPool', out.avgPool, want.avgpool],
          ] as const) {
            const label = `${backend} layer ${i + 1} of ${net.layers.length} ${name}`;
            expect(tensor.shape, label).toEqual(expected.shape);
            expectClose(await tensor.data(), expected.data, tolerance(expected), {
              label,
              shape: expected.shape,
            });
          }
        }
      } finally {
        disposeNetworkOutputs(outputs);
        input.dispose();
      }
    }
  });
});
