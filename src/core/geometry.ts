/**
 * Shape arithmetic of a conv layer, as pure functions over numbers (no tensors): effective kernel size,
 * TensorFlow's SAME padding, output sizes, and `layerGeometry`, which checks a spec against an image size
 * and throws a `SpecError` that says what leaves no feature map (an empty pooling is reported, not thrown).
 */
import {
  inputDepth,
  isDepthwise,
  kernelShape,
  mapsPerFilter,
  SpecError,
  type LayerSpec,
  type Padding,
  type PoolSpec,
} from './spec.ts';

/** Pixels on each side of an image, in the order of the spec: top, bottom, left, right. */
export interface Pads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Size of a dilated kernel: (k - 1) * d + 1. */
export function effectiveKernel(kernel: number, dilation: number): number {
  return (kernel - 1) * dilation + 1;
}

/**
 * TensorFlow's SAME rule for one axis: out = ceil(in / stride), total = max((out - 1) * stride + k - in, 0),
 * floor(total / 2) before and the rest after. `kernelEff` is the dilated kernel size.
 */
export function samePadding(
  input: number,
  kernelEff: number,
  stride: number,
): [before: number, after: number] {
  const out = Math.ceil(input / stride);
  const total = Math.max((out - 1) * stride + kernelEff - input, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** floor((in + padBefore + padAfter - kernelEff) / stride) + 1; 0 or less means no output. */
export function outputSize(
  input: number,
  kernelEff: number,
  stride: number,
  padBefore = 0,
  padAfter = 0,
): number {
  return Math.floor((input + padBefore + padAfter - kernelEff) / stride) + 1;
}

/** The padding a spec asks for on an image of `height` x `width`, for a kernel of effective size kh x kw. */
export function resolvePadding(
  padding: Padding,
  height: number,
  width: number,
  kernelEff: [number, number],
  stride: [number, number],
): Pads {
  if (padding === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
  if (padding === 'same') {
    const [top, bottom] = samePadding(height, kernelEff[0], stride[0]);
    const [left, right] = samePadding(width, kernelEff[1], stride[1]);
    return { top, bottom, left, right };
  }
  if (typeof padding === 'number') return { top: padding, bottom: padding, left: padding, right: padding };
  const [top, bottom, left, right] = padding;
  return { top, bottom, left, right };
}

export interface PoolGeometry {
  pads: Pads;
  /** Output size; 0 on an axis the window does not fit (see `empty`). */
  height: number;
  width: number;
  /**
   * Set when the pooling has no output: its window is larger than the feature map with "valid" pool
   * padding. The layer still runs; the page says so in place of the pooled maps.
   */
  empty: PoolEmpty | null;
}

/** Why a pooling has no output: its window and the map it does not fit, [rows, columns] each. */
export interface PoolEmpty {
  window: [number, number];
  map: [number, number];
  /** The same in English words, for the command line and a refused change. */
  message: string;
}

export interface LayerGeometry {
  input: { height: number; width: number; channels: number };
  /** Kernel rows and columns, the same for every filter. */
  kernel: [number, number];
  kernelEff: [number, number];
  pads: Pads;
  /** Feature maps: conv output, also the activation's. */
  conv: { height: number; width: number; maps: number };
  pool: PoolGeometry;
}

/** Whether reflect padding is possible: every pad at most size − 1 (numpy / tf.mirrorPad REFLECT). */
export function reflectFits(geometry: Pick<LayerGeometry, 'pads' | 'input'>): boolean {
  const { pads, input } = geometry;
  return (
    Math.max(pads.top, pads.bottom) <= input.height - 1 && Math.max(pads.left, pads.right) <= input.width - 1
  );
}

/**
 * The weights and biases a framework's layer holds: kh·kw·C_in·F weights (a 2-D filter counts once per
 * input channel, as Keras stores it; a depthwise layer's too), one bias per output map.
 */
export function parameterCount(
  spec: LayerSpec,
  geometry: LayerGeometry,
): { weights: number; biases: number } {
  const [kh, kw] = geometry.kernel;
  return { weights: kh * kw * geometry.input.channels * spec.filters.length, biases: geometry.conv.maps };
}

/**
 * Multiply-adds of the whole convolution: output cells × maps × kernel cells × the input channels each
 * map sums (all of them, or one for a depthwise layer).
 */
export function multiplyAdds(spec: LayerSpec, geometry: LayerGeometry): number {
  const { conv, kernel, input } = geometry;
  const summed = isDepthwise(spec) ? 1 : input.channels;
  return conv.height * conv.width * conv.maps * kernel[0] * kernel[1] * summed;
}

function axisName(axis: 0 | 1): string {
  return axis === 0 ? 'tall' : 'wide';
}

/** Pool geometry for maps of `height` x `width`; `empty` says why when the window leaves no output. */
export function poolGeometry(pool: PoolSpec, height: number, width: number): PoolGeometry {
  const pads =
    pool.padding === 'same'
      ? resolvePadding('same', height, width, pool.size, pool.stride)
      : { top: 0, bottom: 0, left: 0, right: 0 };
  const outH = outputSize(height, pool.size[0], pool.stride[0], pads.top, pads.bottom);
  const outW = outputSize(width, pool.size[1], pool.stride[1], pads.left, pads.right);
  const empty: PoolEmpty | null =
    outH < 1 || outW < 1
      ? {
          window: [pool.size[0], pool.size[1]],
          map: [height, width],
          message:
            `the ${pool.size[0]} x ${pool.size[1]} pooling window is larger than the ${height} x ${width} ` +
            `feature map, so the pooling has no output; use a smaller window or "same" pool padding`,
        }
      : null;
  return { pads, height: empty ? 0 : outH, width: empty ? 0 : outW, empty };
}

/**
 * Why `spec` empties a pooling on this image that `before` (the spec in effect) leaves with output, as a
 * `SpecError`; null otherwise. A change may keep a pooling empty (a 1 x 1 image), never wipe one shown.
 */
export function emptiedStage(before: LayerGeometry | null, after: LayerGeometry): SpecError | null {
  if (!after.pool.empty || (before && before.pool.empty)) return null;
  return new SpecError('pool.size', after.pool.empty.message);
}

/**
 * Every shape of the layer for an image of `height` x `width`. Throws a `SpecError` when filters differ in
 * size, reflect padding is wider than the image, or the convolution would have no output. A pooling
 * with no output does not throw: `pool.empty` says why (the rest of the layer still runs).
 */
export function layerGeometry(spec: LayerSpec, height: number, width: number): LayerGeometry {
  const first = spec.filters[0];
  if (!first) throw new SpecError('filters', 'must hold at least one filter');
  const { kh, kw } = kernelShape(first.weights);
  spec.filters.forEach((f, i) => {
    const s = kernelShape(f.weights);
    if (s.kh !== kh || s.kw !== kw) {
      throw new SpecError(
        `filters[${i}].weights`,
        `is ${s.kh} x ${s.kw} but filter 0 is ${kh} x ${kw}; all filters of a layer share one size`,
      );
    }
  });
  const kernelEff: [number, number] = [
    effectiveKernel(kh, spec.dilation[0]),
    effectiveKernel(kw, spec.dilation[1]),
  ];
  const pads = resolvePadding(spec.padding, height, width, kernelEff, spec.stride);
  const input = { height, width, channels: inputDepth(spec) };

  if (spec.padMode === 'reflect' && !reflectFits({ pads, input })) {
    const widest = Math.max(pads.top, pads.bottom, pads.left, pads.right);
    throw new SpecError(
      'padMode',
      `reflect padding of ${widest} needs an image larger than ` +
        `${height} x ${width} (at most size - 1 per side); use "zeros" or "replicate"`,
    );
  }

  const outH = outputSize(height, kernelEff[0], spec.stride[0], pads.top, pads.bottom);
  const outW = outputSize(width, kernelEff[1], spec.stride[1], pads.left, pads.right);
  for (const [axis, out] of [
    [0, outH],
    [1, outW],
  ] as const) {
    if (out < 1) {
      const size = axis === 0 ? height : width;
      const padded = axis === 0 ? pads.top + pads.bottom : pads.left + pads.right;
      throw new SpecError(
        'filters',
        `a kernel of effective size ${kernelEff[axis]} leaves no output for a ${size}-pixel-${axisName(axis)} ` +
          `image with ${padded} pixels of padding; use a smaller kernel or dilation, or more padding`,
      );
    }
  }

  const conv = { height: outH, width: outW, maps: spec.filters.length * mapsPerFilter(spec) };
  return {
    input,
    kernel: [kh, kw],
    kernelEff,
    pads,
    conv,
    pool: poolGeometry(spec.pool, outH, outW),
  };
}
