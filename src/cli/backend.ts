/**
 * tfjs for the command line: the pure-JS cpu backend (no native tfjs-node), in production mode.
 *
 * Production mode is tfjs's public switch (`enableProdMode`) that silences its console warnings, among them
 * the "looks like you are running TensorFlow.js in Node.js" banner the cpu backend prints on first use;
 * the contract allows exactly one line on stderr when something goes wrong, and none otherwise.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

export async function initCpuBackend(): Promise<void> {
  tf.enableProdMode();
  if (!(await tf.setBackend('cpu'))) throw new Error('the tfjs cpu backend failed to initialise');
  await tf.ready();
}

/**
 * tfjs for `kernelscope train`: wasm by default, with the filter gradient it lacks registered
 * (src/train/wasmGradient.ts), 55 times faster than cpu at training here (docs/benchmarks.md).
 */
export async function initTrainBackend(name: 'wasm' | 'cpu'): Promise<void> {
  tf.enableProdMode();
  if (name === 'cpu') return initCpuBackend();
  await import('@tensorflow/tfjs-backend-wasm');
  const { registerWasmFilterGradient } = await import('../train/wasmGradient.ts');
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend failed to initialise');
  await tf.ready();
  registerWasmFilterGradient();
}
