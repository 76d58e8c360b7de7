/**
 * After a frame fails (out of memory on wasm, a lost context mid-op…): drop every tensor the engine
 * held, rebuild the backend from its factory (or move to another), return to the last settings that
 * worked with the same image, and say so. A failure again before any frame succeeds goes to the
 * defaults; a third in a row is only reported (no loop of rebuilds).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defaultSpec } from '../core/index.ts';
import { raise, setBackendStatus, store, type BackendName } from '../store/index.ts';
import { BACKENDS, rebuildBackend } from './backend.ts';
import type { Engine } from './engine.ts';
import { onFrameDrawn } from './engineStatus.ts';

let failuresInRow = 0;
let watching = false;

export async function heal(engine: Engine, error: unknown): Promise<void> {
  const detail = error instanceof Error ? error.message : String(error);
  const name = (tf.getBackend() ?? store.getState().backend.name ?? 'wasm') as BackendName;
  if (!watching) {
    watching = true;
    onFrameDrawn(() => {
      failuresInRow = 0;
    });
  }
  failuresInRow += 1;
  if (failuresInRow > 2) {
    raise({ key: 'error.backend', params: { backend: name, detail } });
    return;
  }
  const good = failuresInRow === 1 ? engine.lastGoodSpec : null;
  let now: BackendName = name;
  await engine.recover(async () => {
    for (const candidate of [name, ...BACKENDS.filter((b) => b !== name)]) {
      try {
        await rebuildBackend(candidate);
        now = candidate;
        return;
      } catch {
        // Next backend.
      }
    }
  });
  if (now !== name) setBackendStatus({ ...store.getState().backend, name: now, reason: 'fallback', detail });
  store.setState({ spec: good ?? defaultSpec() });
  raise({ key: 'error.healed', params: { backend: name, detail } });
}
