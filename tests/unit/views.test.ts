/**
 * The engine's views (src/engine/views.ts) and statistics (src/engine/stats.ts) on tfjs cpu: every canvas
 * key resolves to the right tensor, checked against the plain-loop reference (deeper layers' keys against
 * runNetwork), and nothing leaks.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  disposeOutputs,
  filterSubset,
  layerGeometry,
  layerInput,
  disposeNetworkOutputs,
  fedOutput,
  networkGeometry,
  parseNetwork,
  parseSpec,
  reflectFits,
  runLayer,
  runNetwork,
  type LayerSpec,
} from '../../src/core/index.ts';
import { canvasStats, HISTOGRAM_BINS, stageStats, type MapStats } from '../../src/engine/stats.ts';
import {
  canvasKey,
  filtersOfView,
  parseKey,
  viewTensor,
  type FrameTensors,
  type View,
} from '../../src/engine/views.ts';
import { referenceLayer } from '../reference/convLoop.ts';
import { threeLayers } from '../support/threeLayers.ts';

const H = 9;
const W = 11;
/** A deterministic RGB image [H, W, 3] in 0..255. */
const PIXELS = Float32Array.from({ length: H * W * 3 }, (_, i) => (i * 37 + (i % 7) * 11) % 256);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function frameOf(specJson: unknown): FrameTensors {
  const spec = parseSpec(specJson);
  const image = tf.tensor3d(PIXELS, [H, W, 3]);
  const geometry = layerGeometry(spec, H, W);
  const outputs = runLayer(image, spec, geometry);
  const input = layerInput(image, spec.channels);
  image.dispose();
  return { input, spec, geometry, outputs };
}

function disposeFrame(frame: FrameTensors): void {
  disposeOutputs(frame.outputs);
  frame.input.dispose();
}

function valuesOf(key: string, frame: FrameTensors): { shape: number[]; data: number[] } | null {
  const view = parseKey(key);
  if (!view) throw new Error(`unknown key ${key}`);
  const picked = viewTensor(view, frame);
  if (!picked) return null;
  const out = { shape: picked.tensor.shape, data: Array.from(picked.tensor.dataSync()) };
  picked.tensor.dispose();
  return out;
}

function reference(spec: LayerSpec) {
  return referenceLayer({ shape: [H, W, 3], data: PIXELS }, spec);
}

describe('canvas keys', () => {
  it.each([
    ['input', { kind: 'input' }],
    ['features-3', { kind: 'map', stage: 'features', map: 3, layer: 0 }],
    ['preActivation-0', { kind: 'map', stage: 'preActivation', map: 0, layer: 0 }],
    ['avgPool-12', { kind: 'map', stage: 'avgPool', map: 12, layer: 0 }],
    ['layer1:features-0', { kind: 'map', stage: 'features', map: 0, layer: 1 }],
    ['layer5:avgPool-15', { kind: 'map', stage: 'avgPool', map: 15, layer: 5 }],
    ['layer2:maxPool-3@focus', { kind: 'map', stage: 'maxPool', map: 3, layer: 2 }],
    ['magnitude', { kind: 'magnitude' }],
    ['rgb-1', { kind: 'rgb', filter: 1 }],
    ['padded-reflect', { kind: 'padded', mode: 'reflect' }],
  ])('%s names %j', (key, view) => {
    expect(parseKey(key)).toEqual(view);
  });

  it.each([
    '',
    'features',
    'features-x',
    'features--1',
    'padded-mirror',
    'bogus-1',
    'features-1.5',
    // Deeper layers: map views only, spelled as canvasKey spells them.
    'layer0:features-0',
    'layer01:features-0',
    'layer-1:features-0',
    'layer1:',
    'layer1:input',
    'layer1:magnitude',
    'layer1:rgb-0',
    'layer1:padded-zeros',
    'layer1:layer2:features-0',
    'layerx:features-0',
  ])('refuses %j', (key) => expect(parseKey(key)).toBeNull());

  it('canvasKey and parseKey agree, in every layer', () => {
    expect(canvasKey('maxPool', 7)).toBe('maxPool-7');
    expect(canvasKey('maxPool', 7, 0)).toBe('maxPool-7');
    expect(canvasKey('features', 2, 3)).toBe('layer3:features-2');
    for (const layer of [0, 1, 5]) {
      expect(parseKey(canvasKey('maxPool', 7, layer))).toEqual({
        kind: 'map',
        stage: 'maxPool',
        map: 7,
        layer,
      });
    }
  });
});

