/**
 * The training run the page's worker drives (trainWorker.ts is a thin shell around it), plain enough to
 * test in Node: a Trainer stepped batch by batch, yielding between batches so pause, resume, stop and
 * follow get through, posting throttled updates, and at the end the result the CLI would report (the
 * held-out accuracy of the model JSON recomputed by the core, `modelLogits`), so page, CLI and tests agree.
 */
import * as tf from '@tensorflow/tfjs-core';
import { networkGeometry, type NetworkSpec } from '../core/index.ts';
import type { TrainSettings } from '../train/defaults.ts';
import {
  HELD_OUT_RANGE,
  IMAGE_PIXELS,
  IMAGE_SIZE,
  type FashionMnist,
  type ImageRange,
} from '../train/fashionMnist.ts';
import { layerForward } from '../train/forward.ts';
import { modelJson, modelLogits, predictions, type TrainedModel } from '../train/model.ts';
import { CLASS_COUNT, type NetworkParams } from '../train/params.ts';
import { Trainer } from '../train/trainer.ts';
import type { FromWorker, TrainUpdate } from './protocol.ts';
import type { BatchPoint, EpochPoint, FilterStack, MapStack, Sample, TrainResult } from './types.ts';

/** How many wrong held-out images the result carries. */
export const MISTAKES_SHOWN = 24;
/** Updates at most this often (a few a second: enough to watch, little to post). */
export const UPDATE_EVERY_MS = 250;

/** What the page asked of a running loop; the worker sets it from messages, the loop reads it. */
export class RunControl {
  stopped = false;
  paused = false;
  follow: number;
  private wake: (() => void) | null = null;

  constructor(follow: number) {
    this.follow = follow;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.changed();
  }

  stop(): void {
    this.stopped = true;
    this.changed();
  }

  setFollow(index: number): void {
    this.follow = index;
    this.changed();
  }

