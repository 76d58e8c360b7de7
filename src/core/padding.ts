/**
 * Padding an image [H, W, C] (or a batch of them, [B, H, W, C]) by the spec's three modes. tfjs has `pad`
 * (zeros) and `mirrorPad` (reflect); it has no replicate op, so replicate repeats the edge rows and
 * columns with `tile` and `concat`, ops that have gradients on every backend (training pads this way too).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Pads } from './geometry.ts';
import type { PadMode } from './spec.ts';

function hasPadding(p: Pads): boolean {
  return p.top > 0 || p.bottom > 0 || p.left > 0 || p.right > 0;
}

/** `x` with its edge along `axis` repeated `before` times before and `after` times after. */
function repeatEdges<T extends tf.Tensor>(x: T, axis: number, before: number, after: number): T {
  const size = x.shape[axis] as number;
  const parts: tf.Tensor[] = [];
  const edge = (at: number, times: number) => {
    const begin = x.shape.map((_, i) => (i === axis ? at : 0));
    const extent = x.shape.map((s, i) => (i === axis ? 1 : s));
    const reps = x.shape.map((_, i) => (i === axis ? times : 1));
    return tf.tile(tf.slice(x, begin, extent), reps);
  };
  if (before > 0) parts.push(edge(0, before));
  parts.push(x);
  if (after > 0) parts.push(edge(size - 1, after));
  return (parts.length === 1 ? x : tf.concat(parts, axis)) as T;
}

/**
 * Pads `x` ([H, W, C] or [B, H, W, C]) by `pads` with zeros, a reflection that does not repeat the edge
 * (numpy `reflect`, needs each pad <= size - 1: `layerGeometry` checks it) or the repeated edge pixel.
 * Returns a new tensor, H + top + bottom by W + left + right, that the caller owns.
 */
export function padImage<T extends tf.Tensor3D | tf.Tensor4D>(x: T, pads: Pads, mode: PadMode): T {
  return tf.tidy(() => {
    if (!hasPadding(pads)) return tf.clone(x);
    const rowAxis = x.rank - 3;
    const paddings: Array<[number, number]> = x.shape.map((): [number, number] => [0, 0]);
    paddings[rowAxis] = [pads.top, pads.bottom];
    paddings[rowAxis + 1] = [pads.left, pads.right];
    switch (mode) {
      case 'zeros':
        return tf.pad(x, paddings);
      case 'reflect':
        return tf.mirrorPad(x, paddings, 'reflect');
      case 'replicate':
        return repeatEdges(
          repeatEdges(x, rowAxis, pads.top, pads.bottom),
          rowAxis + 1,
          pads.left,
          pads.right,
        );
    }
  });
}
