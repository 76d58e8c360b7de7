/**
 * Training a network with a dense classifier on Fashion-MNIST, one batch at a time, so the page's worker
 * can report, pause and resume between batches and the command line can loop. The same code in both
 * (docs/training.md). Deterministic: the seed draws the weights and orders the images of every epoch.
 */
import * as tf from '@tensorflow/tfjs-core';
import './gradients.ts';
import { networkGeometry, type LayerGeometry, type NetworkSpec } from '../core/index.ts';
import type { TrainSettings } from './defaults.ts';
import {
  HELD_OUT_RANGE,
  IMAGE_PIXELS,
  IMAGE_SIZE,
  TRAIN_RANGE,
  type FashionMnist,
  type ImageRange,
} from './fashionMnist.ts';
import { logits } from './forward.ts';
import { featureCount, modelFromParams, type TrainedModel } from './model.ts';
import { makeOptimizer } from './optimizer.ts';
import { CLASS_COUNT, disposeParams, initialParams, paramList, type NetworkParams } from './params.ts';
import { seededRandom, type Random } from './random.ts';
import { trainingProblem } from './trainable.ts';

export interface BatchReport {
  /** 0-based epoch and batch within it. */
  epoch: number;
  batch: number;
  loss: number;
  accuracy: number;
  /** Whether this batch ended its epoch. */
  epochDone: boolean;
}

export interface Evaluation {
  loss: number;
  accuracy: number;
  /** The class predicted for each image of the range, in order. */
  predicted: Uint8Array;
}

const EVAL_BATCH = 500;

/**
 * The learning rate of epoch `epoch` (0-based): `settings.learningRate` on the first, then lowered along
 * half a cosine towards 0 over the epochs (docs/training.md, "The learning rate"): big steps while far
 * off, small ones at the end so the last epochs settle instead of jumping around the minimum. Over the
 * default 10 epochs it held seeds 1-4 above 0.86 where a constant rate gave 0.852-0.876.
 */
export function epochLearningRate(settings: TrainSettings, epoch: number): number {
  return settings.learningRate * 0.5 * (1 + Math.cos((Math.PI * epoch) / settings.epochs));
}

/**
 * Sets the rate tfjs's optimizers read on each step. SGD and momentum keep it as a scalar tensor, renewed
 * by their `setLearningRate`; Adam reads the field. Told apart by the method: tfjs's optimizer classes
 * answer `instanceof` by their fields, so an Adam optimizer passes for an SGD one.
 */
function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  const sgd = optimizer as Partial<Pick<tf.SGDOptimizer, 'setLearningRate'>>;
  if (typeof sgd.setLearningRate === 'function') sgd.setLearningRate(rate);
  else (optimizer as unknown as { learningRate: number }).learningRate = rate;
}

export class Trainer {
  readonly net: NetworkSpec;
  readonly settings: TrainSettings;
  readonly batchesPerEpoch: number;
  private readonly data: FashionMnist;
  private readonly range: ImageRange;
  private readonly geometries: LayerGeometry[];
  private readonly params: NetworkParams;
  private readonly optimizer: tf.Optimizer;
  private readonly shuffle: Random;
  private order: Int32Array = new Int32Array(0);
  private epoch = 0;
  private batch = 0;

  /** Throws a `SpecError` naming what training cannot take (`trainingProblem`). */
  constructor(
    data: FashionMnist,
    net: NetworkSpec,
    settings: TrainSettings,
    range: ImageRange = TRAIN_RANGE,
  ) {
    const problem = trainingProblem(net);
    if (problem) throw problem;
    this.data = data;
    this.net = net;
    this.settings = settings;
    this.range = range;
    this.geometries = networkGeometry(net, IMAGE_SIZE, IMAGE_SIZE);
    this.params = initialParams(net, featureCount(net), settings.seed);
    this.optimizer = makeOptimizer(settings.optimizer, settings.learningRate);
    this.shuffle = seededRandom(settings.seed + 0x9e3779b9);
    this.batchesPerEpoch = Math.ceil(range.count / settings.batchSize);
  }

  get progress(): { epoch: number; batch: number; done: boolean } {
    return { epoch: this.epoch, batch: this.batch, done: this.epoch >= this.settings.epochs };
  }

