/**
 * Starts tfjs on the fastest backend this browser has, by measurement: the current layer is timed on
 * webgl, wasm (SIMD) and cpu, and the status says which won and why (a software WebGL such as SwiftShader
 * is named: there WebGL is slower than the CPU it runs on). `?backend=webgl|wasm|cpu` in the page's
 * query forces one (tests use it to keep exercising webgl); a person can switch by hand (`switchBackend`).
 * The wasm backend is loaded only when needed; its .wasm files are bundled by Vite (`?url`).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { defaultSpec, type LayerSpec } from '../core/index.ts';
import type { BackendName, BackendStatus } from '../store/index.ts';
import { isSoftwareRenderer, timeLayer, webglRenderer } from './measure.ts';

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

function configure(): void {
  // Measured on SwiftShader: tfjs's im2col conv path is 3-5x slower than the direct one for small kernels.
  tf.env().set('WEBGL_CONV_IM2COL', false);
}

/**
 * Picks and initialises the backend; resolves with what the status line should say. Forced by the link,
 * it is that one (or the first that starts); otherwise every backend that starts times `spec` and the
 * fastest is kept.
 */
export async function startBackend(
  requested: BackendName | null,
  spec: LayerSpec = defaultSpec(),
): Promise<BackendStatus> {
  configure();
  const renderer = webglRenderer();
  const software = isSoftwareRenderer(renderer);
  if (requested) {
    const order = [requested, ...BACKENDS.filter((b) => b !== requested)];
    let firstProblem: string | null = null;
    for (const name of order) {
      const problem = await trySetBackend(name);
      if (problem === null) {
        if (name === requested) return { name, reason: 'forced', detail: null, renderer, software };
        return { name, reason: 'fallback', detail: firstProblem, renderer, software };
      }
      firstProblem ??= problem;
    }
    throw new Error(`no tfjs backend could start: ${firstProblem ?? 'unknown'}`);
  }

  const timings: { name: BackendName; ms: number }[] = [];
  const problems: string[] = [];
  for (const name of BACKENDS) {
    const problem = await trySetBackend(name);
    if (problem !== null) {
      problems.push(`${name}: ${problem}`);
      continue;
    }
    try {
      timings.push({ name, ms: await timeLayer(spec) });
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const best = [...timings].sort((a, b) => a.ms - b.ms)[0];
  if (!best) throw new Error(`no tfjs backend could start: ${problems.join('; ') || 'unknown'}`);
  await tf.setBackend(best.name);
  await tf.ready();
  const detail = timings.map((t) => `${t.name} ${formatMs(t.ms)}`).join(' · ');
  return { name: best.name, reason: 'measured', detail, renderer, software };
}

function formatMs(ms: number): string {
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

/** Switches to another backend by hand; the engine's tensors move with it. Resolves with the new status. */
export async function switchBackend(name: BackendName, previous: BackendStatus): Promise<BackendStatus> {
  const problem = await trySetBackend(name);
  if (problem !== null) throw new Error(problem);
  return { ...previous, name, reason: 'chosen', detail: null };
}
