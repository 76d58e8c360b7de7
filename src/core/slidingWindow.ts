/**
 * The sliding window (docs/demos.md, "The sliding window"): the stops of the filter's window over the
 * padded input, one per feature-map cell, and of the pooling window over the feature map, one per pooled
 * cell. Stops go along a row, then to the next row; the window moves by the stride. Pure numbers.
 */
import { convWindow, poolWindow, type CellRect } from './cellWindows.ts';
import type { LayerGeometry } from './geometry.ts';
import type { LayerSpec } from './spec.ts';

/** Which window slides: the filter over the layer's padded input, or the pooling window over a feature map. */
export type WindowPhase = 'conv' | 'pool';

export const WINDOW_PHASES: readonly WindowPhase[] = ['conv', 'pool'];

/** The output map a phase writes: the feature map (conv) or the pooled map. */
export function phaseSize(geometry: LayerGeometry, phase: WindowPhase): { height: number; width: number } {
  return phase === 'conv' ? geometry.conv : geometry.pool;
}

/** How many stops the window makes: one per cell of the map it writes (0 for an empty pooling). */
export function stopCount(geometry: LayerGeometry, phase: WindowPhase): number {
  const { height, width } = phaseSize(geometry, phase);
  return height * width;
}

export interface WindowStop {
  /** 0-based index of the stop, in the order the window visits them. */
  index: number;
  /** The output cell written at this stop (0-based row and column of the map). */
  y: number;
  x: number;
  /**
   * Where the window sits: in the layer's input coordinates for conv (padding included: may start
   * above or left of the image), in feature-map coordinates for pool.
   */
  window: CellRect;
}

/** Stop `index` (clamped to 0..count-1) of the phase's window. Throws a RangeError when it has no stops. */
export function stopAt(
  spec: LayerSpec,
  geometry: LayerGeometry,
  phase: WindowPhase,
  index: number,
): WindowStop {
  const count = stopCount(geometry, phase);
  if (count === 0) throw new RangeError(`the ${phase} window has no stops on this map`);
  const i = Math.min(Math.max(Math.trunc(index), 0), count - 1);
  const { width } = phaseSize(geometry, phase);
  const y = Math.floor(i / width);
  const x = i % width;
  const window = phase === 'conv' ? convWindow(geometry, spec, y, x) : poolWindow(geometry, spec, y, x);
  return { index: i, y, x, window };
}

/** The stop that writes output cell (y, x) of the phase's map. */
export function stopOf(geometry: LayerGeometry, phase: WindowPhase, y: number, x: number): number {
  return y * phaseSize(geometry, phase).width + x;
}
