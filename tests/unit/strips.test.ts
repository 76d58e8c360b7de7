/**
 * The layer in strips (src/core/strips.ts) on tfjs cpu: for random layers (every channel mode, stride,
 * dilation, padding, activation and pooling) and every way of cutting the rows, the strips joined and
 * pooled equal `runLayerPadded` in one piece, value for value; nothing is leaked.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  disposeOutputs,
  inputRowsFor,
  joinStrips,
  layerGeometry,
  multiplyAdds,
  parseSpec,
  runLayerPadded,
  runStrip,
  stripRows,
  type LayerOutputs,
} from '../../src/core/index.ts';
import { layerCase } from '../support/arbitraries.ts';
import { paddedLayer } from '../support/paddedLayer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const STAGES = ['preActivation', 'featureMaps', 'maxPool', 'avgPool'] as const;

function valuesOf(outputs: LayerOutputs) {
  return STAGES.map((stage) => ({ stage, shape: outputs[stage].shape, values: outputs[stage].dataSync() }));
}

describe('the layer in strips', () => {
  it('equals the layer in one piece, however the rows are cut', () => {
    fc.assert(
      fc.property(layerCase, fc.integer({ min: 1, max: 400 }), (testCase, maxWork) => {
        const before = tf.memory().numTensors;
        const layer = paddedLayer(testCase);
        if (!layer) return; // a spec that leaves no output for this image: nothing to cut
        const { spec, geometry, padded } = layer;
        const whole = runLayerPadded(padded, spec, geometry);
        const rows = stripRows(spec, geometry, maxWork);
        // The bands cover the conv's rows once, in order, and each reads inside the padded input.
        expect(rows[0]?.[0]).toBe(0);
        expect(rows.at(-1)?.[1]).toBe(geometry.conv.height);
        rows.forEach(([r0, r1], i) => {
          expect(r1).toBeGreaterThan(r0);
          if (i > 0) expect(r0).toBe(rows[i - 1]?.[1]);
          const [start, end] = inputRowsFor(spec, geometry, [r0, r1]);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(padded.shape[0]);
        });
        const inStrips = joinStrips(
          rows.map((band) => runStrip(padded, spec, geometry, band)),
          spec,
        );
        expect(valuesOf(inStrips)).toEqual(valuesOf(whole));
        disposeOutputs(whole);
        disposeOutputs(inStrips);
        padded.dispose();
        expect(tf.memory().numTensors).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it('cuts by work: one band when the layer fits, about work ÷ budget bands otherwise', () => {
    const spec = parseSpec({
      channels: 'rgb',
      filters: [{ weights: Array(3).fill(Array(3).fill([1, 1, 1])) }],
    });
    const geometry = layerGeometry(spec, 100, 50);
    expect(multiplyAdds(spec, geometry)).toBe(100 * 50 * 1 * 3 * 3 * 3);
    expect(stripRows(spec, geometry, Infinity)).toEqual([[0, 100]]);
    const bands = stripRows(spec, geometry, multiplyAdds(spec, geometry) / 4);
    expect(bands).toEqual([
      [0, 25],
      [25, 50],
      [50, 75],
      [75, 100],
    ]);
    // Never thinner than one row.
    expect(stripRows(spec, geometry, 1)).toHaveLength(100);
  });
});
