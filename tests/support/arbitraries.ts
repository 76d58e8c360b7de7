/**
 * Random layers for property tests: a spec as JSON (any channel mode, kernel 1–5, stride, dilation, every
 * padding form and mode, activation, pooling) with an RGB image [H, W, 3] of 1–12 pixels a side.
 */
import fc from 'fast-check';

const pair = (min: number, max: number) => fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));
/** Multiples of 1/4: exact in float32, so only the gray luma brings rounding in. */
const weight = fc.integer({ min: -12, max: 12 }).map((v) => v / 4);

export const layout = fc.record({
  height: fc.integer({ min: 1, max: 12 }),
  width: fc.integer({ min: 1, max: 12 }),
  channels: fc.constantFrom('gray', 'rgb', 'rgb-per-channel'),
  kh: fc.integer({ min: 1, max: 5 }),
  kw: fc.integer({ min: 1, max: 5 }),
  filters: fc.integer({ min: 1, max: 3 }),
  threeD: fc.boolean(),
  flip: fc.boolean(),
  stride: pair(1, 3),
  dilation: pair(1, 3),
  padding: fc.oneof(
    fc.constantFrom('valid', 'same'),
    fc.integer({ min: 0, max: 4 }),
    fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: 4 }))),
  ),
  padMode: fc.constantFrom('zeros', 'reflect', 'replicate'),
  activation: fc.constantFrom('none', 'relu', 'abs', 'clip'),
  pool: fc.record({ size: pair(1, 3), stride: pair(1, 3), padding: fc.constantFrom('valid', 'same') }),
});

/** A layout with its weights, biases and pixels filled in: a spec as JSON and an RGB image. */
export const layerCase = layout.chain((l) => {
  const depth = l.channels === 'gray' ? 1 : 3;
  const cell: fc.Arbitrary<number | number[]> = l.threeD
    ? fc.array(weight, { minLength: depth, maxLength: depth })
    : weight;
  const weights = fc.array(fc.array(cell, { minLength: l.kw, maxLength: l.kw }), {
    minLength: l.kh,
    maxLength: l.kh,
  });
  const filter = fc.record({ weights, bias: fc.integer({ min: -80, max: 80 }).map((b) => b / 2) });
  const pixels = l.height * l.width * 3;
  return fc.record({
    spec: fc.array(filter, { minLength: l.filters, maxLength: l.filters }).map((filters) => ({
      channels: l.channels,
      filters,
      flip: l.flip,
      stride: l.stride,
      dilation: l.dilation,
      padding: l.padding,
      padMode: l.padMode,
      activation: l.activation,
      pool: l.pool,
    })),
    image: fc
      .array(fc.integer({ min: 0, max: 255 }), { minLength: pixels, maxLength: pixels })
      .map((data) => ({ shape: [l.height, l.width, 3] as [number, number, number], data })),
  });
});
