/**
 * WebGL context loss: the GPU driver or the browser may take the context away (a driver reset, too many
 * contexts, a sleeping laptop). Then the page falls back to wasm (else cpu) at once, rebuilding its input
 * from the CPU copy of the image, says so, and goes back to webgl when the browser restores the context.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { BackendStatus } from '../store/index.ts';
import { startBackend } from './backend.ts';
import type { Engine } from './engine.ts';

/** tfjs's own WebGL canvas, when webgl is the active backend. */
function webglCanvas(): HTMLCanvasElement | OffscreenCanvas | null {
  const backend = tf.backend();
  if (!(backend instanceof MathBackendWebGL)) return null;
  return backend.gpgpu.gl.canvas;
}

/**
 * Watches the active webgl backend's context: on loss, `engine` moves to wasm or cpu and `report` is told;
 * on restore, webgl is registered anew and the engine moves back. Returns a function that stops watching.
 */
export function watchContextLoss(engine: Engine, report: (status: BackendStatus) => void): () => void {
  const canvas = webglCanvas();
  if (!canvas) return () => {};
  let stopNext: () => void = () => {};

  const onLost = (event: Event) => {
    event.preventDefault(); // asks the browser to restore the context later
    void engine.recover(async () => {
      const fallback = await startBackend('wasm');
      report({ ...fallback, reason: 'lost', detail: null });
    });
  };
  const onRestored = () => {
    stop();
    void engine
      .moveTo(async () => {
        // The old backend object is bound to the dead context: register a fresh one.
        tf.removeBackend('webgl');
        tf.registerBackend('webgl', () => new MathBackendWebGL(), 2);
        const status = await startBackend('webgl');
        report({ ...status, reason: 'restored', detail: null });
      })
      .then(() => {
        stopNext = watchContextLoss(engine, report);
      });
  };
  canvas.addEventListener('webglcontextlost', onLost);
  canvas.addEventListener('webglcontextrestored', onRestored);
  const stop = () => {
    canvas.removeEventListener('webglcontextlost', onLost);
    canvas.removeEventListener('webglcontextrestored', onRestored);
  };
  return () => {
    stop();
    stopNext();
  };
}
