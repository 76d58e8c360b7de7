/**
 * The three downsamplings of the shrink demo (src/core/downsample.ts) on tfjs cpu, against the plain-loop
 * reference run with the equivalent spec written here (stride 2; or stride 1 and a 2 × 2 pool, stride 2,
 * valid): every channel mode, padding form and mode, dilation and activation; the fixture cases that
 * already are one of the three ways; the shapes and multiply-adds of `downsampleCost`; and what a way
 * with no output does.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  downsample,
  downsampleCost,
  downsampleGeometry,
  downsampleSpec,
  DOWNSAMPLINGS,
  layerInput,
  parseSpec,
  SpecError,
  type Downsampling,
  type LayerSpec,
} from '../../src/core/index.ts';
import { ReferenceRefusal, referenceLayer, type HwcArray } from '../reference/convLoop.ts';
import { layerCase } from '../support/arbitraries.ts';
import { expectClose, FIXTURE_CASES, FIXTURE_TOLERANCE } from '../support/fixtures.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** A seeded RGB image [h, w, 3] of whole numbers 0..255 (mulberry32: the same pixels every run). */
function randomImage(
  h: number,
  w: number,
  seed: number,
): { shape: [number, number, number]; data: number[] } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { shape: [h, w, 3], data: Array.from({ length: h * w * 3 }, () => Math.floor(next() * 256)) };
}

/** A pooling that always fits: the stride's own pooling is no part of it, so the reference must not refuse for it. */
const FITS: LayerSpec['pool'] = { size: [1, 1], stride: [1, 1], padding: 'valid' };

/** The reference's result of one way, from a spec written without `downsampleSpec`. */
function referenceWay(
  image: { shape: [number, number, number]; data: number[] },
  spec: LayerSpec,
  way: Downsampling,
): HwcArray {
  const halving = {
    size: [2, 2] as [number, number],
    stride: [2, 2] as [number, number],
    padding: 'valid' as const,
  };
  if (way === 'stride') return referenceLayer(image, { ...spec, stride: [2, 2], pool: FITS }).conv;
  const out = referenceLayer(image, { ...spec, stride: [1, 1], pool: halving });
  return way === 'maxPool' ? out.maxpool : out.avgpool;
}

/** `downsample` on the image's layer input, read back and disposed. */
function runWay(
  image: { shape: [number, number, number]; data: number[] },
  spec: LayerSpec,
  way: Downsampling,
): { shape: number[]; data: Float32Array } {
  const pixels = tf.tensor3d(image.data, image.shape, 'float32');
  const input = layerInput(pixels, spec.channels);
  try {
    const out = downsample(input, spec, way);
    const result = { shape: out.shape, data: out.dataSync() as Float32Array };
    out.dispose();
    return result;
  } finally {
    tf.dispose([pixels, input]);
  }
}

const SOBEL_X = [
  [1, 0, -1],
  [2, 0, -2],
  [1, 0, -1],
];
const RGB_3D = [
  [
    [1, -1, 0.5],
    [0, 2, -1],
  ],
  [
    [-2, 0.25, 1],
    [1, 1, -0.5],
  ],
];

/** Every channel mode, padding form and mode, dilation 2 and relu, with a bias and a second filter. */
const CASES: Array<[string, unknown]> = [
  ['gray, valid', { channels: 'gray', filters: [{ weights: SOBEL_X, bias: 3 }], padding: 'valid' }],
  [
    'gray, same, relu',
    { channels: 'gray', filters: [{ weights: SOBEL_X }], padding: 'same', activation: 'relu' },
  ],
  [
    'gray, explicit 2, reflect',
    { channels: 'gray', filters: [{ weights: SOBEL_X }], padding: 2, padMode: 'reflect' },
  ],
  [
    'gray, [top, bottom, left, right], replicate',
    { channels: 'gray', filters: [{ weights: SOBEL_X }], padding: [0, 1, 2, 1], padMode: 'replicate' },
  ],
  [
    'gray, dilation 2, same',
    { channels: 'gray', filters: [{ weights: SOBEL_X }], dilation: 2, padding: 'same' },
  ],
  [
    'rgb, 2-D and 3-D filters, valid, flip',
    {
      channels: 'rgb',
      filters: [
        { weights: RGB_3D, bias: -4 },
        {
          weights: [
            [1, 0],
            [0, -1],
          ],
        },
      ],
      flip: true,
      padding: 'valid',
    },
  ],
  [
    'rgb, same, reflect, dilation [2, 1], abs',
    {
      channels: 'rgb',
      filters: [{ weights: RGB_3D }],
      padding: 'same',
      padMode: 'reflect',
      dilation: [2, 1],
      activation: 'abs',
    },
  ],
  [
    'rgb-per-channel, explicit 1, relu',
    {
      channels: 'rgb-per-channel',
      filters: [
        { weights: SOBEL_X, bias: -10 },
        {
          weights: [
            [0, 0, 0],
            [0, 0.5, 0],
            [0, 0, 0],
          ],
        },
      ],
      padding: 1,
      activation: 'relu',
    },
  ],
  [
    'rgb-per-channel, same, replicate, dilation 2, clip',
    {
      channels: 'rgb-per-channel',
      filters: [{ weights: SOBEL_X }],
      padding: 'same',
      padMode: 'replicate',
      dilation: 2,
      activation: 'clip',
    },
  ],
];

