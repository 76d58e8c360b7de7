/**
 * Networks in the core: parseNetwork (a plain spec is a network of one; every refusal names the layer
 * and the field), compactNetwork (one layer writes the old plain spec, byte for byte), networkGeometry
 * (sizes layer by layer, refusals naming the layer) and networkCost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactNetwork,
  compactSpec,
  linkLayers,
  networkCost,
  networkGeometry,
  parseNetwork,
  parseSpec,
  SpecError,
  type NetworkSpec,
} from '../../src/core/index.ts';
import { EXAMPLES } from '../../src/examples/examples.ts';
import { layerCase } from '../support/arbitraries.ts';

function refusal(run: () => unknown): SpecError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  return expect.fail('accepted');
}

function expectRefused(value: unknown, field: string, allowed: RegExp): void {
  const error = refusal(() => parseNetwork(value));
  expect(error.field).toBe(field);
  expect(error.message.startsWith(`${field}: `), error.message).toBe(true);
  expect(error.message).toMatch(allowed);
}

const ones = (h: number, w = h): number[][] => Array.from({ length: h }, () => Array<number>(w).fill(1));

/** The small CNN of the course notes: 3 × 3 × 8 → pool → 3 × 3 × 16 → pool, on a gray image. */
const SMALL_CNN = {
  layers: [
    { filters: Array.from({ length: 8 }, () => ({ weights: ones(3) })), activation: 'relu' },
    { filters: Array.from({ length: 16 }, () => ({ weights: ones(3) })), activation: 'relu' },
  ],
};

describe('parseNetwork', () => {
  it('reads a plain layer spec as a network of one layer, with the default output', () => {
    const net = parseNetwork({ stride: 2 });
    expect(net.layers).toHaveLength(1);
    expect(net.layers[0]).toEqual({ ...parseSpec({ stride: 2 }), output: 'maxpool' });
    expect(parseNetwork(undefined).layers[0]).toEqual({ ...parseSpec({}), output: 'maxpool' });
  });

  it('gives every layer after the first the number of maps the layer before makes', () => {
    const net = parseNetwork({
      layers: [
        { channels: 'rgb-per-channel', filters: [{ weights: ones(3) }, { weights: ones(3) }] },
        { filters: [{ weights: ones(1) }, { weights: ones(1) }, { weights: ones(1) }], output: 'conv' },
        { filters: [{ weights: [[[1, 2, 3]]] }] },
      ],
    });
    expect(net.layers.map((l) => l.inputMaps)).toEqual([undefined, 6, 3]);
    expect(net.layers.map((l) => l.output)).toEqual(['maxpool', 'conv', 'maxpool']);
  });

  it('refuses, naming the layer and the field', () => {
    expectRefused({ layers: [] }, 'layers', /1 to 6 layer specs, got 0 layers/);
    expectRefused({ layers: Array(7).fill({}) }, 'layers', /1 to 6 layer specs, got 7 layers/);
    expectRefused({ layers: {} }, 'layers', /got no array/);
    expectRefused({ layers: [{}], stride: 2 }, 'stride', /unknown field; allowed fields are layers/);
    expectRefused({ layers: [{}, null] }, 'layers[1]', /must be a layer spec/);
    expectRefused({ layers: [{ stride: 0 }] }, 'layers[0].stride', /integer from 1 to 64, got 0/);
    expectRefused({ layers: [{}, { output: 'flat' }] }, 'layers[1].output', /"maxpool", "avgpool", "conv"/);
    expectRefused({ layers: [{}, { channels: 'gray' }] }, 'layers[1].channels', /only the first layer/);
    expectRefused({ layers: [{}, { filters: [{}] }] }, 'layers[1].filters[0].weights', /is required/);
    expectRefused(
      { layers: [{}, {}, { pool: { size: [2, 0] } }] },
      'layers[2].pool.size[1]',
      /integer from 1 to 64/,
    );
    expectRefused({ layers: [{}, { wat: 1 }] }, 'layers[1].wat', /unknown field/);
    // A plain spec keeps its plain field names, and has no `output`.
    expectRefused({ stride: 0 }, 'stride', /got 0/);
    expectRefused({ output: 'conv' }, 'output', /unknown field/);
  });

  it('refuses weights whose depth is not the maps of the layer before', () => {
    const two = [{ weights: ones(3) }, { weights: ones(3) }];
    const deep = (c: number) => ({ weights: [[Array<number>(c).fill(1)]] });
    expectRefused(
      { layers: [{ filters: two }, { filters: [deep(3)] }] },
      'layers[1].filters[0].weights',
      /has 3 channel weights per cell, but an input of 2 maps \(the layer before\) needs 2/,
    );
    expect(() => parseNetwork({ layers: [{ filters: two }, { filters: [deep(2)] }] })).not.toThrow();
    // rgb-per-channel: three maps per filter.
    expectRefused(
      { layers: [{ channels: 'rgb-per-channel', filters: two }, { filters: [deep(2), deep(6)] }] },
      'layers[1].filters[0].weights',
      /needs 6/,
    );
    // The first layer's depth is its channels', as a plain spec's.
    expectRefused(
      { layers: [{ channels: 'rgb', filters: [deep(2)] }] },
      'layers[0].filters[0].weights',
      /"rgb" needs 3/,
    );
  });
});

