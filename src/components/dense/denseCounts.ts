/**
 * The numbers of "Dense against convolution" (DenseDemo.tsx), as plain data: the layer's input flattened
 * into a Dense layer of N units against the layer's own convolution, and the notes' 500 × 500 example.
 * No React, so tests/unit/denseVsConv.test.ts checks them against parameterCount.
 */
import {
  convParams,
  denseParams,
  isDepthwise,
  NOTES_DENSE_EXAMPLE,
  type LayerGeometry,
  type LayerSpec,
  type ParamCount,
} from '../../core/index.ts';

export interface DenseComparison {
  /** The layer's input: height, width and channels (maps, for a deeper layer). */
  input: { height: number; width: number; channels: number };
  /** The filter's rows and columns, the filters, and the maps (filters × channels for RGB per channel). */
  conv: { kh: number; kw: number; filters: number; maps: number };
  units: number;
  dense: ParamCount;
  convCount: ParamCount;
  notes: ParamCount;
}

/**
 * The layer's convolution as convParams counts it: a depthwise (RGB per channel) layer is one 1-channel
 * filter per map, so kh·kw·C·F weights and one bias per map, as parameterCount has it.
 */
export function layerConvParams(spec: LayerSpec, geometry: LayerGeometry): ParamCount {
  const [kh, kw] = geometry.kernel;
  const maps = geometry.conv.maps;
  return isDepthwise(spec)
    ? convParams(kh, kw, 1, maps)
    : convParams(kh, kw, geometry.input.channels, spec.filters.length);
}

export function compareDense(spec: LayerSpec, geometry: LayerGeometry, units: number): DenseComparison {
  const { height, width, channels } = geometry.input;
  const [kh, kw] = geometry.kernel;
  const { height: nh, width: nw, channels: nc, units: nu } = NOTES_DENSE_EXAMPLE;
  return {
    input: { height, width, channels },
    conv: { kh, kw, filters: spec.filters.length, maps: geometry.conv.maps },
    units,
    dense: denseParams(height, width, channels, units),
    convCount: layerConvParams(spec, geometry),
    notes: denseParams(nh, nw, nc, nu),
  };
}

/**
 * The slider's stops: 2^k, 1.25·2^k and 1.5·2^k up to `max` (1, 2, 3, 4, 5, 6, 8, 10, 12, 16, …, 128, …):
 * evenly spaced on a log scale, and the powers of two that layers are usually given are all on it.
 */
export function unitStops(max: number): number[] {
  const stops = new Set<number>();
  for (let p = 1; p <= max; p *= 2) {
    for (const m of [1, 1.25, 1.5]) {
      const v = p * m;
      if (Number.isInteger(v) && v <= max) stops.add(v);
    }
  }
  return [...stops].sort((a, b) => a - b);
}

/** The stop nearest `units` on a log scale (a typed 100 puts the slider between 96 and 128, at the nearer). */
export function nearestStop(stops: readonly number[], units: number): number {
  let best = 0;
  for (let i = 1; i < stops.length; i++) {
    const d = Math.abs(Math.log(stops[i]! / units));
    if (d < Math.abs(Math.log(stops[best]! / units))) best = i;
  }
  return best;
}

/** How many times `a` is `b`, as people read it: whole above 10, one decimal below (×2.5, ×0.4). */
export function ratio(a: number, b: number): number {
  const r = a / b;
  return r >= 10 ? Math.round(r) : Math.round(r * 10) / 10;
}
