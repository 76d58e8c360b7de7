/**
 * The translation test's numbers (docs/demos.md, "Stride against pooling"): how much a shrunk map changes
 * when the picture moves, as the mean |Δ| over the map and as a share of the unmoved map's mean |value|.
 * Pure: the demo reads the maps back (useChangeStats.ts) and hands the values here.
 */
import type { ShiftEdge } from '../../core/index.ts';
import type { Shift } from '../../engine/views.ts';
import type { ShiftDirection } from '../../store/index.ts';

/** The mean of |v| over `values` (0 for none), accumulated in float64. */
export function meanAbs(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.abs(values[i] as number);
  return sum / values.length;
}

export interface ChangeStats {
  /** Mean |Δ| over the shrunk map. */
  meanChange: number;
  /** Mean |value| of the unmoved shrunk map. */
  meanOutput: number;
  /** meanChange / meanOutput (0.25 = 25 %); null when the unmoved map is all zeros. */
  relative: number | null;
}

/** The numbers of one way from its |Δ| map and its unmoved map (same size). */
export function changeStats(change: ArrayLike<number>, unmoved: ArrayLike<number>): ChangeStats {
  const meanChange = meanAbs(change);
  const meanOutput = meanAbs(unmoved);
  return { meanChange, meanOutput, relative: meanOutput > 0 ? meanChange / meanOutput : null };
}

/** Rows down and columns right the picture moves for a direction and a shift in pixels. */
export function shiftOf(direction: ShiftDirection, pixels: number, edge: ShiftEdge): Shift {
  return {
    dy: direction === 'right' ? 0 : pixels,
    dx: direction === 'down' ? 0 : pixels,
    edge,
  };
}

/**
 * Bar lengths (0..1) on one scale for all ways: each value over the largest (at least `floor`, so tiny
 * changes stay short instead of filling the bar); null values give null.
 */
export function barLengths(values: readonly (number | null)[], floor = 0): (number | null)[] {
  const top = Math.max(floor, ...values.map((v) => v ?? 0));
  return values.map((v) => (v === null ? null : top > 0 ? v / top : 0));
}

/** A number with 4 significant digits, no trailing zeros, a real minus sign (what the bars write). */
export function formatStat(value: number): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  const text = size >= 1e4 ? Math.round(value).toString() : value.toPrecision(4);
  const clean = text.includes('e') ? value.toFixed(6) : text;
  return clean
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '')
    .replace('-', '−');
}

/** A share as a percentage with 3 significant digits ("8.13 %" is written by the message). */
export function formatPercent(share: number): string {
  return formatStat(Number((share * 100).toPrecision(3)));
}
