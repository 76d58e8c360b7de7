/**
 * Moving the picture (docs/demos.md, "Stride against pooling"): the input shifted by whole pixels, its
 * content moving down and right for positive steps. What enters at the edge is either what left at the
 * other edge (`wrap`, nothing is lost) or zeros (`zeros`). Runs on the tfjs backend in use.
 */
import * as tf from '@tensorflow/tfjs-core';

export type ShiftEdge = 'wrap' | 'zeros';

export const SHIFT_EDGES: readonly ShiftEdge[] = ['wrap', 'zeros'];

/** The largest shift the page offers, in pixels. */
export const MAX_SHIFT = 4;

/** `x` [H, W, C] moved by `dy` rows and `dx` columns along axis 0 and 1; a new tensor the caller owns. */
export function shiftImage(x: tf.Tensor3D, dy: number, dx: number, edge: ShiftEdge): tf.Tensor3D {
  return tf.tidy(() => {
    const moved = shiftAxis(shiftAxis(x, 0, dy, edge), 1, dx, edge);
    return moved === x ? tf.clone(x) : moved;
  });
}

function shiftAxis(x: tf.Tensor3D, axis: 0 | 1, by: number, edge: ShiftEdge): tf.Tensor3D {
  const size = x.shape[axis];
  const step = ((Math.trunc(by) % size) + size) % size;
  if (step === 0 && edge === 'wrap') return x;
  if (edge === 'wrap') {
    const cut = size - step;
    const tail =
      axis === 0 ? tf.slice(x, [cut, 0, 0], [step, -1, -1]) : tf.slice(x, [0, cut, 0], [-1, step, -1]);
    const head = axis === 0 ? tf.slice(x, [0, 0, 0], [cut, -1, -1]) : tf.slice(x, [0, 0, 0], [-1, cut, -1]);
    return tf.concat([tail, head], axis);
  }
  const n = Math.min(Math.abs(Math.trunc(by)), size);
  if (n === 0) return x;
  const paddings: Array<[number, number]> = [
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  paddings[axis] = by > 0 ? [n, 0] : [0, n];
  const padded = tf.pad(x, paddings);
  const begin: [number, number, number] = [0, 0, 0];
  begin[axis] = by > 0 ? 0 : n;
  const shape: [number, number, number] = [-1, -1, -1];
  shape[axis] = size;
  return tf.slice(padded, begin, shape);
}
