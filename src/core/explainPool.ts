/**
 * One pooling pixel written out: its window over the feature map (pool padding left out), each cell's
 * feature value, the winner of the max (the first on a tie) and what was averaged (docs/spec.md).
 */
import { clipRect, inputWindow, poolWindow, type CellRect } from './cellWindows.ts';
import { featureValue } from './explainConv.ts';
import { checkInput, checkPixel, type LayerInputValues } from './explainInput.ts';
import type { LayerGeometry } from './geometry.ts';
import type { LayerSpec } from './spec.ts';

export interface PoolCell {
  /** Feature-map coordinate (0-based), always inside the map: pool padding cells are left out. */
  y: number;
  x: number;
  value: number;
}

export interface PoolExplanation {
  kind: 'pool';
  stage: 'maxPool' | 'avgPool';
  map: number;
  y: number;
  x: number;
  /** The pool window in feature-map coordinates (may reach into the pool's SAME padding). */
  window: CellRect;
  /** The window's cells inside the feature map, row by row. */
  cells: PoolCell[];
  /** Window cells in the pool padding: ignored, never the max, never counted. */
  paddedCells: number;
  /** Index in `cells` of the maximum (the first one on a tie). */
  winner: number;
  max: number;
  sum: number;
  count: number;
  average: number;
  /** The stage's value: `max` or `average`. */
  value: number;
  /** The union of the receptive fields of the window's cells, in input coordinates. */
  receptiveField: CellRect;
}

/** The computation of pooled pixel (y, x) of map `map`: the window's feature values, max and average. */
export function explainPool(
  input: LayerInputValues,
  spec: LayerSpec,
  geometry: LayerGeometry,
  stage: 'maxPool' | 'avgPool',
  map: number,
  y: number,
  x: number,
): PoolExplanation {
  checkInput(input, geometry);
  checkPixel(geometry, stage, map, y, x);
  const window = poolWindow(geometry, spec, y, x);
  const inside = clipRect(window, geometry.conv.height, geometry.conv.width);
  const cells: PoolCell[] = [];
  let winner = -1;
  let max = -Infinity;
  let sum = 0;
  for (let fy = inside.top; fy < inside.top + inside.height; fy++) {
    for (let fx = inside.left; fx < inside.left + inside.width; fx++) {
      const value = featureValue(input, spec, geometry, map, fy, fx);
      if (value > max) {
        max = value;
        winner = cells.length;
      }
      sum += value;
      cells.push({ y: fy, x: fx, value });
    }
  }
  const count = cells.length;
  const average = sum / count;
  return {
    kind: 'pool',
    stage,
    map,
    y,
    x,
    window,
    cells,
    paddedCells: window.height * window.width - count,
    winner,
    max,
    sum,
    count,
    average,
    value: stage === 'maxPool' ? max : average,
    receptiveField: inputWindow(geometry, spec, stage, y, x),
  };
}
