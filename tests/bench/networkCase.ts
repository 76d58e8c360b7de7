/**
 * The network case of the bench (issue 13, section 3): a stack of 3 × 3 convolutions with ReLU and
 * 2 × 2 max pooling, each layer feeding the next its max pooling, on an RGB image. `BenchCase.layers`
 * holds the filters per layer (the 8, 16, 16). One definition here for every column: the page
 * (appBench.tsx), src/core alone (layerBench.ts) and the plain-loop reference.
 */
import {
  defaultSpec,
  linkLayers,
  type NetworkLayer,
  type NetworkSpec,
  type Weights,
} from '../../src/core/index.ts';
import { kernelFor, type BenchCase } from './types.ts';

/** The case the issue names: 512² RGB, filters 8, 16, 16. */
export const NETWORK_CASE: BenchCase = {
  size: 512,
  channels: 'rgb',
  filters: 8,
  kernel: 3,
  layers: [8, 16, 16],
};

/**
 * Filter `f` of a layer fed `depth` maps (3 for the RGB image): the case's 2-D kernel, each slice
 * scaled differently so no two input maps are weighted alike (nothing a backend could fold).
 */
function weightsFor(f: number, side: number, depth: number): Weights {
  const k = kernelFor(f, side);
  return k.map((row) => row.map((v) => Array.from({ length: depth }, (_, c) => (v * ((c % 4) + 1)) / depth)));
}

/**
 * The network's layers for the case, linked (`inputMaps` set), with filter 0's cell (1, 1) of layer
 * `edited` set to `cell` on every slice (as the page's cell edit writes it).
 */
export function networkLayers(c: BenchCase, edited = 0, cell?: number): NetworkLayer[] {
  const counts = c.layers ?? [c.filters];
  let depth = c.channels === 'rgb' ? 3 : 1;
  const layers = counts.map((count, i): NetworkLayer => {
    const filters = Array.from({ length: count }, (_, f) => {
      const weights = weightsFor(f, c.kernel, depth) as number[][][];
      if (f === 0 && i === edited && cell !== undefined) (weights[1]?.[1] as number[]).fill(cell);
      return {
        weights: depth === 1 ? weights.map((row) => row.map((v) => v[0] as number)) : weights,
        bias: 0,
      };
    });
    depth = count;
    return {
      ...defaultSpec(),
      // A deeper layer's input is the maps fed in (`inputMaps`); its `channels` is never read.
      channels: i === 0 ? c.channels : defaultSpec().channels,
      filters,
      activation: 'relu',
      output: 'maxpool',
    };
  });
  return linkLayers(layers);
}

/** The case's network as src/core runs it. */
export function networkSpecFor(c: BenchCase, edited = 0, cell?: number): NetworkSpec {
  return { layers: networkLayers(c, edited, cell) };
}
