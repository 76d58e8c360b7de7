/**
 * Kernel maths for the editor, as pure functions (no React, no store): reading and writing cells of a
 * 2-D or 3-D filter, resizing, and the kernel operations (normalise, negate, transpose, rotate, randomise,
 * reset). A 2-D kernel is a `Grid` (kh x kw); a 3-D one is kh x kw x C, `weights[row][col][channel]`, and
 * the grid operations apply to each channel slice.
 */
import { kernelShape, type Weights } from '../core/index.ts';

/** One kh x kw slice of weights. */
export type Grid = number[][];

/** Smallest and largest kernel side the editor offers (the core allows up to MAX_KERNEL_SIZE). */
export const MIN_SIDE = 1;
export const MAX_SIDE = 11;

/** Below this, a kernel's sum counts as 0 and "Normalize by the sum" is not offered. */
export const SUM_EPSILON = 1e-9;

export type KernelOp =
  'normalizeSum' | 'normalizeCount' | 'negate' | 'transpose' | 'rotate90' | 'randomize' | 'reset';

export const KERNEL_OPS: readonly KernelOp[] = [
  'normalizeSum',
  'normalizeCount',
  'negate',
  'transpose',
  'rotate90',
  'randomize',
  'reset',
];

/**
 * Drops floating-point noise from sums of steps (0.1 + 0.2 is 0.3, not 0.30000000000000004) and negative
 * zero. Only for values made by adding steps (scrubbing, random tenths): divisions keep full precision, so
 * dividing nine 1s by 9 gives exactly the box blur's 1/9.
 */
export function tidy(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return 0;
  const rounded = Number(value.toPrecision(15));
  return rounded === 0 ? 0 : rounded;
}

/** -0 to 0 (it would otherwise be written "-0" in JSON by some tools and compare oddly). */
function noNegZero(value: number): number {
  return value === 0 ? 0 : value;
}

export function is3D(weights: Weights): weights is number[][][] {
  return Array.isArray(weights[0]?.[0]);
}

/** kh and kw of a filter. */
export function sizeOf(weights: Weights): [number, number] {
  const { kh, kw } = kernelShape(weights);
  return [kh, kw];
}

/** Channels a filter holds: 0 for a 2-D kernel, else the depth. */
export function depthOf(weights: Weights): number {
  return kernelShape(weights).depth;
}

/** The channel slices of a filter: one grid for a 2-D kernel, C grids for kh x kw x C. */
export function slicesOf(weights: Weights): Grid[] {
  if (!is3D(weights)) return [weights.map((row) => [...row])];
  const depth = depthOf(weights);
  return Array.from({ length: depth }, (_, ch) => weights.map((row) => row.map((cell) => cell[ch] ?? 0)));
}

/** Joins channel slices back into kh x kw x C weights (a single slice gives a 2-D kernel). */
export function fromSlices(slices: readonly Grid[]): Weights {
  const first = slices[0] ?? [[0]];
  if (slices.length === 1) return first.map((row) => [...row]);
  return first.map((row, r) => row.map((_, c) => slices.map((s) => s[r]?.[c] ?? 0)));
}

/** Applies a grid operation to every channel slice, keeping a 2-D kernel 2-D and a 3-D one 3-D. */
export function mapSlices(weights: Weights, op: (grid: Grid, channel: number) => Grid): Weights {
  if (!is3D(weights)) return op(weights, 0);
  return fromSlices(slicesOf(weights).map(op));
}

/** A 2-D kernel repeated in `depth` channels (a 3-D kernel is returned as is). */
export function to3D(weights: Weights, depth = 3): number[][][] {
  if (is3D(weights)) return weights.map((row) => row.map((cell) => [...cell]));
  return weights.map((row) => row.map((v) => Array<number>(depth).fill(v)));
}

/** True when every channel slice of a 3-D kernel holds the same weights (or the kernel is 2-D). */
export function slicesEqual(weights: Weights): boolean {
  if (!is3D(weights)) return true;
  return weights.every((row) => row.every((cell) => cell.every((v) => v === cell[0])));
}

/** A 2-D kernel from any filter: itself, or the common slice when all slices are equal, else null. */
export function as2D(weights: Weights): Grid | null {
  if (!is3D(weights)) return weights;
  return slicesEqual(weights) ? weights.map((row) => row.map((cell) => cell[0] ?? 0)) : null;
}

/** The weight at (row, col) of `channel` (a 2-D kernel has the same weight in every channel). */
export function cellAt(weights: Weights, row: number, col: number, channel = 0): number {
  const cell = weights[row]?.[col];
  if (Array.isArray(cell)) return cell[channel] ?? cell[0] ?? 0;
  return cell ?? 0;
}

export function zeros(kh: number, kw: number): Grid {
  return Array.from({ length: kh }, () => Array<number>(kw).fill(0));
}

/**
 * The centre cell of a kh x kw kernel: floor((k - 1) / 2) on each axis. With TensorFlow's "same" padding
 * (top/left = floor((k - 1) / 2)) a 1 there copies the image exactly, for odd and even sizes alike.
 */
export function centreOf(kh: number, kw: number): [number, number] {
  return [Math.floor((kh - 1) / 2), Math.floor((kw - 1) / 2)];
}

