/**
 * One output pixel written out with its real numbers, for the inspector: which filter and input channels a
 * feature-map pixel uses, its receptive field in input coordinates (padded cells included), every tap's
 * input value, weight and product, the sum, the bias and the activation; for a pooling pixel, the pool
 * window over the feature map, the winner of the max and what was averaged.
 *
 * Pure TypeScript over plain arrays (no tfjs, no DOM): it follows docs/spec.md exactly, with the
 * same padding rules as padding.ts (zeros, reflect without repeating the edge, replicate) and the sizes
 * and pads of `layerGeometry`. Sums are accumulated in float64, in tap order.
 */
import type { LayerGeometry } from './geometry.ts';
import {
  kernelShape,
  mapsPerFilter,
  type Activation,
  type LayerSpec,
  type PadMode,
  type Weights,
} from './spec.ts';
import type { Stage } from './stage.ts';

/** The layer input on the CPU: row-major [H, W, C], C = 1 (gray, luma) or 3 (RGB), values 0..255. */
export interface LayerInputValues {
  data: ArrayLike<number>;
  height: number;
  width: number;
  channels: number;
}

/** A rectangle of cells: top-left corner (may be negative or beyond the image) and size. */
export interface CellRect {
  top: number;
  left: number;
  height: number;
  width: number;
}

/** One tap of the kernel over the input. */
export interface Tap {
  /** Kernel row and column (0-based) of the weight as applied (after the flip, if any). */
  row: number;
  col: number;
  /** Input coordinate of the tap (0-based); outside 0..H-1 / 0..W-1 when it falls in the padding. */
  y: number;
  x: number;
  padded: boolean;
  /** The image pixel whose value a padded cell repeats (reflect, replicate); null for zeros. */
  source: { y: number; x: number } | null;
  value: number;
  weight: number;
  product: number;
}

/** The taps over one input channel and their sum (without the bias). */
export interface ChannelTerm {
  /** Input channel index (0 for gray; 0, 1, 2 = R, G, B otherwise). */
  channel: number;
  taps: Tap[];
  sum: number;
}

export interface ConvExplanation {
  kind: 'conv';
  stage: 'preActivation' | 'features';
  map: number;
  y: number;
  x: number;
  channels: LayerSpec['channels'];
  filter: number;
  /** The input channel of an `rgb-per-channel` map (map % 3); null when the filter sees all channels. */
  channel: number | null;
  flip: boolean;
  padMode: PadMode;
  kernel: [number, number];
  dilation: [number, number];
  /** The receptive field in input coordinates: top-left of the window and its effective size. */
  window: CellRect;
  /** One term for gray and rgb-per-channel, three (R, G, B) for rgb. */
  terms: ChannelTerm[];
  /** Taps (over all channels) that read the padding. */
  paddedTaps: number;
  /** Sum of every product, before the bias. */
  sum: number;
  bias: number;
  preActivation: number;
  activation: Activation;
  /** The activated value: the feature map's value (or the pre-activation value on that stage). */
  value: number;
}

export interface PoolCell {
  /** Feature-map coordinate (0-based), always inside the map: pool padding cells are left out. */
  y: number;
  x: number;
  value: number;
}

export interface PoolExplanation {
  kind: 'pool';
  stage: 'maxPool' | 'avgPool';
  map: number;
  y: number;
  x: number;
  /** The pool window in feature-map coordinates (may reach into the pool's SAME padding). */
  window: CellRect;
  /** The window's cells inside the feature map, row by row. */
  cells: PoolCell[];
  /** Window cells in the pool padding: ignored, never the max, never counted. */
  paddedCells: number;
  /** Index in `cells` of the maximum (the first one on a tie). */
  winner: number;
  max: number;
  sum: number;
  count: number;
  average: number;
  /** The stage's value: `max` or `average`. */
  value: number;
  /** The union of the receptive fields of the window's cells, in input coordinates. */
  receptiveField: CellRect;
}

export type Explanation = ConvExplanation | PoolExplanation;

/** The output map size of a stage. */
export function stageSize(geometry: LayerGeometry, stage: Stage): { height: number; width: number } {
  return stage === 'maxPool' || stage === 'avgPool' ? geometry.pool : geometry.conv;
}

/** Which filter and input channel map m uses: filter ⌊m/3⌋ on channel m % 3 for rgb-per-channel. */
export function mapSource(spec: LayerSpec, map: number): { filter: number; channel: number | null } {
  const per = mapsPerFilter(spec);
  if (per > 1) return { filter: Math.floor(map / per), channel: map % per };
  return { filter: map, channel: null };
}

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

function weightAt(weights: Weights, r: number, c: number, ch: number): number {
  const cell = (weights[r] as Array<number | number[]>)[c] as number | number[];
  return typeof cell === 'number' ? cell : (cell[ch] as number);
}