  /** Images `indices` (into the whole set) as [B, 28, 28, 1] in 0..1 and their labels one-hot. */
  private batchOf(indices: ArrayLike<number>): { x: tf.Tensor4D; y: tf.Tensor2D; labels: Int32Array } {
    const count = indices.length;
    const pixels = new Float32Array(count * IMAGE_PIXELS);
    const labels = new Int32Array(count);
    for (let n = 0; n < count; n++) {
      const i = indices[n]!;
      const source = this.data.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
      for (let p = 0; p < IMAGE_PIXELS; p++) pixels[n * IMAGE_PIXELS + p] = source[p]! / 255;
      labels[n] = this.data.labels[i]!;
    }
    return tf.tidy(() => ({
      x: tf.tensor4d(pixels, [count, IMAGE_SIZE, IMAGE_SIZE, 1]),
      y: tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), CLASS_COUNT), 'float32') as tf.Tensor2D,
      labels,
    }));
  }

  /** One step of the optimizer on the next batch; starts the next epoch (a new order) when one ends. */
  trainBatch(): BatchReport {
    if (this.progress.done) throw new Error('training is done');
    if (this.batch === 0) {
      const order = this.shuffle.permutation(this.range.count);
      this.order = order.map((i) => i + this.range.start);
      setLearningRate(this.optimizer, epochLearningRate(this.settings, this.epoch));
    }
    const { batchSize } = this.settings;
    const indices = this.order.subarray(this.batch * batchSize, (this.batch + 1) * batchSize);
    const { x, y, labels } = this.batchOf(indices);
    let correct = 0;
    const loss = tf.tidy(() => {
      let out: tf.Tensor2D | null = null;
      const cost = this.optimizer.minimize(
        () => {
          // Kept past the gradient's own tidy, to count the batch's correct answers below.
          out = tf.keep(logits(x, this.net, this.params, this.geometries));
          return tf.losses.softmaxCrossEntropy(y, out) as tf.Scalar;
        },
        true,
        paramList(this.params),
      );
      const predicted = tf.argMax(out!, 1).dataSync();
      tf.dispose(out!);
      for (let n = 0; n < labels.length; n++) if (predicted[n] === labels[n]) correct++;
      return cost!.dataSync()[0]!;
    });
    tf.dispose([x, y]);
    const report: BatchReport = {
      epoch: this.epoch,
      batch: this.batch,
      loss,
      accuracy: correct / labels.length,
      epochDone: this.batch === this.batchesPerEpoch - 1,
    };
    this.batch++;
    if (this.batch === this.batchesPerEpoch) {
      this.batch = 0;
      this.epoch++;
    }
    return report;
  }

  /** Loss, accuracy and predictions on a range of images (by default the held-out 9000–9999). */
  evaluate(range: ImageRange = HELD_OUT_RANGE): Evaluation {
    const predicted = new Uint8Array(range.count);
    let lossSum = 0;
    let correct = 0;
    for (let at = 0; at < range.count; at += EVAL_BATCH) {
      const count = Math.min(EVAL_BATCH, range.count - at);
      const indices = Int32Array.from({ length: count }, (_, n) => range.start + at + n);
      const { x, y, labels } = this.batchOf(indices);
      const [loss, classes] = tf.tidy(() => {
        const out = logits(x, this.net, this.params, this.geometries);
        const lossSum = tf.mul(tf.losses.softmaxCrossEntropy(y, out), count).dataSync()[0]!;
        return [lossSum, tf.argMax(out, 1).dataSync()] as const;
      });
      tf.dispose([x, y]);
      lossSum += loss;
      for (let n = 0; n < count; n++) {
        predicted[at + n] = classes[n]!;
        if (classes[n] === labels[n]) correct++;
      }
    }
    return { loss: lossSum / range.count, accuracy: correct / range.count, predicted };
  }

  /** The model as it stands (CONTRACT JSON via `modelJson`). */
  model(): TrainedModel {
    return modelFromParams(this.net, this.params);
  }

  /** The variables, for views that draw the filters or run an image through (not to be disposed). */
  get variables(): NetworkParams {
    return this.params;
  }

  dispose(): void {
    disposeParams(this.params);
    this.optimizer.dispose();
  }
}
