/**
 * Gaussian blur kernels: weights exp(-(x² + y²) / (2σ²)) around the centre, normalised to add up to 1,
 * and the reverse (`matchGaussian`): recognising such a kernel and recovering its size and σ.
 */
import type { Weights } from '../core/index.ts';
import { as2D, type Grid } from './ops.ts';

/** Sizes offered for a Gaussian (odd, so it has a centre cell). */
export const GAUSSIAN_SIZES = [3, 5, 7, 9, 11] as const;
export const GAUSSIAN_SIGMA = { min: 0.2, max: 5, step: 0.1 } as const;
export const DEFAULT_GAUSSIAN = { size: 5, sigma: 1 } as const;

export interface GaussianParams {
  size: number;
  sigma: number;
}

/** A size x size Gaussian with standard deviation `sigma` (in pixels), weights summing to 1. */
export function gaussianKernel(size: number, sigma: number): Grid {
  const centre = (size - 1) / 2;
  const raw = Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) =>
      Math.exp(-((r - centre) ** 2 + (c - centre) ** 2) / (2 * sigma * sigma)),
    ),
  );
  const total = raw.flat().reduce((a, b) => a + b, 0);
  return raw.map((row) => row.map((v) => v / total));
}

/**
 * The size and σ of `weights` if they are a Gaussian made by `gaussianKernel` (the same in every channel),
 * else null. σ comes from the centre and its right neighbour: w(0) / w(1) = exp(1 / (2σ²)).
 */
export function matchGaussian(weights: Weights | undefined): GaussianParams | null {
  if (!weights) return null;
  const grid = as2D(weights);
  const size = grid?.length ?? 0;
  if (!grid || size < 3 || size % 2 === 0 || grid.some((row) => row.length !== size)) return null;
  const c = (size - 1) / 2;
  const centre = grid[c]?.[c] ?? 0;
  const next = grid[c]?.[c + 1] ?? 0;
  if (!(centre > 0 && next > 0 && centre > next)) return null;
  const sigma = Math.sqrt(1 / (2 * Math.log(centre / next)));
  if (!Number.isFinite(sigma) || sigma <= 0) return null;
  const expected = gaussianKernel(size, sigma);
  const close = grid.every((row, r) =>
    row.every((v, k) => Math.abs(v - (expected[r]?.[k] ?? Number.NaN)) <= 1e-9 + 1e-6 * Math.abs(v)),
  );
  return close ? { size, sigma: Math.round(sigma * 100) / 100 } : null;
}
