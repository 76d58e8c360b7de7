/**
 * The robust colour scale (the default display): blue-white-red symmetric around 0 out to q, the 99.5th
 * percentile of |x|, values beyond saturated, so one outlier (a zero-padded border) cannot wash the map out.
 *
 * One definition on every path, so the webgl shader, the wasm/cpu loop and the legend agree: q is taken
 * over the map's sample grid (every sy-th row and sx-th column, at most SAMPLE_SIDE a side, the grid the
 * histograms use too) and rounded up onto a fixed grid of thresholds (16 octaves below the sample's max
 * |x| in steps of 2^(1/4), each split in 64: within 0.4% above the exact value): the smallest grid value with at most ⌊0.5% · N⌋ of the N
 * sampled |x| above it. On the GPU that is found by counting values above 65 thresholds twice, all tf ops
 * (nothing read back); in JS by one sort of the sample. Never below max|x| / 65536.
 */
import * as tf from '@tensorflow/tfjs-core';

export const ROBUST_PERCENTILE = 0.995;
/** The sample grid: at most this many rows and columns of a map, evenly strided. */
export const SAMPLE_SIDE = 64;

const STEPS = 64;
const OCTAVES = 16;
const f32 = Math.fround;
/** 2^(−i/4), i = 0..64: the coarse thresholds as fractions of the sample's max |x|. */
const COARSE = Float32Array.from({ length: STEPS + 1 }, (_, i) => 2 ** ((-i * OCTAVES) / STEPS));
/** k/64, k = 0..64: the fine thresholds as fractions of one coarse step. */
const FINE = Float32Array.from({ length: STEPS + 1 }, (_, k) => k / STEPS);

/**
 * The first sampled row (column) for a stride: the grid is centred, so a map's edge rows (a zero-padded
 * border, the usual outlier) weigh in the sample no more than in the map.
 */
export function sampleStart(stride: number): number {
  return (stride - 1) >> 1;
}

/** Row and column strides of the sample grid of a height × width map. */
export function sampleStrides(height: number, width: number): [number, number] {
  return [Math.max(1, Math.ceil(height / SAMPLE_SIDE)), Math.max(1, Math.ceil(width / SAMPLE_SIDE))];
}

/** How many of n sampled values may lie above the scale. */
export function allowedAbove(n: number): number {
  return Math.floor(n * (1 - ROBUST_PERCENTILE));
}

/**
 * q rounded onto the grid below `top` (the sample's max |x|): what the GPU's counting finds, given the
 * exact order statistic `exact` (float32 arithmetic step by step, as the shaders compute it).
 */
function onGrid(top: number, exact: number): number {
  let j = -1;
  for (let i = 0; i <= STEPS; i++) if (f32(top * (COARSE[i] as number)) >= exact) j++;
  const hi = f32(top * (COARSE[j] as number));
  const lo = f32(top * (COARSE[Math.min(j + 1, STEPS)] as number));
  const span = f32(hi - lo);
  const at = (k: number) => f32(lo + f32(span * (FINE[k] as number)));
  let k = 0;
  for (let i = 0; i <= STEPS; i++) if (at(i) < exact) k++;
  return at(Math.min(k, STEPS));
}

/**
 * q of map `index` of interleaved [height, width, count] values (count 1: a plain map). A NaN counts as
 * 0, as it compares false on the GPU.
 */
export function robustHalfRangeOfValues(
  values: Float32Array,
  height: number,
  width: number,
  index = 0,
  count = 1,
): number {
  if (height === 0 || width === 0) return 0;
  const [sy, sx] = sampleStrides(height, width);
  const [y0, x0] = [sampleStart(sy), sampleStart(sx)];
  const sample = new Float32Array(Math.ceil((height - y0) / sy) * Math.ceil((width - x0) / sx));
  let top = 0;
  let n = 0;
  for (let y = y0; y < height; y += sy) {
    for (let x = x0, j = (y * width + x) * count + index; x < width; x += sx, j += sx * count) {
      const a = Math.abs(values[j] as number);
      const v = a === a ? a : 0;
      sample[n++] = v;
      if (v > top) top = v;
    }
  }
  sample.sort();
  return onGrid(top, sample[n - 1 - allowedAbove(n)] as number);
}

