/**
 * The messages between the page's training store (store.ts) and its worker (trainWorker.ts): plain
 * structured-cloneable data, no tensors. The page asks (start, pause, resume, stop, follow, evaluate);
 * the worker reports (started, update, result, stopped, error).
 */
import type { NetworkSpec } from '../core/index.ts';
import type { TrainSettings } from '../train/defaults.ts';
import type { ImageRange } from '../train/fashionMnist.ts';
import type { TrainBackend } from '../train/workerBackend.ts';
import type {
  BatchPoint,
  EpochPoint,
  FilterStack,
  MapStack,
  Sample,
  TrainProgress,
  TrainResult,
} from './types.ts';

export type ToWorker =
  | {
      type: 'start';
      /** Where the page is served from (absolute), to find public/data/fashion-mnist. */
      baseUrl: string;
      settings: TrainSettings;
      network: NetworkSpec;
      range: ImageRange;
      /** The image (0..9999) whose maps the updates carry. */
      follow: number;
    }
  /** Only held-out accuracy, confusion and mistakes of a model read from a file (CONTRACT JSON). */
  | { type: 'evaluate'; baseUrl: string; model: unknown }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'follow'; index: number };

export interface TrainUpdate {
  type: 'update';
  /** Batches trained since the last update, in order. */
  batches: BatchPoint[];
  /** Epochs ended since the last update. */
  epochs: EpochPoint[];
  progress: TrainProgress;
  filters: FilterStack;
  followed: { sample: Sample; layers: MapStack[] };
}

export type FromWorker =
  /** Data in and tfjs up; `choices`: images to follow, the first held-out one of each class. */
  | { type: 'started'; backend: TrainBackend; choices: Sample[] }
  | TrainUpdate
  | { type: 'result'; result: TrainResult }
  /** Stopped before the first epoch ended: no model worth keeping. */
  | { type: 'stopped' }
  | { type: 'error'; message: string };
