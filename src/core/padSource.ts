import type { PadMode } from './spec.ts';

/**
 * Where padded position i (0-based, may be < 0 or >= size) reads its value: an index in 0..size-1, or -1
 * for a zero. Reflect mirrors without repeating the edge (needs pad <= size - 1, as `layerGeometry`
 * checks); replicate repeats the edge.
 */
export function sourceIndex(i: number, size: number, mode: PadMode): number {
  if (i >= 0 && i < size) return i;
  if (mode === 'zeros') return -1;
  if (mode === 'replicate') return i < 0 ? 0 : size - 1;
  return i < 0 ? -i : 2 * (size - 1) - i;
}