export function activate(kind: Activation, x: number): number {
  switch (kind) {
    case 'none':
      return x;
    case 'relu':
      return x > 0 ? x : 0;
    case 'abs':
      return Math.abs(x);
    case 'clip':
      return x < 0 ? 0 : x > 255 ? 255 : x;
  }
}

/** The receptive field of feature-map pixel (y, x): the window of input cells its kernel covers. */
export function convWindow(geometry: LayerGeometry, spec: LayerSpec, y: number, x: number): CellRect {
  return {
    top: y * spec.stride[0] - geometry.pads.top,
    left: x * spec.stride[1] - geometry.pads.left,
    height: geometry.kernelEff[0],
    width: geometry.kernelEff[1],
  };
}

/** The pool window of pooled pixel (y, x) in feature-map coordinates (pool padding included). */
export function poolWindow(geometry: LayerGeometry, spec: LayerSpec, y: number, x: number): CellRect {
  return {
    top: y * spec.pool.stride[0] - geometry.pool.pads.top,
    left: x * spec.pool.stride[1] - geometry.pool.pads.left,
    height: spec.pool.size[0],
    width: spec.pool.size[1],
  };
}

/** The part of a window that lies inside 0..height-1 × 0..width-1 (empty when it misses). */
export function clipRect(rect: CellRect, height: number, width: number): CellRect {
  const top = Math.max(rect.top, 0);
  const left = Math.max(rect.left, 0);
  const bottom = Math.min(rect.top + rect.height, height);
  const right = Math.min(rect.left + rect.width, width);
  return { top, left, height: Math.max(0, bottom - top), width: Math.max(0, right - left) };
}

/**
 * The receptive field of a pixel of any stage, in input coordinates: the conv window, or for a pool stage
 * the union of the conv windows of the pool window's cells inside the map. Needs no input values.
 */
export function receptiveField(
  geometry: LayerGeometry,
  spec: LayerSpec,
  stage: Stage,
  y: number,
  x: number,
): CellRect {
  if (stage === 'preActivation' || stage === 'features') return convWindow(geometry, spec, y, x);
  const cells = clipRect(poolWindow(geometry, spec, y, x), geometry.conv.height, geometry.conv.width);
  const first = convWindow(geometry, spec, cells.top, cells.left);
  const last = convWindow(geometry, spec, cells.top + cells.height - 1, cells.left + cells.width - 1);
  return {
    top: first.top,
    left: first.left,
    height: last.top + last.height - first.top,
    width: last.left + last.width - first.left,
  };
}

function checkInput(input: LayerInputValues, geometry: LayerGeometry): void {
  const { height, width, channels } = geometry.input;
  if (input.height !== height || input.width !== width || input.channels !== channels) {
    throw new Error(
      `explain: input is ${input.height} x ${input.width} x ${input.channels}, ` +
        `the layer expects ${height} x ${width} x ${channels}`,
    );
  }
}

function checkPixel(geometry: LayerGeometry, stage: Stage, map: number, y: number, x: number): void {
  const { height, width } = stageSize(geometry, stage);
  if (
    !Number.isInteger(map) ||
    !Number.isInteger(y) ||
    !Number.isInteger(x) ||
    map < 0 ||
    map >= geometry.conv.maps ||
    y < 0 ||
    y >= height ||
    x < 0 ||
    x >= width
  ) {
    throw new RangeError(
      `explain: ${stage} map ${map} pixel (${y}, ${x}) is outside ${height} x ${width} x ${geometry.conv.maps}`,
    );
  }
}

/**
 * The computation of feature-map pixel (y, x) of map `map`, tap by tap. `stage` only says which value is
 * "the" value: `features` (activated, the default) or `preActivation`.
 */