describe('view tensors', () => {
  const specJson = {
    filters: [
      {
        weights: [
          [-1, 0, 1],
          [-2, 0, 2],
          [-1, 0, 1],
        ],
        bias: 3,
      },
      {
        weights: [
          [-1, -2, -1],
          [0, 0, 0],
          [1, 2, 1],
        ],
      },
    ],
    activation: 'relu',
  };

  it('each stage map is the reference map m', () => {
    const frame = frameOf(specJson);
    const ref = reference(frame.spec);
    const features = valuesOf('features-1', frame);
    expect(features?.shape).toEqual([H, W]);
    const refConv = ref.conv;
    const m = refConv.shape[2] as number;
    features?.data.forEach((v, i) => expect(v).toBeCloseTo(refConv.data[i * m + 1] as number, 3));
    const pooled = valuesOf('maxPool-0', frame);
    pooled?.data.forEach((v, i) => expect(v).toBeCloseTo(ref.maxpool.data[i * m] as number, 3));
    expect(valuesOf('features-2', frame), 'no third map').toBeNull();
    disposeFrame(frame);
  });

  it('magnitude is √(h² + v²) of maps 1 and 2 before the activation', () => {
    const frame = frameOf(specJson);
    const pre = frame.outputs.preActivation.arraySync() as number[][][];
    const magnitude = valuesOf('magnitude', frame);
    expect(magnitude?.shape).toEqual([H, W]);
    magnitude?.data.forEach((v, i) => {
      const [h = 0, g = 0] = pre[Math.floor(i / W)]?.[i % W] ?? [];
      expect(v).toBeCloseTo(Math.hypot(h, g), 3);
    });
    disposeFrame(frame);
    const one = frameOf({});
    expect(valuesOf('magnitude', one), 'one map has no magnitude').toBeNull();
    disposeFrame(one);
  });

  it('rgb-per-channel composites are the filter’s three maps clipped to 0..255', () => {
    const frame = frameOf({ channels: 'rgb-per-channel', filters: [{ weights: [[2]] }] });
    const rgb = valuesOf('rgb-0', frame);
    expect(rgb?.shape).toEqual([H, W, 3]);
    rgb?.data.forEach((v, i) => expect(v).toBeCloseTo(Math.min(255, 2 * (PIXELS[i] as number)), 3));
    expect(valuesOf('rgb-1', frame)).toBeNull();
    disposeFrame(frame);
  });

  it('padded views have the padded size in each mode; reflect only where it fits', () => {
    const frame = frameOf({ padding: [1, 2, 3, 0] });
    for (const mode of ['zeros', 'reflect', 'replicate']) {
      expect(valuesOf(`padded-${mode}`, frame)?.shape).toEqual([H + 3, W + 3, 1]);
    }
    const zeros = valuesOf('padded-zeros', frame);
    expect(zeros?.data[0], 'the corner is padding: 0').toBe(0);
    disposeFrame(frame);

    const wide = frameOf({ padding: [0, 0, W, 0] });
    expect(reflectFits(wide.geometry)).toBe(false);
    expect(valuesOf('padded-reflect', wide)).toBeNull();
    expect(valuesOf('padded-replicate', wide)?.shape).toEqual([H, 2 * W, 1]);
    disposeFrame(wide);
  });

  it.each([
    ['gray', 0],
    ['gray', 1],
    ['rgb-per-channel', 0],
    ['rgb-per-channel', 1],
  ] as const)(
    'with filter %s %i computed again alone (a patch), every view is that of the edited layer',
    (channels, edited) => {
      const before = frameOf({ ...specJson, channels });
      const afterJson = structuredClone({ ...specJson, channels });
      afterJson.filters[edited] = {
        weights: [
          [0, 1, 0],
          [1, -4, 1],
          [0, 1, 0],
        ],
        bias: -2,
      };
      const after = frameOf(afterJson);
      const sub = filterSubset(after.spec, [edited], H, W);
      const image = tf.tensor3d(PIXELS, [H, W, 3]);
      const patch = runLayer(image, sub.spec, sub.geometry);
      image.dispose();
      const patched: FrameTensors = { ...before, spec: after.spec, patches: new Map([[edited, patch]]) };
      const maps = after.geometry.conv.maps;
      const keys = ['magnitude', 'rgb-0', 'rgb-1'];
      for (const stage of ['preActivation', 'features', 'maxPool', 'avgPool'] as const) {
        for (let m = 0; m < maps; m++) keys.push(canvasKey(stage, m));
      }
      for (const key of keys) {
        const want = valuesOf(key, after);
        const got = valuesOf(key, patched);
        expect(got?.shape, key).toEqual(want?.shape);
        got?.data.forEach((v, i) => expect(v, `${key}[${i}]`).toBeCloseTo(want?.data[i] as number, 4));
      }
      // The frame before the edit differs where the edited filter shows: the test can fail.
      const shown = canvasKey('preActivation', edited * (maps / 2));
      expect(valuesOf(shown, before)).not.toEqual(valuesOf(shown, after));
      disposeOutputs(patch);
      disposeFrame(before);
      disposeFrame(after);
    },
  );

  it('leaks nothing', () => {
    const frame = frameOf(specJson);
    const keys = ['input', 'features-0', 'preActivation-1', 'magnitude', 'padded-replicate', 'avgPool-1'];
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) for (const key of keys) valuesOf(key, frame);
    expect(tf.memory().numTensors).toBe(before);
    disposeFrame(frame);
  });
});

