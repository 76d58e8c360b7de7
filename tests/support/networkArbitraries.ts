/**
 * Random networks for property tests: 1–4 layers as network JSON (`{"layers": [...]}`), every field of
 * every layer drawn (channel mode on the first, kernel 1–3, 2-D or full-depth weights, flip, stride,
 * dilation, every padding form and mode, activation, pooling, which result feeds on), with an RGB
 * image of 3–14 pixels a side. Sizes are small so that deep layers still often have an output; those
 * that have none are kept (the tests check that core and reference refuse them together).
 */
import fc from 'fast-check';
import { imageOf, layerFields, layerSpecOf } from './arbitraries.ts';

const layerLayout = fc.record({
  ...layerFields({ kernel: 3, filters: 3, step: 2, pad: 2, pool: 2, poolStride: 2 }),
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
  // Weights up to ±2 and biases up to ±20: values stay moderate through four layers.
  const layers = n.layers.map((l, i) =>
    layerSpecOf(l, depths[i] ?? 1, 2, 20).map((spec) => ({
      ...(i === 0 ? { channels: n.channels } : {}),
      ...spec,
      output: l.output,
    })),
  );
  return fc.record({
    spec: fc.tuple(...layers).map((list) => ({ layers: list })),
    image: imageOf(n.height, n.width),
  });
});
