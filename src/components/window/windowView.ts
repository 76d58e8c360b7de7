/**
 * What the sliding window draws, as plain numbers: which cells of a grid are in view (the whole grid when
 * small, a viewport that follows the window on a photo), each cell's fill and short text. No React here.
 */
import type { CellRect } from '../../core/cellWindows.ts';
import { sampleColormap } from '../../render/colormap.ts';

/** A grid up to this many cells a side is shown whole (a 28 × 28 image with its padding). */
export const WHOLE_GRID_CELLS = 34;
/** Otherwise this many cells a side around the window: readable numbers at the page's width. */
export const VIEW_CELLS = 17;
/** Cells left around a window larger than the viewport, so its edge stays visible. */
const MARGIN = 2;

/** One axis of what is in view: cells start..start+count-1, in the grid's own coordinates. */
export interface Span {
  start: number;
  count: number;
}

/**
 * The cells of an axis shown: all of first..first+size-1 when size is small, else a span of
 * VIEW_CELLS (or the window plus a margin) centred on the window and kept inside the grid.
 */
export function followSpan(first: number, size: number, focusStart: number, focusSize: number): Span {
  if (size <= WHOLE_GRID_CELLS) return { start: first, count: size };
  const count = Math.min(size, Math.max(VIEW_CELLS, focusSize + 2 * MARGIN));
  const centred = Math.round(focusStart + focusSize / 2 - count / 2);
  const start = Math.min(Math.max(centred, first), first + size - count);
  return { start, count };
}

/** The rows and columns in view of a grid around `focus`. */
export function followView(grid: CellRect, focus: CellRect): { rows: Span; cols: Span } {
  return {
    rows: followSpan(grid.top, grid.height, focus.top, focus.height),
    cols: followSpan(grid.left, grid.width, focus.left, focus.width),
  };
}

/** A cell's number in a few characters: "255", "12.3", "0.42", "−3.1k". */
export function shortNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  let text: string;
  if (size >= 10_000) text = `${(value / 1000).toFixed(0)}k`;
  else if (size >= 1000) text = `${(value / 1000).toFixed(1)}k`;
  else if (size >= 100 || Number.isInteger(value)) text = value.toFixed(0);
  else if (size >= 10) text = value.toFixed(1).replace(/\.0$/, '');
  else text = value.toFixed(2).replace(/\.?0+$/, '');
  if (/^-0(\.0*)?k?$/.test(text)) text = '0';
  return text.replace('-', '−');
}

/** A fill and a readable ink on it. */
export interface CellPaint {
  fill: string;
  ink: string;
}

function css([r, g, b]: readonly [number, number, number]): string {
  return `rgb(${Math.round(r * 255)} ${Math.round(g * 255)} ${Math.round(b * 255)})`;
}

function inkOn(r: number, g: number, b: number): string {
  return 0.299 * r + 0.587 * g + 0.114 * b > 0.55 ? '#1b1f24' : '#ffffff';
}

/** A gray pixel 0..255 as itself. */
export function grayPaint(value: number): CellPaint {
  const v = Math.min(Math.max(value / 255, 0), 1);
  return { fill: css([v, v, v]), ink: inkOn(v, v, v) };
}

/** An RGB pixel 0..255 as its colour. */
export function rgbPaint(r: number, g: number, b: number): CellPaint {
  const c = [r, g, b].map((v) => Math.min(Math.max(v / 255, 0), 1)) as [number, number, number];
  return { fill: css(c), ink: inkOn(...c) };
}

/** A signed value on the page's blue–white–red scale, ±`scale` at the ends. */
export function signedPaint(value: number, scale: number): CellPaint {
  const t = scale > 0 ? 0.5 + value / (2 * scale) : 0.5;
  const c = sampleColormap('diverging', t);
  return { fill: css(c), ink: inkOn(...c) };
}

/** The largest |x| of some values (1 when all are 0, so a blank map stays white). */
export function maxAbs(values: Iterable<number>): number {
  let m = 0;
  for (const v of values) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m > 0 ? m : 1;
}

/** A rectangle of cells as percentages of a grid of height × width, for a mark over a canvas. */
export function percentRect(rect: CellRect, height: number, width: number) {
  const p = (part: number, whole: number) => `${(100 * part) / whole}%`;
  return {
    top: p(rect.top, height),
    left: p(rect.left, width),
    height: p(rect.height, height),
    width: p(rect.width, width),
  };
}
