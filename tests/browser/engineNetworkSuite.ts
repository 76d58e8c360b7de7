/**
 * The page's engine (src/engine/engine.ts, with the page's store) on a 3-layer network in a real
 * Chromium, shared by engineNetwork.webgl.test.ts and engineNetwork.wasm.test.ts (one backend per file:
 * each file has its own engine and tfjs). Checked: an edit in layer 2 recomputes layers 2 and 3 only
 * (layer 1's results are the same tensors) and every layer's maps equal `runNetwork`; only the canvases
 * whose picture changed are drawn; a canvas off screen is left stale and drawn, with nothing computed,
 * when it scrolls into view; 200 edits spread over the layers leave the tensor count as it was; on
 * webgl no pixel is read back.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  disposeNetworkOutputs,
  parseNetwork,
  runNetwork,
  STAGES,
  type LayerOutputs,
  type NetworkSpec,
} from '../../src/core/index.ts';
import { Engine } from '../../src/engine/engine.ts';
import { engineStatus, type EngineStatus } from '../../src/engine/engineStatus.ts';
import type { ResultCache } from '../../src/engine/resultCache.ts';
import { canvasKey } from '../../src/engine/views.ts';
import { countReadbacks, resetReadbackCounts } from '../../src/render/index.ts';
import { store } from '../../src/store/index.ts';

const H = 20;
const W = 20;

/** The network's JSON: 3, 3 and 2 filters (one kh x kw x C), each layer feeding the next its max pool. */
function networkJson() {
  return {
    layers: [
      {
        filters: [
          {
            weights: [
              [1, 0, -1],
              [2, 0, -2],
              [1, 0, -1],
            ],
          },
          {
            weights: [
              [1, 2, 1],
              [0, 0, 0],
              [-1, -2, -1],
            ],
            bias: 4,
          },
          {
            weights: [
              [0, 1, 0],
              [1, -4, 1],
              [0, 1, 0],
            ],
          },
        ],
        padding: 'same',
        activation: 'relu',
      },
      {
        filters: [
          {
            weights: [
              [1, 1, 1],
              [1, -8, 1],
              [1, 1, 1],
            ],
          },
          {
            weights: [
              [0.5, 0, -0.5],
              [1, 0, -1],
              [0.5, 0, -0.5],
            ],
            bias: -2,
          },
          {
            weights: [
              [
                [1, 0, -1],
                [0, 1, 0],
                [-1, 0, 1],
              ],
              [
                [2, 1, 0],
                [1, 0, 1],
                [0, 1, 2],
              ],
              [
                [0, 0, 1],
                [0, 1, 0],
                [1, 0, 0],
              ],
            ],
          },
        ],
        padding: 'same',
        padMode: 'replicate',
        activation: 'abs',
      },
      {
        filters: [
          {
            weights: [
              [1, -1],
              [-1, 1],
            ],
          },
          {
            weights: [
              [0.25, 0.25],
              [0.25, 0.25],
            ],
            bias: 1,
          },
        ],
        activation: 'relu',
        pool: { size: [2, 2], stride: [1, 1] },
      },
    ],
  };
}
type NetworkJson = ReturnType<typeof networkJson>;

/** A deterministic RGB picture, as ImageData (alpha 255: the engine reads exactly these values). */
function picture(): { imageData: ImageData; rgb: Float32Array } {
  const imageData = new ImageData(W, H);
  const rgb = new Float32Array(H * W * 3);
  for (let i = 0; i < H * W; i++) {
    for (let c = 0; c < 3; c++) {
      const v = (i * 37 + c * 91 + ((i * i) % 13) * 7) % 256;
      imageData.data[i * 4 + c] = v;
      rgb[i * 3 + c] = v;
    }
    imageData.data[i * 4 + 3] = 255;
  }
  return { imageData, rgb };
}

/** Runs `action` and resolves with the status once the engine has drawn its next frame. */
function frameAfter(action: () => void): Promise<EngineStatus> {
  const before = engineStatus.getState().frames;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the engine drew no frame in 60 s')), 60_000);
    const stop = engineStatus.subscribe((now) => {
      if (now.frames <= before) return;
      clearTimeout(timer);
      stop();
      resolve(now);
    });
    action();
  });
}

