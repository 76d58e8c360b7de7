import * as tf from '@tensorflow/tfjs-core';
import type { Channels } from './spec.ts';

/** ITU-R BT.601 luma weights for R, G, B: the contract's gray conversion. */
export const LUMA_WEIGHTS: readonly [number, number, number] = [0.299, 0.587, 0.114];

/**
 * The layer's input from an RGB image [H, W, 3] (float or int, values 0..255): [H, W, 1] luma for
 * `gray`, the float32 image itself [H, W, 3] otherwise. Owned by the caller.
 */
export function layerInput(image: tf.Tensor3D, channels: Channels): tf.Tensor3D {
  return tf.tidy(() => {
    const rgb = tf.cast(image, 'float32');
    if (channels !== 'gray') return rgb;
    return tf.sum(tf.mul(rgb, tf.tensor1d([...LUMA_WEIGHTS])), -1, true);
  });
}
