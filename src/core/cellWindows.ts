/**
 * Where a pixel of one layer reads: rectangles of cells (windows) in the layer's input or feature-map
 * coordinates, padded cells included, with the sizes and pads of `layerGeometry` (docs/spec.md).
 */
import type { LayerGeometry } from './geometry.ts';
import type { LayerSpec } from './spec.ts';
import type { Stage } from './stage.ts';

/** A rectangle of cells: top-left corner (may be negative or beyond the image) and size. */
export interface CellRect {
  top: number;
  left: number;
  height: number;
  width: number;
}

/** The output map size of a stage. */
export function stageSize(geometry: LayerGeometry, stage: Stage): { height: number; width: number } {
  return stage === 'maxPool' || stage === 'avgPool' ? geometry.pool : geometry.conv;
}

/** The window of input cells feature-map pixel (y, x)'s kernel covers. */
export function convWindow(geometry: LayerGeometry, spec: LayerSpec, y: number, x: number): CellRect {
  return {
    top: y * spec.stride[0] - geometry.pads.top,
    left: x * spec.stride[1] - geometry.pads.left,
    height: geometry.kernelEff[0],
    width: geometry.kernelEff[1],
  };
}

/** The pool window of pooled pixel (y, x) in feature-map coordinates (pool padding included). */
export function poolWindow(geometry: LayerGeometry, spec: LayerSpec, y: number, x: number): CellRect {
  return {
    top: y * spec.pool.stride[0] - geometry.pool.pads.top,
    left: x * spec.pool.stride[1] - geometry.pool.pads.left,
    height: spec.pool.size[0],
    width: spec.pool.size[1],
  };
}

/** The part of a window that lies inside 0..height-1 × 0..width-1 (empty when it misses). */
export function clipRect(rect: CellRect, height: number, width: number): CellRect {
  const top = Math.max(rect.top, 0);
  const left = Math.max(rect.left, 0);
  const bottom = Math.min(rect.top + rect.height, height);
  const right = Math.min(rect.left + rect.width, width);
  return { top, left, height: Math.max(0, bottom - top), width: Math.max(0, right - left) };
}

/**
 * The window of a layer's input that a pixel of any stage of that layer reads, in input coordinates: the
 * conv window, or for a pool stage the union of the conv windows of the pool window's cells inside the
 * map. Needs no input values. (Across layers, down to the image: receptiveField.ts `traceWindows`.)
 */
export function inputWindow(
  geometry: LayerGeometry,
  spec: LayerSpec,
  stage: Stage,
  y: number,
  x: number,
): CellRect {
  if (stage === 'preActivation' || stage === 'features') return convWindow(geometry, spec, y, x);
  const cells = clipRect(poolWindow(geometry, spec, y, x), geometry.conv.height, geometry.conv.width);
  const first = convWindow(geometry, spec, cells.top, cells.left);
  const last = convWindow(geometry, spec, cells.top + cells.height - 1, cells.left + cells.width - 1);
  return {
    top: first.top,
    left: first.left,
    height: last.top + last.height - first.top,
    width: last.left + last.width - first.left,
  };
}
