/**
 * The convolution of a layer: filters as tfjs kernels, and `convolve`, which pads, convolves and adds the
 * bias for the three channel modes of the spec.
 *
 * - `gray` and `rgb`: one `conv2d` with a [kh, kw, C, F] kernel; a 2-D filter is repeated over the C
 *   channels, so an RGB filter sums its three slices into one map (Keras `Conv2D`).
 * - `rgb-per-channel`: `depthwiseConv2d` with channel multiplier F, then reordered so maps run
 *   f0.R, f0.G, f0.B, f1.R, ... as the contract fixes (tfjs emits R.f0, R.f1, ...).
 * tfjs refuses a stride and a dilation both above 1: then it convolves densely with the dilation and keeps
 * every stride-th row and column, which is the same result (`stridesAfterDilation`).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerGeometry } from './geometry.ts';
import { padImage } from './padding.ts';
import { inputDepth, isDepthwise, kernelShape, mapsPerFilter, type LayerSpec, type Weights } from './spec.ts';

/**
 * Whether the layer is convolved densely and subsampled afterwards: tfjs (and so the generated code)
 * refuses a stride and a dilation both above 1 in one op.
 */
export function stridesAfterDilation(spec: LayerSpec): boolean {
  return spec.stride.some((s) => s > 1) && spec.dilation.some((d) => d > 1);
}

/** Weight of filter `weights` at row r, column c, input channel ch, with a 2-D filter shared by every channel. */
function weightAt(weights: Weights, r: number, c: number, ch: number): number {
  const cell = weights[r]?.[c];
  if (Array.isArray(cell)) return cell[ch] ?? 0;
  return cell ?? 0;
}

/**
 * The filters of a spec as one flat kernel, laid out [kh, kw, C, F] (tfjs `conv2d` and, with F as the
 * channel multiplier, `depthwiseConv2d`). With `flip` each filter is rotated 180 degrees, turning the
 * cross-correlation that tfjs computes into a true convolution.
 */
function kernelValues(spec: LayerSpec): {
  values: Float32Array;
  shape: [number, number, number, number];
} {
  const first = spec.filters[0];
  const { kh, kw } = first ? kernelShape(first.weights) : { kh: 0, kw: 0 };
  const channels = inputDepth(spec);
  const count = spec.filters.length;
  const values = new Float32Array(kh * kw * channels * count);
  spec.filters.forEach((filter, f) => {
    for (let r = 0; r < kh; r++) {
      for (let c = 0; c < kw; c++) {
        const sr = spec.flip ? kh - 1 - r : r;
        const sc = spec.flip ? kw - 1 - c : c;
        for (let ch = 0; ch < channels; ch++) {
          values[((r * kw + c) * channels + ch) * count + f] = weightAt(filter.weights, sr, sc, ch);
        }
      }
    }
  });
  return { values, shape: [kh, kw, channels, count] };
}

/** Bias of each output map, in map order (repeated over R, G, B for `rgb-per-channel`). */
function biasValues(spec: LayerSpec): Float32Array {
  const perFilter = mapsPerFilter(spec);
  return Float32Array.from(spec.filters.flatMap((f) => Array<number>(perFilter).fill(f.bias)));
}

/** The spec's filters as one tfjs kernel [kh, kw, C, F] (see `kernelValues`), owned by the caller. */
export function kernelTensor(spec: LayerSpec): tf.Tensor4D {
  const { values, shape } = kernelValues(spec);
  return tf.tensor4d(values, shape);
}

/** The spec's biases, one per output map, or null when all are 0 (then no pass over the maps adds them). */
export function biasTensor(spec: LayerSpec): tf.Tensor1D | null {
  const bias = biasValues(spec);
  return bias.some((b) => b !== 0) ? tf.tensor1d(bias) : null;
}

/**
 * Convolves a layer input ([H, W, 1] for gray, [H, W, 3] otherwise; see `layerInput`) with the spec's
 * filters and adds the biases. `geometry` must be `layerGeometry(spec, H, W)`, which has validated the
 * spec against this size. Returns the pre-activation maps [Ho, Wo, M], owned by the caller.
 */
export function convolve(input: tf.Tensor3D, spec: LayerSpec, geometry: LayerGeometry): tf.Tensor3D {
  return tf.tidy(() => convolvePadded(padImage(input, geometry.pads, spec.padMode), spec, geometry));
}

/**
 * `convolve` from the input already padded by `geometry.pads` in `spec.padMode` (see `padImage`): the
 * page keeps the padded input between kernel edits, so an edit only pays for the convolution itself.
 */
export function convolvePadded(
  paddedInput: tf.Tensor3D,
  spec: LayerSpec,
  geometry: LayerGeometry,
): tf.Tensor3D {
  return tf.tidy(() => {
    const batch = tf.expandDims(paddedInput, 0) as tf.Tensor4D;
    return tf.squeeze(convolveBatch(batch, kernelTensor(spec), biasTensor(spec), spec, geometry), [0]);
  });
}

/**
 * The layer's convolution on a batch of padded inputs [B, Hp, Wp, C] with `kernel` [kh, kw, C, F] and
 * `bias` (one per output map, or null) given as tensors: the page passes the spec's (`kernelTensor`),
 * training passes its variables, so both compute the same layer. Spec fields other than the weights
 * (stride, dilation, channel mode) are read from `spec`. Returns [B, Ho, Wo, M], owned by the caller.
 */
export function convolveBatch(
  padded: tf.Tensor4D,
  kernel: tf.Tensor4D,
  bias: tf.Tensor1D | null,
  spec: LayerSpec,
  geometry: LayerGeometry,
): tf.Tensor4D {
  return tf.tidy(() => {
    const dense = stridesAfterDilation(spec);
    const stride: [number, number] = dense ? [1, 1] : spec.stride;
    const [batch] = padded.shape;

    let maps: tf.Tensor4D;
    if (isDepthwise(spec)) {
      const byChannel = tf.depthwiseConv2d(padded, kernel, stride, 'valid', 'NHWC', spec.dilation);
      const [, h, w] = byChannel.shape;
      const filters = kernel.shape[3];
      const depth = kernel.shape[2];
      const split = tf.transpose(tf.reshape(byChannel, [batch, h, w, depth, filters]), [0, 1, 2, 4, 3]);
      maps = tf.reshape(split, [batch, h, w, depth * filters]);
    } else {
      maps = tf.conv2d(padded, kernel, stride, 'valid', 'NHWC', spec.dilation);
    }
    if (dense) {
      const { height, width, maps: m } = geometry.conv;
      maps = tf.stridedSlice(
        maps,
        [0, 0, 0, 0],
        [batch, height * spec.stride[0], width * spec.stride[1], m],
        [1, spec.stride[0], spec.stride[1], 1],
      ) as tf.Tensor4D;
    }
    return bias ? tf.add(maps, bias) : maps;
  });
}
