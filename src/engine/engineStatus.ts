/**
 * What the engine tells the page, in one small zustand store apart from the person's choices (the page
 * store holds only those): the frames drawn so far, a large frame's progress, a drag's preview factor,
 * each map's statistics and a long frame's estimate. The engine writes it; components read it with
 * `useEngineStatus(selector)`, other modules with `engineStatus.subscribe`.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { MapStats } from './stats.ts';

/** How far a frame computed in strips has come: `done` of `total` steps (strips, then canvases). */
export interface Progress {
  done: number;
  total: number;
}

export interface EngineStatus {
  /** Frames drawn so far (full results and previews): tests and the webcam wait on it. */
  frames: number;
  /** The layers (0-based) the last frame computed anything of, in order: [] when it computed nothing. */
  computed: readonly number[];
  /** How many canvases the last frame drew (those in view whose picture changed). */
  drawn: number;
  /** While a large frame is computed in strips or a large image read in bands; null otherwise. */
  progress: Progress | null;
  /** While a drag is previewed: its factor (every f-th pixel computed); null when the full result shows. */
  previewFactor: number | null;
  /** Statistics per map canvas key, read once edits pause. */
  stats: ReadonlyMap<string, MapStats>;
  /** While a frame estimated to take long runs (budget.ts): its estimated seconds; null otherwise. */
  longWorkSeconds: number | null;
}

export const engineStatus = createStore<EngineStatus>()(() => ({
  frames: 0,
  computed: [],
  drawn: 0,
  progress: null,
  previewFactor: null,
  stats: new Map(),
  longWorkSeconds: null,
}));

export function useEngineStatus<T>(selector: (status: EngineStatus) => T): T {
  return useStore(engineStatus, selector);
}

/** Calls `listener` after each frame drawn; returns a function that stops. */
export function onFrameDrawn(listener: (frames: number) => void): () => void {
  return engineStatus.subscribe((now, before) => {
    if (now.frames !== before.frames) listener(now.frames);
  });
}