/** A 3-layer network (2, 3 and 2 filters; one kh x kw x C filter) on the test image. */
const NETWORK = { layers: threeLayers() };

/** The frame of NETWORK as the engine makes it (layer 0's fields, then `deeper`), and its dispose. */
function networkFrame() {
  const net = parseNetwork(NETWORK);
  const image = tf.tensor3d(PIXELS, [H, W, 3]);
  const geometries = networkGeometry(net, H, W);
  const outputs = runNetwork(image, net, geometries);
  const input = layerInput(image, net.layers[0]!.channels);
  image.dispose();
  const layers = net.layers.map((spec, k) => ({
    input: k === 0 ? input : fedOutput(outputs[k - 1]!, net.layers[k - 1]!),
    spec,
    geometry: geometries[k]!,
    outputs: outputs[k]!,
  }));
  const frame: FrameTensors = { ...layers[0]!, deeper: layers.slice(1) };
  const dispose = () => {
    disposeNetworkOutputs(outputs);
    input.dispose();
  };
  return { net, frame, outputs, dispose };
}

describe('deeper layers’ views', () => {
  it('layer k’s keys show layer k’s maps of runNetwork; keys of a layer the frame lacks show nothing', () => {
    const { frame, outputs, dispose } = networkFrame();
    for (const [k, stage] of [
      [1, 'features'],
      [1, 'maxPool'],
      [2, 'preActivation'],
      [2, 'avgPool'],
    ] as const) {
      const source = outputs[k]![stage === 'features' ? 'featureMaps' : stage];
      const maps = source.shape[2];
      const all = source.arraySync();
      for (let m = 0; m < maps; m++) {
        const got = valuesOf(canvasKey(stage, m, k), frame);
        expect(got?.shape, `layer ${k} ${stage} ${m}`).toEqual(source.shape.slice(0, 2));
        const want = all.flat().map((cell) => cell[m] as number);
        expect(got?.data, `layer ${k} ${stage} ${m}`).toEqual(want);
      }
      expect(valuesOf(canvasKey(stage, maps, k), frame), 'a map beyond the count').toBeNull();
    }
    // Layer 1 and layer 2 differ: a key resolved to the wrong layer would be caught.
    expect(valuesOf(canvasKey('features', 0, 1), frame)?.shape).not.toEqual(
      valuesOf(canvasKey('features', 0, 2), frame)?.shape,
    );
    expect(valuesOf(canvasKey('features', 0, 3), frame), 'no fourth layer').toBeNull();
    expect(valuesOf(canvasKey('features', 0, 1), { ...frame, deeper: undefined })).toBeNull();
    dispose();
  });

  it('a deeper layer’s patch stands in for its filter’s maps; filtersOfView reads that layer’s spec', () => {
    const { frame, outputs, dispose } = networkFrame();
    const layer1 = frame.deeper![0]!;
    // A patch of filter 2 of layer 1 holding other values (its maps doubled).
    const patch = {
      preActivation: tf.mul(tf.slice(outputs[1]!.preActivation, [0, 0, 2], [-1, -1, 1]), 2) as tf.Tensor3D,
      featureMaps: tf.mul(tf.slice(outputs[1]!.featureMaps, [0, 0, 2], [-1, -1, 1]), 2) as tf.Tensor3D,
      maxPool: tf.mul(tf.slice(outputs[1]!.maxPool, [0, 0, 2], [-1, -1, 1]), 2) as tf.Tensor3D,
      avgPool: tf.mul(tf.slice(outputs[1]!.avgPool, [0, 0, 2], [-1, -1, 1]), 2) as tf.Tensor3D,
    };
    const patched: FrameTensors = {
      ...frame,
      deeper: [{ ...layer1, patches: new Map([[2, patch]]) }, frame.deeper![1]!],
    };
    const plain = valuesOf('layer1:maxPool-2', frame);
    expect(valuesOf('layer1:maxPool-2', patched)?.data).toEqual(plain?.data.map((v) => v * 2));
    expect(valuesOf('layer1:maxPool-1', patched)).toEqual(valuesOf('layer1:maxPool-1', frame));
    const view = parseKey('layer1:features-2') as View;
    expect(filtersOfView(view, frame)).toEqual([2]);
    // Layer 0 has 2 filters: map 2 of layer 0 has no filter, and the frame says so with no layer 3.
    expect(filtersOfView(parseKey('layer3:features-0') as View, frame)).toEqual([]);
    disposeOutputs(patch);
    dispose();
  });

  it('statistics are read for deeper keys too, per map of their layer', async () => {
    const { frame, outputs, dispose } = networkFrame();
    const keys = ['features-1', 'layer1:avgPool-2', 'layer2:features-1'];
    const stats = await canvasStats(
      frame,
      keys.map((key) => ({ key, view: parseKey(key) as View })),
    );
    expect([...stats.keys()].sort()).toEqual([...keys].sort());
    const deep = outputs[2]!.featureMaps
      .arraySync()
      .flat()
      .map((cell) => cell[1] as number);
    expect(stats.get('layer2:features-1')?.max).toBeCloseTo(Math.max(...deep), 4);
    expect(stats.get('layer2:features-1')?.min).toBeCloseTo(Math.min(...deep), 4);
    dispose();
  });
});

