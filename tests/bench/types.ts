/** Shared between the benchmark page (browser) and its runner (Node). */
export interface BenchCase {
  size: number;
  channels: 'gray' | 'rgb';
  filters: number;
}

export interface Timing {
  /** Milliseconds per edit, in the order measured. */
  samples: number[];
  median: number;
  p95: number;
}

export interface EngineResult {
  timing: Timing;
  /** Pixel readbacks by the renderer per edit (0 is the webgl contract). */
  readbacksPerEdit: number;
  canvases: number;
}

export interface LeakResult {
  edits: number;
  before: number;
  after: number;
}

export interface PageInfo {
  backend: string;
  renderer: string;
  userAgent: string;
}

export function caseName(c: BenchCase): string {
  return `${c.size}² ${c.channels} ${c.filters}f`;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] ?? NaN)
      : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { samples, median, p95: at(0.95) };
}
