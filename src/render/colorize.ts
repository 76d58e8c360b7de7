/**
 * Feature map -> colours, with tf ops on the map's own backend (on webgl the min/max and everything
 * after stay on the GPU: nothing here reads a value back). Pure tensor code: no DOM, no WebGL, so the
 * command line can use it in Node too.
 *
 * Every normalisation is one affine step into a lookup-table index, k = round(v * scale + offset)
 * clamped to the table, then that entry of the colour map's table (colormap.ts). The fused WebGL path
 * (drawMap in draw.ts) evaluates the very same formula in a shader, and colorizeValues.ts in a loop.
 */
import * as tf from '@tensorflow/tfjs-core';
import { colormapLut, COLORMAP_STOPS, LUT_SIZE, type ColormapName } from './colormap.ts';
import { robustHalfRange } from './robustScale.ts';

/**
 * How a map's values become colours: one name (`MapDisplay`) for the store, the link, the engine and
 * the legend.
 * - `robust` (the default): diverging blue-white-red centred on 0, scaled by +-q, the 99.5th percentile of
 *   |x| (robustScale.ts); values beyond are saturated.
 * - `symmetric` ("full range"): the same map scaled by +-max|x| (the default before `robust`; old links
 *   saying `display=symmetric` keep this meaning).
 * - `minmax`: min..max onto a black-to-white ramp.
 * - `abs`: |x| / max|x| onto the gray ramp.
 * - `raw`: x as a 0..255 gray level, clipped.
 */
export const MAP_DISPLAYS = ['robust', 'symmetric', 'minmax', 'abs', 'raw'] as const;
export type MapDisplay = (typeof MAP_DISPLAYS)[number];

/** The default: a link without `display=` shows it. */
export const DEFAULT_MAP_DISPLAY: MapDisplay = 'robust';

/**
 * Below this spread a map is treated as constant (so an all-zero map is neutral, not NaN). Large
 * enough to survive float16 textures, far below anything meaningful on 0..255 images.
 */
export const MIN_SPREAD = 1e-6;

export function colormapOf(normalize: MapDisplay): ColormapName {
  return normalize === 'symmetric' || normalize === 'robust' ? 'diverging' : 'gray';
}

/** Whether values can fall outside the scale's ends, so the table index must be clamped. */
export function clips(normalize: MapDisplay): boolean {
  return normalize === 'robust' || normalize === 'raw';
}

/** Whether the table index is computed from |v| rather than v. */
export function usesAbs(normalize: MapDisplay): boolean {
  return normalize === 'abs';
}

interface Affine {
  scale: tf.Scalar;
  offset: tf.Scalar;
}

/**
 * The largest / smallest value of a map, reducing a 2-D map row by row first: on tfjs webgl one flat
 * reduce first reshapes the whole map (an extra pass) and runs ~3x slower (measured, 1024 x 1024).
 */
export function maxOf(x: tf.Tensor): tf.Scalar {
  return (x.rank === 2 ? tf.max(tf.max(x, 1)) : tf.max(x)) as tf.Scalar;
}

export function minOf(x: tf.Tensor): tf.Scalar {
  return (x.rank === 2 ? tf.min(tf.min(x, 1)) : tf.min(x)) as tf.Scalar;
}

/** scale and offset (scalars, on the map's backend) for one map; call inside tf.tidy. */
function affineFor(map: tf.Tensor, normalize: MapDisplay): Affine {
  const last = LUT_SIZE[colormapOf(normalize)] - 1;
  switch (normalize) {
    case 'robust':
      return halfRangeAffine(
        robustHalfRange((map.rank === 2 ? map : tf.reshape(map, [1, -1])) as tf.Tensor2D),
        last,
      );
    case 'symmetric': {
      // 0 -> last / 2 exactly (the table's neutral centre); +-max|x| -> the two ends.
      const half = last / 2;
      const scale = tf.div(half, tf.maximum(maxOf(tf.abs(map)), MIN_SPREAD)) as tf.Scalar;
      return { scale, offset: tf.scalar(half) };
    }
    case 'minmax': {
      const lo = minOf(map);
      const scale = tf.div(last, tf.maximum(tf.sub(maxOf(map), lo), MIN_SPREAD)) as tf.Scalar;
      return { scale, offset: tf.neg(tf.mul(lo, scale)) };
    }
    case 'abs':
      return {
        scale: tf.div(last, tf.maximum(maxOf(tf.abs(map)), MIN_SPREAD)) as tf.Scalar,
        offset: tf.scalar(0),
      };
    case 'raw':
      return { scale: tf.scalar(1), offset: tf.scalar(0) };
  }
}

/** 0 -> last / 2 (the neutral centre), +-q -> the two ends. */
function halfRangeAffine(q: tf.Scalar, last: number): Affine {
  const half = last / 2;
  return { scale: tf.div(half, tf.maximum(q, MIN_SPREAD)) as tf.Scalar, offset: tf.scalar(half) };
}

/** lutTransform of the robust scale for a given q (a scalar tensor), owned by the caller. */
export function robustLutTransform(q: tf.Scalar): tf.Tensor1D {
  return tf.tidy(() => {
    const { scale, offset } = halfRangeAffine(q, LUT_SIZE.diverging - 1);
    return tf.stack([scale, offset]) as tf.Tensor1D;
  });
}

/**
 * The affine step as a [2] float32 tensor `[scale, offset]`, owned by the caller: the table index of a
 * value v is round(v' * scale + offset) clamped to 0..LUT_SIZE-1, with v' = |v| for `abs`, else v.
 */
