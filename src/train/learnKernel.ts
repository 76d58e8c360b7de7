/**
 * Learning a kernel (docs/training.md, "Learn a kernel"): filter 1 starts from random weights drawn from
 * a seed and gradient descent moves it until its map on the image matches the map of a hidden target
 * kernel. The loss is the mean squared difference of the two pre-activation maps (no bias), so for one
 * weight the gradient is the sum, over the map, of the input pixel under that tap times the error
 * (times 2 / N).
 *
 * Both maps are computed on a conditioned copy of the image (`conditioned`): each pixel minus its 5 x 5
 * neighbourhood's mean, scaled to standard deviation 1, and in RGB the channels decorrelated. A fixed
 * change of the input made on both sides keeps the target the one exact minimum, but it evens out how
 * fast each weight learns: on a photo neighbouring pixels are nearly equal, so the sum of the weights
 * would learn hundreds of times faster than their differences (a random 5 x 5 stalled at 0.09 after
 * 3000 steps; now it is within 0.01 in a few hundred).
 *
 * RGB per channel (one map per channel from a shared 2-D filter) is learned with the channels moved
 * into the batch, one plain convolution: wasm has no gradient for the depthwise convolution the page uses.
 */
import * as tf from '@tensorflow/tfjs-core';
import './gradients.ts';
import {
  convolveBatch,
  isDepthwise,
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

/** Adam at 0.05 moves a weight by about 0.05 a step: Sobel x forms in about 100 steps, slow enough to watch. */
export const DEFAULT_LEARN_SETTINGS: LearnSettings = { optimizer: 'adam', learningRate: 0.05, seed: 1 };

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
/** A loss this small against the target map's mean square is a match (weights within about 1e-3). */
const MATCHED_RATIO = 1e-7;

/** The first filter's spec on its own, with `weights` (biases 0): the map learning compares. */
function oneFilter(spec: LayerSpec, weights: Weights): LayerSpec {
  return { ...spec, filters: [{ weights, bias: 0 }] };
}

/** Side of the neighbourhood whose mean `conditioned` takes away. */
const SURROUND = 5;

/**
 * `x` [n, C] (rows of pixels) times the inverse of the Cholesky factor of its channel covariance: the
 * channels uncorrelated with variance 1 (a gray image seen as RGB keeps a small ridge, not a division by 0).
 */
function decorrelate(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const c = x.shape[1];
    const cov = Array.from(tf.div(tf.matMul(x, x, true, false), x.shape[0]).dataSync());
    const ridge = 1e-3 * (cov.reduce((sum, v, i) => (i % (c + 1) === 0 ? sum + v : sum), 0) / c);
    // Cholesky: cov + ridge I = L L^T, then the inverse of L by forward substitution.
    const l = Array.from({ length: c * c }, () => 0);
    for (let i = 0; i < c; i++)
      for (let j = 0; j <= i; j++) {
        let sum = cov[i * c + j]! + (i === j ? ridge : 0);
        for (let k = 0; k < j; k++) sum -= l[i * c + k]! * l[j * c + k]!;
        l[i * c + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j * c + j]!;
      }
    const inv = Array.from({ length: c * c }, () => 0);
    for (let col = 0; col < c; col++)
      for (let i = 0; i < c; i++) {
        let sum = i === col ? 1 : 0;
        for (let k = 0; k < i; k++) sum -= l[i * c + k]! * inv[k * c + col]!;
        inv[i * c + col] = sum / l[i * c + i]!;
      }
    // Rows are pixels, so x' = x L^-T.
    return tf.matMul(x, tf.tensor2d(inv, [c, c]), false, true);
  });
}

/**
 * The layer input of `image` as learning sees it: minus the local mean (SURROUND x SURROUND), then mean 0
 * and standard deviation 1, the channels decorrelated when a filter sums them (`mix`).
 */
