/**
 * The engine's cache of computed results (src/engine/resultCache.ts) on tfjs cpu: what an edit
 * recomputes (nothing, one filter, the whole layer), the filter versions canvases are redrawn by,
 * per-layer keys (a change to layer k drops the layers after it) and disposal in one place.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  defaultSpec,
  layerGeometry,
  runLayerPadded,
  type LayerGeometry,
  type LayerSpec,
} from '../../src/core/index.ts';
import { ResultCache, type LayerRun } from '../../src/engine/resultCache.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const H = 9;
const W = 8;

function twoFilters(): LayerSpec {
  const base = defaultSpec();
  return {
    ...base,
    filters: [
      {
        weights: [
          [1, 0, -1],
          [2, 0, -2],
          [1, 0, -1],
        ],
        bias: 0,
      },
      {
        weights: [
          [1, 2, 1],
          [0, 0, 0],
          [-1, -2, -1],
        ],
        bias: 0,
      },
    ],
  };
}

/** A run that computes in one piece and records what it was asked for (filters, output maps). */
function recordingRun(padded: tf.Tensor3D) {
  const asked: Array<{ filters: number; maps: number }> = [];
  const run: LayerRun = async (spec: LayerSpec, geometry: LayerGeometry) => {
    asked.push({ filters: spec.filters.length, maps: geometry.conv.maps });
    return runLayerPadded(padded, spec, geometry);
  };
  return { run, asked };
}

/** A cache over a test image, with a recording run on its padded input; `done()` disposes both. */
function setup(spec: LayerSpec) {
  const image = tf.tensor3d(
    Float32Array.from({ length: H * W * 3 }, (_, i) => (i * 37) % 256),
    [H, W, 3],
  );
  const cache = new ResultCache();
  const geometry = layerGeometry(spec, H, W);
  const padded = cache.prepared.paddedOf(image, spec.channels, geometry.pads, spec.padMode).tensor;
  const done = () => {
    cache.clear();
    image.dispose();
  };
  return { image, cache, geometry, padded, ...recordingRun(padded), done };
}

describe('ResultCache', () => {
  it('computes nothing for the same spec, one filter alone for its edit, the whole layer otherwise', async () => {
    const spec = twoFilters();
    const { cache, geometry, padded, run, asked, done } = setup(spec);

    const first = await cache.update(0, padded, spec, geometry, run);
    expect(asked).toEqual([{ filters: 2, maps: 2 }]);
    const versions = [...(cache.layer(0)?.filterVersions ?? [])];

    // A new colour scale or a new canvas: the same spec, nothing computed.
    expect(await cache.update(0, padded, { ...spec }, geometry, run)).toBe(first);
    expect(asked).toHaveLength(1);

    // Filter 1's weights: that filter alone, as a patch; only its version moves.
    const edited: LayerSpec = {
      ...spec,
      filters: [spec.filters[0]!, { ...spec.filters[1]!, bias: 3 }],
    };
    expect(await cache.update(0, padded, edited, geometry, run)).toBe(first);
    expect(asked[1]).toEqual({ filters: 1, maps: 1 });
    const kept = cache.layer(0);
    expect(kept?.patches.has(1)).toBe(true);
    expect(kept?.filterVersions[0]).toBe(versions[0]);
    expect(kept?.filterVersions[1]).toBeGreaterThan(versions[1]!);
    expect(kept?.spec).toBe(edited);

    // The activation changes every map: the whole layer again, patches gone.
    const relu: LayerSpec = { ...edited, activation: 'relu' };
    const whole = await cache.update(0, padded, relu, geometry, run);
    expect(whole).not.toBe(first);
    expect(first?.featureMaps.isDisposed).toBe(true);
    expect(asked[2]).toEqual({ filters: 2, maps: 2 });
    expect(cache.layer(0)?.patches.size).toBe(0);
    done();
  });

  it('keeps nothing from a superseded run, and leaves the results it had', async () => {
    const spec = twoFilters();
    const { cache, geometry, padded, run, done } = setup(spec);
    const first = await cache.update(0, padded, spec, geometry, run);
    const relu: LayerSpec = { ...spec, activation: 'relu' };
    expect(await cache.update(0, padded, relu, geometry, async () => null)).toBeNull();
    expect(cache.layer(0)?.outputs).toBe(first);
    expect(cache.layer(0)?.spec).toBe(spec);
    done();
  });

  it('is keyed by layer: a change to layer k drops the layers after it and the frame on screen', async () => {
    const spec = twoFilters();
    const { cache, geometry, padded, run, done } = setup(spec);
    await cache.update(0, padded, spec, geometry, run);
    await cache.update(1, padded, spec, geometry, run);
    await cache.update(2, padded, spec, geometry, run);
    const second = cache.layer(1)?.outputs;
    const third = cache.layer(2)?.outputs;
    const frame = { input: padded, spec, geometry, outputs: second! };
    cache.show(frame);
    expect(cache.shown).toBe(frame);

    // An edit to one filter of layer 1: layer 0 stays, layer 2 is dropped.
    const edited: LayerSpec = { ...spec, filters: [{ ...spec.filters[0]!, bias: 1 }, spec.filters[1]!] };
    await cache.update(1, padded, edited, geometry, run);
    expect(cache.layer(0)).toBeDefined();
    expect(cache.layer(1)?.outputs).toBe(second);
    expect(cache.layer(2)).toBeUndefined();
    expect(third?.featureMaps.isDisposed).toBe(true);
    expect(cache.shown).toBeNull();
    done();
  });

  it('disposes every tensor it kept on clear (nothing leaked over many edits)', async () => {
    const spec = twoFilters();
    const before = tf.memory().numTensors;
    const { image, cache, geometry, padded, run, done } = setup(spec);
    let next = spec;
    let patches = 0;
    // Edits to one filter at a time (patches), with the whole layer again every fifth edit.
    for (let i = 1; i <= 13; i++) {
      const filters = next.filters.map((f, j) => (j === i % 2 ? { ...f, bias: i } : f));
      next = { ...next, filters, activation: i % 5 === 0 ? 'relu' : next.activation };
      await cache.update(0, padded, next, geometry, run);
      patches = Math.max(patches, cache.layer(0)?.patches.size ?? 0);
      await cache.inputValuesOf(image, spec.channels);
    }
    expect(patches, 'edits that made patches').toBe(2);
    expect(cache.layer(0)?.patches.size, 'patches kept at the end').toBeGreaterThan(0);
    done();
    expect(tf.memory().numTensors).toBe(before);
  });
});
