/**
 * The page's training loop (src/training/run.ts) in Node on wasm, as its worker runs it: a few hundred
 * images for one epoch post throttled updates with the filters and the followed image's maps, pause
 * holds it, and the result's held-out accuracy is the model JSON's, recomputed by the core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initTrainBackend } from '../../src/cli/backend.ts';
import { loadFashionMnist } from '../../src/cli/fashionData.ts';
import { DEFAULT_TRAIN_SETTINGS, defaultTrainNetwork } from '../../src/train/defaults.ts';
import { HELD_OUT_RANGE, type FashionMnist } from '../../src/train/fashionMnist.ts';
import { modelLogits, parseModel, predictions } from '../../src/train/model.ts';
import type { FromWorker, TrainUpdate } from '../../src/training/protocol.ts';
import { Trainer } from '../../src/train/trainer.ts';
import { parameterCount, structureParts } from '../../src/training/describe.ts';
import { MISTAKES_SHOWN, RunControl, runTraining } from '../../src/training/run.ts';
import type { TrainResult } from '../../src/training/types.ts';

let data: FashionMnist;

beforeAll(async () => {
  await initTrainBackend('wasm');
  data = loadFashionMnist();
});

afterAll(() => {
  tf.disposeVariables();
});

const settings = { ...DEFAULT_TRAIN_SETTINGS, epochs: 1 };
const range = { start: 0, count: 320 };

describe('runTraining', () => {
  it('trains one epoch on 320 images: updates, an epoch point, a result the JSON agrees with', async () => {
    // What a bare Trainer leaves after dispose (its optimizer's, not ours): the run may leave no more.
    const bare = tf.memory().numTensors;
    const trainer = new Trainer(data, defaultTrainNetwork(), settings, range);
    trainer.trainBatch();
    trainer.dispose();
    const trainerLeft = tf.memory().numTensors - bare;
    const messages: FromWorker[] = [];
    const tensorsBefore = tf.memory().numTensors;
    const control = new RunControl(9000);
    await runTraining({
      data,
      network: defaultTrainNetwork(),
      settings,
      range,
      control,
      post: (m) => messages.push(m),
      updateEveryMs: 0,
    });
    expect(tf.memory().numTensors - tensorsBefore).toBeLessThanOrEqual(trainerLeft);
    const updates = messages.filter((m): m is TrainUpdate => m.type === 'update');
    const batches = updates.flatMap((u) => u.batches);
    expect(batches.map((b) => b.step)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(updates.flatMap((u) => u.epochs)).toHaveLength(1);
    const last = updates.at(-1)!;
    expect(last.progress).toMatchObject({ batchesPerEpoch: 10, epochs: 1 });
    expect(last.filters).toMatchObject({ height: 3, width: 3, count: 8 });
    expect(last.filters.values).toHaveLength(72);
    expect(last.followed.sample).toMatchObject({ index: 9000, label: data.labels[9000] });
    expect(last.followed.layers.map((l) => [l.height, l.width, l.count])).toEqual([
      [28, 28, 8],
      [14, 14, 16],
    ]);
    // The loss falls within the epoch (first batches against the last).
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(batches.slice(-3).map((b) => b.loss))).toBeLessThan(
      mean(batches.slice(0, 3).map((b) => b.loss)),
    );

    const result = (messages.at(-1) as { type: 'result'; result: TrainResult }).result;
    expect(messages.at(-1)!.type).toBe('result');
    const model = parseModel(result.model);
    const predicted = predictions(
      modelLogits(model, data.images, HELD_OUT_RANGE.start, HELD_OUT_RANGE.count),
    );
    const right = predicted.filter((p, n) => p === data.labels[HELD_OUT_RANGE.start + n]).length;
    expect(result.heldOutAccuracy).toBe(right / HELD_OUT_RANGE.count);
    expect(result.confusion.flat().reduce((a, b) => a + b, 0)).toBe(1000);
    expect(result.confusion.reduce((sum, row, i) => sum + row[i]!, 0)).toBe(right);
    expect(result.mistakes).toHaveLength(Math.min(MISTAKES_SHOWN, 1000 - right));
    for (const m of result.mistakes) {
      expect(m.predicted).not.toBe(m.label);
      expect(m.pixels).toHaveLength(784);
    }
  }, 120_000);

  it('is reproducible: the same seed on the same backend gives the same model JSON', async () => {
    const run = async () => {
      const messages: FromWorker[] = [];
      await runTraining({
        data,
        network: defaultTrainNetwork(),
        settings,
        range: { start: 0, count: 128 },
        control: new RunControl(9000),
        post: (m) => messages.push(m),
      });
      const last = messages.at(-1) as { type: 'result'; result: TrainResult };
      return JSON.stringify(last.result.model);
    };
    expect(await run()).toBe(await run());
  }, 60_000);

  it('pauses between batches, follows a new image while paused, and stopped before an epoch keeps no model', async () => {
    const messages: FromWorker[] = [];
    const control = new RunControl(9000);
    const trained = () => messages.flatMap((m) => (m.type === 'update' ? m.batches : [])).length;
    let yields = 0;
    const run = runTraining({
      data,
      network: defaultTrainNetwork(),
      settings,
      range,
      control,
      post: (m) => messages.push(m),
      updateEveryMs: 0,
      yieldNow: async () => {
        yields++;
        if (yields === 2) control.pause();
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(trained()).toBe(2);
    control.setFollow(9001);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const last = messages.at(-1) as TrainUpdate;
    expect(last.followed.sample.index).toBe(9001);
    expect(trained()).toBe(2);
    control.stop();
    await run;
    expect(messages.at(-1)).toEqual({ type: 'stopped' });
  }, 60_000);
});

describe('the structure line', () => {
  it('names the default CNN part by part and counts its 9,098 trainable values', () => {
    const net = defaultTrainNetwork();
    expect(structureParts(net)).toEqual([
      { kind: 'input', size: 28 },
      { kind: 'conv', kh: 3, kw: 3, filters: 8, activation: 'ReLU', stride: null },
      { kind: 'pool', pool: 'max', size: '2×2' },
      { kind: 'conv', kh: 3, kw: 3, filters: 16, activation: 'ReLU', stride: null },
      { kind: 'pool', pool: 'max', size: '2×2' },
      { kind: 'dense', count: 10 },
    ]);
    // 3·3·1·8 + 8, 3·3·8·16 + 16, 7·7·16·10 + 10.
    expect(parameterCount(net)).toBe(80 + 1168 + 7850);
  });

  it('leaves out an activation of none and says a stride', () => {
    const net = defaultTrainNetwork();
    net.layers[0] = { ...net.layers[0]!, activation: 'none', stride: [2, 2], output: 'conv' };
    expect(structureParts(net)[1]).toEqual({
      kind: 'conv',
      kh: 3,
      kw: 3,
      filters: 8,
      activation: null,
      stride: '2',
    });
  });
});
