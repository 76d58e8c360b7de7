/**
 * Every fixture case on the tfjs wasm backend in a real Chromium (the backend the page picks on a machine
 * without a GPU), started as the page starts it (`startBackend`, its .wasm bundled by Vite), within the
 * fixture file's own tolerance. Also on wasm: the layer in strips, whose rows are copied out of the wasm
 * heap (src/core/strips.ts), equals the layer in one piece, and `hostValues` reads what `data()` reads.
 */
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostValues } from '../../src/core/index.ts';
import { startBackend } from '../../src/engine/backend.ts';
import { layerCase } from '../support/arbitraries.ts';
import { expectFixtureMatch, FIXTURE_CASES } from '../support/fixtures.ts';
import { runFixture } from '../support/runFixture.ts';
import { stripsAgainstWhole } from '../support/stripsAgainstWhole.ts';

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

describe('on wasm', () => {
  it('the layer in strips (rows copied from the heap) equals the layer in one piece', async () => {
    const cases = fc.sample(fc.tuple(layerCase, fc.integer({ min: 1, max: 400 })), { numRuns: 40, seed: 11 });
    let cut = 0;
    for (const [testCase, maxWork] of cases) {
      const result = await stripsAgainstWhole(testCase, maxWork, async ({ padded }) => {
        expect(Array.from(hostValues(padded) ?? []), 'hostValues = data()').toEqual(
          Array.from(await padded.data()),
        );
      });
      if (!result) continue;
      expect(result.inStrips).toEqual(result.whole);
      cut += result.bands > 1 ? 1 : 0;
    }
    expect(cut, 'cases cut into several strips').toBeGreaterThan(5);
  });
});
