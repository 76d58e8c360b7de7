/**
 * The engine's cache of computed results (src/engine/resultCache.ts) on tfjs cpu: what an edit
 * recomputes (nothing, one filter, the whole layer), the filter versions canvases are redrawn by,
 * per-layer keys (a change to layer k drops the layers after it) and disposal in one place; and a
 * network brought up to date as the engine does (deeperLayers.ts): an edit in layer k recomputes
 * layers k..n only, patches merged into what the next layer is fed, every layer equal to runNetwork.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compactNetwork,
  defaultSpec,
  disposeNetworkOutputs,
  layerGeometry,
  networkGeometry,
  parseNetwork,
  runLayerPadded,
  runNetwork,
  STAGES,
  type LayerGeometry,
  type LayerSpec,
  type NetworkLayer,
  type NetworkSpec,
} from '../../src/core/index.ts';
import { updateDeeper } from '../../src/engine/deeperLayers.ts';
import { ResultCache, type LayerRun } from '../../src/engine/resultCache.ts';
import { canvasKey, parseKey, viewTensor, type FrameTensors } from '../../src/engine/views.ts';
import { threeLayers, type LayerJson } from '../support/threeLayers.ts';

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
      await cache.inputValuesOf(cache.prepared.inputOf(image, spec.channels).tensor);
    }
    expect(patches, 'edits that made patches').toBe(2);
    expect(cache.layer(0)?.patches.size, 'patches kept at the end').toBeGreaterThan(0);
    done();
    expect(tf.memory().numTensors).toBe(before);
  });
});

/** The 3-layer network of tests/support/threeLayers.ts; `edit` changes its JSON first. */
function networkOf(edit: (layers: LayerJson[]) => void = () => {}): NetworkSpec {
  const layers = threeLayers();
  edit(layers);
  return parseNetwork({ layers });
}

/** Brings every layer of `net` up to date as the engine does; returns the frame and the layers computed. */
async function networkFrame(cache: ResultCache, image: tf.Tensor3D, net: NetworkSpec) {
  const geometries = networkGeometry(net, H, W);
  const [first] = net.layers as [NetworkLayer];
  const input = cache.prepared.inputOf(image, first.channels).tensor;
  const padded = cache.prepared.paddedOf(image, first.channels, geometries[0]!.pads, first.padMode).tensor;
  const computed: number[] = [];
  cache.keepLayers(net.layers.length);
  const outputs = await cache.update(0, padded, first, geometries[0]!, async (spec, geometry) => {
    computed.push(0);
    return runLayerPadded(padded, spec, geometry);
  });
  const deeper = await updateDeeper(cache, net, geometries, computed);
  const frame: FrameTensors = {
    input,
    spec: first,
    geometry: geometries[0]!,
    outputs: outputs!,
    patches: cache.layer(0)?.patches,
    deeper,
  };
  return { frame, computed };
}

/** Every map of every stage of every layer the frame shows, against `runNetwork` of `net`. */
function expectFrameIs(frame: FrameTensors, image: tf.Tensor3D, net: NetworkSpec): void {
  const want = runNetwork(image, net);
  net.layers.forEach((_, k) => {
    for (const stage of STAGES) {
      const tensor = want[k]![stage === 'features' ? 'featureMaps' : stage];
      const all = tensor.arraySync().flat();
      for (let m = 0; m < tensor.shape[2]; m++) {
        const picked = viewTensor(parseKey(canvasKey(stage, m, k))!, frame)!;
        const got = Array.from(picked.tensor.dataSync());
        picked.tensor.dispose();
        all.forEach((cell, i) => expect(got[i], `layer ${k} ${stage} ${m} [${i}]`).toBeCloseTo(cell[m]!, 3));
      }
    }
  });
  disposeNetworkOutputs(want);
}