describe('compactNetwork', () => {
  it('writes a one-layer network as the plain spec, byte for byte (old links stay as they are)', () => {
    fc.assert(
      fc.property(layerCase, ({ spec }) => {
        const plain = JSON.stringify(compactSpec(parseSpec(spec)));
        expect(JSON.stringify(compactNetwork(parseNetwork(spec)))).toBe(plain);
        expect(JSON.stringify(compactNetwork(parseNetwork(JSON.parse(plain))))).toBe(plain);
      }),
      { numRuns: 200 },
    );
    for (const example of EXAMPLES.filter((e) => !('layers' in e.spec))) {
      const plain = JSON.stringify(compactSpec(parseSpec(example.spec)));
      expect(JSON.stringify(compactNetwork(parseNetwork(example.spec)))).toBe(plain);
    }
  });

  it('writes deeper networks as {layers} without defaults, and parses back to the same network', () => {
    const net = parseNetwork({
      layers: [
        { channels: 'rgb', filters: [{ weights: ones(3) }] },
        { stride: 2, output: 'conv' },
        { activation: 'relu', output: 'maxpool' },
      ],
    });
    const compact = compactNetwork(net);
    expect(compact).toEqual({
      layers: [
        { channels: 'rgb', filters: [{ weights: ones(3), bias: 0 }] },
        { stride: [2, 2], output: 'conv' },
        { activation: 'relu' },
      ],
    });
    expect(parseNetwork(JSON.parse(JSON.stringify(compact)))).toEqual(net);
  });
});

