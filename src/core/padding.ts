/**
 * Padding an image [H, W, C] by the spec's three modes. tfjs has `pad` (zeros) and `mirrorPad` (reflect);
 * it has no replicate op, so replicate gathers rows and columns with clamped indices.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Pads } from './geometry.ts';
import type { PadMode } from './spec.ts';

/** Indices 0..size-1 extended by `before` and `after` cells that repeat the edge index. */
function clampedIndices(size: number, before: number, after: number): Int32Array {
  const out = new Int32Array(size + before + after);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(size - 1, Math.max(0, i - before));
  return out;
}

function hasPadding(p: Pads): boolean {
  return p.top > 0 || p.bottom > 0 || p.left > 0 || p.right > 0;
}

/**
 * Pads `x` ([H, W, C]) by `pads` with zeros, a reflection that does not repeat the edge (numpy `reflect`,
 * needs each pad <= size - 1: `layerGeometry` checks it) or the repeated edge pixel.
 * Returns a new tensor [H + top + bottom, W + left + right, C] that the caller owns.
 */
export function padImage(x: tf.Tensor3D, pads: Pads, mode: PadMode): tf.Tensor3D {
  return tf.tidy(() => {
    if (!hasPadding(pads)) return tf.clone(x);
    const paddings: Array<[number, number]> = [
      [pads.top, pads.bottom],
      [pads.left, pads.right],
      [0, 0],
    ];
    switch (mode) {
      case 'zeros':
        return tf.pad(x, paddings);
      case 'reflect':
        return tf.mirrorPad(x, paddings, 'reflect');
      case 'replicate': {
        const [height, width] = x.shape;
        const rows = tf.tensor1d(clampedIndices(height, pads.top, pads.bottom), 'int32');
        const cols = tf.tensor1d(clampedIndices(width, pads.left, pads.right), 'int32');
        return tf.gather(tf.gather(x, rows, 0), cols, 1);
      }
    }
  });
}
