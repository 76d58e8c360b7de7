/**
 * Learning a kernel (docs/training.md, "Learn a kernel"): filter 1 starts from random weights drawn from
 * a seed and gradient descent moves it until its map on the image matches the map of a hidden target
 * kernel. The loss is the mean squared difference of the two pre-activation maps (no bias), so for one
 * weight the gradient is the sum, over the map, of the input pixel under that tap times the error
 * (times 2 / N). The input is standardised (mean 0, standard deviation 1) first: the target is reached
 * exactly all the same, and the steps are even across weights (a bright image would otherwise make the
 * sum of the weights learn much faster than their differences).
 */
import * as tf from '@tensorflow/tfjs-core';
import './gradients.ts';
import {
  convolveBatch,
  kernelShape,
  layerGeometry,
  layerInput,
  padImage,
  type LayerGeometry,
  type LayerSpec,
  type Weights,
} from '../core/index.ts';
import type { OptimizerName } from './defaults.ts';
import { dilateKernel, undilated } from './dilate.ts';
import { makeOptimizer } from './optimizer.ts';
import { seededRandom } from './random.ts';

export interface LearnSettings {
  optimizer: OptimizerName;
  learningRate: number;
  seed: number;
}

export const DEFAULT_LEARN_SETTINGS: LearnSettings = { optimizer: 'adam', learningRate: 0.02, seed: 1 };

export interface LearnState {
  /** Optimizer steps taken. */
  step: number;
  loss: number;
  /** The learned filter, shaped as the target (kh x kw, or kh x kw x C). */
  weights: Weights;
}

/** Steps over which the loss must fall by `PLATEAU_RATIO` for learning to go on by itself. */
export const PLATEAU_STEPS = 100;
const PLATEAU_RATIO = 0.99;
/** A loss this small is a match (float32 noise). */
const MATCHED_LOSS = 1e-9;

/** The first filter's spec on its own, with `weights` (biases 0): the map learning compares. */
function oneFilter(spec: LayerSpec, weights: Weights): LayerSpec {
  return { ...spec, filters: [{ weights, bias: 0 }] };
}

export class KernelLearner {
  private readonly spec: LayerSpec;
  private readonly geometry: LayerGeometry;
  private readonly padded: tf.Tensor4D;
  private readonly target: tf.Tensor4D;
  private readonly variable: tf.Variable<tf.Rank.R4>;
  private readonly optimizer: tf.Optimizer;
  /** [kh, kw, depth] of the learned filter (depth 0: one 2-D slice for every channel). */
  private readonly shape: { kh: number; kw: number; depth: number };
  private history: number[] = [];
  private steps = 0;

  /**
   * `image` [H, W, 3] in 0..255 (not disposed); `layer` gives the channels, stride, dilation and padding;
   * `target` the hidden filter. Throws a `SpecError` if the layer leaves no map on this image.
   */
  constructor(image: tf.Tensor3D, layer: LayerSpec, target: Weights, settings: LearnSettings) {
    this.spec = oneFilter(layer, target);
    const [height, width] = image.shape;
    this.geometry = layerGeometry(this.spec, height, width);
    this.shape = kernelShape(target);
    const { kh, kw, depth } = this.shape;
    const targetKernel = tf.tidy(() =>
      this.kernelFor(tf.reshape(tf.tensor(target as number[][]), [kh, kw, depth || 1, 1])),
    );
    [this.padded, this.target] = tf.tidy(() => {
      const input = layerInput(image, this.spec.channels);
      const { mean, variance } = tf.moments(input);
      const standard = tf.div(tf.sub(input, mean), tf.add(tf.sqrt(variance), 1e-6)) as tf.Tensor3D;
      const padded = tf.expandDims(
        padImage(standard, this.geometry.pads, this.spec.padMode),
        0,
      ) as tf.Tensor4D;
      return [padded, this.map(padded, targetKernel)];
    });
    targetKernel.dispose();
    const random = seededRandom(settings.seed);
    const std = 1 / Math.sqrt(kh * kw * (depth || 1));
    const start = Float32Array.from({ length: kh * kw * (depth || 1) }, () => random.normal() * std);
    this.variable = tf.variable(tf.tensor4d(start, [kh, kw, depth || 1, 1]));
    this.optimizer = makeOptimizer(settings.optimizer, settings.learningRate);
  }

  /** A [kh, kw, depth, 1] filter as the layer's kernel [kh, kw, C, 1]: a 2-D filter repeated over C. */
  private kernelFor(filter: tf.Tensor): tf.Tensor4D {
    return tf.tidy(() => {
      const channels = this.spec.channels === 'gray' ? 1 : 3;
      const [kh, kw, depth] = filter.shape as [number, number, number, number];
      return tf.reshape(depth === channels ? filter : tf.tile(filter, [1, 1, channels, 1]), [
        kh,
        kw,
        channels,
        1,
      ]);
    });
  }

  /** Filter 1's pre-activation map(s) [1, Ho, Wo, M] of the padded input, as the layer computes them. */
  private map(padded: tf.Tensor4D, kernel: tf.Tensor4D): tf.Tensor4D {
    return convolveBatch(
      padded,
      dilateKernel(kernel, this.spec.dilation),
      null,
      undilated(this.spec),
      this.geometry,
    );
  }

  /** Runs `count` optimizer steps and reads back the loss and weights once (the worker posts them). */
  run(count: number): LearnState {
    let loss = 0;
    for (let i = 0; i < count; i++) {
      const cost = this.optimizer.minimize(
        () =>
          tf.losses.meanSquaredError(
            this.target,
            this.map(this.padded, this.kernelFor(this.variable)),
          ) as tf.Scalar,
        true,
        [this.variable],
      );
      if (i === count - 1) loss = cost!.dataSync()[0]!;
      cost?.dispose();
      this.steps++;
    }
    this.history.push(loss);
    return { step: this.steps, loss, weights: this.weights() };
  }

  /** The learned filter as the target is shaped. */
  weights(): Weights {
    const values = this.variable.dataSync();
    const { kh, kw, depth } = this.shape;
    const at = (r: number, c: number, ch: number) => values[(r * kw + c) * (depth || 1) + ch]!;
    return Array.from({ length: kh }, (_, r) =>
      Array.from({ length: kw }, (_, c) =>
        depth === 0 ? at(r, c, 0) : Array.from({ length: depth }, (_, ch) => at(r, c, ch)),
      ),
    ) as Weights;
  }

  /**
   * Whether learning should stop by itself: the loss is a match, or it fell by less than 1% over the
   * last `PLATEAU_STEPS` steps (given `run` is called with the same count each time, `every`).
   */
  stalled(every: number): boolean {
    const last = this.history[this.history.length - 1];
    if (last === undefined) return false;
    if (last < MATCHED_LOSS) return true;
    const back = Math.ceil(PLATEAU_STEPS / every);
    const before = this.history[this.history.length - 1 - back];
    return before !== undefined && last > before * PLATEAU_RATIO;
  }

  dispose(): void {
    tf.dispose([this.padded, this.target, this.variable]);
    this.optimizer.dispose();
  }
}
