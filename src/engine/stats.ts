/**
 * Per-map statistics for legends and histograms: min, max, the robust scale's q and a histogram of the
 * values. Computed on the backend in one batch and read back as a few numbers per map (counted as `scalars`), after the frame is
 * drawn and only once edits pause: never on the drawing path.
 */
import * as tf from '@tensorflow/tfjs-core';
import { noteReadback, robustHalfRanges, sampleChunks, sampleGrid } from '../render/index.ts';
import { mapSource, viewTensor, type FrameTensors, type View } from './views.ts';

export const HISTOGRAM_BINS = 24;

export interface MapStats {
  min: number;
  max: number;
  /** The robust scale's half-range q (render/robustScale.ts): the same number the maps are drawn with. */
  clip: number;
  /** Counts per bin, bins evenly spaced from min to max, as fractions of the values sampled. */
  histogram: number[];
}

/** Values per map before the histogram: min, max, clip. */
const HEAD = 3;

/**
 * [M, 3 + bins]: per map of `maps` ([H, W, M]), its min, max, q and histogram, on the backend (call inside
 * tf.tidy). All M maps at once: no map is sliced out (tfjs-wasm slices a channel in a slow JS loop). The
 * histogram is taken from the maps' sample grid (the robust scale's, at most 64 values a side).
 */
function statsTensor(maps: tf.Tensor3D): tf.Tensor2D {
  const count = maps.shape[2];
  const sample = sampleGrid(maps);
  const lo = tf.min(maps, [0, 1]);
  const hi = tf.max(maps, [0, 1]);
  const spread = tf.maximum(tf.sub(hi, lo), 1e-6);
  const flat = tf.reshape(sample, [-1, count]);
  const bin = tf.cast(
    tf.clipByValue(tf.floor(tf.mul(tf.div(tf.sub(flat, lo), spread), HISTOGRAM_BINS)), 0, HISTOGRAM_BINS - 1),
    'int32',
  ) as tf.Tensor2D;
  const counts = tf.div(tf.sum(tf.oneHot(bin, HISTOGRAM_BINS, 1, 0, 'float32'), 0), flat.shape[0]);
  const clip = robustHalfRanges(sampleChunks(tf.transpose(flat) as tf.Tensor2D));
  const column = (t: tf.Tensor) => tf.reshape(t, [count, 1]);
  return tf.concat([column(lo), column(hi), column(clip), counts], 1) as tf.Tensor2D;
}

/**
 * Statistics of every map of each stage tensor ([H, W, M], not disposed here), read back in one small
 * transfer: result[t][m] is map m of tensor t.
 */
export async function stageStats(stages: readonly tf.Tensor3D[]): Promise<MapStats[][]> {
  const nonEmpty = stages.filter((t) => t.size > 0);
  if (nonEmpty.length === 0) return stages.map((t) => Array.from({ length: t.shape[2] }, () => EMPTY));
  const all = tf.tidy(() =>
    tf.concat(
      nonEmpty.map((t) => statsTensor(t)),
      0,
    ),
  );
  try {
    const values = await all.data();
    noteReadback('scalars');
    const stride = HISTOGRAM_BINS + HEAD;
    let row = 0;
    return stages.map((t) =>
      Array.from({ length: t.shape[2] }, () => {
        if (t.size === 0) return EMPTY;
        const cells = values.subarray(row * stride, (row + 1) * stride);
        row += 1;
        const [min = 0, max = 0, clip = 0] = cells;
        return { min, max, clip, histogram: Array.from(cells.subarray(HEAD)) };
      }),
    );
  } finally {
    all.dispose();
  }
}

const EMPTY: MapStats = { min: 0, max: 0, clip: 0, histogram: Array<number>(HISTOGRAM_BINS).fill(0) };

/**
 * Statistics of the map canvases (and the magnitude) among `canvases`, by canvas key, in one readback.
 * Maps are read per stage tensor (all its maps at once); the magnitude, made for it, as a stage of one.
 */
export async function canvasStats(
  frame: FrameTensors,
  canvases: Iterable<{ key: string; view: View }>,
): Promise<Map<string, MapStats>> {
  const stages: tf.Tensor3D[] = [];
  const owned: tf.Tensor[] = [];
  const wanted: Array<{ key: string; stage: number; map: number }> = [];
  const stageIndex = (tensor: tf.Tensor3D): number => {
    const i = stages.indexOf(tensor);
    return i >= 0 ? i : stages.push(tensor) - 1;
  };
  try {
    for (const { key, view } of canvases) {
      if (view.kind === 'map') {
        const source = mapSource(view, frame);
        if (source) wanted.push({ key, stage: stageIndex(source.tensor), map: source.map });
      } else if (view.kind === 'magnitude') {
        const picked = viewTensor(view, frame);
        if (!picked) continue;
        owned.push(picked.tensor);
        const stage = tf.expandDims(picked.tensor, 2) as tf.Tensor3D;
        owned.push(stage);
        wanted.push({ key, stage: stageIndex(stage), map: 0 });
      }
    }
    const stats = await stageStats(stages);
    return new Map(
      wanted.flatMap(({ key, stage, map }) => {
        const found = stats[stage]?.[map];
        return found ? [[key, found] as const] : [];
      }),
    );
  } finally {
    tf.dispose(owned);
  }
}
