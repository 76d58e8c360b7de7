/**
 * The layer in strips (src/core/strips.ts) on tfjs webgl in Chromium, where a strip's rows are a slice
 * of the padded input (on wasm and cpu they are copied from the host values; tests/unit/strips.test.ts):
 * for random layers and ways of cutting the rows, the strips joined and pooled equal the layer in one
 * piece, and nothing is leaked.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  disposeOutputs,
  hostValues,
  joinStrips,
  runLayerPadded,
  runStrip,
  stripRows,
  type LayerOutputs,
} from '../../src/core/index.ts';
import { layerCase } from '../support/arbitraries.ts';
import { paddedLayer } from '../support/paddedLayer.ts';

beforeAll(async () => {
  expect(await tf.setBackend('webgl')).toBe(true);
  tf.env().set('WEBGL_CONV_IM2COL', false);
});

const STAGES = ['preActivation', 'featureMaps', 'maxPool', 'avgPool'] as const;

async function valuesOf(outputs: LayerOutputs) {
  return Promise.all(
    STAGES.map(async (stage) => ({
      stage,
      shape: outputs[stage].shape,
      values: Array.from(await outputs[stage].data()),
    })),
  );
}

describe('the layer in strips on webgl', () => {
  it('slices the rows (no host values there) and equals the layer in one piece', async () => {
    const cases = fc.sample(fc.tuple(layerCase, fc.integer({ min: 1, max: 400 })), { numRuns: 25, seed: 7 });
    let compared = 0;
    for (const [testCase, maxWork] of cases) {
      const before = tf.memory().numTensors;
      const layer = paddedLayer(testCase);
      if (!layer) continue;
      const { spec, geometry, padded } = layer;
      expect(hostValues(padded), 'webgl keeps no host values').toBeNull();
      const whole = runLayerPadded(padded, spec, geometry);
      const rows = stripRows(spec, geometry, maxWork);
      const inStrips = joinStrips(
        rows.map((band) => runStrip(padded, spec, geometry, band)),
        spec,
      );
      const [a, b] = [await valuesOf(inStrips), await valuesOf(whole)];
      for (const [i, stage] of a.entries()) {
        expect(stage.shape).toEqual(b[i]?.shape);
        stage.values.forEach((v, j) => expect(v).toBeCloseTo(b[i]?.values[j] ?? NaN, 2));
      }
      compared += rows.length > 1 ? 1 : 0;
      disposeOutputs(whole);
      disposeOutputs(inStrips);
      padded.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
    expect(compared, 'cases cut into several strips').toBeGreaterThan(5);
  });
});
