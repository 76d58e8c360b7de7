/**
 * Actions of the kernel editor: cells, size, filters, bias, flip, presets, kernel operations and saved
 * kernels. Each goes through updateSpec, which validates and keeps the last good spec on refusal. The
 * maths is in src/kernels/ops.ts; here it is applied to the spec.
 *
 * All filters of a spec share one size (core/geometry refuses mixed sizes), so anything that changes the
 * size of one filter (resizing, a preset of another size, loading a saved kernel) resizes every filter,
 * centre-aligned (see `resizeGrid`).
 */
import { inputDepth, isDepthwise, type LayerSpec, type Weights } from '../core/index.ts';
import {
  applyOp,
  depthOf,
  identity,
  is3D,
  MAX_SIDE,
  MIN_SIDE,
  resizeWeights,
  sizeOf,
  swapsShape,
  to3D,
  type Grid,
  type KernelOp,
} from '../kernels/ops.ts';
import { SOBEL_X_GRID, SOBEL_Y_GRID } from '../kernels/presets.ts';
import { editedSpec, raise, store, updateSpec } from './store.ts';

/** Most filters the editor lets a person add (the core allows MAX_FILTERS). */
export const MAX_EDITOR_FILTERS = 16;

function copyGrid(grid: Grid): Grid {
  return grid.map((row) => [...row]);
}

/** Resizes every filter except `keep` to kh x kw (centre-aligned), so the spec keeps one size. */
function fitOthers(draft: LayerSpec, keep: number, kh: number, kw: number): void {
  draft.filters.forEach((f, i) => {
    if (i === keep) return;
    const [h, w] = sizeOf(f.weights);
    if (h !== kh || w !== kw) f.weights = resizeWeights(f.weights, kh, kw);
  });
}

/**
 * Sets one weight. Without `channel`, a 3-D filter gets the value in every channel. With a channel (the R,
 * G, B slices of an RGB layer), a 2-D filter first becomes kh x kw x 3 with its values in every channel.
 */
export function setFilterCell(
  filter: number,
  row: number,
  col: number,
  value: number,
  channel?: number,
): boolean {
  return updateSpec((draft) => {
    const target = draft.filters[filter];
    if (!target || row >= target.weights.length || col >= (target.weights[0]?.length ?? 0)) return;
    if (channel !== undefined && draft.channels === 'rgb' && !is3D(target.weights)) {
      target.weights = to3D(target.weights, 3);
    }
    const line = target.weights[row];
    const cell = line?.[col];
    if (Array.isArray(cell)) {
      if (channel === undefined || channel >= cell.length) cell.fill(value);
      else cell[channel] = value;
    } else if (line) (line as number[])[col] = value;
  });
}

/** Every filter to kh x kw, keeping the values that fit (centre-aligned); new cells are 0. */
export function resizeKernels(kh: number, kw: number): boolean {
  if (![kh, kw].every((k) => Number.isInteger(k) && k >= MIN_SIDE && k <= MAX_SIDE)) return false;
  return updateSpec((draft) => {
    draft.filters.forEach((f) => (f.weights = resizeWeights(f.weights, kh, kw)));
  });
}

function currentSize(): [number, number] {
  const first = editedSpec(store.getState()).filters[0];
  return first ? sizeOf(first.weights) : [3, 3];
}

/** Appends an identity filter of the current size; returns its index, or -1 when refused. */
export function addFilter(): number {
  const count = editedSpec(store.getState()).filters.length;
  if (count >= MAX_EDITOR_FILTERS) return -1;
  const [kh, kw] = currentSize();
  return updateSpec((draft) => void draft.filters.push({ weights: identity(kh, kw), bias: 0 })) ? count : -1;
}

/** Inserts a copy of filter `index` right after it; returns the copy's index, or -1 when refused. */
export function duplicateFilter(index: number): number {
  const { filters } = editedSpec(store.getState());
  if (filters.length >= MAX_EDITOR_FILTERS || !filters[index]) return -1;
  return updateSpec((draft) => {
    const copy = structuredClone(draft.filters[index]);
    if (copy) draft.filters.splice(index + 1, 0, copy);
  })
    ? index + 1
    : -1;
}

/** Removes filter `index`; the last filter cannot be removed. */
export function removeFilter(index: number): boolean {
  const { filters } = editedSpec(store.getState());
  if (filters.length <= 1 || !filters[index]) return false;
  return updateSpec((draft) => void draft.filters.splice(index, 1));
}

export function setBias(index: number, bias: number): boolean {
  return updateSpec((draft) => {
    const target = draft.filters[index];
    if (target) target.bias = bias;
  });
}

/** false: cross-correlation (what deep-learning frameworks compute); true: true convolution. */
export function setFlip(flip: boolean): boolean {
  return updateSpec((draft) => void (draft.flip = flip));
}

/**
 * Whether `op` can run on filter `index`: normalising by a sum of 0 cannot, and neither can transposing or
 * rotating a non-square kernel while other filters share its size.
 */
export function opProblem(spec: LayerSpec, index: number, op: KernelOp): 'zeroSum' | 'sharedShape' | null {
  const weights = spec.filters[index]?.weights;
  if (!weights) return null;
  const [kh, kw] = sizeOf(weights);
  if (swapsShape(op) && kh !== kw && spec.filters.length > 1) return 'sharedShape';
  if (op === 'normalizeSum' && applyOp(weights, op) === null) return 'zeroSum';
  return null;
}

/** Applies a kernel operation (ops.ts) to filter `index`, in every channel. */
export function applyKernelOp(index: number, op: KernelOp, random: () => number = Math.random): boolean {
  const spec = editedSpec(store.getState());
  const weights = spec.filters[index]?.weights;
  if (!weights || opProblem(spec, index, op)) return false;
  const next = applyOp(weights, op, random);
  if (!next) return false;
  return updateSpec((draft) => {
    const target = draft.filters[index];
    if (target) target.weights = next;
  });
}

/**
 * Puts `weights` (and `bias`, when given) into filter `index`. A 3-D kernel needs the RGB layer. When its
 * size differs, the other filters are resized to match (centre-aligned).
 */
export function setFilterWeights(index: number, weights: Weights, bias?: number): boolean {
  const spec = editedSpec(store.getState());
  if (!spec.filters[index]) return false;
  const depth = depthOf(weights);
  if (depth > 1 && (depth !== inputDepth(spec) || isDepthwise(spec))) {
    raise({ key: 'kernel.needsRgb' });
    return false;
  }
  const [kh, kw] = sizeOf(weights);
  return updateSpec((draft) => {
    const target = draft.filters[index];
    if (!target) return;
    target.weights = structuredClone(weights);
    if (bias !== undefined) target.bias = bias;
    fitOthers(draft, index, kh, kw);
  });
}

/** A preset (a 2-D kernel) into filter `index`, for every channel; the bias is kept. */
export function applyPreset(index: number, grid: Grid): boolean {
  return setFilterWeights(index, copyGrid(grid));
}

/** The filters become exactly [Sobel x, Sobel y] (biases 0): the pair whose magnitude √(h² + v²) finds edges. */
export function setSobelPair(): boolean {
  return updateSpec((draft) => {
    draft.filters = [
      { weights: copyGrid(SOBEL_X_GRID), bias: 0 },
      { weights: copyGrid(SOBEL_Y_GRID), bias: 0 },
    ];
  });
}
