/**
 * Per-map statistics for legends and histograms: min, max and a histogram of the values. Computed on the
 * backend in one batch and read back as a few numbers per map (counted as `scalars`), after the frame is
 * drawn and only once edits pause: never on the drawing path.
 */
import * as tf from '@tensorflow/tfjs-core';
import { maxOf, minOf, noteReadback } from '../render/index.ts';

export const HISTOGRAM_BINS = 24;
/** Histograms of big maps are taken from an evenly strided sample of at most this many values per side. */
const SAMPLE_SIDE = 128;

export interface MapStats {
  min: number;
  max: number;
  /** Counts per bin, bins evenly spaced from min to max, as fractions of the values sampled. */
  histogram: number[];
}

/** [min, max, bin0..binN-1] of one map, on the backend (call inside tf.tidy). */
function statsTensor(map: tf.Tensor2D): tf.Tensor1D {
  const [height, width] = map.shape;
  const sy = Math.max(1, Math.ceil(height / SAMPLE_SIDE));
  const sx = Math.max(1, Math.ceil(width / SAMPLE_SIDE));
  const sample = sy > 1 || sx > 1 ? tf.stridedSlice(map, [0, 0], [height, width], [sy, sx]) : map;
  const lo = minOf(map);
  const hi = maxOf(map);
  const spread = tf.maximum(tf.sub(hi, lo), 1e-6);
  const flat = tf.reshape(sample, [-1]);
  const bin = tf.cast(
    tf.clipByValue(tf.floor(tf.mul(tf.div(tf.sub(flat, lo), spread), HISTOGRAM_BINS)), 0, HISTOGRAM_BINS - 1),
    'int32',
  ) as tf.Tensor1D;
  const counts = tf.div(tf.sum(tf.oneHot(bin, HISTOGRAM_BINS, 1, 0, 'float32'), 0), flat.size);
  return tf.concat([tf.reshape(lo, [1]), tf.reshape(hi, [1]), counts]) as tf.Tensor1D;
}

/** Statistics of each map (2-D tensors, not disposed here), read back in one small transfer. */
export async function mapStats(maps: readonly tf.Tensor2D[]): Promise<MapStats[]> {
  if (maps.length === 0) return [];
  const all = tf.tidy(() => tf.stack(maps.map((m) => statsTensor(m))));
  try {
    const values = await all.data();
    noteReadback('scalars');
    const stride = HISTOGRAM_BINS + 2;
    return maps.map((_, i) => {
      const row = values.subarray(i * stride, (i + 1) * stride);
      return { min: row[0] ?? 0, max: row[1] ?? 0, histogram: Array.from(row.subarray(2)) };
    });
  } finally {
    all.dispose();
  }
}
