/**
 * A network's trainable values as tfjs variables: per layer a kernel [kh, kw, C, F] and a bias [F], and
 * the dense classifier [D, 10] and [10]. Drawn from a seed (He normal for the filters, Glorot uniform for
 * the classifier, biases 0) with our own random stream, so a seed gives the same start on every backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { inputDepth, kernelShape, type NetworkSpec } from '../core/index.ts';
import { seededRandom } from './random.ts';

export interface LayerParams {
  kernel: tf.Variable<tf.Rank.R4>;
  bias: tf.Variable<tf.Rank.R1>;
}

export interface NetworkParams {
  layers: LayerParams[];
  dense: { weights: tf.Variable<tf.Rank.R2>; bias: tf.Variable<tf.Rank.R1> };
}

export const CLASS_COUNT = 10;

/** Every variable, in a fixed order (optimizers and `disposeParams`). */
export function paramList(params: NetworkParams): tf.Variable[] {
  return [...params.layers.flatMap((l) => [l.kernel, l.bias]), params.dense.weights, params.dense.bias];
}

export function disposeParams(params: NetworkParams | null): void {
  if (params) tf.dispose(paramList(params));
}

/** The kernel shape of each layer: kh x kw from its filters, C its input depth, F its filter count. */
export function kernelShapes(net: NetworkSpec): Array<[number, number, number, number]> {
  return net.layers.map((layer) => {
    const first = layer.filters[0];
    const { kh, kw } = first ? kernelShape(first.weights) : { kh: 0, kw: 0 };
    return [kh, kw, inputDepth(layer), layer.filters.length];
  });
}

/** A variable of `initial()`'s values; the initial tensor is disposed (a variable copies it). */
function variableOf<R extends tf.Rank>(initial: () => tf.Tensor<R>): tf.Variable<R> {
  return tf.tidy(() => tf.variable(initial()));
}

/** Fresh variables for `net` with a classifier over `features` flattened values, drawn from `seed`. */
export function initialParams(net: NetworkSpec, features: number, seed: number): NetworkParams {
  const random = seededRandom(seed);
  const layers = kernelShapes(net).map((shape) => {
    const [kh, kw, c, f] = shape;
    const std = Math.sqrt(2 / (kh * kw * c));
    const values = Float32Array.from({ length: kh * kw * c * f }, () => random.normal() * std);
    return {
      kernel: variableOf(() => tf.tensor4d(values, shape)),
      bias: variableOf(() => tf.zeros([f]) as tf.Tensor1D),
    };
  });
  const limit = Math.sqrt(6 / (features + CLASS_COUNT));
  const dense = Float32Array.from({ length: features * CLASS_COUNT }, () => (random.next() * 2 - 1) * limit);
  return {
    layers,
    dense: {
      weights: variableOf(() => tf.tensor2d(dense, [features, CLASS_COUNT])),
      bias: variableOf(() => tf.zeros([CLASS_COUNT]) as tf.Tensor1D),
    },
  };
}
