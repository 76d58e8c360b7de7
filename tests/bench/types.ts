/** Shared between the benchmark pages (browser) and their runner (Node). */
export interface BenchCase {
  size: number;
  channels: 'gray' | 'rgb';
  filters: number;
  /** Kernel side: 3 or 7 (any odd side works). */
  kernel: number;
  /**
   * A network (networkCase.ts): the filters of each layer, each a `kernel`² conv with ReLU and 2 × 2 max
   * pooling feeding the next. `filters` is then the first layer's. Absent: one layer, no activation.
   */
  layers?: number[];
}

/**
 * How a page measures one column of one case: `warmup` untimed edits (fewer if they already took half
 * the budget), then timed edits until `edits` are done, or `budgetMs` has passed and at least `minEdits`
 * are done. If the first warm-up edit alone took more than `skipMs`, the column stops there and reports
 * that one edit (`skipped`), so that a 4096² tfjs cpu cell cannot hold the run for minutes.
 */
export interface MeasureOptions {
  edits: number;
  minEdits: number;
  budgetMs: number;
  warmup: number;
  skipMs: number;
}

export interface Timing {
  /** Milliseconds per edit, in the order measured. */
  samples: number[];
  median: number;
  p95: number;
}

export interface CellResult {
  timing: Timing;
  warmupMs: number[];
  /** True when only the first warm-up edit was measured (it exceeded `skipMs`). */
  skipped: boolean;
  /** Page columns: pixel readbacks by the renderer per timed edit (0 is the webgl contract). */
  readbacksPerEdit?: number;
  /** tfjs columns: `tf.memory().numTensors` before and after the timed edits. */
  tensors?: [number, number];
  /** Page columns: canvases the App attached. */
  canvases?: number;
}

export interface LeakResult {
  edits: number;
  before: number;
  after: number;
  /** Bytes of tfjs's webgl textures before and after (0 on the other backends). */
  gpuBytes: [number, number];
}

export interface PageInfo {
  /** The tfjs backend in use (`opencv` / `js` for the columns without tfjs). */
  backend: string;
  /** Why the page picked it (BackendStatus.reason and detail), for the "as the page runs it" column. */
  reason: string | null;
  detail: string | null;
  renderer: string;
  userAgent: string;
  /**
   * OpenCV column: version and CPU baseline from `cv.getBuildInformation()`, load + compile time, and
   * the largest difference from the reference loop on small cases (every map and pool).
   */
  opencv?: { version: string; loadMs: number; baseline: string; maxAbsDiff: number };
}

export function caseName(c: BenchCase): string {
  if (c.layers)
    return `${c.size}² ${c.channels} ${c.layers.length} layers ${c.layers.join('-')}f ${c.kernel}×${c.kernel}`;
  return `${c.size}² ${c.channels} ${c.filters}f ${c.kernel}×${c.kernel}`;
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

const KERNELS_3: readonly (readonly (readonly number[])[])[] = [
  [
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ],
  [
    [-1, -2, -1],
    [0, 0, 0],
    [1, 2, 1],
  ],
  [
    [0, 1, 0],
    [1, -4, 1],
    [0, 1, 0],
  ],
  [
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ],
];

/**
 * Filter `f`'s 2-D kernel for a case: the four 3×3 classics (Sobel x, Sobel y, Laplacian, box), or for
 * other sides a deterministic kernel with no zero cell and no symmetry a backend could exploit.
 */
export function kernelFor(f: number, side: number): number[][] {
  if (side === 3) return (KERNELS_3[f % KERNELS_3.length] ?? KERNELS_3[0] ?? []).map((row) => [...row]);
  return Array.from({ length: side }, (_, i) =>
    Array.from({ length: side }, (_, j) => (((i * 3 + j * 5 + f * 7) % 7) - 3 + 0.5) / side),
  );
}

/** The value the i-th edit writes into filter 0's cell (1, 1): never the same twice in a row. */
export function editValue(i: number): number {
  return (i % 9) - 4 + 0.5;
}