export function lutTransform(map: tf.Tensor, normalize: MapDisplay): tf.Tensor1D {
  return tf.tidy(() => {
    const { scale, offset } = affineFor(asFloat(map), normalize);
    return tf.stack([scale, offset]) as tf.Tensor1D;
  });
}

function asFloat(x: tf.Tensor): tf.Tensor {
  return x.dtype === 'float32' ? x : tf.cast(x, 'float32');
}

const lutCache = new Map<ColormapName, Float32Array>();

function lutValues(name: ColormapName): Float32Array {
  let lut = lutCache.get(name);
  if (!lut) {
    lut = colormapLut(name);
    lutCache.set(name, lut);
  }
  return lut;
}

/** The table index of every value: [H, W] float32 holding integers 0..LUT_SIZE-1. Call inside tf.tidy. */
function lutIndex(map: tf.Tensor, normalize: MapDisplay): tf.Tensor {
  const size = LUT_SIZE[colormapOf(normalize)];
  const x = asFloat(map);
  const { scale, offset } = affineFor(x, normalize);
  const v = usesAbs(normalize) ? tf.abs(x) : x;
  return tf.clipByValue(tf.round(tf.add(tf.mul(v, scale), offset)), 0, size - 1);
}

/** Table entries by gather: one shader on webgl. */
function colourByGather(index: tf.Tensor, name: ColormapName): tf.Tensor3D {
  const lut = tf.tensor2d(lutValues(name), [LUT_SIZE[name], 4]);
  return tf.gather(lut as tf.Tensor, tf.cast(index, 'int32')) as tf.Tensor3D;
}

/**
 * The same entries computed, not looked up: the map is piecewise linear over equally spaced stops, so
 * colour(x) = stop0 + sum_i clamp(x - i, 0, 1) * (stop_{i+1} - stop_i), one matMul of those ramps with
 * the stop differences. Used off webgl, where tfjs-wasm's gather takes ~4x longer than this whole chain.
 */
function colourByRamps(index: tf.Tensor, name: ColormapName): tf.Tensor3D {
  const [height = 0, width = 0] = index.shape;
  const stops = COLORMAP_STOPS[name];
  const segments = stops.length - 1;
  const x = tf.mul(tf.reshape(index, [height * width, 1]), segments / (LUT_SIZE[name] - 1));
  const ramps = tf.clipByValue(tf.sub(x, tf.range(0, segments)), 0, 1);
  const steps = stops.slice(1).flatMap((c, i) => {
    const prev = stops[i] ?? c;
    return [c[0] - prev[0], c[1] - prev[1], c[2] - prev[2], 0];
  });
  const first = stops[0] ?? [0, 0, 0];
  const rgba = tf.add(tf.matMul(ramps, tf.tensor2d(steps, [segments, 4])), tf.tensor1d([...first, 1]));
  return tf.reshape(rgba, [height, width, 4]) as tf.Tensor3D;
}

/**
 * Colours one feature map: [H, W] (any range, signed) -> [H, W, 4] float32 RGBA in 0..1, alpha 1.
 * Runs on the map's backend; no readback. The caller owns (and disposes) the result.
 * (To draw, prefer `drawMap`, which skips this [H, W, 4] tensor on every backend.)
 */
export function colorize(map: tf.Tensor2D, normalize: MapDisplay): tf.Tensor3D {
  return tf.tidy(() => {
    const name = colormapOf(normalize);
    const index = lutIndex(map, normalize);
    return tf.getBackend() === 'webgl' ? colourByGather(index, name) : colourByRamps(index, name);
  });
}

/**
 * The input image for display: [H, W, C] in 0..255 with C = 1 (gray), 3 (RGB) or 4 (RGBA) ->
 * [H, W, 4] float32 RGBA in 0..1, values clipped, alpha 1 (a fourth channel is ignored). Caller owns it.
 */
export function imageToRgba(image: tf.Tensor3D): tf.Tensor3D {
  const channels = image.shape[2];
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new Error(`an image to draw needs 1, 3 or 4 channels, not ${channels}`);
  }
  return tf.tidy(() => {
    const x = asFloat(image);
    const rgb =
      channels === 1 ? tf.tile(x, [1, 1, 3]) : channels === 4 ? tf.slice(x, [0, 0, 0], [-1, -1, 3]) : x;
    const scaled = tf.div(tf.clipByValue(rgb, 0, 255), 255);
    const [height, width] = image.shape;
    return tf.concat([scaled, tf.ones([height, width, 1])], 2) as tf.Tensor3D;
  });
}

/**
 * The values shown at the two ends of the colour scale, for a legend, from a map's min and max (and, for
 * `robust`, its q as the statistics computed it).
 */
export function colorScaleDomain(
  normalize: MapDisplay,
  range: { min: number; max: number; clip?: number },
): { lo: number; hi: number } {
  const maxAbs = Math.max(Math.abs(range.min), Math.abs(range.max));
  switch (normalize) {
    case 'robust': {
      const q = Math.max(range.clip ?? maxAbs, MIN_SPREAD);
      return { lo: -q, hi: q };
    }
    case 'symmetric':
      return { lo: -maxAbs, hi: maxAbs };
    case 'minmax':
      return { lo: range.min, hi: range.max };
    case 'abs':
      return { lo: 0, hi: maxAbs };
    case 'raw':
      return { lo: 0, hi: 255 };
  }
}