describe.each(CASES)('downsample, %s', (_name, json) => {
  const spec = parseSpec(json);
  // Odd sides, so that stride 2 and the 2 × 2 pool each drop (or pad) a different last row or column.
  const image = randomImage(13, 11, 7 + _name.length);

  it.each(DOWNSAMPLINGS)('%s equals the plain-loop reference', (way) => {
    const want = referenceWay(image, spec, way);
    const got = runWay(image, spec, way);
    expect(got.shape, 'shape').toEqual(want.shape);
    expectClose(got.data, want.data, FIXTURE_TOLERANCE, { label: way, shape: want.shape });
  });

  it.each(DOWNSAMPLINGS)("%s: downsampleCost's shape is the tensor's, its multiply-adds the count", (way) => {
    const cost = downsampleCost(spec, 13, 11, way);
    const got = runWay(image, spec, way);
    expect([cost.height, cost.width, cost.maps]).toEqual(got.shape);
    // The convolution actually computed: stride 2's own map, or the whole stride-1 map before pooling.
    const computed =
      way === 'stride'
        ? got.shape
        : referenceLayer(image, { ...spec, stride: [1, 1], pool: FITS }).conv.shape;
    const [kh, kw] = [spec.filters[0]!.weights.length, spec.filters[0]!.weights[0]!.length];
    const summed = spec.channels === 'rgb' ? 3 : 1; // per-channel: each map sums one channel
    const maps = computed[2]!;
    expect(cost.computedCells).toBe(computed[0]! * computed[1]! * maps);
    expect(cost.multiplyAdds).toBe(computed[0]! * computed[1]! * maps * kh * kw * summed);
    expect(cost.poolReads).toBe(way === 'stride' ? 0 : got.shape[0]! * got.shape[1]! * 4 * maps);
  });
});

describe('downsampleSpec', () => {
  it('keeps filters, padding, dilation and activation; sets the stride and the 2 × 2 / 2 valid pool', () => {
    const spec = parseSpec({
      filters: [{ weights: SOBEL_X, bias: 2 }],
      stride: 3,
      dilation: 2,
      padding: 'same',
      activation: 'abs',
    });
    const pool = { size: [2, 2], stride: [2, 2], padding: 'valid' };
    expect(downsampleSpec(spec, 'stride')).toEqual({ ...spec, stride: [2, 2], pool });
    expect(downsampleSpec(spec, 'maxPool')).toEqual({ ...spec, stride: [1, 1], pool });
    expect(downsampleSpec(spec, 'avgPool')).toEqual({ ...spec, stride: [1, 1], pool });
  });
});

describe('downsampleCost', () => {
  it("stride 2 computes a quarter of stride 1's multiply-adds: ceil(h₁/2)·ceil(w₁/2) of h₁·w₁ cells", () => {
    for (const padding of ['valid', 'same', 1] as const) {
      for (const [h, w] of [
        [64, 64],
        [28, 28],
        [27, 27],
        [13, 8],
      ] as const) {
        const spec = parseSpec({
          channels: 'rgb',
          filters: [{ weights: SOBEL_X }, { weights: SOBEL_X }],
          padding,
        });
        const stride = downsampleCost(spec, h, w, 'stride');
        const pooled = downsampleCost(spec, h, w, 'maxPool');
        expect(downsampleCost(spec, h, w, 'avgPool')).toEqual(pooled);
        // 'same' and explicit 1 both add two rows and columns to a 3 × 3 filter's input at stride 1.
        const pad = padding === 'valid' ? 0 : 2;
        const [h1, w1] = [h + pad - 2, w + pad - 2];
        const perCell = 2 * 9 * 3;
        expect(pooled.multiplyAdds).toBe(h1 * w1 * perCell);
        expect(stride.multiplyAdds).toBe(Math.ceil(h1 / 2) * Math.ceil(w1 / 2) * perCell);
        expect([pooled.height, pooled.width]).toEqual([Math.floor(h1 / 2), Math.floor(w1 / 2)]);
        expect(stride.multiplyAdds / pooled.multiplyAdds).toBeGreaterThanOrEqual(0.25);
        expect(stride.multiplyAdds / pooled.multiplyAdds).toBeLessThan(0.36);
      }
    }
  });
});

