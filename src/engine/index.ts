/** The page's one engine, bound to the store, and the one owner of its tfjs backend. */
import * as tf from '@tensorflow/tfjs-core';
import { raise, store } from '../store/index.ts';
import { formatBytes, MEMORY_LIMIT_BYTES, whatFits } from './budget.ts';
import { BackendLifecycle } from './backendLifecycle.ts';
import { Engine } from './engine.ts';
import { engineStatus } from './engineStatus.ts';
import { exposeToTests } from './testHooks.ts';
import { countReadbacks } from '../render/index.ts';

export { canvasKey, displayFor, parseKey } from './views.ts';
export type { MapStats } from './stats.ts';
export { engineStatus, onFrameDrawn, useEngineStatus, type Progress } from './engineStatus.ts';
export { HISTOGRAM_BINS } from './stats.ts';
export { BACKENDS, requestedBackend, startBackend } from './backend.ts';
export { followWorkload } from './autoBackend.ts';
export type { InputValues } from './resultCache.ts';

export const engine: Engine = new Engine(
  store,
  (error) => void backends.heal(error),
  (spec, height, width, bytes) => {
    const fit = whatFits(spec, height, width);
    const params = {
      size: formatBytes(bytes),
      limit: formatBytes(MEMORY_LIMIT_BYTES),
      width,
      height,
      filters: fit.filters,
      fitWidth: fit.image?.width ?? 0,
      fitHeight: fit.image?.height ?? 0,
    };
    raise({ key: fit.filters > 0 ? 'error.tooBig' : 'error.tooBigImage', params });
  },
);

/** Which backend the page runs on, and every switch of it (backendLifecycle.ts). */
export const backends: BackendLifecycle = new BackendLifecycle(engine);

exposeToTests(
  () => tf.memory().numTensors,
  () => {
    const { frames, computed, drawn } = engineStatus.getState();
    return { frames, computed, drawn, pixelReadbacks: countReadbacks() };
  },
);
