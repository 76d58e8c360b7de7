/**
 * The numbers in the window's grids, computed on the CPU for the cells in view only (a few hundred): the
 * padded input by the layer's padding rule, feature-map cells and pooled cells by src/core's explain code.
 */
import type { CellRect } from '../../core/cellWindows.ts';
import { featureValue } from '../../core/explainConv.ts';
import type { LayerInputValues } from '../../core/explainInput.ts';
import { explainPool } from '../../core/explainPool.ts';
import type { LayerGeometry } from '../../core/geometry.ts';
import { sourceIndex } from '../../core/padSource.ts';
import type { LayerSpec } from '../../core/spec.ts';
import type { Span } from './windowView.ts';

/** Values of the cells in view, row by row (NaN where a cell has none: a pool's padding). */
export interface ViewValues {
  rows: Span;
  cols: Span;
  values: Float64Array;
}

export function valueAt(v: ViewValues, y: number, x: number): number {
  return v.values[(y - v.rows.start) * v.cols.count + (x - v.cols.start)] ?? NaN;
}

function fill(rows: Span, cols: Span, at: (y: number, x: number) => number): ViewValues {
  const values = new Float64Array(rows.count * cols.count);
  for (let r = 0; r < rows.count; r++)
    for (let c = 0; c < cols.count; c++) values[r * cols.count + c] = at(rows.start + r, cols.start + c);
  return { rows, cols, values };
}

/** Channel `ch` of the layer's input at (y, x), padding included: what a tap there reads. */
export function paddedInput(
  input: LayerInputValues,
  spec: LayerSpec,
  y: number,
  x: number,
  ch: number,
): number {
  const sy = sourceIndex(y, input.height, spec.padMode);
  const sx = sourceIndex(x, input.width, spec.padMode);
  if (sy < 0 || sx < 0) return 0;
  return input.data[(sy * input.width + sx) * input.channels + ch] as number;
}

/** One channel of the padded input in view. */
export function inputValues(
  input: LayerInputValues,
  spec: LayerSpec,
  rows: Span,
  cols: Span,
  ch: number,
): ViewValues {
  return fill(rows, cols, (y, x) => paddedInput(input, spec, y, x, ch));
}

/** Feature map `map` in view (NaN outside the map: the pooling's padding). */
export function featureValues(
  input: LayerInputValues,
  spec: LayerSpec,
  geometry: LayerGeometry,
  map: number,
  rows: Span,
  cols: Span,
): ViewValues {
  const { height, width } = geometry.conv;
  return fill(rows, cols, (y, x) =>
    y >= 0 && y < height && x >= 0 && x < width ? featureValue(input, spec, geometry, map, y, x) : NaN,
  );
}

/** The pooled map `map` in view, max or average. */
export function pooledValues(
  input: LayerInputValues,
  spec: LayerSpec,
  geometry: LayerGeometry,
  stage: 'maxPool' | 'avgPool',
  map: number,
  rows: Span,
  cols: Span,
): ViewValues {
  return fill(rows, cols, (y, x) => explainPool(input, spec, geometry, stage, map, y, x).value);
}

/** The largest |x| of one channel of the whole input (a deeper layer's map, for its colour scale). */
export function channelScale(input: LayerInputValues, ch: number): number {
  let m = 0;
  for (let i = ch; i < input.data.length; i += input.channels)
    m = Math.max(m, Math.abs(input.data[i] as number));
  return m > 0 ? m : 1;
}

/** A dilated kernel's taps in the window (input coordinates); empty without dilation. */
export function dilatedTaps(
  spec: LayerSpec,
  geometry: LayerGeometry,
  window: CellRect,
): { y: number; x: number }[] {
  const [dy, dx] = spec.dilation;
  if (dy === 1 && dx === 1) return [];
  const [kh, kw] = geometry.kernel;
  const taps: { y: number; x: number }[] = [];
  for (let r = 0; r < kh; r++)
    for (let c = 0; c < kw; c++) taps.push({ y: window.top + r * dy, x: window.left + c * dx });
  return taps;
}

/** Whether the input values are those of this layer's geometry (a new image may not have arrived yet). */
export function fits(input: LayerInputValues, geometry: LayerGeometry): boolean {
  const { height, width, channels } = geometry.input;
  return input.height === height && input.width === width && input.channels === channels;
}