describe('networkGeometry', () => {
  it('sizes each layer from the result the layer before feeds on', () => {
    const net = parseNetwork({
      layers: [
        { padding: 'valid' },
        { padding: 'valid', output: 'conv' },
        { padding: 'same', pool: { size: 3, stride: 1 } },
      ],
    });
    const [a, b, c] = networkGeometry(net, 28, 28);
    expect([a?.conv, a?.pool.height]).toEqual([{ height: 26, width: 26, maps: 1 }, 13]);
    expect([b?.input, b?.conv]).toEqual([
      { height: 13, width: 13, channels: 1 },
      { height: 11, width: 11, maps: 1 },
    ]);
    expect([c?.input.height, c?.conv.height, c?.pool.height]).toEqual([11, 11, 9]);
  });

  it('gives the small CNN of the notes its shapes: 28 → 28 × 28 × 8 → 14 → 14 × 14 × 16 → 7', () => {
    const geos = networkGeometry(parseNetwork(SMALL_CNN), 28, 28);
    expect(geos.map((g) => [g.input.channels, g.conv.height, g.conv.maps, g.pool.height])).toEqual([
      [1, 28, 8, 14],
      [8, 14, 16, 7],
    ]);
  });

  it('refuses a layer with no output, and an empty pooling that feeds the next layer, naming the layer', () => {
    const small = { filters: [{ weights: ones(3) }], padding: 'valid' };
    let error = refusal(() => networkGeometry(parseNetwork({ layers: [small, small] }), 3, 3));
    expect(error.field).toBe('layers[0].pool.size');
    expect(error.message).toMatch(/larger than the 1 x 1 feature map.*; layer 2 needs it as its input/);
    error = refusal(() =>
      networkGeometry(parseNetwork({ layers: [{ ...small, output: 'conv' }, small] }), 4, 4),
    );
    expect(error.field).toBe('layers[1].filters');
    expect(error.message).toMatch(/effective size 3 leaves no output for a 2-pixel-tall image/);
    expect(() =>
      networkGeometry(parseNetwork({ layers: [{ ...small, output: 'conv' }, small] }), 5, 5),
    ).not.toThrow();
    error = refusal(() =>
      networkGeometry(parseNetwork({ layers: [{}, { padding: 2, padMode: 'reflect' }] }), 4, 4),
    );
    expect(error.field).toBe('layers[1].padMode');
    // One layer: the plain spec's field names.
    expect(refusal(() => networkGeometry(parseNetwork(small), 2, 2)).field).toBe('filters');
  });

  it('leaves the last layer’s empty pooling, and one the next layer does not feed on, as reported', () => {
    const small = { filters: [{ weights: ones(3) }], padding: 'valid' };
    const last = { filters: [{ weights: ones(1) }], padding: 'valid' };
    const [a, b] = networkGeometry(parseNetwork({ layers: [{ ...small, output: 'conv' }, last] }), 3, 3);
    expect(a?.pool.empty).not.toBeNull();
    expect(b?.conv.height).toBe(1);
    expect(b?.pool.empty?.message).toMatch(/no output/);
  });

  it('refuses weights whose depth no longer matches after an edit of the layer before (linkLayers)', () => {
    const net = parseNetwork({ layers: [{}, { filters: [{ weights: [[[1]]] }] }] });
    const [first, second] = net.layers;
    const edited: NetworkSpec = {
      layers: linkLayers([{ ...first!, filters: [...first!.filters, ...first!.filters] }, second!]),
    };
    expect(edited.layers[1]?.inputMaps).toBe(2);
    const error = refusal(() => networkGeometry(edited, 8, 8));
    expect(error.field).toBe('layers[1].filters[0].weights');
    expect(() => networkGeometry({ layers: [first!, { ...second!, inputMaps: 5 }] }, 8, 8)).toThrow(
      /not linked/,
    );
  });
});

describe('networkCost', () => {
  it('counts weights, biases and multiply-adds per layer and in total', () => {
    const net = parseNetwork(SMALL_CNN);
    const { layers, total } = networkCost(net, networkGeometry(net, 28, 28));
    expect(layers).toEqual([
      { weights: 3 * 3 * 1 * 8, biases: 8, parameters: 80, multiplyAdds: 28 * 28 * 8 * 9 },
      { weights: 3 * 3 * 8 * 16, biases: 16, parameters: 1168, multiplyAdds: 14 * 14 * 16 * 9 * 8 },
    ]);
    expect(total).toEqual({ weights: 1224, biases: 24, parameters: 1248, multiplyAdds: 56448 + 225792 });
    const depthwise = parseNetwork({ channels: 'rgb-per-channel', padding: 'valid' });
    expect(networkCost(depthwise, networkGeometry(depthwise, 5, 5)).total).toEqual({
      weights: 27,
      biases: 3,
      parameters: 30,
      multiplyAdds: 3 * 3 * 3 * 9,
    });
  });
});
