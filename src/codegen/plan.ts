/**
 * What every code generator needs to know about the current layer, decided once: the weights as the
 * frameworks must receive them (rotated 180° when the page flips), the padding each framework can or cannot
 * express, the map order of a depthwise layer, and the shapes the code should print.
 */
import {
  isDepthwise,
  kernelShape,
  LUMA_WEIGHTS,
  mapsPerFilter,
  stridesAfterDilation,
  type Channels,
  type LayerGeometry,
  type LayerSpec,
  type PadMode,
  type Pads,
  type Weights,
} from '../core/index.ts';

/** The picture the snippet loads: a sample file (possibly cropped), or the person's own file. */
export interface CodeImage {
  /** File name to open, e.g. `fashion-mnist-9.png`. */
  file: string;
  /** What it is, for a comment. */
  label: string;
  /** [x, y, width, height] to cut out after loading, or null. */
  crop: [number, number, number, number] | null;
}

export interface CodePlan {
  spec: LayerSpec;
  geometry: LayerGeometry;
  image: CodeImage;
  channels: Channels;
  /** Input channels: 1 (gray), 3 (the image's R, G, B) or, deeper in a network, the maps fed in. */
  inC: number;
  /** Filters F, output maps M (F × inC for a depthwise layer). */
  filterCount: number;
  maps: number;
  kh: number;
  kw: number;
  depthwise: boolean;
  /**
   * The filters as the frameworks get them (after the flip): filters[f][row][col] when every filter is 2-D
   * (`depth` 0, shared by every input channel), else filters[f][row][col][channel] (`depth` = inC).
   */
  filters: number[][][] | number[][][][];
  depth: number;
  biases: number[];
  flip: boolean;
  pads: Pads;
  padMode: PadMode;
  /** The spec's padding is the string 'valid' or 'same' (a framework may take it as is). */
  namedPadding: 'valid' | 'same' | null;
  /** Top = bottom and left = right. */
  symmetric: boolean;
  anyPadding: boolean;
  /** Stride and dilation both above 1 somewhere: tfjs and Keras refuse it (convolve densely, then subsample). */
  dense: boolean;
  /**
   * Depthwise only: for each page map (f·3 + c), the framework's output channel (c·F + f): the frameworks
   * order a depthwise output by input channel first.
   */
  order: number[] | null;
  poolPads: Pads;
  poolAnyPadding: boolean;
  /** Why the pooling has no output (its window is larger than the map), or null: the code then makes none. */
  poolEmpty: string | null;
  luma: readonly [number, number, number];
}

function rotate<T>(rows: T[][], flip: boolean): T[][] {
  if (!flip) return rows.map((row) => [...row]);
  return rows
    .slice()
    .reverse()
    .map((row) => row.slice().reverse());
}

function hasPads(p: Pads): boolean {
  return p.top + p.bottom + p.left + p.right > 0;
}

export function makePlan(spec: LayerSpec, geometry: LayerGeometry, image: CodeImage): CodePlan {
  const [kh, kw] = geometry.kernel;
  const inC = geometry.input.channels;
  const depth = spec.filters.some((f) => kernelShape(f.weights).depth > 0) ? inC : 0;
  const expand = (weights: Weights): number[][][] =>
    (weights as (number | number[])[][]).map((row) =>
      row.map((cell) => (Array.isArray(cell) ? [...cell] : Array<number>(inC).fill(cell))),
    );
  const filters =
    depth === 0
      ? spec.filters.map((f) => rotate(f.weights as number[][], spec.flip))
      : spec.filters.map((f) => rotate(expand(f.weights), spec.flip));
  const depthwise = isDepthwise(spec);
  const count = spec.filters.length;
  const pads = geometry.pads;
  return {
    spec,
    geometry,
    image,
    channels: spec.channels,
    inC,
    filterCount: count,
    maps: geometry.conv.maps,
    kh,
    kw,
    depthwise,
    filters: filters as CodePlan['filters'],
    depth,
    biases: spec.filters.map((f) => f.bias),
    flip: spec.flip,
    pads,
    padMode: spec.padMode,
    namedPadding: spec.padding === 'valid' || spec.padding === 'same' ? spec.padding : null,
    symmetric: pads.top === pads.bottom && pads.left === pads.right,
    anyPadding: hasPads(pads),
    dense: stridesAfterDilation(spec),
    order: depthwise
      ? Array.from({ length: count * inC }, (_, m) => (m % inC) * count + Math.floor(m / inC))
      : null,
    poolPads: geometry.pool.pads,
    poolAnyPadding: hasPads(geometry.pool.pads),
    poolEmpty: geometry.pool.empty?.message ?? null,
    luma: LUMA_WEIGHTS,
  };
}

/** One line per axis that explains where the padding came from, e.g. `SAME: height 2 → 1 before, 1 after`. */
export function paddingSummary(plan: CodePlan): string {
  const { pads } = plan;
  const kind =
    plan.spec.padding === 'same'
      ? 'SAME'
      : plan.spec.padding === 'valid'
        ? 'VALID'
        : typeof plan.spec.padding === 'number'
          ? `padding ${plan.spec.padding}`
          : 'explicit padding';
  return (
    `${kind}: height ${pads.top + pads.bottom} → ${pads.top} before, ${pads.bottom} after; ` +
    `width ${pads.left + pads.right} → ${pads.left} before, ${pads.right} after`
  );
}

/** The bias of each page map (the filter's bias, once per input channel for a depthwise layer). */
export function mapBiases(plan: CodePlan): number[] {
  const perFilter = mapsPerFilter(plan.spec);
  return plan.biases.flatMap((b) => Array<number>(perFilter).fill(b));
}

export function describeSpec(plan: CodePlan): string {
  const { spec } = plan;
  const parts = [
    `${plan.filterCount} filter${plan.filterCount > 1 ? 's' : ''} ${plan.kh}×${plan.kw}`,
    spec.inputMaps === undefined
      ? `channels '${spec.channels}'`
      : `input ${spec.inputMaps} map${spec.inputMaps === 1 ? '' : 's'}`,
    `stride ${spec.stride.join('×')}`,
  ];
  if (spec.dilation.some((d) => d > 1)) parts.push(`dilation ${spec.dilation.join('×')}`);
  parts.push(`padding ${JSON.stringify(spec.padding)} (${spec.padMode})`);
  if (spec.flip) parts.push('flip');
  parts.push(`activation '${spec.activation}'`);
  parts.push(`pool ${spec.pool.size.join('×')} / ${spec.pool.stride.join('×')} ${spec.pool.padding}`);
  return parts.join(', ');
}
