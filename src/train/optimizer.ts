/** The optimizers a person may pick, as tfjs makes them (momentum: 0.9, Nesterov off). */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerName } from './defaults.ts';

export const MOMENTUM = 0.9;

export function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, MOMENTUM);
    case 'adam':
      return tf.train.adam(learningRate);
  }
}
