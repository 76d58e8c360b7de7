/**
 * Max and average pooling of feature maps [H, W, M], each map on its own. With `same` padding the padded
 * cells are ignored: never the max, never counted in the average (TensorFlow's rule).
 */
import * as tf from '@tensorflow/tfjs-core';
import { poolGeometry } from './geometry.ts';
import type { PoolSpec } from './spec.ts';

function pool4d(maps: tf.Tensor3D, pool: PoolSpec, kind: 'max' | 'avg'): tf.Tensor3D {
  const [height, width, count] = maps.shape;
  // A window larger than the map: no output (geometry's `pool.empty`), an empty tensor rather than an error.
  if (poolGeometry(pool, height, width).empty) return tf.zeros([0, 0, count]);
  return tf.tidy(() => tf.squeeze(poolBatch(tf.expandDims(maps, 0) as tf.Tensor4D, pool, kind), [0]));
}

/** Max or average pooling of a batch of maps [B, H, W, M] (training's form); the window must fit. */
export function poolBatch(maps: tf.Tensor4D, pool: PoolSpec, kind: 'max' | 'avg'): tf.Tensor4D {
  const op = kind === 'max' ? tf.maxPool : tf.avgPool;
  return op(maps, pool.size, pool.stride, pool.padding);
}

/** Largest value in each pooling window; returns [Ho, Wo, M] owned by the caller. */
export function poolMax(maps: tf.Tensor3D, pool: PoolSpec): tf.Tensor3D {
  return pool4d(maps, pool, 'max');
}

/** Mean of the in-image cells of each pooling window; returns [Ho, Wo, M] owned by the caller. */
export function poolAvg(maps: tf.Tensor3D, pool: PoolSpec): tf.Tensor3D {
  return pool4d(maps, pool, 'avg');
}
