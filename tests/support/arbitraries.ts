/**
 * Random layers for property tests: a spec as JSON (any channel mode, kernel 1–5, stride, dilation, every
 * padding form and mode, activation, pooling) with an RGB image [H, W, 3] of 1–12 pixels a side. The
 * pieces (`layerFields`, `filtersOf`, `imageOf`) also draw the layers of random networks
 * (networkArbitraries.ts), within smaller limits.
 */
import fc from 'fast-check';

export const pair = (min: number, max: number) =>
  fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));
/** Multiples of 1/4 up to ±max: exact in float32, so only the gray luma and averages bring rounding in. */
const quarters = (max: number) => fc.integer({ min: -4 * max, max: 4 * max }).map((v) => v / 4);

/** The largest kernel side, filter count, stride and dilation, explicit pad, pool window and pool stride. */
export interface LayerLimits {
  kernel: number;
  filters: number;
  step: number;
  pad: number;
  pool: number;
  poolStride: number;
}

/** Everything of one layer but its weights, drawn within `limits` (a record's fields). */
export function layerFields(limits: LayerLimits) {
  return {
    kh: fc.integer({ min: 1, max: limits.kernel }),
    kw: fc.integer({ min: 1, max: limits.kernel }),
    filters: fc.integer({ min: 1, max: limits.filters }),
    threeD: fc.boolean(),
    flip: fc.boolean(),
    stride: pair(1, limits.step),
    dilation: pair(1, limits.step),
    padding: fc.oneof(
      fc.constantFrom('valid', 'same'),
      fc.integer({ min: 0, max: limits.pad }),
      fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: limits.pad }))),
    ),
    padMode: fc.constantFrom('zeros', 'reflect', 'replicate'),
    activation: fc.constantFrom('none', 'relu', 'abs', 'clip'),
    pool: fc.record({
      size: pair(1, limits.pool),
      stride: pair(1, limits.poolStride),
      padding: fc.constantFrom('valid', 'same'),
    }),
  };
}

type Fields = ReturnType<typeof layerFields>;
/** One layer's layout as drawn from `layerFields`. */
export type LayerLayout = { [K in keyof Fields]: Fields[K] extends fc.Arbitrary<infer T> ? T : never };

/**
 * The layer of `l` as spec JSON (no `channels`): its filters drawn, kh x kw x `depth` when `l.threeD`,
 * weights multiples of 1/4 up to ±`maxWeight`, biases halves up to ±`maxBias`.
 */
export function layerSpecOf(l: LayerLayout, depth: number, maxWeight: number, maxBias: number) {
  const cell: fc.Arbitrary<number | number[]> = l.threeD
    ? fc.array(quarters(maxWeight), { minLength: depth, maxLength: depth })
    : quarters(maxWeight);
  const weights = fc.array(fc.array(cell, { minLength: l.kw, maxLength: l.kw }), {
    minLength: l.kh,
    maxLength: l.kh,
  });
  const bias = fc.integer({ min: -2 * maxBias, max: 2 * maxBias }).map((b) => b / 2);
  const filter = fc.record({ weights, bias });
  return fc.array(filter, { minLength: l.filters, maxLength: l.filters }).map((filters) => ({
    filters,
    flip: l.flip,
    stride: l.stride,
    dilation: l.dilation,
    padding: l.padding,
    padMode: l.padMode,
    activation: l.activation,
    pool: l.pool,
  }));
}

/** An RGB image [H, W, 3] of integers 0..255. */
export function imageOf(height: number, width: number) {
  const pixels = height * width * 3;
  return fc
    .array(fc.integer({ min: 0, max: 255 }), { minLength: pixels, maxLength: pixels })
    .map((data) => ({ shape: [height, width, 3] as [number, number, number], data }));
}

export const layout = fc.record({
  height: fc.integer({ min: 1, max: 12 }),
  width: fc.integer({ min: 1, max: 12 }),
  channels: fc.constantFrom('gray', 'rgb', 'rgb-per-channel'),
  ...layerFields({ kernel: 5, filters: 3, step: 3, pad: 4, pool: 3, poolStride: 3 }),
});

/** A layout with its weights, biases and pixels filled in: a spec as JSON and an RGB image. */
export const layerCase = layout.chain((l) =>
  fc.record({
    spec: layerSpecOf(l, l.channels === 'gray' ? 1 : 3, 3, 40).map((spec) => ({
      channels: l.channels,
      ...spec,
    })),
    image: imageOf(l.height, l.width),
  }),
);
