/**
 * Dense against convolution: the Dense layer's count H·W·C·N + N, the convolution's kh·kw·C·F + F, the
 * notes' example (500 × 500 → 250,000 weights + 1 bias), and the demo's convolution count equal to the
 * page's parameterCount for gray, RGB, RGB per channel and a deeper layer.
 */
import { describe, expect, it } from 'vitest';
import {
  convParams,
  denseParams,
  networkGeometry,
  NOTES_DENSE_EXAMPLE,
  parameterCount,
  parseNetwork,
} from '../../src/core/index.ts';
import {
  compareDense,
  layerConvParams,
  nearestStop,
  ratio,
  unitStops,
} from '../../src/components/dense/denseCounts.ts';
import { MAX_DENSE_UNITS } from '../../src/store/index.ts';

describe('the formulas', () => {
  it.each([
    [28, 28, 1, 1, 784, 1],
    [28, 28, 1, 128, 100_352, 128],
    [300, 451, 3, 10, 4_059_000, 10],
    [14, 14, 8, 64, 100_352, 64],
    [1, 1, 1, 1, 1, 1],
  ])('Dense on %i × %i × %i with %i units: H·W·C·N weights + N biases', (h, w, c, n, weights, biases) => {
    expect(denseParams(h, w, c, n)).toEqual({ weights, biases, total: weights + biases });
  });

  it.each([
    [3, 3, 1, 1, 9, 1],
    [7, 7, 1, 1, 49, 1],
    [3, 3, 3, 1, 27, 1],
    [3, 3, 8, 16, 1152, 16],
    [5, 3, 2, 4, 120, 4],
  ])('conv %i × %i × %i with %i filters: kh·kw·C·F weights + F biases', (kh, kw, c, f, weights, biases) => {
    expect(convParams(kh, kw, c, f)).toEqual({ weights, biases, total: weights + biases });
  });

  it("the notes' example: a 500 × 500 image into one unit needs 250,000 weights and 1 bias", () => {
    expect(NOTES_DENSE_EXAMPLE).toEqual({ height: 500, width: 500, channels: 1, units: 1 });
    const { height, width, channels, units } = NOTES_DENSE_EXAMPLE;
    expect(denseParams(height, width, channels, units)).toEqual({
      weights: 250_000,
      biases: 1,
      total: 250_001,
    });
    // 문제점 2: "은닉층 10개면 250M 개가 필요하다" (ten such layers of 1,000 units each hold 250M).
    expect(denseParams(500, 500, 1, 1000).weights).toBe(250_000_000);
  });

  it('the Dense count grows with the image, the convolution’s does not', () => {
    const conv = convParams(3, 3, 1, 1).total;
    expect(denseParams(28, 28, 1, 1).total / conv).toBeCloseTo(78.5);
    expect(denseParams(56, 56, 1, 1).total).toBe(4 * 28 * 28 + 1);
    expect(convParams(3, 3, 1, 1).total).toBe(conv);
  });
});

describe("the demo's convolution is the page's parameterCount", () => {
  const sobel = [
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ];
  it.each([
    ['gray, 1 filter', { filters: [{ weights: sobel }] }, 0, 28, 28, 10],
    [
      'gray, 4 filters of 5 × 3',
      { filters: Array(4).fill({ weights: [[1, 2, 3]].concat(Array(4).fill([0, 0, 0])) }) },
      0,
      28,
      28,
      64,
    ],
    ['rgb', { channels: 'rgb', filters: [{ weights: sobel }, { weights: sobel }] }, 0, 30, 40, 56],
    [
      'rgb per channel',
      { channels: 'rgb-per-channel', filters: [{ weights: sobel }, { weights: sobel }] },
      0,
      30,
      40,
      60,
    ],
    [
      'layer 2 of a network (8 maps in, 16 filters)',
      {
        layers: [
          { filters: Array(8).fill({ weights: sobel }) },
          { filters: Array(16).fill({ weights: sobel }) },
        ],
      },
      1,
      28,
      28,
      1168,
    ],
  ] as const)('%s', (_name, json, layer, height, width, total) => {
    const net = parseNetwork(json);
    const geometry = networkGeometry(net, height, width)[layer]!;
    const spec = net.layers[layer]!;
    const page = parameterCount(spec, geometry);
    const demo = layerConvParams(spec, geometry);
    expect(demo).toEqual({ weights: page.weights, biases: page.biases, total: page.weights + page.biases });
    expect(demo.total).toBe(total);
    const compared = compareDense(spec, geometry, 3);
    expect(compared.convCount).toEqual(demo);
    expect(compared.dense).toEqual(
      denseParams(geometry.input.height, geometry.input.width, geometry.input.channels, 3),
    );
    expect(compared.notes.total).toBe(250_001);
  });

  it('RGB per channel: convParams over the 3 channels would give one bias per filter, the layer has one per map', () => {
    const net = parseNetwork({
      channels: 'rgb-per-channel',
      filters: [{ weights: [[1]] }, { weights: [[2]] }],
    });
    const [geometry] = networkGeometry(net, 5, 5);
    expect(convParams(1, 1, 3, 2)).toEqual({ weights: 6, biases: 2, total: 8 });
    expect(parameterCount(net.layers[0]!, geometry!)).toEqual({ weights: 6, biases: 6 });
    expect(layerConvParams(net.layers[0]!, geometry!)).toEqual({ weights: 6, biases: 6, total: 12 });
  });

  it('the 28 × 28 sample and the default filter: 785 against 10 for one unit', () => {
    const net = parseNetwork({});
    const [geometry] = networkGeometry(net, 28, 28);
    const compared = compareDense(net.layers[0]!, geometry!, 1);
    expect(compared.dense.total).toBe(28 * 28 * 1 * 1 + 1);
    expect(compared.convCount.total).toBe(3 * 3 * 1 * 1 + 1);
    expect(ratio(compared.dense.total, compared.convCount.total)).toBe(79);
    expect(ratio(compared.notes.total, compared.convCount.total)).toBe(25_000);
  });
});

describe("the units slider's stops", () => {
  const stops = unitStops(MAX_DENSE_UNITS);

  it('run from 1 to the largest, rising, with every power of two', () => {
    expect(stops[0]).toBe(1);
    expect(stops.at(-1)).toBe(MAX_DENSE_UNITS);
    for (let i = 1; i < stops.length; i++) expect(stops[i]).toBeGreaterThan(stops[i - 1]!);
    for (let p = 1; p <= MAX_DENSE_UNITS; p *= 2) expect(stops).toContain(p);
    expect(stops.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 8, 10, 12, 16]);
  });

  it('a typed value puts the slider at the nearest stop on a log scale', () => {
    expect(stops[nearestStop(stops, 128)]).toBe(128);
    expect(stops[nearestStop(stops, 100)]).toBe(96);
    expect(stops[nearestStop(stops, 115)]).toBe(128);
    expect(stops[nearestStop(stops, 1)]).toBe(1);
    expect(stops[nearestStop(stops, 4000)]).toBe(4096);
  });

  it('ratios read as people write them', () => {
    expect(ratio(100, 10)).toBe(10);
    expect(ratio(25, 10)).toBe(2.5);
    expect(ratio(4, 10)).toBe(0.4);
    expect(ratio(250_001, 10)).toBe(25_000);
  });
});
