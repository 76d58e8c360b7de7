/**
 * The learn-a-kernel worker: its own tfjs (wasm with our filter gradient, else cpu), one KernelLearner
 * stepped in short chunks, the page's messages (pause, resume, stop) handled between chunks, and the loss
 * and weights posted about ten times a second, so the page's main thread only draws.
 */
import * as tf from '@tensorflow/tfjs-core';
import { KernelLearner } from '../../train/learnKernel.ts';
import { yieldNow } from '../yieldNow.ts';
import { startTrainBackend } from '../../train/workerBackend.ts';
import { LEARN_SIDE, type FromLearnWorker, type ToLearnWorker } from './protocol.ts';

const post = (message: FromLearnWorker) => self.postMessage(message);

/** Steps between looks at the page's messages (KernelLearner.stalled needs the same count each time). */
const CHUNK = 5;
/** Least time between two progress posts. */
const POST_MS = 100;

let paused = false;
let stopped = false;
let resumeWaiter: (() => void) | null = null;

/** The image as a tensor, scaled down (bilinear) when a side is longer than LEARN_SIDE. */
function imageOf(pixels: Float32Array, height: number, width: number): tf.Tensor3D {
  return tf.tidy(() => {
    const image = tf.tensor3d(pixels, [height, width, 3]);
    const scale = LEARN_SIDE / Math.max(height, width);
    if (scale >= 1) return image;
    const size: [number, number] = [
      Math.max(1, Math.round(height * scale)),
      Math.max(1, Math.round(width * scale)),
    ];
    return tf.image.resizeBilinear(image, size, true);
  });
}

async function learn(message: Extract<ToLearnWorker, { type: 'start' }>): Promise<void> {
  const backend = await startTrainBackend();
  const image = imageOf(message.pixels, message.height, message.width);
  let learner: KernelLearner;
  try {
    learner = new KernelLearner(image, message.layer, message.target, message.settings);
  } finally {
    image.dispose();
  }
  post({
    type: 'started',
    backend,
    height: image.shape[0],
    width: image.shape[1],
    weights: learner.weights(),
  });
  try {
    let lastPost = 0;
    for (;;) {
      const state = learner.run(CHUNK);
      const end = stopped
        ? 'stopped'
        : learner.matched()
          ? 'matched'
          : learner.stalled(CHUNK)
            ? 'stalled'
            : null;
      if (end || !Number.isFinite(state.loss)) {
        post({ type: 'ended', end: end ?? 'stalled', ...state });
        return;
      }
      const now = performance.now();
      if (now - lastPost >= POST_MS) {
        post({ type: 'progress', ...state });
        lastPost = now;
      }
      await yieldNow();
      if (paused && !stopped) {
        post({ type: 'progress', ...state });
        await new Promise<void>((resolve) => (resumeWaiter = resolve));
      }
    }
  } finally {
    learner.dispose();
  }
}

function wake(): void {
  resumeWaiter?.();
  resumeWaiter = null;
}

self.onmessage = (event: MessageEvent<ToLearnWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      learn(message).catch((error: unknown) => {
        post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      });
      return;
    case 'pause':
      paused = true;
      return;
    case 'resume':
      paused = false;
      wake();
      return;
    case 'stop':
      stopped = true;
      wake();
      return;
  }
};