function conditioned(input: tf.Tensor3D, mix: boolean): tf.Tensor3D {
  return tf.tidy(() => {
    const [h, w, c] = input.shape;
    const local = tf.avgPool(input, Math.min(SURROUND, h, w), 1, 'same');
    const rows = tf.reshape(tf.sub(input, local), [h * w, c]) as tf.Tensor2D;
    const centred = tf.sub(rows, tf.mean(rows, 0)) as tf.Tensor2D;
    if (mix && c > 1) return tf.reshape(decorrelate(centred), [h, w, c]) as tf.Tensor3D;
    const { variance } = tf.moments(centred);
    return tf.reshape(tf.div(centred, tf.add(tf.sqrt(variance), 1e-6)), [h, w, c]) as tf.Tensor3D;
  });
}

export class KernelLearner {
  /** The spec the maps are computed with (per channel: gray, the channels in the batch). */
  private readonly spec: LayerSpec;
  private readonly geometry: LayerGeometry;
  private readonly padded: tf.Tensor4D;
  private readonly target: tf.Tensor4D;
  private readonly variable: tf.Variable<tf.Rank.R4>;
  private readonly optimizer: tf.Optimizer;
  /** [kh, kw, depth] of the learned filter (depth 0: one 2-D slice for every channel). */
  private readonly shape: { kh: number; kw: number; depth: number };
  /** The target map's mean square: the loss of an all-zero filter, the scale a match is judged on. */
  private readonly scale: number;
  private history: number[] = [];
  private steps = 0;

  /**
   * `image` [H, W, 3] in 0..255 (not disposed); `layer` gives the channels, stride, dilation and padding;
   * `target` the hidden filter. Throws a `SpecError` if the layer leaves no map on this image.
   */
  constructor(image: tf.Tensor3D, layer: LayerSpec, target: Weights, settings: LearnSettings) {
    const perChannel = isDepthwise(layer);
    this.spec = oneFilter(perChannel ? { ...layer, channels: 'gray' } : layer, target);
    const [height, width] = image.shape;
    this.geometry = layerGeometry(this.spec, height, width);
    this.shape = kernelShape(target);
    const { kh, kw, depth } = this.shape;
    const targetKernel = tf.tidy(() =>
      this.kernelFor(tf.reshape(tf.tensor(target as number[][]), [kh, kw, depth || 1, 1])),
    );
    [this.padded, this.target] = tf.tidy(() => {
      const input = conditioned(layerInput(image, layer.channels), layer.channels === 'rgb');
      // Per channel: [H, W, 3] as a batch of three gray images, each padded as the layer pads it.
      const batch = perChannel
        ? (tf.expandDims(tf.transpose(input, [2, 0, 1]), 3) as tf.Tensor4D)
        : (tf.expandDims(input, 0) as tf.Tensor4D);
      const padded = padImage(batch, this.geometry.pads, this.spec.padMode);
      return [padded, this.map(padded, targetKernel)];
    });
    targetKernel.dispose();
    this.scale = tf.tidy(() => tf.mean(tf.square(this.target)).dataSync()[0]!);
    const random = seededRandom(settings.seed);
    const std = 1 / Math.sqrt(kh * kw * (depth || 1));
    const start = Float32Array.from({ length: kh * kw * (depth || 1) }, () => random.normal() * std);
    // tidy disposes the starting tensor; the variable (never tracked by tidy) keeps its own copy.
    this.variable = tf.tidy(() => tf.variable(tf.tensor4d(start, [kh, kw, depth || 1, 1])));
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

  /** Filter 1's pre-activation map(s) [B, Ho, Wo, 1] of the padded input, as the layer computes them. */
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
    if (this.matched()) return true;
    const back = Math.ceil(PLATEAU_STEPS / every);
    const before = this.history[this.history.length - 1 - back];
    return before !== undefined && last > before * PLATEAU_RATIO;
  }

  /** Whether the last loss read is a match: the maps equal up to float32 noise. */
  matched(): boolean {
    const last = this.history[this.history.length - 1];
    return last !== undefined && last < this.scale * MATCHED_RATIO;
  }

  dispose(): void {
    tf.dispose([this.padded, this.target, this.variable]);
    this.optimizer.dispose();
  }
}
