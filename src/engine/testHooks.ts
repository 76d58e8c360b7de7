/**
 * TEST-ONLY hooks. An end-to-end test sets `window.__kernelscopeTest` in an init script, before the
 * page's own scripts run; the page never sets it, and without it every hook is a no-op. They let a test
 * simulate what it cannot produce on demand: other timings, another GPU, an out-of-memory failure.
 */
import type { BackendName } from '../store/index.ts';
import type { PaceSample } from './costModel.ts';

export interface TestHooks {
  /** Replaces the measured start-up samples of these backends (costModel.ts). */
  samples?: Partial<Record<BackendName, PaceSample[]>>;
  /** Replaces the WebGL renderer string (e.g. to pretend a hardware GPU). */
  renderer?: string;
  /** The next this-many computations throw this message as a RangeError after allocating (heal test). */
  failComputes?: number;
  failMessage?: string;
  /** Set by the page (only when a test set the hooks): tfjs's live tensor count. */
  tensors?: () => number;
  /** Set by the page (only when a test set the hooks): what the engine reports (see `EngineReport`). */
  engine?: () => EngineReport;
}

/**
 * What an end-to-end test reads of the engine: frames drawn so far, the layers (0-based) the last frame
 * computed and the canvases it drew (engineStatus.ts), and the pixel readbacks so far (render/readbacks.ts).
 */
export interface EngineReport {
  frames: number;
  computed: readonly number[];
  drawn: number;
  pixelReadbacks: number;
}

/** The hooks a test set, or an empty object. */
export function testHooks(): TestHooks {
  return (globalThis as { __kernelscopeTest?: TestHooks }).__kernelscopeTest ?? {};
}

/** Throws a RangeError while `failComputes` lasts (counting down); the heal path is what is tested. */
export function maybeFailCompute(): void {
  const hooks = testHooks();
  if (!hooks.failComputes || hooks.failComputes <= 0) return;
  hooks.failComputes -= 1;
  throw new RangeError(hooks.failMessage ?? 'Invalid typed array length: 268435456');
}

/**
 * Gives a test that set the hooks a way to read tfjs's tensor count and what the engine reports (nothing
 * otherwise).
 */
export function exposeToTests(tensors: () => number, engine: () => EngineReport): void {
  const hooks = (globalThis as { __kernelscopeTest?: TestHooks }).__kernelscopeTest;
  if (!hooks) return;
  hooks.tensors = tensors;
  hooks.engine = engine;
}
