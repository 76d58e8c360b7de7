/**
 * Every fixture case on the tfjs wasm backend in a real Chromium (the backend the page picks on a machine
 * without a GPU), started as the page starts it (`startBackend`, its .wasm bundled by Vite), within the
 * fixture file's own tolerance. Also on wasm: the layer in strips, whose rows are copied out of the wasm
 * heap (src/core/strips.ts), equals the layer in one piece, and `hostValues` reads what `data()` reads.
 */
import * as tf from '@tensorflow/tfjs-core';
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
import { startBackend } from '../../src/engine/backend.ts';
import { layerCase } from '../support/arbitraries.ts';
import { expectFixtureMatch, FIXTURE_CASES } from '../support/fixtures.ts';
import { paddedLayer } from '../support/paddedLayer.ts';
import { runFixture } from '../support/runFixture.ts';

beforeAll(async () => {
  const status = await startBackend('wasm');
  expect(status).toMatchObject({ name: 'wasm', reason: 'forced' });
  expect(tf.getBackend()).toBe('wasm');
});

describe.each(FIXTURE_CASES)('fixture $name', (fixture) => {
  it('runLayer on wasm matches the fixture conv, max pool and avg pool', async () => {
    expect(tf.getBackend()).toBe('wasm');
    expectFixtureMatch(fixture, await runFixture(fixture), 'tfjs wasm');
  });
});

const STAGES = ['preActivation', 'featureMaps', 'maxPool', 'avgPool'] as const;

async function valuesOf(outputs: LayerOutputs) {
  return Promise.all(STAGES.map(async (stage) => Array.from(await outputs[stage].data())));
}

describe('on wasm', () => {
  it('the layer in strips (rows copied from the heap) equals the layer in one piece', async () => {
    const cases = fc.sample(fc.tuple(layerCase, fc.integer({ min: 1, max: 400 })), { numRuns: 40, seed: 11 });
    let cut = 0;
    for (const [testCase, maxWork] of cases) {
      const before = tf.memory().numTensors;
      const layer = paddedLayer(testCase);
      if (!layer) continue;
      const { spec, geometry, padded } = layer;
      expect(Array.from(hostValues(padded) ?? []), 'hostValues = data()').toEqual(
        Array.from(await padded.data()),
      );
      const whole = runLayerPadded(padded, spec, geometry);
      const rows = stripRows(spec, geometry, maxWork);
      const inStrips = joinStrips(
        rows.map((band) => runStrip(padded, spec, geometry, band)),
        spec,
      );
      expect(await valuesOf(inStrips)).toEqual(await valuesOf(whole));
      cut += rows.length > 1 ? 1 : 0;
      disposeOutputs(whole);
      disposeOutputs(inStrips);
      padded.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
    expect(cut, 'cases cut into several strips').toBeGreaterThan(5);
  });
});