/**
 * Waits until nothing runs after the last frame: statistics and warm-up run once edits pause, and the
 * statistics hold a tensor until their readback (slow the first time on webgl) ends.
 */
async function quiet(): Promise<void> {
  let last = -1;
  for (let same = 0; same < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = tf.memory().numTensors;
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

function show(json: NetworkJson): Promise<EngineStatus> {
  const network = parseNetwork(json);
  return frameAfter(() => store.setState({ network, editing: 0 }));
}

export function engineNetworkSuite(backend: 'webgl' | 'wasm', start: () => Promise<void>): void {
  let engine: Engine;
  let cache: ResultCache;
  let reference: tf.Tensor3D;
  const failures: unknown[] = [];
  const box = document.createElement('div');
  /** Every map canvas of the network in view; the one named `OFF_SCREEN_KEY` far below. */
  const canvases = new Map<string, HTMLCanvasElement>();

  beforeAll(async () => {
    await start();
    expect(tf.getBackend()).toBe(backend);
    engine = new Engine(
      store,
      (error) => failures.push(error),
      (spec) => failures.push(new Error(`refused ${JSON.stringify(spec)}`)),
    );
    // The cache is the engine's own (private): the test checks which tensors it kept.
    cache = (engine as unknown as { cache: ResultCache }).cache;
    const { imageData, rgb } = picture();
    reference = tf.tensor3d(rgb, [H, W, 3]);
    box.style.cssText = 'display: flex; flex-wrap: wrap; gap: 1px; width: 300px';
    document.body.append(box);
    const net = parseNetwork(networkJson());
    store.setState({ network: net, editing: 0 });
    for (const [k, layer] of net.layers.entries()) {
      for (const stage of STAGES) {
        for (let m = 0; m < layer.filters.length; m++) canvases.set(canvasKey(stage, m, k), makeCanvas());
      }
    }
    await frameAfter(() => {
      engine.start();
      engine.setImage(imageData);
      for (const [key, canvas] of canvases) engine.attachCanvas(key, canvas);
    });
  });

  afterAll(() => {
    reference.dispose();
    box.remove();
    expect(failures).toEqual([]);
  });

  function makeCanvas(): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.style.cssText = 'width: 8px; height: 8px';
    box.append(canvas);
    return canvas;
  }

  /** Every map of every layer, read through the engine's own views, against `runNetwork`. */
  async function expectMapsOf(net: NetworkSpec): Promise<void> {
    const want = runNetwork(reference, net);
    try {
      for (const [k, outputs] of want.entries()) {
        for (const stage of STAGES) {
          const tensor = outputs[stage === 'features' ? 'featureMaps' : stage] as LayerOutputs['maxPool'];
          const all = (await tensor.array()).flat();
          for (let m = 0; m < tensor.shape[2]; m++) {
            const got = await engine.readView(canvasKey(stage, m, k));
            const label = `layer ${k + 1} ${stage} map ${m + 1}`;
            expect(got?.shape, label).toEqual(tensor.shape.slice(0, 2));
            const scale = Math.max(1, ...all.map((cell) => Math.abs(cell[m] as number)));
            all.forEach((cell, i) =>
              expect(
                Math.abs((got?.data[i] as number) - (cell[m] as number)),
                `${label} [${i}]`,
              ).toBeLessThan(1e-4 * scale),
            );
          }
        }
      }
    } finally {
      disposeNetworkOutputs(want);
    }
  }

  describe(`the engine on a 3-layer network (${backend})`, () => {
    it('computes and draws every layer as runNetwork computes it', async () => {
      const status = await show(networkJson());
      expect(status.computed).toEqual([]);
      expect(cache.layer(2), 'layer 3 computed').toBeDefined();
      await expectMapsOf(parseNetwork(networkJson()));
    });

    it('an edit in layer 2 recomputes layers 2 and 3 only, drawing only what changed', async () => {
      const layer1 = cache.layer(0)?.outputs;
      const layer3 = cache.layer(2)?.outputs;
      // One filter of layer 2: that filter's maps (a patch), then layer 3.
      const json = networkJson();
      json.layers[1]!.filters[1]!.weights[1]![1] = 3;
      const status = await show(json);
      expect(status.computed).toEqual([1, 2]);
      expect(cache.layer(0)?.outputs, 'layer 1: the same tensors').toBe(layer1);
      expect(layer1?.featureMaps.isDisposed).toBe(false);
      expect(layer3?.featureMaps.isDisposed, 'layer 3 computed again').toBe(true);
      // Filter 2's four stages in layer 2, and all of layer 3's (2 filters x 4 stages).
      expect(status.drawn).toBe(4 + 8);
      await expectMapsOf(parseNetwork(json));

      // Layer 2's activation: the whole layer, then layer 3; layer 1 still the same tensors.
      json.layers[1]!.activation = 'relu';
      const whole = await show(json);
      expect(whole.computed).toEqual([1, 2]);
      expect(cache.layer(0)?.outputs).toBe(layer1);
      expect(whole.drawn).toBe(12 + 8);
      await expectMapsOf(parseNetwork(json));

      // A bias of layer 3's first filter: its four canvases alone.
      json.layers[2]!.filters[0]!.bias = 2;
      const last = await show(json);
      expect(last.computed).toEqual([2]);
      expect(last.drawn).toBe(4);
      await expectMapsOf(parseNetwork(json));
    });

    it('leaves a canvas off screen stale, and draws it when it scrolls into view, computing nothing', async () => {
      if (typeof IntersectionObserver === 'undefined') return;
      const key = canvasKey('avgPool', 1, 2);
      const canvas = canvases.get(key) as HTMLCanvasElement;
      canvas.style.cssText = 'position: absolute; top: 20000px; width: 8px; height: 8px';
      await show(networkJson());
      // Let the observer report it off screen.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const json = networkJson();
      json.layers[2]!.filters[1]!.bias = 7;
      const edit = await show(json);
      expect(edit.computed).toEqual([2]);
      expect(edit.drawn, 'filter 2 of layer 3 has four canvases, one off screen').toBe(3);
      const shown = await frameAfter(() => canvas.scrollIntoView());
      expect(shown.computed).toEqual([]);
      expect(shown.drawn).toBe(1);
      window.scrollTo(0, 0);
      canvas.style.cssText = 'width: 8px; height: 8px';
      await quiet();
    });

    it('200 edits spread over the layers leave the tensor count as it was, reading nothing back on webgl', async () => {
      // Whole layers (no patches) before counting, at the start and at the end.
      const reset = async () => {
        const json = networkJson();
        json.layers[0]!.activation = 'abs';
        await show(json);
        await show(networkJson());
        await quiet();
      };
      await reset();
      const tensors = tf.memory().numTensors;
      resetReadbackCounts();
      const json = networkJson();
      const computed = new Set<number>();
      for (let i = 0; i < 200; i++) {
        const k = i % 3;
        const layer = json.layers[k]!;
        const filter = layer.filters[(i >> 2) % layer.filters.length]!;
        // Every edit changes something (a value not used before): each one computes from its layer.
        if (i % 9 === 8) layer.activation = layer.activation === 'relu' ? 'abs' : 'relu';
        else if (i % 2 === 0) filter.bias = i / 10 - 10;
        else {
          const row = filter.weights[0] as unknown[];
          if (Array.isArray(row[0])) (row[0] as number[])[0] = i / 50 - 2;
          else row[0] = i / 50 - 2;
        }
        const status = await show(json);
        for (const layerDone of status.computed) computed.add(layerDone);
        expect(status.computed[0], `edit ${i} in layer ${k + 1} computes from there`).toBe(k);
      }
      expect([...computed].sort()).toEqual([0, 1, 2]);
      await expectMapsOf(parseNetwork(json));
      if (backend === 'webgl') expect(countReadbacks(), 'pixel readbacks on webgl').toBe(0);
      await reset();
      expect(tf.memory().numTensors, 'tensors after 200 edits').toBe(tensors);
    });

    it('reads layer k’s input on request: what layer k-1 feeds it', async () => {
      await show(networkJson());
      const want = runNetwork(reference, parseNetwork(networkJson()));
      try {
        const values = await engine.readInput(2);
        expect(values && [values.height, values.width, values.channels]).toEqual(want[1]?.maxPool.shape);
        const fed = await want[1]!.maxPool.data();
        values?.data.forEach((v, i) => expect(v).toBeCloseTo(fed[i] as number, 2));
        expect(engine.readInput(3), 'no layer 4').toBeNull();
      } finally {
        disposeNetworkOutputs(want);
      }
    });
  });
}