export function explainConv(
  input: LayerInputValues,
  spec: LayerSpec,
  geometry: LayerGeometry,
  map: number,
  y: number,
  x: number,
  stage: 'preActivation' | 'features' = 'features',
): ConvExplanation {
  checkInput(input, geometry);
  checkPixel(geometry, stage, map, y, x);
  const { filter, channel } = mapSource(spec, map);
  const f = spec.filters[filter] as LayerSpec['filters'][number];
  const { kh, kw } = kernelShape(f.weights);
  const [dy, dx] = spec.dilation;
  const window = convWindow(geometry, spec, y, x);
  const { height, width, channels: inC, data } = input;
  const channelList = channel !== null ? [channel] : Array.from({ length: inC }, (_, c) => c);

  let paddedTaps = 0;
  let total = 0;
  const terms: ChannelTerm[] = channelList.map((ch) => {
    const taps: Tap[] = [];
    let sum = 0;
    for (let r = 0; r < kh; r++) {
      const iy = window.top + r * dy;
      const sy = sourceIndex(iy, height, spec.padMode);
      for (let c = 0; c < kw; c++) {
        const ix = window.left + c * dx;
        const sx = sourceIndex(ix, width, spec.padMode);
        const padded = iy < 0 || iy >= height || ix < 0 || ix >= width;
        const inside = sy >= 0 && sx >= 0;
        const value = inside ? (data[(sy * width + sx) * inC + ch] as number) : 0;
        const weight = spec.flip
          ? weightAt(f.weights, kh - 1 - r, kw - 1 - c, ch)
          : weightAt(f.weights, r, c, ch);
        const product = weight * value;
        sum += product;
        if (padded) paddedTaps++;
        taps.push({
          row: r,
          col: c,
          y: iy,
          x: ix,
          padded,
          source: padded && inside ? { y: sy, x: sx } : null,
          value,
          weight,
          product,
        });
      }
    }
    total += sum;
    return { channel: ch, taps, sum };
  });

  const preActivation = total + f.bias;
  const activated = activate(spec.activation, preActivation);
  return {
    kind: 'conv',
    stage,
    map,
    y,
    x,
    channels: spec.channels,
    filter,
    channel,
    flip: spec.flip,
    padMode: spec.padMode,
    kernel: [kh, kw],
    dilation: [dy, dx],
    window,
    terms,
    paddedTaps,
    sum: total,
    bias: f.bias,
    preActivation,
    activation: spec.activation,
    value: stage === 'preActivation' ? preActivation : activated,
  };
}

/**
 * The feature-map value at (y, x) of map `map` (activated), without writing out the taps: the pool
 * explanation calls it once per window cell, so a large pool window of a large kernel stays cheap.
 */
function featureValue(
  input: LayerInputValues,
  spec: LayerSpec,
  geometry: LayerGeometry,
  map: number,
  y: number,
  x: number,
): number {
  const { filter, channel } = mapSource(spec, map);
  const f = spec.filters[filter] as LayerSpec['filters'][number];
  const { kh, kw } = kernelShape(f.weights);
  const [dy, dx] = spec.dilation;
  const top = y * spec.stride[0] - geometry.pads.top;
  const left = x * spec.stride[1] - geometry.pads.left;
  const { height, width, channels: inC, data } = input;
  const first = channel ?? 0;
  const last = channel ?? inC - 1;
  let acc = 0;
  for (let ch = first; ch <= last; ch++) {
    for (let r = 0; r < kh; r++) {
      const sy = sourceIndex(top + r * dy, height, spec.padMode);
      if (sy < 0) continue;
      for (let c = 0; c < kw; c++) {
        const sx = sourceIndex(left + c * dx, width, spec.padMode);
        if (sx < 0) continue;
        const weight = spec.flip
          ? weightAt(f.weights, kh - 1 - r, kw - 1 - c, ch)
          : weightAt(f.weights, r, c, ch);
        acc += weight * (data[(sy * width + sx) * inC + ch] as number);
      }
    }
  }
  return activate(spec.activation, acc + f.bias);
}

/** The computation of pooled pixel (y, x) of map `map`: the window's feature values, max and average. */
export function explainPool(
  input: LayerInputValues,
  spec: LayerSpec,
  geometry: LayerGeometry,
  stage: 'maxPool' | 'avgPool',
  map: number,
  y: number,
  x: number,
): PoolExplanation {
  checkInput(input, geometry);
  checkPixel(geometry, stage, map, y, x);
  const window = poolWindow(geometry, spec, y, x);
  const inside = clipRect(window, geometry.conv.height, geometry.conv.width);
  const cells: PoolCell[] = [];
  let winner = -1;
  let max = -Infinity;
  let sum = 0;
  for (let fy = inside.top; fy < inside.top + inside.height; fy++) {
    for (let fx = inside.left; fx < inside.left + inside.width; fx++) {
      const value = featureValue(input, spec, geometry, map, fy, fx);
      if (value > max) {
        max = value;
        winner = cells.length;
      }
      sum += value;
      cells.push({ y: fy, x: fx, value });
    }
  }
  const count = cells.length;
  const average = sum / count;
  return {
    kind: 'pool',
    stage,
    map,
    y,
    x,
    window,
    cells,
    paddedCells: window.height * window.width - count,
    winner,
    max,
    sum,
    count,
    average,
    value: stage === 'maxPool' ? max : average,
    receptiveField: receptiveField(geometry, spec, stage, y, x),
  };
}

/** Explains pixel (y, x) of map `map` on any stage. Throws a RangeError for a pixel outside the map. */
export function explainPixel(
  input: LayerInputValues,
  spec: LayerSpec,
  geometry: LayerGeometry,
  stage: Stage,
  map: number,
  y: number,
  x: number,
): Explanation {
  if (stage === 'maxPool' || stage === 'avgPool') return explainPool(input, spec, geometry, stage, map, y, x);
  return explainConv(input, spec, geometry, map, y, x, stage);
}
