/**
 * One filter's maps alone (src/core/filterChanges.ts), on tfjs cpu: for random layers (every channel mode,
 * stride, dilation, padding, activation and pooling) the layer of one filter gives that filter's maps of
 * the whole layer, value for value; `changedFilters` names the edited filters and refuses any other change.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  changedFilters,
  defaultSpec,
  disposeOutputs,
  filterSubset,
  mapsPerFilter,
  parseSpec,
  runLayerPadded,
  type LayerOutputs,
  type LayerSpec,
} from '../../src/core/index.ts';
import { layerCase } from '../support/arbitraries.ts';
import { paddedLayer } from '../support/paddedLayer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const STAGES = ['preActivation', 'featureMaps', 'maxPool', 'avgPool'] as const;

/** Maps [first, first + count) of every stage, as plain arrays. */
function mapsOf(outputs: LayerOutputs, first: number, count: number) {
  return STAGES.map((stage) =>
    tf.tidy(() => {
      const t = outputs[stage];
      return { stage, values: Array.from(tf.slice(t, [0, 0, first], [-1, -1, count]).dataSync()) };
    }),
  );
}

function allMapsOf(outputs: LayerOutputs) {
  return mapsOf(outputs, 0, outputs.preActivation.shape[2]);
}

describe("one filter's maps alone", () => {
  it("equal that filter's maps of the whole layer", () => {
    fc.assert(
      fc.property(layerCase, (testCase) => {
        const before = tf.memory().numTensors;
        const layer = paddedLayer(testCase);
        if (!layer) return; // a spec that leaves no output for this image
        const { spec, geometry, padded } = layer;
        const [height, width] = testCase.image.shape;
        const whole = runLayerPadded(padded, spec, geometry);
        const per = mapsPerFilter(spec);
        for (let f = 0; f < spec.filters.length; f++) {
          const sub = filterSubset(spec, [f], height, width);
          expect(sub.geometry.conv.maps).toBe(per);
          const alone = runLayerPadded(padded, sub.spec, sub.geometry);
          expect(allMapsOf(alone)).toEqual(mapsOf(whole, f * per, per));
          disposeOutputs(alone);
        }
        disposeOutputs(whole);
        padded.dispose();
        expect(tf.memory().numTensors).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a filter that is not there', () => {
    expect(() => filterSubset(defaultSpec(), [1], 8, 8)).toThrow(/no filter 1/);
  });
});

describe('changedFilters', () => {
  const three = (): LayerSpec =>
    parseSpec({
      channels: 'rgb',
      filters: [
        {
          weights: [
            [1, 2],
            [3, 4],
          ],
        },
        {
          weights: [
            [0, 1],
            [1, 0],
          ],
          bias: 2,
        },
        {
          weights: [
            [
              [1, 1, 1],
              [2, 2, 2],
            ],
            [
              [0, 0, 0],
              [1, 1, 1],
            ],
          ],
        },
      ],
      activation: 'relu',
    });

  it('is empty for equal specs, copies included', () => {
    const spec = three();
    expect(changedFilters(spec, spec)).toEqual([]);
    expect(changedFilters(spec, three())).toEqual([]);
  });

  it('names the filters whose weights or bias changed', () => {
    const before = three();
    const after = three();
    (after.filters[1]?.weights[0] as number[])[1] = 5;
    expect(changedFilters(before, after)).toEqual([1]);
    (after.filters[2] as { bias: number }).bias = -1;
    expect(changedFilters(before, after)).toEqual([1, 2]);
    const third = three();
    ((third.filters[2]?.weights[1] as number[][])[0] as number[])[2] = 9;
    expect(changedFilters(before, third)).toEqual([2]);
  });

  it('is null when anything but the filters changed, or their count or kernel size', () => {
    const before = three();
    const changes: Array<(s: LayerSpec) => void> = [
      (s) => (s.activation = 'abs'),
      (s) => (s.stride = [2, 1]),
      (s) => (s.dilation = [1, 2]),
      (s) => (s.padding = 'valid'),
      (s) => (s.padMode = 'reflect'),
      (s) => (s.flip = true),
      (s) => (s.channels = 'rgb-per-channel'),
      (s) => (s.pool = { ...s.pool, size: [3, 3] }),
      (s) => (s.pool = { ...s.pool, padding: 'same' }),
      (s) => s.filters.pop(),
      (s) => s.filters.forEach((f) => (f.weights = (f.weights as number[][]).map((row) => [...row, 0]))),
    ];
    for (const change of changes) {
      const after = three();
      change(after);
      expect(changedFilters(before, after)).toBeNull();
    }
  });
});
