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
import { expectClose, FIXTURE_TOLERANCE } from '../support/fixtures.ts';

/** fast-check runs per property; FC_RUNS raises it for a longer hunt. */
const RUNS = Number(process.env.FC_RUNS ?? 600);

/** Which SpecError field `layerGeometry` uses for each reason the reference gives. */
const FIELD_OF_REASON: Record<RefusalReason, RegExp> = {
  'filter-sizes-differ': /^filters\[\d+\]\.weights$/,
  'reflect-too-wide': /^padMode$/,
  'conv-no-output': /^filters$/,
  'pool-no-output': /^pool\.size$/,
};

const pair = (min: number, max: number) => fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));
/** Multiples of 1/4: exact in float32, so only the gray luma brings rounding in. */
const weight = fc.integer({ min: -12, max: 12 }).map((v) => v / 4);

const layout = fc.record({
  height: fc.integer({ min: 1, max: 12 }),
  width: fc.integer({ min: 1, max: 12 }),
  channels: fc.constantFrom('gray', 'rgb', 'rgb-per-channel'),
  kh: fc.integer({ min: 1, max: 5 }),
  kw: fc.integer({ min: 1, max: 5 }),
  filters: fc.integer({ min: 1, max: 3 }),
  threeD: fc.boolean(),
  flip: fc.boolean(),
  stride: pair(1, 3),
  dilation: pair(1, 3),
  padding: fc.oneof(
    fc.constantFrom('valid', 'same'),
    fc.integer({ min: 0, max: 4 }),
    fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: 4 }))),
  ),
  padMode: fc.constantFrom('zeros', 'reflect', 'replicate'),
  activation: fc.constantFrom('none', 'relu', 'abs', 'clip'),
  pool: fc.record({ size: pair(1, 3), stride: pair(1, 3), padding: fc.constantFrom('valid', 'same') }),
});

/** A layout with its weights, biases and pixels filled in: a spec as JSON and an RGB image. */
const layerCase = layout.chain((l) => {
  const depth = l.channels === 'gray' ? 1 : 3;
  const cell: fc.Arbitrary<number | number[]> = l.threeD
    ? fc.array(weight, { minLength: depth, maxLength: depth })
    : weight;
  const weights = fc.array(fc.array(cell, { minLength: l.kw, maxLength: l.kw }), {
    minLength: l.kh,
    maxLength: l.kh,
  });
  const filter = fc.record({ weights, bias: fc.integer({ min: -80, max: 80 }).map((b) => b / 2) });
  const pixels = l.height * l.width * 3;
  return fc.record({
    spec: fc.array(filter, { minLength: l.filters, maxLength: l.filters }).map((filters) => ({
      channels: l.channels,
      filters,
      flip: l.flip,
      stride: l.stride,
      dilation: l.dilation,
      padding: l.padding,
      padMode: l.padMode,
      activation: l.activation,
      pool: l.pool,
    })),
    image: fc
      .array(fc.integer({ min: 0, max: 255 }), { minLength: pixels, maxLength: pixels })
      .map((data) => ({ shape: [l.height, l.width, 3] as [number, number, number], data })),
  });
});

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
