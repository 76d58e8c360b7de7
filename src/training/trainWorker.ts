/**
 * The training worker: a thin shell around run.ts. It fetches Fashion-MNIST (gunzipped with
 * DecompressionStream), starts its own tfjs (wasm with our filter gradient, else cpu), and trains or
 * evaluates as the page asks, so the page's main thread only draws what it posts.
 */
import { FASHION_MNIST_FILES, parseFashionMnist, type FashionMnist } from '../train/fashionMnist.ts';
import { parseModel } from '../train/model.ts';
import { yieldNow } from './yieldNow.ts';
import { startTrainBackend } from '../train/workerBackend.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { evaluateModel, followChoices, RunControl, runTraining } from './run.ts';

const post = (message: FromWorker) => self.postMessage(message);

/**
 * A .gz file's contents. Some servers (Vite's dev server among them) send a .gz file with
 * Content-Encoding: gzip, so the browser has already inflated it: gunzip only what still starts with
 * gzip's magic bytes.
 */
async function fetchGunzipped(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function loadData(baseUrl: string): Promise<FashionMnist> {
  const [images, labels] = await Promise.all([
    fetchGunzipped(new URL(FASHION_MNIST_FILES.images, baseUrl).href),
    fetchGunzipped(new URL(FASHION_MNIST_FILES.labels, baseUrl).href),
  ]);
  return parseFashionMnist(images, labels);
}

let control: RunControl | null = null;

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'start': {
      control = new RunControl(message.follow);
      const [data, backend] = await Promise.all([loadData(message.baseUrl), startTrainBackend()]);
      post({ type: 'started', backend, choices: followChoices(data) });
      await runTraining({ ...message, data, control, post, yieldNow });
      return;
    }
    case 'evaluate': {
      const [data, backend] = await Promise.all([loadData(message.baseUrl), startTrainBackend()]);
      post({ type: 'started', backend, choices: followChoices(data) });
      post({ type: 'result', result: evaluateModel(parseModel(message.model), data) });
      return;
    }
    case 'pause':
      control?.pause();
      return;
    case 'resume':
      control?.resume();
      return;
    case 'stop':
      control?.stop();
      return;
    case 'follow':
      control?.setFollow(message.index);
      return;
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((error: unknown) => {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
};
