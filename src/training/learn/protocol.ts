/** Messages between the page and the learn-a-kernel worker (learnWorker.ts). */
import type { LayerSpec, Weights } from '../../core/index.ts';
import type { LearnSettings } from '../../train/learnKernel.ts';
import type { TrainBackend } from '../../train/workerBackend.ts';

/** Why learning ended: the maps match, the loss stopped falling, or the person stopped it. */
export type LearnEnd = 'matched' | 'stalled' | 'stopped';

export type ToLearnWorker =
  | {
      type: 'start';
      /** The layer's input image, RGB 0..255, row-major [height, width, 3]. */
      pixels: Float32Array;
      height: number;
      width: number;
      layer: LayerSpec;
      target: Weights;
      settings: LearnSettings;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' };

export type FromLearnWorker =
  | {
      type: 'started';
      backend: TrainBackend;
      /** The size learned on: the image, or a copy scaled down to at most LEARN_SIDE a side. */
      height: number;
      width: number;
      /** The random start (step 0), drawn from the seed. */
      weights: Weights;
    }
  | { type: 'progress'; step: number; loss: number; weights: Weights }
  | { type: 'ended'; end: LearnEnd; step: number; loss: number; weights: Weights }
  | { type: 'error'; message: string };

/** Longest side learned on: a larger image is scaled down to it (a step stays a few milliseconds). */
export const LEARN_SIDE = 256;
