/**
 * How long a layer will take on each backend, modelled from two timings of one small fixed layer (see
 * measure.ts): per sample, a straight line through its time at a small and at a larger size, in
 * multiply-adds. Start-up never times the layer in use (a heavy link would block the page for
 * minutes); the line predicts it, for any image size, at no cost.
 */
import type { BackendName } from '../store/index.ts';
import type { Samples } from './backendChoice.ts';

/** One sample: ms of the fixed layer at `SMALL_MACS` and at `LARGE_MACS` multiply-adds. */
export interface PaceSample {
  small: number;
  large: number;
}

/** Per backend, its samples (sample i of each taken in the same round). */
export type CostModel = Partial<Record<BackendName, readonly PaceSample[]>>;

/**
 * The fixed layer: gray, 4 filters of 3 × 3, `same`, on a square of this side (small and large): one run
 * of the large one stays well under a second even on tfjs cpu on a busy 2-core machine.
 */
export const SMALL_SIDE = 48;
export const LARGE_SIDE = 192;
const FIXED_MACS_PER_PIXEL = 4 * 3 * 3;
export const SMALL_MACS = SMALL_SIDE * SMALL_SIDE * FIXED_MACS_PER_PIXEL;
export const LARGE_MACS = LARGE_SIDE * LARGE_SIDE * FIXED_MACS_PER_PIXEL;

/**
 * Milliseconds of `work` multiply-adds by one sample's line (never a falling line); below the small
 * size, the small size's time (fixed costs: a layer takes no less for being smaller).
 */
export function predictMs(sample: PaceSample, work: number): number {
  const slope = Math.max(0, (sample.large - sample.small) / (LARGE_MACS - SMALL_MACS));
  return sample.small + slope * Math.max(0, work - SMALL_MACS);
}

/** Milliseconds per multiply-add at large sizes: the median sample's slope (for the time estimate). */
export function msPerMac(samples: readonly PaceSample[]): number {
  const slopes = samples.map((s) =>
    Math.max(s.large / LARGE_MACS, (s.large - s.small) / (LARGE_MACS - SMALL_MACS)),
  );
  slopes.sort((a, b) => a - b);
  return slopes[Math.floor(slopes.length / 2)] ?? 0;
}

/** Each backend's samples predicted at `work` multiply-adds: what `chooseBackend` compares. */
export function predictAll(model: CostModel, work: number): Samples {
  const out: Samples = {};
  for (const [name, samples] of Object.entries(model) as Array<[BackendName, readonly PaceSample[]]>) {
    out[name] = samples.map((s) => predictMs(s, work));
  }
  return out;
}
