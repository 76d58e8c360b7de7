/**
 * One feature-map (or pre-activation) pixel written out with its real numbers: which filter and input
 * channels it uses, every tap's input value (padded cells by padding.ts's rules), weight as applied and
 * product, one sum per input channel (per input map, on a deeper layer), the bias and the activation.
 * Pure TypeScript over plain arrays, following docs/spec.md; sums accumulate in float64, in tap order.
 */
import { activateValue } from './activateValue.ts';
import { convWindow, type CellRect } from './cellWindows.ts';
import { checkInput, checkPixel, type LayerInputValues } from './explainInput.ts';
import type { LayerGeometry } from './geometry.ts';
import { sourceIndex } from './padSource.ts';
import {
  kernelShape,
  mapsPerFilter,
  type Activation,
  type LayerSpec,
  type PadMode,
  type Weights,
} from './spec.ts';

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
  /** Input channel index (0 for gray; 0, 1, 2 = R, G, B; a deeper layer's input map). */
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
  /** A 2-D filter: the same kh x kw weights on every input channel (map). */
  sameKernel: boolean;
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

/** Which filter and input channel map m uses: filter ⌊m/3⌋ on channel m % 3 for rgb-per-channel. */
export function mapSource(spec: LayerSpec, map: number): { filter: number; channel: number | null } {
  const per = mapsPerFilter(spec);
  if (per > 1) return { filter: Math.floor(map / per), channel: map % per };
  return { filter: map, channel: null };
}

function weightAt(weights: Weights, r: number, c: number, ch: number): number {
  const cell = (weights[r] as Array<number | number[]>)[c] as number | number[];
  return typeof cell === 'number' ? cell : (cell[ch] as number);
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
  const { kh, kw, depth } = kernelShape(f.weights);
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
  const activated = activateValue(spec.activation, preActivation);
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
    sameKernel: depth === 0,
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
export function featureValue(
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
  return activateValue(spec.activation, acc + f.bias);
}
