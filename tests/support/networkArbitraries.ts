/**
 * Random networks for property tests: 1–4 layers as network JSON (`{"layers": [...]}`), every field of
 * every layer drawn (channel mode on the first, kernel 1–3, 2-D or full-depth weights, flip, stride,
 * dilation, every padding form and mode, activation, pooling, which result feeds on), with an RGB
 * image of 3–14 pixels a side. Sizes are small so that deep layers still often have an output; those
 * that have none are kept (the tests check that core and reference refuse them together).
 */
import fc from 'fast-check';

const pair = (min: number, max: number) => fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));
/** Multiples of 1/4 up to ±2: exact in float32, so sums stay exact but for luma and averages. */
const weight = fc.integer({ min: -8, max: 8 }).map((v) => v / 4);

const layerLayout = fc.record({
  kh: fc.integer({ min: 1, max: 3 }),
  kw: fc.integer({ min: 1, max: 3 }),
  filters: fc.integer({ min: 1, max: 3 }),
  threeD: fc.boolean(),
  flip: fc.boolean(),
  stride: pair(1, 2),
  dilation: pair(1, 2),
  padding: fc.oneof(
    fc.constantFrom('valid', 'same'),
    fc.integer({ min: 0, max: 2 }),
    fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: 2 }))),
  ),
  padMode: fc.constantFrom('zeros', 'reflect', 'replicate'),
  activation: fc.constantFrom('none', 'relu', 'abs', 'clip'),
  pool: fc.record({ size: pair(1, 2), stride: pair(1, 2), padding: fc.constantFrom('valid', 'same') }),
  output: fc.constantFrom('maxpool', 'avgpool', 'conv'),
});

export const networkLayout = fc.record({
  height: fc.integer({ min: 3, max: 14 }),
  width: fc.integer({ min: 3, max: 14 }),
  channels: fc.constantFrom('gray', 'rgb', 'rgb-per-channel'),
  layers: fc.array(layerLayout, { minLength: 1, maxLength: 4 }),
});

/** A network layout with weights, biases and pixels filled in: network JSON and an RGB image. */
export const networkCase = networkLayout.chain((n) => {
  // Each layer's input depth: the image's channels, then the maps of the layer before.
  const depths: number[] = [];
  let depth = n.channels === 'gray' ? 1 : 3;
  n.layers.forEach((l, i) => {
    depths.push(depth);
    depth = l.filters * (i === 0 && n.channels === 'rgb-per-channel' ? 3 : 1);
  });
  const layers = n.layers.map((l, i) => {
    const cell: fc.Arbitrary<number | number[]> = l.threeD
      ? fc.array(weight, { minLength: depths[i], maxLength: depths[i] })
      : weight;
    const weights = fc.array(fc.array(cell, { minLength: l.kw, maxLength: l.kw }), {
      minLength: l.kh,
      maxLength: l.kh,
    });
    const filter = fc.record({ weights, bias: fc.integer({ min: -40, max: 40 }).map((b) => b / 2) });
    return fc.array(filter, { minLength: l.filters, maxLength: l.filters }).map((filters) => ({
      ...(i === 0 ? { channels: n.channels } : {}),
      filters,
      flip: l.flip,
      stride: l.stride,
      dilation: l.dilation,
      padding: l.padding,
      padMode: l.padMode,
      activation: l.activation,
      pool: l.pool,
      output: l.output,
    }));
  });
  const pixels = n.height * n.width * 3;
  return fc.record({
    spec: fc.tuple(...layers).map((list) => ({ layers: list })),
    image: fc
      .array(fc.integer({ min: 0, max: 255 }), { minLength: pixels, maxLength: pixels })
      .map((data) => ({ shape: [n.height, n.width, 3] as [number, number, number], data })),
  });
});
