import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from './spec.ts';

/** Applies the spec's activation elementwise; any shape in, the same shape out, owned by the caller. */
export function activate<T extends tf.Tensor>(x: T, activation: Activation): T {
  return tf.tidy(() => {
    switch (activation) {
      case 'none':
        return tf.clone(x);
      case 'relu':
        return tf.relu(x);
      case 'abs':
        return tf.abs(x);
      case 'clip':
        return tf.clipByValue(x, 0, 255);
    }
  });
}
