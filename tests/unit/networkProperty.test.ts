/**
 * Random networks (1–4 layers, every field of every layer) on random small images: the tfjs core on the
 * cpu backend (`runNetwork`) against the plain-loop reference (`referenceNetwork`), layer by layer and
 * stage by stage. Networks that leave some layer without a result are kept: `networkGeometry` and the
 * reference must refuse them together, naming the same layer.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  disposeNetworkOutputs,
  networkGeometry,
  parseNetwork,
  runNetwork,
  runNetworkFrom,
  fedOutput,
  SpecError,
  type NetworkSpec,
} from '../../src/core/index.ts';
import { ReferenceRefusal, referenceNetwork, type RefusalReason } from '../reference/convLoop.ts';
import { explainPixel } from '../../src/core/explain.ts';
import { networkCase } from '../support/networkArbitraries.ts';
import { expectNetworkMatch } from '../support/networkMatch.ts';

/** fast-check runs per property; FC_RUNS raises it for a longer hunt. */
const RUNS = Number(process.env.FC_RUNS ?? 300);

/** The field `networkGeometry` names (after `layers[i].`) for each reason the reference gives. */
const FIELD_OF_REASON: Record<RefusalReason, RegExp> = {
  'filter-sizes-differ': /^filters\[\d+\]\.weights$/,
  'reflect-too-wide': /^padMode$/,
  'conv-no-output': /^filters$/,
  'pool-no-output': /^pool\.size$/,
};

function refusal(net: NetworkSpec, height: number, width: number): SpecError | null {
  try {
    networkGeometry(net, height, width);
    return null;
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error;
  }
}

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

describe('runNetwork against the plain-loop reference on random networks', () => {
  it(`agrees on every layer and stage, and on which networks have no result (${RUNS} networks)`, async () => {
    let compared = 0;
    let deep = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(networkCase, async ({ spec: json, image }) => {
        const net = parseNetwork(json);
        const [height, width] = image.shape;
        const problem = refusal(net, height, width);
        let reference: ReturnType<typeof referenceNetwork>;
        try {
          reference = referenceNetwork(image, net.layers);
        } catch (error) {
          if (!(error instanceof ReferenceRefusal)) throw error;
          expect(
            problem,
            `the reference refused (${error.message}) but networkGeometry accepted`,
          ).not.toBeNull();
          const prefix = net.layers.length > 1 ? `layers[${error.layer}].` : '';
          expect(problem?.field.startsWith(prefix), `${problem?.message} vs ${error.message}`).toBe(true);
          expect(problem?.field.slice(prefix.length), error.message).toMatch(FIELD_OF_REASON[error.reason]);
          refused++;
          return;
        }
        expect(problem, 'networkGeometry refused a network the reference computes').toBeNull();

        const input = tf.tensor3d(image.data, image.shape, 'float32');
        const outputs = runNetwork(input, net);
        try {
          await expectNetworkMatch(outputs, reference, 'cpu');
        } finally {
          disposeNetworkOutputs(outputs);
          input.dispose();
        }
        compared++;
        if (net.layers.length > 1) deep++;
      }),
      { numRuns: RUNS },
    );
    // Guards against a generator that drifts into refusing (or accepting) everything.
    expect(compared).toBeGreaterThan(RUNS * 0.3);
    expect(deep).toBeGreaterThan(RUNS * 0.2);
    expect(refused).toBeGreaterThan(0);
  });

  it('runNetworkFrom(k) from layer k-1’s fed result equals layers k..n of the whole run', async () => {
    const net = parseNetwork({
      layers: [
        { channels: 'rgb', filters: [{ weights: [[[1, 0, -1]]] }, { weights: [[2]] }] },
        {
          filters: [
            {
              weights: [
                [1, 1],
                [1, 1],
              ],
              bias: 1,
            },
          ],
          padding: 'valid',
          output: 'avgpool',
        },
        { filters: [{ weights: [[-1]] }, { weights: [[1]] }], activation: 'relu', output: 'conv' },
      ],
    });
    const image = tf.tensor3d(
      Float32Array.from({ length: 12 * 10 * 3 }, (_, i) => (i * 7) % 256),
      [12, 10, 3],
    );
    const geometries = networkGeometry(net, 12, 10);
    const whole = runNetwork(image, net, geometries);
    const before = tf.memory().numTensors;
    const tail = runNetworkFrom(net, 1, fedOutput(whole[0]!, net.layers[0]!), geometries);
    expect(tf.memory().numTensors - before).toBe(tail.length * 4);
    expect(tail).toHaveLength(2);
    for (const [i, out] of tail.entries()) {
      const full = whole[i + 1]!;
      expect(await out.featureMaps.array()).toEqual(await full.featureMaps.array());
      expect(await out.avgPool.array()).toEqual(await full.avgPool.array());
    }
    disposeNetworkOutputs(tail);
    disposeNetworkOutputs(whole);
    image.dispose();
  });

  it('explainPixel writes out a deeper layer’s pixel as a sum over its C input maps', async () => {
    const net = parseNetwork({
      layers: [
        { channels: 'rgb-per-channel', filters: [{ weights: [[1, -1]] }] },
        { filters: [{ weights: [[[1, 0.5, -2]], [[0.25, 1, 1]]], bias: 3 }], activation: 'abs' },
      ],
    });
    const image = tf.tensor3d(
      Float32Array.from({ length: 8 * 9 * 3 }, (_, i) => (i * 29) % 256),
      [8, 9, 3],
    );
    const geometries = networkGeometry(net, 8, 9);
    const outputs = runNetwork(image, net, geometries);
    const fed = outputs[0]!.maxPool;
    const [height, width, channels] = fed.shape;
    const input = { data: await fed.data(), height, width, channels };
    const maps = (await outputs[1]!.featureMaps.array()) as number[][][];
    const e = explainPixel(input, net.layers[1]!, geometries[1]!, 'features', 0, 2, 1);
    expect(e.kind === 'conv' && e.terms.map((t) => t.channel)).toEqual([0, 1, 2]);
    expect(e.value).toBeCloseTo(maps[2]![1]![0]!, 3);
    disposeNetworkOutputs(outputs);
    image.dispose();
  });
});
