/**
 * The small CNN the page and `kernelscope train` start from, and the training settings they default to
 * (docs/training.md): 3 x 3 x 8 -> ReLU -> 2 x 2 max pool -> 3 x 3 x 16 -> ReLU -> 2 x 2 max pool ->
 * dense 10, Adam. Filters start at zero here: `initialParams` draws them from the seed.
 */
// Not ../core/index.ts, which loads tfjs: the command line reads these defaults for --help.
import { linkLayers, type NetworkLayer, type NetworkSpec } from '../core/network.ts';
import { defaultSpec } from '../core/spec.ts';

export type OptimizerName = 'sgd' | 'momentum' | 'adam';
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];

export interface TrainSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  seed: number;
}

/**
 * Adam from 0.002, lowered along a cosine over the epochs by the Trainer (`epochLearningRate`): held-out
 * 0.875, 0.872, 0.866, 0.875 on seeds 1-4, where a constant 0.001 gave 0.876, 0.858, 0.852 (docs/training.md).
 */
export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
  epochs: 10,
  batchSize: 32,
  learningRate: 0.002,
  optimizer: 'adam',
  seed: 1,
};

/** A layer of `filters` k x k filters of zeros (their values come from the seed), ReLU, 2 x 2 max pool. */
export function trainLayer(filters: number, size = 3): NetworkLayer {
  const zeros = Array.from({ length: size }, () => Array<number>(size).fill(0));
  return {
    ...defaultSpec(),
    filters: Array.from({ length: filters }, () => ({ weights: zeros.map((row) => [...row]), bias: 0 })),
    activation: 'relu',
    output: 'maxpool',
  };
}

export function defaultTrainNetwork(): NetworkSpec {
  return { layers: linkLayers([trainLayer(8), trainLayer(16)]) };
}