  /** Resolves on the next resume, stop or follow (a paused loop waits on it). */
  nextChange(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private changed(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/** Image `index` of the set as a `Sample` (its pixels copied: it is posted). */
export function sampleOf(data: FashionMnist, index: number, predicted?: number): Sample {
  const pixels = data.images.slice(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS);
  const sample: Sample = { index, pixels, label: data.labels[index]! };
  if (predicted !== undefined) sample.predicted = predicted;
  return sample;
}

/** The first held-out image of each class, in class order: images a person may follow. */
export function followChoices(data: FashionMnist): Sample[] {
  const found = new Map<number, Sample>();
  for (let i = HELD_OUT_RANGE.start; i < HELD_OUT_RANGE.start + HELD_OUT_RANGE.count; i++) {
    const label = data.labels[i]!;
    if (!found.has(label)) found.set(label, sampleOf(data, i));
  }
  return [...found.values()].sort((a, b) => a.label - b.label);
}

/** The first layer's filters as they stand: its kernel [kh, kw, 1, F] is already a `FilterStack`'s layout. */
export function filterStack(params: NetworkParams): FilterStack {
  const kernel = params.layers[0]!.kernel;
  const [height, width, depth, count] = kernel.shape;
  const values = kernel.dataSync() as Float32Array;
  // A first layer reads one gray channel (trainingProblem); keep channel 0 should that ever change.
  if (depth === 1) return { height, width, count, values: Float32Array.from(values) };
  const out = new Float32Array(height * width * count);
  for (let p = 0; p < height * width; p++)
    for (let f = 0; f < count; f++) out[p * count + f] = values[p * depth * count + f]!;
  return { height, width, count, values: out };
}

/** Every layer's activated maps for one image, in training's units (pixels / 255), as the model sees it. */
export function followedMaps(
  net: NetworkSpec,
  params: NetworkParams,
  data: FashionMnist,
  index: number,
): MapStack[] {
  const geometries = networkGeometry(net, IMAGE_SIZE, IMAGE_SIZE);
  const sample = data.images.subarray(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS);
  const stacks: MapStack[] = [];
  let x = tf.tensor4d(
    Float32Array.from(sample, (v) => v / 255),
    [1, IMAGE_SIZE, IMAGE_SIZE, 1],
  );
  net.layers.forEach((layer, i) => {
    const { featureMaps, fed } = layerForward(x, layer, params.layers[i]!, geometries[i]!);
    const [, height, width, count] = featureMaps.shape;
    stacks.push({ height, width, count, values: featureMaps.dataSync() as Float32Array });
    // A layer without pooling feeds on its maps: they are the next input, not to be disposed yet.
    if (fed !== featureMaps) featureMaps.dispose();
    x.dispose();
    x = fed;
  });
  x.dispose();
  return stacks;
}

/**
 * Held-out accuracy, confusion matrix and mistakes of `model` computed from its JSON alone, as
 * `kernelscope train` computes its last line (`modelLogits` over images 9000–9999).
 */
export function evaluateModel(model: TrainedModel, data: FashionMnist): TrainResult {
  const { start, count } = HELD_OUT_RANGE;
  const predicted = predictions(modelLogits(model, data.images, start, count));
  const confusion = Array.from({ length: CLASS_COUNT }, () => Array<number>(CLASS_COUNT).fill(0));
  const mistakes: Sample[] = [];
  let right = 0;
  predicted.forEach((p, n) => {
    const label = data.labels[start + n]!;
    confusion[label]![p]!++;
    if (p === label) right++;
    else if (mistakes.length < MISTAKES_SHOWN) mistakes.push(sampleOf(data, start + n, p));
  });
  return { heldOutAccuracy: right / count, confusion, mistakes, model: modelJson(model) };
}

export interface RunOptions {
  data: FashionMnist;
  network: NetworkSpec;
  settings: TrainSettings;
  range: ImageRange;
  control: RunControl;
  post: (message: FromWorker) => void;
  /** Lets queued messages in between batches (the worker: a macrotask). */
  yieldNow?: () => Promise<void>;
  now?: () => number;
  updateEveryMs?: number;
}

/**
 * Trains until the settings' epochs are done or the page stops it, posting updates, then the result
 * (or `stopped` if no epoch ended). Throws what the Trainer throws (a network training cannot take).
 */
export async function runTraining(options: RunOptions): Promise<void> {
  const { data, network, settings, range, control, post } = options;
  const yieldNow = options.yieldNow ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const now = options.now ?? (() => performance.now());
  const every = options.updateEveryMs ?? UPDATE_EVERY_MS;
  const trainer = new Trainer(data, network, settings, range);
  try {
    let batches: BatchPoint[] = [];
    let epochs: EpochPoint[] = [];
    let step = 0;
    // Time spent training, pauses left out, so the time left follows the pace.
    let activeMs = 0;
    let lastPost = -Infinity;
    const total = trainer.batchesPerEpoch * settings.epochs;
    const update = (): TrainUpdate => {
      const { epoch, batch } = trainer.progress;
      const perBatch = step > 0 ? activeMs / step : 0;
      const message: TrainUpdate = {
        type: 'update',
        batches,
        epochs,
        progress: {
          epoch: Math.min(epoch + 1, settings.epochs),
          batch,
          batchesPerEpoch: trainer.batchesPerEpoch,
          epochs: settings.epochs,
          elapsedMs: activeMs,
          remainingMs: step >= 3 ? perBatch * (total - step) : null,
        },
        filters: filterStack(trainer.variables),
        followed: {
          sample: sampleOf(data, control.follow),
          layers: followedMaps(network, trainer.variables, data, control.follow),
        },
      };
      batches = [];
      epochs = [];
      return message;
    };
    let followed = control.follow;
    while (!trainer.progress.done && !control.stopped) {
      const started = now();
      const report = trainer.trainBatch();
      step++;
      batches.push({ step, epoch: report.epoch + 1, loss: report.loss, accuracy: report.accuracy });
      if (report.epochDone) {
        const heldOut = trainer.evaluate();
        epochs.push({
          epoch: report.epoch + 1,
          step,
          heldOutLoss: heldOut.loss,
          heldOutAccuracy: heldOut.accuracy,
        });
      }
      activeMs += now() - started;
      if (report.epochDone || now() - lastPost >= every) {
        post(update());
        lastPost = now();
      }
      await yieldNow();
      if (control.paused && batches.length > 0) post(update());
      // Paused: wait, but show a newly followed image at once.
      for (;;) {
        if (control.follow !== followed && !control.stopped) {
          followed = control.follow;
          post(update());
        }
        if (!control.paused || control.stopped) break;
        await control.nextChange();
      }
    }
    if (batches.length > 0 || epochs.length > 0) post(update());
    if (trainer.progress.epoch === 0) {
      post({ type: 'stopped' });
      return;
    }
    post({ type: 'result', result: evaluateModel(trainer.model(), data) });
  } finally {
    trainer.dispose();
  }
}