/** 1 at the centre, 0 elsewhere: the kernel that copies its input (the default of any size). */
export function identity(kh: number, kw: number): Grid {
  const grid = zeros(kh, kw);
  const [cr, cc] = centreOf(kh, kw);
  const row = grid[cr];
  if (row) row[cc] = 1;
  return grid;
}

/**
 * The grid at a new size, centre-aligned: the centre cell (see `centreOf`) stays the centre, values that
 * still fit are kept, new cells are 0. So `resize(identity(3, 3), 5, 5)` is `identity(5, 5)`.
 */
export function resizeGrid(grid: Grid, kh: number, kw: number): Grid {
  const [oh, ow] = [grid.length, grid[0]?.length ?? 0];
  const [dr, dc] = [centreOf(kh, kw)[0] - centreOf(oh, ow)[0], centreOf(kh, kw)[1] - centreOf(oh, ow)[1]];
  return Array.from({ length: kh }, (_, r) =>
    Array.from({ length: kw }, (_, c) => grid[r - dr]?.[c - dc] ?? 0),
  );
}

/** Every channel slice resized, centre-aligned (see `resizeGrid`). */
export function resizeWeights(weights: Weights, kh: number, kw: number): Weights {
  return mapSlices(weights, (g) => resizeGrid(g, kh, kw));
}

export function sum(grid: Grid): number {
  return grid.reduce((acc, row) => acc + row.reduce((a, v) => a + v, 0), 0);
}

/** The sum of every weight of a filter, over all channels. */
export function weightsSum(weights: Weights): number {
  return slicesOf(weights).reduce((acc, g) => acc + sum(g), 0);
}

function divide(grid: Grid, by: number): Grid {
  return grid.map((row) => row.map((v) => noNegZero(v / by)));
}

/**
 * Each weight divided by the sum of all weights of the filter (over every channel), so they add up to 1
 * and a flat image keeps its brightness. Null when the sum is 0 (an edge detector): nothing to divide by.
 */
export function normalizeBySum(weights: Weights): Weights | null {
  const total = weightsSum(weights);
  if (Math.abs(total) < SUM_EPSILON) return null;
  return mapSlices(weights, (g) => divide(g, total));
}

/** Each weight divided by the number of cells kh x kw, as the course notes do for an average (all 1s to 1/9). */
export function normalizeByCount(weights: Weights): Weights {
  const [kh, kw] = sizeOf(weights);
  return mapSlices(weights, (g) => divide(g, kh * kw));
}

export function negate(weights: Weights): Weights {
  return mapSlices(weights, (g) => g.map((row) => row.map((v) => (v === 0 ? 0 : -v))));
}

/** Rows become columns: a kh x kw kernel becomes kw x kh (Sobel x becomes Sobel y). */
export function transposeGrid(grid: Grid): Grid {
  const [kh, kw] = [grid.length, grid[0]?.length ?? 0];
  return Array.from({ length: kw }, (_, r) => Array.from({ length: kh }, (_, c) => grid[c]?.[r] ?? 0));
}

/** A quarter turn clockwise: kh x kw becomes kw x kh; the top row becomes the right column. */
export function rotate90Grid(grid: Grid): Grid {
  const [kh, kw] = [grid.length, grid[0]?.length ?? 0];
  return Array.from({ length: kw }, (_, r) =>
    Array.from({ length: kh }, (_, c) => grid[kh - 1 - c]?.[r] ?? 0),
  );
}

/** Half a turn: what true convolution (flip) applies instead of the kernel as typed. */
export function rotate180Grid(grid: Grid): Grid {
  return grid.map((row) => [...row].reverse()).reverse();
}

export function rotate180(weights: Weights): Weights {
  return mapSlices(weights, rotate180Grid);
}

/** Random weights from -1 to 1 in steps of 0.1 (like a freshly initialised layer), each slice its own. */
export function randomGrid(kh: number, kw: number, random: () => number = Math.random): Grid {
  return Array.from({ length: kh }, () =>
    Array.from({ length: kw }, () => tidy(Math.round((random() * 2 - 1) * 10) / 10)),
  );
}

/**
 * The result of a kernel operation on a filter, or null when it does not apply (normalising by a sum
 * of 0). Transpose and rotation swap kh and kw.
 */
export function applyOp(weights: Weights, op: KernelOp, random: () => number = Math.random): Weights | null {
  const [kh, kw] = sizeOf(weights);
  switch (op) {
    case 'normalizeSum':
      return normalizeBySum(weights);
    case 'normalizeCount':
      return normalizeByCount(weights);
    case 'negate':
      return negate(weights);
    case 'transpose':
      return mapSlices(weights, transposeGrid);
    case 'rotate90':
      return mapSlices(weights, rotate90Grid);
    case 'randomize':
      return mapSlices(weights, () => randomGrid(kh, kw, random));
    case 'reset':
      return mapSlices(weights, () => identity(kh, kw));
  }
}

/** Whether an operation changes the kernel's shape (kh x kw to kw x kh). */
export function swapsShape(op: KernelOp): boolean {
  return op === 'transpose' || op === 'rotate90';
}
