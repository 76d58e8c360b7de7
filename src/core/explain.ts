/**
 * One output pixel of any stage written out with its real numbers, for the inspector: a conv pixel's taps,
 * sums, bias and activation (explainConv.ts), a pooling pixel's window, winner and average
 * (explainPool.ts). Any layer of a network: give it that layer's spec, geometry and input values.
 */
import { explainConv, type ConvExplanation } from './explainConv.ts';
import type { LayerInputValues } from './explainInput.ts';
import { explainPool, type PoolExplanation } from './explainPool.ts';
import type { LayerGeometry } from './geometry.ts';
import type { LayerSpec } from './spec.ts';
import type { Stage } from './stage.ts';

export type Explanation = ConvExplanation | PoolExplanation;

/** Explains pixel (y, x) of map `map` on any stage. Throws a RangeError for a pixel outside the map. */
export function explainPixel(
  input: LayerInputValues,
  spec: LayerSpec,
  geometry: LayerGeometry,
  stage: Stage,
  map: number,
  y: number,
  x: number,
): Explanation {
  if (stage === 'maxPool' || stage === 'avgPool') return explainPool(input, spec, geometry, stage, map, y, x);
  return explainConv(input, spec, geometry, map, y, x, stage);
}
