/**
 * Instrumentation: how many times the renderers copied tensor values to the CPU. A benchmark or test
 * resets the counts, edits, and asserts `pixels` stayed 0 on webgl (the GPU path never reads back).
 * `pixels` counts whole-image readbacks (the wasm/cpu drawing path, or a webgl fallback);
 * `scalars` counts the few-number readbacks of the legends' statistics (engine/stats.ts).
 */

export interface ReadbackCounts {
  pixels: number;
  scalars: number;
}

const counts: ReadbackCounts = { pixels: 0, scalars: 0 };

export function noteReadback(kind: keyof ReadbackCounts): void {
  counts[kind] += 1;
}

/** A snapshot of the counts since the page started or the last reset. */
export function readbackCounts(): ReadbackCounts {
  return { ...counts };
}

/** Pixel readbacks so far: 0 per edit on webgl is the contract. */
export function countReadbacks(): number {
  return counts.pixels;
}

export function resetReadbackCounts(): void {
  counts.pixels = 0;
  counts.scalars = 0;
}
