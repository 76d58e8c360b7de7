/**
 * Starts tfjs on the best backend this browser has: webgl, else wasm (SIMD), else cpu, and says why.
 * `?backend=webgl|wasm|cpu` in the page's query forces one (tests use it to keep exercising webgl).
 * The wasm backend is loaded only when needed; its .wasm files are bundled by Vite (`?url`).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import type { BackendName, BackendStatus } from '../store/index.ts';

export const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export function requestedBackend(search: string): BackendName | null {
  const value = new URLSearchParams(search).get('backend');
  return (BACKENDS as readonly string[]).includes(value ?? '') ? (value as BackendName) : null;
}

async function loadWasm(): Promise<void> {
  const [wasm, plain, simd, threaded] = await Promise.all([
    import('@tensorflow/tfjs-backend-wasm'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
  ]);
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': plain.default,
    'tfjs-backend-wasm-simd.wasm': simd.default,
    'tfjs-backend-wasm-threaded-simd.wasm': threaded.default,
  });
}

async function trySetBackend(name: BackendName): Promise<string | null> {
  try {
    if (name === 'wasm') await loadWasm();
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (!ok || tf.getBackend() !== name) return `${name} could not start`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Picks and initialises the backend; resolves with what the status line should say. */
export async function startBackend(requested: BackendName | null): Promise<BackendStatus> {
  // Measured on SwiftShader: tfjs's im2col conv path is 3-5x slower than the direct one for small kernels.
  tf.env().set('WEBGL_CONV_IM2COL', false);
  const order = requested ? [requested, ...BACKENDS.filter((b) => b !== requested)] : [...BACKENDS];
  let firstProblem: string | null = null;
  for (const name of order) {
    const problem = await trySetBackend(name);
    if (problem === null) {
      if (requested && name === requested) return { name, reason: 'forced', detail: null };
      if (name === 'webgl') return { name, reason: null, detail: null };
      return { name, reason: 'fallback', detail: firstProblem };
    }
    firstProblem ??= problem;
  }
  throw new Error(`no tfjs backend could start: ${firstProblem ?? 'unknown'}`);
}