/** The sample grid of a map [H, W] or stage [H, W, M] (strided rows and columns), a view or a new tensor. */
export function sampleGrid<T extends tf.Tensor2D | tf.Tensor3D>(t: T): T {
  const [height = 0, width = 0] = t.shape;
  const [sy, sx] = sampleStrides(height, width);
  if (sy === 1 && sx === 1) return t;
  const end = [...t.shape];
  const rest = end.slice(2);
  return tf.stridedSlice(t, [sampleStart(sy), sampleStart(sx), ...rest.map(() => 0)], end, [
    sy,
    sx,
    ...rest.map(() => 1),
  ]) as T;
}

/**
 * How many values one comparison tensor [M, 65, P] may hold: a quarter of what tfjs-webgl can lay out in
 * one texture (a map drawn in tiles may be far larger); no limit off webgl.
 */
function comparisonBudget(): number {
  if (tf.getBackend() !== 'webgl') return Infinity;
  const side = tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
  return (side * side) / 4;
}

/** `samples` [M, N] cut into column chunks that keep every comparison within the texture limit. */
export function sampleChunks(samples: tf.Tensor2D): tf.Tensor2D[] {
  const [maps, n] = samples.shape;
  const cols = Math.max(1, Math.floor(comparisonBudget() / (maps * (STEPS + 1))));
  if (cols >= n) return [samples];
  const chunks: tf.Tensor2D[] = [];
  for (let c = 0; c < n; c += cols) chunks.push(tf.slice(samples, [0, c], [maps, Math.min(cols, n - c)]));
  return chunks;
}

/**
 * q of each of M maps whose sampled values are the columns of `chunks` (each [M, P], together the N
 * values of the sample grid), as [M] on the backend: tf ops only, no readback. Call inside tf.tidy.
 */
export function robustHalfRanges(chunks: readonly tf.Tensor2D[]): tf.Tensor1D {
  const maps = chunks[0]?.shape[0] ?? 0;
  const n = chunks.reduce((sum, c) => sum + c.shape[1], 0);
  const allowed = allowedAbove(n);
  const spread = chunks.map((c) => tf.expandDims(tf.abs(c), 1)); // [M, 1, P] each
  /** For thresholds t [M, 65]: how many sampled values of each map lie above each. */
  const above = (t: tf.Tensor) => {
    const column = tf.expandDims(t, 2);
    return tf.addN(spread.map((a) => tf.sum(tf.cast(tf.greater(a, column), 'float32'), 2)));
  };
  const slots = tf.range(0, STEPS + 1);
  /** Entry idx [M] of each row of t [M, 65], as [M, 1]. */
  const pick = (t: tf.Tensor, idx: tf.Tensor) =>
    tf.sum(tf.mul(t, tf.cast(tf.equal(slots, tf.expandDims(idx, 1)), 'float32')), 1, true);
  const top = tf.max(
    tf.concat(
      spread.map((a) => tf.max(a, 2)),
      1,
    ),
    1,
    true,
  ); // [M, 1]
  const coarse = tf.mul(top, tf.tensor2d(COARSE, [1, STEPS + 1]));
  const j = tf.sub(tf.sum(tf.cast(tf.lessEqual(above(coarse), allowed), 'float32'), 1), 1);
  const hi = pick(coarse, j);
  const lo = pick(coarse, tf.minimum(tf.add(j, 1), STEPS));
  const fine = tf.add(lo, tf.mul(tf.sub(hi, lo), tf.tensor2d(FINE, [1, STEPS + 1])));
  const k = tf.minimum(tf.sum(tf.cast(tf.greater(above(fine), allowed), 'float32'), 1), STEPS);
  return tf.reshape(pick(fine, k), [maps]) as tf.Tensor1D;
}

/** q of one map [H, W] as a scalar on its backend; call inside tf.tidy. */
export function robustHalfRange(map: tf.Tensor2D): tf.Scalar {
  const samples = tf.reshape(sampleGrid(map), [1, -1]) as tf.Tensor2D;
  return tf.reshape(robustHalfRanges(sampleChunks(samples)), []) as tf.Scalar;
}
