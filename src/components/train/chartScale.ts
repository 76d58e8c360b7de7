/**
 * Pure helpers of the training views: axis ticks (nice linear steps, log decades), decimation of long
 * series, an exponential moving average, and the shared diverging colour of a signed value. No React, no
 * DOM, so the unit tests (tests/unit/chartScale.test.ts) run them in Node.
 */
import { sampleColormap } from '../../render/colormap.ts';

export type Point = readonly [number, number];

/** Linear ticks at 1, 2 or 5 × 10^k covering [lo, hi] (at most about `count` of them). */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) return [lo];
  const step = niceStep((hi - lo) / Math.max(1, count));
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const ticks: number[] = [];
  // Multiply an integer by the step each time: adding the step up accumulates 0.30000000000000004.
  for (let i = first; i <= last; i++) ticks.push(roundTo(i * step, step));
  return ticks;
}

/** The smallest 1, 2 or 5 × 10^k at least `raw`. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

function roundTo(value: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const rounded = Number(value.toFixed(Math.min(digits, 15)));
  return rounded === 0 ? 0 : rounded;
}

/** [lo, hi] widened to nice steps, so the axis ends on a tick. */
export function niceLinearDomain(lo: number, hi: number, count = 5): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) return lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi)];
  const step = niceStep((hi - lo) / Math.max(1, count));
  return [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step];
}

/** [lo, hi] (both > 0) widened to whole decades; a series of zeros or negatives gets [0.1, 1]. */
export function logDomain(lo: number, hi: number): [number, number] {
  if (!(lo > 0) || !(hi > 0) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [0.1, 1];
  const a = Math.floor(Math.log10(lo) + 1e-9);
  let b = Math.ceil(Math.log10(hi) - 1e-9);
  if (b === a) b = a + 1;
  return [10 ** a, 10 ** b];
}

/**
 * Log ticks: every decade in [lo, hi]; when that gives fewer than three, 2 and 5 of each decade too. A
 * span too many decades to label keeps every other one (or fewer) so at most `most` remain.
 */
export function logTicks(lo: number, hi: number, most = 8): number[] {
  if (!(lo > 0) || !(hi > lo)) return lo > 0 ? [lo] : [];
  const a = Math.ceil(Math.log10(lo) - 1e-9);
  const b = Math.floor(Math.log10(hi) + 1e-9);
  const decades: number[] = [];
  for (let k = a; k <= b; k++) decades.push(decade(k));
  if (decades.length >= 3) {
    const every = Math.ceil(decades.length / most);
    return decades.filter((_, i) => (b - (a + i)) % every === 0);
  }
  const ticks: number[] = [];
  for (let k = a - 1; k <= b; k++) {
    for (const m of [1, 2, 5]) {
      const v = m * decade(k);
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(Number(v.toPrecision(12)));
    }
  }
  return ticks;
}

/** Unlabelled grid lines of a log axis: 2 and 5 times each decade in [lo, hi], when it spans few decades. */
export function logMinorTicks(lo: number, hi: number, mostDecades = 4): number[] {
  if (!(lo > 0) || !(hi > lo) || Math.log10(hi / lo) > mostDecades) return [];
  const labelled = new Set(logTicks(lo, hi));
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k < Math.ceil(Math.log10(hi)); k++) {
    for (const m of [2, 5]) {
      const v = Number((m * decade(k)).toPrecision(12));
      if (v > lo && v < hi && !labelled.has(v)) ticks.push(v);
    }
  }
  return ticks;
}

/** 10^k exactly as written in decimal (10 ** -3 is 0.0010000000000000002). */
function decade(k: number): number {
  return Number(`1e${k}`);
}

/** A tick or last value for people: 3 significant digits at most, a real minus sign, 1e−5 when tiny. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const size = Math.abs(value);
  let text: string;
  if (size >= 1e-4 && size < 1e6) {
    text = String(Number(value.toPrecision(3)));
  } else {
    const [mantissa, exponent] = value.toExponential(2).split('e');
    const m = String(Number(mantissa));
    text = `${m === '1' ? '1' : m === '-1' ? '-1' : m}e${Number(exponent)}`;
  }
  return text.replace(/-/g, '−');
}

/**
 * At most `most` points with the shape kept: the points split into equal buckets by position, each
 * bucket keeps its lowest and highest point (in x order), so a loss spike survives the thinning. The
 * first and last points are always kept.
 */
export function decimate<P extends Point>(points: readonly P[], most = 500): P[] {
  if (points.length <= most) return points.slice();
  const buckets = Math.max(1, Math.floor((most - 2) / 2));
  const inner = points.length - 2;
  const out: P[] = [points[0]!];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (end <= start) continue;
    let low = start;
    let high = start;
    for (let i = start + 1; i < end; i++) {
      if (points[i]![1] < points[low]![1]) low = i;
      if (points[i]![1] > points[high]![1]) high = i;
    }
    if (low === high) out.push(points[low]!);
    else if (low < high) out.push(points[low]!, points[high]!);
    else out.push(points[high]!, points[low]!);
  }
  out.push(points[points.length - 1]!);
  return out;
}

/**
 * An exponential moving average of y, debiased as Adam's moments are (TensorBoard's smoothing), so the
 * first points are not pulled towards 0. `weight` 0 gives the series back, near 1 a flat line.
 */
export function smooth(points: readonly Point[], weight = 0.9): Array<[number, number]> {
  let average = 0;
  let norm = 0;
  const out: Array<[number, number]> = [];
  for (const [x, y] of points) {
    if (!Number.isFinite(y)) continue;
    average = weight * average + (1 - weight) * y;
    norm = weight * norm + (1 - weight);
    out.push([x, average / norm]);
  }
  return out;
}

/**
 * The colour of a signed value on the page's diverging map (blue < 0 < red), symmetric about 0: `limit`
 * (the largest |value| of everything drawn together) is full blue or full red.
 */
export function divergingColour(value: number, limit: number): [number, number, number] {
  const t = limit > 0 ? 0.5 + value / (2 * limit) : 0.5;
  const [r, g, b] = sampleColormap('diverging', t);
  return [Math.round(r * 255), Math.round(g * 255), Math.round(b * 255)];
}

/** The largest |value| of an array (0 for an empty one), the shared limit of a diverging scale. */
export function maxAbs(values: ArrayLike<number>): number {
  let most = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]!);
    if (v > most) most = v;
  }
  return most;
}
