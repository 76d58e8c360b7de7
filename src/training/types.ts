/**
 * What the page knows of a training run, as the training store (store.ts) holds it and the train panel's
 * views (src/components/train) draw it. Plain serialisable data: the worker posts it, nothing here is a
 * tensor.
 */
import type { NetworkSpec } from '../core/index.ts';
import type { TrainSettings } from '../train/defaults.ts';
import type { TrainBackend } from '../train/workerBackend.ts';

export type TrainPhase = 'idle' | 'loading' | 'training' | 'paused' | 'done' | 'error';

/** One training batch: `step` counts batches from 1 over the whole run. */
export interface BatchPoint {
  step: number;
  epoch: number;
  loss: number;
  accuracy: number;
}

/** The end of an epoch (1-based), with the held-out images' loss and accuracy. */
export interface EpochPoint {
  epoch: number;
  step: number;
  heldOutLoss: number;
  heldOutAccuracy: number;
}

/** Some float maps [height, width, count], values row by row, map index last (NHWC without the batch). */
export interface MapStack {
  height: number;
  width: number;
  count: number;
  values: Float32Array;
}

/** The first layer's filters as they stand: kh x kw x 1 x F, in the layout of `MapStack` (count = F). */
export type FilterStack = MapStack;

/** A 28 x 28 gray image of the set, with its label (0..9) and, once known, the class predicted. */
export interface Sample {
  /** Index in the 10,000 images (9000..9999: held out). */
  index: number;
  pixels: Uint8Array;
  label: number;
  predicted?: number;
}

export interface TrainProgress {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  epochs: number;
  elapsedMs: number;
  /** Estimated from the pace so far; null before the first batches. */
  remainingMs: number | null;
}

export interface TrainResult {
  heldOutAccuracy: number;
  /** confusion[true][predicted], counts over the 1000 held-out images. */
  confusion: number[][];
  /** Up to 24 held-out images the model got wrong, with what it said. */
  mistakes: Sample[];
  /** The model as CONTRACT section 6 JSON (`modelJson`), ready to export or use in the workbench. */
  model: unknown;
}

export interface TrainSnapshot {
  phase: TrainPhase;
  backend: TrainBackend | null;
  settings: TrainSettings;
  /** The structure being trained (its filter values are not the trained ones: see `result.model`). */
  network: NetworkSpec | null;
  batches: BatchPoint[];
  epochs: EpochPoint[];
  progress: TrainProgress | null;
  /** The first layer's filters, refreshed as training goes. */
  filters: FilterStack | null;
  /** The image a person picked to follow, and every layer's activated maps for it (refreshed). */
  followed: { sample: Sample; layers: MapStack[] } | null;
  result: TrainResult | null;
  error: string | null;
}
