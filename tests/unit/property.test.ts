/**
 * Random valid specs on random small images: the tfjs core (cpu backend) against the plain-loop reference,
 * stage by stage. Specs that leave no output are kept, not filtered away: for those, `layerGeometry` and the
 * reference must refuse together, for the same reason.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  disposeOutputs,
  layerGeometry,
  parseSpec,
  runLayer,
  SpecError,
  type LayerSpec,
} from '../../src/core/index.ts';
import { ReferenceRefusal, referenceLayer, type RefusalReason } from '../reference/convLoop.ts';
import { layerCase } from '../support/arbitraries.ts';
import { expectClose, FIXTURE_TOLERANCE } from '../support/fixtures.ts';

/** fast-check runs per property; FC_RUNS raises it for a longer hunt. */
const RUNS = Number(process.env.FC_RUNS ?? 600);

/** Which SpecError field `layerGeometry` uses for each reason the reference gives. */
const FIELD_OF_REASON: Record<RefusalReason, RegExp> = {
  'filter-sizes-differ': /^filters\[\d+\]\.weights$/,
  'reflect-too-wide': /^padMode$/,
  'conv-no-output': /^filters$/,
  'pool-no-output': /^$/, // not refused: see `pool.empty`
};

type Outcome = { refused: false } | { refused: true; field: string; message: string };

function geometryOutcome(spec: LayerSpec, height: number, width: number): Outcome {
  try {
    layerGeometry(spec, height, width);
    return { refused: false };
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return { refused: true, field: error.field, message: error.message };
  }
}

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
  expect(tf.getBackend()).toBe('cpu');
});

describe('runLayer against the plain-loop reference on random specs', () => {
  it(`agrees with the reference on every stage, and on which specs leave no output (${RUNS} specs)`, async () => {
    let compared = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(layerCase, async ({ spec: json, image }) => {
        // Every generated spec follows the contract, so parseSpec must take it.
        const spec = parseSpec(json);
        const [height, width] = image.shape;
        const geometry = geometryOutcome(spec, height, width);

        let reference: ReturnType<typeof referenceLayer> | undefined;
        try {
          reference = referenceLayer(image, spec);
        } catch (error) {
          if (!(error instanceof ReferenceRefusal)) throw error;
          if (error.reason === 'pool-no-output') {
            // An empty pooling is reported (the page says so in place), not refused.
            expect(geometry, error.message).toEqual({ refused: false });
            expect(layerGeometry(spec, height, width).pool.empty, error.message).not.toBeNull();
            refused++;
            return;
          }
          expect(
            geometry.refused,
            `the reference refused (${error.message}) but layerGeometry accepted`,
          ).toBe(true);
          if (geometry.refused) expect(geometry.field, error.message).toMatch(FIELD_OF_REASON[error.reason]);
          refused++;
          return;
        }
        expect(geometry, 'layerGeometry refused a spec that the reference computes').toEqual({
          refused: false,
        });

        const input = tf.tensor3d(image.data, image.shape, 'float32');
        const out = runLayer(input, spec);
        try {
          const stages = [
            ['preActivation', out.preActivation, reference.preActivation],
            ['featureMaps', out.featureMaps, reference.conv],
            ['maxPool', out.maxPool, reference.maxpool],
            ['avgPool', out.avgPool, reference.avgpool],
          ] as const;
          for (const [name, tensor, want] of stages) {
            expect(tensor.shape, `${name} shape`).toEqual(want.shape);
            expectClose(await tensor.data(), want.data, FIXTURE_TOLERANCE, {
              label: name,
              shape: want.shape,
            });
          }
        } finally {
          disposeOutputs(out);
          input.dispose();
        }
        compared++;
      }),
      { numRuns: RUNS },
    );
    // Guards against a generator that drifts into refusing (or accepting) everything.
    expect(compared).toBeGreaterThan(RUNS * 0.4);
    expect(refused).toBeGreaterThan(0);
  });
});
