/**
 * tfjs has no gradient for a dilated convolution, so training spreads the kernel itself: a kh x kw kernel
 * with dilation d becomes a ((kh-1)d+1) x ((kw-1)d+1) kernel with zeros between the taps, convolved
 * without dilation: the same result, through ops (reshape, pad, slice) that all have gradients.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerSpec } from '../core/index.ts';

/** `kernel` [kh, kw, C, F] spread by `dilation`; the kernel itself (not a copy) when it is [1, 1]. */
export function dilateKernel(kernel: tf.Tensor4D, dilation: [number, number]): tf.Tensor4D {
  const [dh, dw] = dilation;
  if (dh === 1 && dw === 1) return kernel;
  return tf.tidy(() => {
    const [kh, kw, c, f] = kernel.shape;
    const spaced = tf.pad(tf.reshape(kernel, [kh, 1, kw, 1, c * f]), [
      [0, 0],
      [0, dh - 1],
      [0, 0],
      [0, dw - 1],
      [0, 0],
    ]);
    const grid = tf.reshape(spaced, [kh * dh, kw * dw, c, f]);
    return tf.slice(grid, [0, 0, 0, 0], [(kh - 1) * dh + 1, (kw - 1) * dw + 1, c, f]) as tf.Tensor4D;
  });
}

/** The spec as training convolves it: the dilation moved into the kernel (`dilateKernel`). */
export function undilated<T extends LayerSpec>(spec: T): T {
  return spec.dilation[0] === 1 && spec.dilation[1] === 1 ? spec : { ...spec, dilation: [1, 1] };
}