/** Statistics of one 2-D map: a stage of one map. */
async function mapStats([map]: [tf.Tensor2D]): Promise<[MapStats | undefined]> {
  const stage = tf.expandDims(map, 2) as tf.Tensor3D;
  const [[stats] = []] = await stageStats([stage]);
  stage.dispose();
  return [stats];
}

describe('map statistics', () => {
  it('min, max and a histogram that sums to 1, with values where they belong', async () => {
    const map = tf.tensor2d([
      [-4, 0, 0, 0],
      [0, 0, 0, 8],
    ]);
    const before = tf.memory().numTensors;
    const [stats] = await mapStats([map]);
    expect(tf.memory().numTensors).toBe(before);
    expect(stats?.min).toBe(-4);
    expect(stats?.max).toBe(8);
    expect(stats?.histogram).toHaveLength(HISTOGRAM_BINS);
    const sum = stats?.histogram.reduce((a, b) => a + b, 0) ?? 0;
    expect(sum).toBeCloseTo(1, 5);
    expect(stats?.histogram[0]).toBeCloseTo(1 / 8, 5);
    expect(stats?.histogram[HISTOGRAM_BINS - 1]).toBeCloseTo(1 / 8, 5);
    // 0 sits a third of the way from −4 to 8.
    expect(stats?.histogram[Math.floor(HISTOGRAM_BINS / 3)]).toBeCloseTo(6 / 8, 5);
    map.dispose();
  });

  it('samples big maps but keeps the exact min and max', async () => {
    const map = tf.tidy(() => tf.reshape(tf.range(0, 512 * 512, 1, 'float32'), [512, 512]) as tf.Tensor2D);
    const [stats] = await mapStats([map]);
    expect(stats?.min).toBe(0);
    expect(stats?.max).toBe(512 * 512 - 1);
    map.dispose();
  });

  it('gives every map of a stage tensor the statistics of that map alone', async () => {
    const maps = tf.tidy(() => {
      const x = tf.reshape(tf.range(0, 6 * 5 * 3, 1, 'float32'), [6, 5, 3]);
      return tf.mul(tf.sin(x), tf.tensor1d([1, 10, -3])) as tf.Tensor3D;
    });
    const magnitude = tf.tensor3d([[[2], [4]]]);
    const before = tf.memory().numTensors;
    const [perStage, [alone]] = [await stageStats([maps, magnitude]), await stageStats([magnitude])];
    expect(tf.memory().numTensors).toBe(before);
    expect(perStage.map((s) => s.length)).toEqual([3, 1]);
    for (let m = 0; m < 3; m++) {
      const slice = tf.tidy(() => tf.squeeze(tf.slice(maps, [0, 0, m], [-1, -1, 1]), [2]) as tf.Tensor2D);
      const [expected] = await mapStats([slice]);
      slice.dispose();
      expect(perStage[0]?.[m]?.min).toBeCloseTo(expected?.min ?? NaN, 5);
      expect(perStage[0]?.[m]?.max).toBeCloseTo(expected?.max ?? NaN, 5);
      expect(perStage[0]?.[m]?.histogram).toEqual(expected?.histogram);
    }
    expect(perStage[1]).toEqual(alone);
    expect(alone?.[0]).toMatchObject({ min: 2, max: 4 });
    tf.dispose([maps, magnitude]);
  });
});
