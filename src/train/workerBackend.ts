/**
 * tfjs inside a training worker: wasm with the filter gradient it lacks (wasmGradient.ts), which trains
 * the default CNN about 55 times faster than cpu (docs/benchmarks.md); cpu if wasm cannot start. The
 * worker has its own tfjs, apart from the page's (webgl draws the page while the worker trains).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadWasm } from '../engine/wasmPaths.ts';
import { registerWasmFilterGradient } from './wasmGradient.ts';

export type TrainBackend = 'wasm' | 'cpu';

/** Starts `preferred` (wasm unless asked otherwise) and says which runs. */
export async function startTrainBackend(preferred: TrainBackend = 'wasm'): Promise<TrainBackend> {
  tf.enableProdMode();
  if (preferred === 'wasm') {
    try {
      await loadWasm();
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        registerWasmFilterGradient();
        return 'wasm';
      }
    } catch (error) {
      // Falls through to cpu: slower, but trains; the console says why.
      console.warn('Kernelscope: wasm could not start for training, using cpu:', error);
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}
