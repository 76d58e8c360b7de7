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
import { referenceNetwork } from '../reference/convLoop.ts';
import { networkCase } from '../support/networkArbitraries.ts';
import { expectNetworkMatch } from '../support/networkMatch.ts';

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
        await expectNetworkMatch(outputs, reference, backend);
      } finally {
        disposeNetworkOutputs(outputs);
        input.dispose();
      }
    }
  });
});
