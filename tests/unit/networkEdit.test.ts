/**
 * Editing a network in the page: `restack` keeps the layers linked after a layer's map count changes
 * (deeper kh x kw x C filters resized to the new depth), `newLayer` (what "Add layer" appends),
 * `fullNetwork` (the "full" export parses back to the same network), and the store's
 * `networkChangeProblem`, which names the layer of a refusal.
 */
import { describe, expect, it } from 'vitest';
import {
  compactNetwork,
  fullNetwork,
  networkGeometry,
  newLayer,
  parseNetwork,
  restack,
  type NetworkLayer,
} from '../../src/core/index.ts';
import { networkChangeProblem, networkProblem, type ImageMeta } from '../../src/store/index.ts';

const cube = (k: number, depth: number, value = 1): number[][][] =>
  Array.from({ length: k }, () => Array.from({ length: k }, () => Array<number>(depth).fill(value)));
const square = (k: number): number[][] => Array.from({ length: k }, () => Array<number>(k).fill(1));

function image(height: number, width = height): ImageMeta {
  return { source: 'file', sampleId: null, name: 'test.png', width, height };
}

/** Two filters in layer 1, a 3 x 3 x 2 filter and a 2-D one in layer 2. */
function twoLayers() {
  return parseNetwork({
    layers: [
      { filters: [{ weights: square(3) }, { weights: square(3) }] },
      { filters: [{ weights: cube(3, 2, 2) }, { weights: square(3) }], output: 'avgpool' },
    ],
  });
}

describe('restack', () => {
  it('links a deeper layer to a new filter count: 3-D filters gain zero slices, 2-D ones stay', () => {
    const net = twoLayers();
    const [first, second] = net.layers as [NetworkLayer, NetworkLayer];
    const grown = restack([
      { ...first, filters: [...first.filters, { weights: square(3), bias: 0 }] },
      second,
    ]);
    expect(grown[1]?.inputMaps).toBe(3);
    expect(grown[1]?.filters[0]?.weights).toEqual(cube(3, 3).map((row) => row.map(() => [2, 2, 0])));
    expect(grown[1]?.filters[1]?.weights).toEqual(square(3));
    expect(() => networkGeometry({ layers: grown }, 28, 28)).not.toThrow();
  });

  it('cuts slices from the end when the layer before loses maps, and follows a channel mode', () => {
    const net = twoLayers();
    const [first, second] = net.layers as [NetworkLayer, NetworkLayer];
    const shrunk = restack([{ ...first, filters: first.filters.slice(0, 1) }, second]);
    expect(shrunk[1]?.inputMaps).toBe(1);
    expect(shrunk[1]?.filters[0]?.weights).toEqual(cube(3, 1, 2));
    const perChannel = restack([{ ...first, channels: 'rgb-per-channel' }, second]);
    expect(perChannel[1]?.inputMaps).toBe(6);
    expect(() => networkGeometry({ layers: perChannel }, 28, 28)).not.toThrow();
  });

  it('leaves a linked network as it is', () => {
    const net = twoLayers();
    expect(restack(net.layers)).toEqual(net.layers);
  });
});

describe('newLayer', () => {
  it('feeds on every map of the layer before, with a 2-D kernel and ReLU', () => {
    const net = twoLayers();
    const added = newLayer(net.layers[1] as NetworkLayer);
    expect(added.inputMaps).toBe(2);
    expect(added.activation).toBe('relu');
    expect(added.filters[0]?.weights).toHaveLength(3);
    expect(() => networkGeometry({ layers: [...net.layers, added] }, 28, 28)).not.toThrow();
  });
});

describe('fullNetwork', () => {
  it('writes every field and parses back to the same network, one layer or more', () => {
    const net = twoLayers();
    const full = JSON.parse(JSON.stringify(fullNetwork(net)));
    expect(parseNetwork(full)).toEqual(net);
    expect(JSON.stringify(full)).not.toContain('inputMaps');
    const one = parseNetwork({ stride: 2 });
    const plain = fullNetwork(one);
    expect(plain).not.toHaveProperty('output');
    expect(parseNetwork(JSON.parse(JSON.stringify(plain)))).toEqual(one);
    expect(Object.keys(compactNetwork(one))).toEqual(['stride']);
  });
});

describe('networkChangeProblem', () => {
  it('names the layer whose pooling a change would empty, and passes one that keeps it', () => {
    const net = twoLayers();
    const big = parseNetwork({
      layers: [
        { filters: [{ weights: square(3) }, { weights: square(3) }] },
        { filters: [{ weights: square(3) }], pool: { size: 9 } },
      ],
    });
    expect(networkChangeProblem(net, big, image(28))).toBeNull();
    expect(networkChangeProblem(net, big, image(12))?.field).toBe('layers[1].pool.size');
  });

  it('takes a new last layer whose pooling is empty (explained in place), not one that would feed on it', () => {
    const layer = { filters: [{ weights: square(3) }] };
    const four = parseNetwork({ layers: [layer, layer, layer, layer] });
    const five = parseNetwork({ layers: [layer, layer, layer, layer, layer] });
    const six = parseNetwork({ layers: [layer, layer, layer, layer, layer, layer] });
    expect(networkChangeProblem(four, five, image(28))).toBeNull();
    expect(networkChangeProblem(five, six, image(28))?.field).toBe('layers[4].pool.size');
  });

  it('refuses a network too deep for the image, naming the layer that has no output', () => {
    const deep = parseNetwork({
      layers: [{}, {}, {}, {}].map(() => ({ filters: [{ weights: square(3) }], padding: 'valid' })),
    });
    const problem = networkProblem(deep, image(12));
    expect(problem?.field).toMatch(/^layers\[\d\]\./);
    expect(networkProblem(deep, image(64))).toBeNull();
  });
});
