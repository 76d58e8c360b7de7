/**
 * Starts tfjs on the backend the rule picks (backendChoice.ts) from a small fixed layer timed on webgl,
 * wasm (SIMD) and cpu and modelled for the layer in use (costModel.ts); the status says which and why. `?backend=webgl|wasm|cpu` in the page's
 * query forces one (tests use it to keep exercising webgl); a person can switch by hand (`switchBackend`).
 * The wasm backend is loaded only when needed; its .wasm files are bundled by Vite (`?url`).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import type { BackendName, BackendStatus } from '../store/index.ts';
import { chooseBackend, formatMedians } from './backendChoice.ts';
import { LARGE_MACS, predictAll, type CostModel } from './costModel.ts';
import { isSoftwareRenderer, measurePace, webglRenderer } from './measure.ts';
import { testHooks } from './testHooks.ts';
import { loadWasm } from './wasmPaths.ts';
import { yieldToPage } from './yieldToPage.ts';

export const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export function requestedBackend(search: string): BackendName | null {
  const value = new URLSearchParams(search).get('backend');
  return (BACKENDS as readonly string[]).includes(value ?? '') ? (value as BackendName) : null;
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
  // On SwiftShader tfjs's im2col conv path is several times slower than the direct one for small kernels.
  tf.env().set('WEBGL_CONV_IM2COL', false);
}

/**
 * The cost model measured at start-up (of the forced backend alone when one is forced): autoBackend.ts
 * re-decides from it when the choice was measured, and the engine estimates times with its pace.
 */
let measured: { model: CostModel; software: boolean } | null = null;

export function measuredModel(): { model: CostModel; software: boolean } | null {
  return measured;
}

/** Work the first choice is made for, before any image is in: a 512² gray image and a 3 × 3 filter. */
export const START_MACS = 512 * 512 * 9;

/**
 * The status of the rule's choice for `work` multiply-adds (backendChoice.ts), with the timings it
 * compared (predicted for `work`; on a software WebGL, at most the largest size timed).
 */
export function decide(
  model: CostModel,
  software: boolean,
  renderer: string | null,
  work: number,
): BackendStatus {
  // A software WebGL slows down with size far more than the small layer shows (docs/benchmarks.md):
  // it is judged on the timings taken, never on a line extended for it.
  const judged = software ? Math.min(work, LARGE_MACS) : work;
  const choice = chooseBackend(predictAll(model, judged), software);
  return {
    name: choice.name,
    reason: 'measured',
    detail: formatMedians(choice.medians),
    renderer,
    software,
    why: choice.why,
    rival: choice.rival,
  };
}

/**
 * Picks and initialises the backend; resolves with what the status line should say. Forced by the link,
 * it is that one (or the first that starts); otherwise every backend that starts times the small fixed
 * layer (measure.ts, a fixed cost whatever the link holds) and the rule (backendChoice.ts) picks for
 * `work` multiply-adds by the cost model.
 */
export async function startBackend(requested: BackendName | null, work = START_MACS): Promise<BackendStatus> {
  // After the tasks already queued (React's first render): the choice's own tasks are then its own.
  await yieldToPage();
  performance.mark(CHOICE_MARK);
  try {
    return await startBackendNow(requested, work);
  } finally {
    performance.measure(CHOICE_MARK, CHOICE_MARK);
  }
}

/** User Timing name of the backend choice (a mark at its start, a measure of it): tests read it. */
const CHOICE_MARK = 'kernelscope:backend-choice';

async function startBackendNow(requested: BackendName | null, work: number): Promise<BackendStatus> {
  configure();
  const hooks = testHooks();
  const renderer = hooks.renderer ?? webglRenderer();
  const software = isSoftwareRenderer(renderer);
  if (requested) {
    const order = [requested, ...BACKENDS.filter((b) => b !== requested)];
    let firstProblem: string | null = null;
    for (const name of order) {
      const problem = await trySetBackend(name);
      if (problem === null) {
        // One round on this backend alone: the pace the budget estimates with (budget.ts).
        try {
          measured = { model: { [name]: hooks.samples?.[name] ?? (await measurePace(1)) }, software };
        } catch {
          measured = null;
        }
        if (name === requested) return { name, reason: 'forced', detail: null, renderer, software };
        return { name, reason: 'fallback', detail: firstProblem, renderer, software };
      }
      firstProblem ??= problem;
    }
    throw new Error(`no tfjs backend could start: ${firstProblem ?? 'unknown'}`);
  }

  const model: CostModel = {};
  const problems: string[] = [];
  for (const name of BACKENDS) {
    const problem = await trySetBackend(name);
    if (problem !== null) {
      problems.push(`${name}: ${problem}`);
      continue;
    }
    try {
      model[name] = hooks.samples?.[name] ?? (await measurePace());
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (Object.keys(model).length === 0)
    throw new Error(`no tfjs backend could start: ${problems.join('; ') || 'unknown'}`);
  measured = { model, software };
  const status = decide(model, software, renderer, work);
  await tf.setBackend(status.name as BackendName);
  await tf.ready();
  return status;
}

/** Switches to another backend by hand; the engine's tensors move with it. Resolves with the new status. */
export async function switchBackend(name: BackendName, previous: BackendStatus): Promise<BackendStatus> {
  const problem = await trySetBackend(name);
  if (problem !== null) throw new Error(problem);
  return { ...previous, name, reason: 'chosen', detail: null };
}

/**
 * Replaces `name`'s backend object with a fresh one from its own factory and makes it active: after an
 * out-of-memory failure a wasm instance is left broken ("memory access out of bounds" on every later
 * op), and a new instance has a new heap. The engine drops its tensors first (Engine.recover).
 */
export async function rebuildBackend(name: BackendName): Promise<void> {
  const factory = tf.findBackendFactory(name);
  if (!factory) throw new Error(`${name} is not registered`);
  try {
    tf.removeBackend(name);
  } catch {
    // A broken instance may fail to dispose: it is dropped all the same.
  }
  tf.registerBackend(name, factory, name === 'cpu' ? 1 : 2);
  const problem = await trySetBackend(name);
  if (problem !== null) throw new Error(problem);
}
