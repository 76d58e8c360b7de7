/**
 * A Web Worker that trains the default network as the page's training worker does (src/train's Trainer,
 * the data fetched and gunzipped), on wasm (our filter gradient) or webgl, and times `batches` batches of
 * images 0-8999 after one warm-up batch (0: a whole epoch). Posts {backend, batches, seconds}.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import { DEFAULT_TRAIN_SETTINGS, defaultTrainNetwork } from '../../src/train/defaults.ts';
import { FASHION_MNIST_FILES, parseFashionMnist } from '../../src/train/fashionMnist.ts';
import { Trainer } from '../../src/train/trainer.ts';
import '@tensorflow/tfjs-backend-wasm';
import { loadWasm } from '../../src/engine/wasmPaths.ts';
import { registerWasmFilterGradient } from '../../src/train/wasmGradient.ts';

/**
 * The file's bytes gunzipped. Vite's dev server sends a .gz file with `Content-Encoding: gzip`, so the
 * browser has already unpacked it: only bytes that still start with gzip's magic are gunzipped here.
 */
async function gunzipped(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

self.onmessage = async (event: MessageEvent<{ backend: string; batches: number; baseUrl: string }>) => {
  const { backend, baseUrl } = event.data;
  try {
    const [images, labels] = await Promise.all([
      gunzipped(new URL(FASHION_MNIST_FILES.images, baseUrl).href),
      gunzipped(new URL(FASHION_MNIST_FILES.labels, baseUrl).href),
    ]);
    const data = parseFashionMnist(images, labels);
    if (backend === 'webgl') {
      if (!(await tf.setBackend('webgl'))) throw new Error('webgl failed to start in the worker');
      await tf.ready();
    } else {
      // The page's own start, but with its error shown: startTrainBackend falls back to cpu silently.
      await loadWasm();
      if (!(await tf.setBackend('wasm'))) throw new Error('wasm failed to start');
      await tf.ready();
      registerWasmFilterGradient();
    }
    const trainer = new Trainer(data, defaultTrainNetwork(), { ...DEFAULT_TRAIN_SETTINGS, epochs: 2 });
    const batches = event.data.batches || trainer.batchesPerEpoch;
    trainer.trainBatch();
    const start = performance.now();
    for (let i = 0; i < batches; i++) trainer.trainBatch();
    const seconds = (performance.now() - start) / 1000;
    trainer.dispose();
    self.postMessage({ backend: tf.getBackend(), batches, seconds });
  } catch (error) {
    self.postMessage({ backend, batches: 0, seconds: 0, error: String(error) });
  }
};
