/**
 * One filter's maps alone. Every output map of a layer depends on one filter only (its weights and
 * bias; the activation is elementwise and pooling works map by map), so when an edit changes one filter
 * and nothing else, only that filter's maps need computing again: `changedFilters` says which filters an
 * edit changed, and `filterSubset` is the layer of those filters alone (run it with `runLayerPadded`).
 */
import { layerGeometry, type LayerGeometry } from './geometry.ts';
import { kernelShape, type Filter, type LayerSpec } from './spec.ts';

/** Deep equality of JSON-like values (numbers, strings, booleans, arrays, plain objects). */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(b)) {
    return false;
  }
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

function sameFilter(a: Filter, b: Filter): boolean {
  return a === b || (Object.is(a.bias, b.bias) && same(a.weights, b.weights));
}

/**
 * The filters (by index) whose weights or bias differ from `before` to `after`, when nothing else
 * differs: the same number of filters of the same kernel size, and every other field equal. Null when
 * anything else changed (then every map changes). An empty list: the two specs are equal.
 */
export function changedFilters(before: LayerSpec, after: LayerSpec): number[] | null {
  if (before === after) return [];
  const { filters: a, ...restA } = before;
  const { filters: b, ...restB } = after;
  if (a.length !== b.length || !same(restA, restB)) return null;
  const changed: number[] = [];
  for (let f = 0; f < a.length; f++) {
    const x = a[f] as Filter;
    const y = b[f] as Filter;
    const sx = kernelShape(x.weights);
    const sy = kernelShape(y.weights);
    if (sx.kh !== sy.kh || sx.kw !== sy.kw) return null;
    if (!sameFilter(x, y)) changed.push(f);
  }
  return changed;
}

/**
 * The layer of the filters `indices` alone (in that order), and its geometry for an input of
 * `height` x `width`: its maps are those filters' maps of the whole layer, value for value.
 */
export function filterSubset(
  spec: LayerSpec,
  indices: readonly number[],
  height: number,
  width: number,
): { spec: LayerSpec; geometry: LayerGeometry } {
  const filters = indices.map((f) => {
    const filter = spec.filters[f];
    if (!filter) throw new Error(`filterSubset: no filter ${f} of ${spec.filters.length}`);
    return filter;
  });
  const subset = { ...spec, filters };
  return { spec: subset, geometry: layerGeometry(subset, height, width) };
}
