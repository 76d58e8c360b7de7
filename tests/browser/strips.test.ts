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
import { hostValues } from '../../src/core/index.ts';
import { layerCase } from '../support/arbitraries.ts';
import { stripsAgainstWhole } from '../support/stripsAgainstWhole.ts';

beforeAll(async () => {
  expect(await tf.setBackend('webgl')).toBe(true);
  tf.env().set('WEBGL_CONV_IM2COL', false);
});

describe('the layer in strips on webgl', () => {
  it('slices the rows (no host values there) and equals the layer in one piece', async () => {
    const cases = fc.sample(fc.tuple(layerCase, fc.integer({ min: 1, max: 400 })), { numRuns: 25, seed: 7 });
    let compared = 0;
    for (const [testCase, maxWork] of cases) {
      const result = await stripsAgainstWhole(testCase, maxWork, ({ padded }) => {
        expect(hostValues(padded), 'webgl keeps no host values').toBeNull();
      });
      if (!result) continue;
      for (const [i, stage] of result.inStrips.entries()) {
        expect(stage.shape).toEqual(result.whole[i]?.shape);
        stage.values.forEach((v, j) => expect(v).toBeCloseTo(result.whole[i]?.values[j] ?? NaN, 2));
      }
      compared += result.bands > 1 ? 1 : 0;
    }
    expect(compared, 'cases cut into several strips').toBeGreaterThan(5);
  });
});
