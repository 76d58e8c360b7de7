/**
 * The backend rule, as a pure function: per-sample times of each backend (for the layer and image in
 * use) in, the backend to use and why out. On a hardware WebGL the fastest median wins (a near tie goes
 * to the earlier of webgl, wasm, cpu). On a software WebGL (SwiftShader, llvmpipe…), which computes on
 * the CPU and slows down far more than wasm as images grow, wasm (or cpu) is kept unless webgl is faster
 * by `SOFTWARE_MARGIN` in every sample.
 */
import type { BackendName } from '../store/index.ts';

/** How much faster a software WebGL must be than the best other backend, in every sample, to be used. */
const SOFTWARE_MARGIN = 1.5;
/** Medians within this ratio are a tie (timing noise), settled by the order webgl, wasm, cpu. */
const TIE_RATIO = 1.1;

const ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** Milliseconds of each timed sample (sample i of every backend taken under the same conditions). */
export type Samples = Partial<Record<BackendName, readonly number[]>>;

/**
 * Why: `fastest` (hardware WebGL or none: the lowest median), `software` (WebGL is software, another
 * backend kept), `margin` (WebGL is software yet faster by the margin in every sample), `only` (the one
 * backend that started).
 */
export type ChoiceReason = 'fastest' | 'software' | 'margin' | 'only';

export interface Choice {
  name: BackendName;
  why: ChoiceReason;
  /** For `software` and `margin`: the backend webgl was compared with. */
  rival: BackendName | null;
  /** Median milliseconds per backend that gave samples, in the order webgl, wasm, cpu. */
  medians: Array<{ name: BackendName; ms: number }>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Infinity;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The lowest median among `names`, a near tie (TIE_RATIO) going to the earliest in ORDER. */
function fastestOf(medians: Choice['medians'], names: readonly BackendName[]): BackendName | null {
  const pool = medians.filter((m) => names.includes(m.name));
  const best = Math.min(...pool.map((m) => m.ms));
  return pool.find((m) => m.ms <= best * TIE_RATIO)?.name ?? null;
}

/** Applies the rule (see the file's comment). Throws when no backend gave a sample. */
export function chooseBackend(samples: Samples, software: boolean): Choice {
  const medians = ORDER.flatMap((name) => {
    const times = (samples[name] ?? []).filter((t) => Number.isFinite(t) && t >= 0);
    return times.length > 0 ? [{ name, ms: median(times) }] : [];
  });
  const names = medians.map((m) => m.name);
  const first = names[0];
  if (first === undefined) throw new Error('no backend gave a timing');
  if (names.length === 1) return { name: first, why: 'only', rival: null, medians };
  if (!software || !names.includes('webgl')) {
    return { name: fastestOf(medians, names) ?? first, why: 'fastest', rival: null, medians };
  }
  const rival = fastestOf(
    medians,
    names.filter((n) => n !== 'webgl'),
  ) as BackendName;
  const webgl = samples.webgl ?? [];
  const other = samples[rival] ?? [];
  const paired = Math.min(webgl.length, other.length);
  let clear = paired > 0;
  for (let i = 0; i < paired; i++) {
    if (!((other[i] as number) >= SOFTWARE_MARGIN * (webgl[i] as number))) clear = false;
  }
  return clear
    ? { name: 'webgl', why: 'margin', rival, medians }
    : { name: rival, why: 'software', rival, medians };
}

/** "webgl 41 ms · wasm 3.2 ms · cpu 9.5 ms": the medians, as the status line shows them. */
export function formatMedians(medians: Choice['medians']): string {
  return medians.map((m) => `${m.name} ${formatMs(m.ms)}`).join(' · ');
}

function formatMs(ms: number): string {
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}