describe('ResultCache and deeperLayers across a network', () => {
  it('an edit in layer k recomputes layers k..n only, and every layer shows what runNetwork computes', async () => {
    const before = tf.memory().numTensors;
    const image = tf.tensor3d(
      Float32Array.from({ length: H * W * 3 }, (_, i) => (i * 37) % 256),
      [H, W, 3],
    );
    const cache = new ResultCache();
    let net = networkOf();
    const first = await networkFrame(cache, image, net);
    expect(first.computed).toEqual([0, 1, 2]);
    expectFrameIs(first.frame, image, net);
    const layer0 = cache.layer(0)?.outputs;
    const layer1 = cache.layer(1)?.outputs;

    // Nothing changed (a new colour scale): nothing computed, the same tensors.
    expect((await networkFrame(cache, image, net)).computed).toEqual([]);
    expect(cache.layer(1)?.outputs).toBe(layer1);

    // The last layer's activation: that layer alone.
    net = networkOf((layers) => (layers[2]!.activation = 'abs'));
    let now = await networkFrame(cache, image, net);
    expect(now.computed).toEqual([2]);
    expect(cache.layer(0)?.outputs).toBe(layer0);
    expect(cache.layer(1)?.outputs).toBe(layer1);
    expectFrameIs(now.frame, image, net);

    // One filter of layer 1: that filter alone (a patch), its merged result fed to layer 2.
    net = networkOf((layers) => {
      layers[2]!.activation = 'abs';
      layers[1]!.filters[1]!.bias = 5;
    });
    now = await networkFrame(cache, image, net);
    expect(now.computed).toEqual([1, 2]);
    expect(cache.layer(0)?.outputs).toBe(layer0);
    expect(cache.layer(1)?.outputs, 'patched, not recomputed').toBe(layer1);
    expect([...(cache.layer(1)?.patches.keys() ?? [])]).toEqual([1]);
    expectFrameIs(now.frame, image, net);
    const fed = cache.fedOf(1, net.layers[1]!);
    expect(cache.fedOf(1, net.layers[1]!), 'merged once per patch').toBe(fed);

    // One filter of layer 0: its patch merged into what layer 1 is fed; layers 1 and 2 again.
    net = networkOf((layers) => {
      layers[2]!.activation = 'abs';
      layers[1]!.filters[1]!.bias = 5;
      layers[0]!.filters[0]!.bias = -7;
    });
    now = await networkFrame(cache, image, net);
    expect(now.computed).toEqual([0, 1, 2]);
    expect(cache.layer(0)?.outputs, 'layer 0 patched').toBe(layer0);
    expect(fed.isDisposed, 'the old merged result went with layer 1').toBe(true);
    expectFrameIs(now.frame, image, net);

    // The network loses its last layer: its results are disposed.
    const last = cache.layer(2)?.outputs;
    net = parseNetwork({ layers: compactLayers(net).slice(0, 2) });
    now = await networkFrame(cache, image, net);
    expect(now.computed).toEqual([]);
    expect(cache.layer(2)).toBeUndefined();
    expect(last?.featureMaps.isDisposed).toBe(true);
    expectFrameIs(now.frame, image, net);

    cache.clear();
    image.dispose();
    expect(tf.memory().numTensors, 'nothing leaked').toBe(before);
  });

  it('reads a deeper layer’s input (what the layer before feeds it) on request', async () => {
    const image = tf.tensor3d(
      Float32Array.from({ length: H * W * 3 }, (_, i) => (i * 11) % 256),
      [H, W, 3],
    );
    const cache = new ResultCache();
    const net = networkOf();
    const { frame } = await networkFrame(cache, image, net);
    const input = frame.deeper![1]!.input;
    const values = await cache.inputValuesOf(input);
    const want = runNetwork(image, net);
    expect([values.height, values.width, values.channels]).toEqual(want[1]!.maxPool.shape);
    expect(Array.from(values.data)).toEqual(Array.from(want[1]!.maxPool.dataSync()));
    expect(cache.inputValuesOf(input), 'read once').toBe(cache.inputValuesOf(input));
    disposeNetworkOutputs(want);
    cache.clear();
    image.dispose();
  });
});

/** The JSON layers of `net` (as parseNetwork reads them back). */
function compactLayers(net: NetworkSpec): unknown[] {
  const compact = compactNetwork(net);
  return 'layers' in compact ? compact.layers : [compact];
}
