/**
 * The network's forward pass on a batch, with its weights as tensors (training's variables): the same
 * core ops the page runs (padImage, convolveBatch, activate, poolBatch), so a trained model computes in
 * the page exactly as it trained. Differentiable on every backend (a dilated layer through
 * `dilateKernel`; wasm with the filter gradient of wasmGradient.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  activate,
  convolveBatch,
  mapsPerFilter,
  padImage,
  poolBatch,
  type LayerGeometry,
  type NetworkLayer,
  type NetworkSpec,
} from '../core/index.ts';
import { dilateKernel, undilated } from './dilate.ts';
import type { LayerParams, NetworkParams } from './params.ts';

/** One bias per output map: a filter's bias repeated over its maps (`rgb-per-channel` makes 3 each). */
function mapBias(layer: NetworkLayer, bias: tf.Tensor1D): tf.Tensor1D {
  const per = mapsPerFilter(layer);
  if (per === 1) return bias;
  return tf.reshape(tf.tile(tf.reshape(bias, [-1, 1]), [1, per]), [-1]);
}

/** One layer on a batch [B, H, W, C]: its activated maps and the result it feeds on (owned by the caller). */
export function layerForward(
  input: tf.Tensor4D,
  layer: NetworkLayer,
  params: LayerParams,
  geometry: LayerGeometry,
): { featureMaps: tf.Tensor4D; fed: tf.Tensor4D } {
  return tf.tidy(() => {
    const padded = padImage(input, geometry.pads, layer.padMode);
    const kernel = dilateKernel(params.kernel, layer.dilation);
    const pre = convolveBatch(padded, kernel, mapBias(layer, params.bias), undilated(layer), geometry);
    const featureMaps = activate(pre, layer.activation);
    const fed =
      layer.output === 'conv'
        ? featureMaps
        : poolBatch(featureMaps, layer.pool, layer.output === 'maxpool' ? 'max' : 'avg');
    return { featureMaps, fed };
  });
}

/**
 * The logits [B, 10] of a batch of inputs [B, H, W, C] in the units the first kernel expects: the last
 * layer's fed result flattened row, column, channel (NHWC, Keras `Flatten`), times the dense weights,
 * plus the bias.
 */
export function logits(
  input: tf.Tensor4D,
  net: NetworkSpec,
  params: NetworkParams,
  geometries: readonly LayerGeometry[],
): tf.Tensor2D {
  return tf.tidy(() => {
    let x = input;
    net.layers.forEach((layer, i) => {
      x = layerForward(x, layer, params.layers[i] as LayerParams, geometries[i] as LayerGeometry).fed;
    });
    const flat = tf.reshape(x, [x.shape[0], -1]) as tf.Tensor2D;
    return tf.add(tf.matMul(flat, params.dense.weights), params.dense.bias);
  });
}