describe('a way that leaves no output', () => {
  it('a filter larger than the padded image: every way throws a SpecError, cost and geometry too', () => {
    const spec = parseSpec({
      filters: [{ weights: Array.from({ length: 5 }, () => [1, 1, 1, 1, 1]) }],
      padding: 'valid',
    });
    const input = tf.zeros([3, 3, 1]) as tf.Tensor3D;
    try {
      for (const way of DOWNSAMPLINGS) {
        const before = tf.memory().numTensors;
        expect(() => downsample(input, spec, way)).toThrow(SpecError);
        expect(() => downsampleCost(spec, 3, 3, way)).toThrow(SpecError);
        expect(() => downsampleGeometry(spec, 3, 3, way)).toThrow(SpecError);
        expect(tf.memory().numTensors).toBe(before);
      }
    } finally {
      input.dispose();
    }
  });

  it('reflect padding wider than the image: a SpecError naming padMode', () => {
    const spec = parseSpec({ filters: [{ weights: SOBEL_X }], padding: 3, padMode: 'reflect' });
    for (const way of DOWNSAMPLINGS) {
      expect(() => downsampleCost(spec, 3, 3, way)).toThrow(expect.objectContaining({ field: 'padMode' }));
    }
  });

  it('a map one row tall: stride 2 still has a row, the 2 × 2 pool has nothing ([0, 0, M], cost 0 × 0)', () => {
    const spec = parseSpec({ filters: [{ weights: SOBEL_X }, { weights: SOBEL_X }], padding: 'valid' });
    const input = tf.ones([3, 9, 1]) as tf.Tensor3D;
    try {
      const strided = downsample(input, spec, 'stride');
      expect(strided.shape).toEqual([1, 4, 2]);
      strided.dispose();
      for (const way of ['maxPool', 'avgPool'] as const) {
        const out = downsample(input, spec, way);
        expect(out.shape).toEqual([0, 0, 2]);
        out.dispose();
        expect(downsampleGeometry(spec, 3, 9, way).pool.empty).not.toBeNull();
        expect(downsampleCost(spec, 3, 9, way)).toMatchObject({ height: 0, width: 0, poolReads: 0 });
      }
    } finally {
      input.dispose();
    }
  });
});

describe('the fixture cases that are one of the three ways', () => {
  const strided = FIXTURE_CASES.filter((c) => parseSpec(c.spec).stride.join() === '2,2');
  const pooled = FIXTURE_CASES.filter((c) => {
    const s = parseSpec(c.spec);
    return (
      s.stride.join() === '1,1' &&
      JSON.stringify(s.pool) === '{"size":[2,2],"stride":[2,2],"padding":"valid"}'
    );
  });

  it('there are some of each', () => {
    expect(strided.length).toBeGreaterThan(3);
    expect(pooled.length).toBeGreaterThan(0);
  });

  it("downsample 'stride' equals the fixture's conv where the fixture's stride is 2", () => {
    for (const c of strided) {
      const got = runWay(c.image, parseSpec(c.spec), 'stride');
      expect(got.shape, c.name).toEqual(c.expected.conv.shape);
      expectClose(got.data, c.expected.conv.data, FIXTURE_TOLERANCE, { label: c.name, shape: got.shape });
    }
  });

  it("downsample 'maxPool' and 'avgPool' equal the fixture's pools where it has stride 1 and a 2 × 2 / 2 pool", () => {
    for (const c of pooled) {
      const spec = parseSpec(c.spec);
      for (const [way, want] of [
        ['maxPool', c.expected.maxpool],
        ['avgPool', c.expected.avgpool],
      ] as const) {
        const got = runWay(c.image, spec, way);
        expect(got.shape, c.name).toEqual(want.shape);
        expectClose(got.data, want.data, FIXTURE_TOLERANCE, { label: `${c.name} ${way}`, shape: got.shape });
      }
    }
  });
});

describe('downsample against the reference on random layers', () => {
  it('agrees on every way, and refuses (SpecError) exactly where the reference has no convolution', () => {
    const before = tf.memory().numTensors;
    const seen = { compared: 0, refused: 0, emptyPool: 0 };
    fc.assert(
      fc.property(layerCase, fc.constantFrom(...DOWNSAMPLINGS), ({ spec: json, image }, way) => {
        const spec = parseSpec(json);
        let want: HwcArray | null;
        try {
          want = referenceWay(image, spec, way);
        } catch (error) {
          if (!(error instanceof ReferenceRefusal)) throw error;
          if (error.reason === 'pool-no-output') {
            expect(runWay(image, spec, way).shape).toEqual([0, 0, expect.any(Number)]);
            seen.emptyPool++;
            return;
          }
          want = null;
        }
        if (want === null) {
          expect(() => runWay(image, spec, way)).toThrow(SpecError);
          seen.refused++;
          return;
        }
        const got = runWay(image, spec, way);
        expect(got.shape).toEqual(want.shape);
        expectClose(got.data, want.data, FIXTURE_TOLERANCE, { label: way, shape: want.shape });
        seen.compared++;
      }),
      { numRuns: 300 },
    );
    expect(tf.memory().numTensors).toBe(before);
    // Most draws compare values; the refusals and empty pools are drawn too, not filtered away.
    expect(seen.compared).toBeGreaterThan(100);
    expect(seen.refused + seen.emptyPool).toBeGreaterThan(0);
  });
});
