/**
 * Receptive fields (core/receptiveField.ts): the formula's steps on a worked example, and the formula
 * against brute force. On random networks of ones (gray, no activation, valid padding, any kernel,
 * stride, dilation, pooling and fed result) an all-zero image gets a single positive pixel, one input
 * pixel at a time, through the plain-loop reference: the input pixels that move a chosen output pixel
 * of the last layer span exactly r rows and columns, where `traceWindows` puts them. Ones and a zero
 * image keep every path positive, so neither a max pooling nor a cancellation can hide a pixel.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  networkGeometry,
  parseNetwork,
  receptiveField,
  SpecError,
  traceWindows,
  type NetworkSpec,
  type Stage,
} from '../../src/core/index.ts';
import { referenceNetwork, type HwcArray } from '../reference/convLoop.ts';

const ones = (h: number, w: number): number[][] => Array.from({ length: h }, () => Array<number>(w).fill(1));

const STAGE_ARRAY: Record<'features' | 'maxPool' | 'avgPool', 'conv' | 'maxpool' | 'avgpool'> = {
  features: 'conv',
  maxPool: 'maxpool',
  avgPool: 'avgpool',
};

describe('receptiveField', () => {
  it('walks the formula per axis and keeps every step: 3 → 4 → 8 → 10 → 18', () => {
    const layer = { filters: [{ weights: ones(3, 3) }], padding: 'valid' };
    const net = parseNetwork({ layers: [layer, layer, layer] });
    const field = receptiveField(net, 2);
    expect(field.rows.steps.map((s) => [s.kind, s.r, s.j])).toEqual([
      ['conv', 3, 1],
      ['pool', 4, 2],
      ['conv', 8, 2],
      ['pool', 10, 4],
      ['conv', 18, 4],
    ]);
    expect([field.rows.r, field.cols.r, field.rows.j]).toEqual([18, 18, 4]);
    expect(receptiveField(net, 0).rows.r).toBe(3);
    expect(receptiveField(net, 1).rows.r).toBe(8);
    // A pooled pixel of the last layer adds that layer's pooling.
    expect(receptiveField(net, 2, 'maxPool').rows.r).toBe(22);
  });

  it('counts dilation and strides per axis, and no pooling where the conv maps feed on', () => {
    const net = parseNetwork({
      layers: [
        { filters: [{ weights: ones(3, 2) }], dilation: [2, 1], stride: [1, 2], output: 'conv' },
        { filters: [{ weights: ones(2, 3) }], pool: { size: [3, 1], stride: [3, 1] } },
      ],
    });
    const field = receptiveField(net, 1);
    // rows: 1 + 4 = 5 (k_eff 5), then 5 + 1·1 = 6; cols: 1 + 1 = 2, j = 2, then 2 + 2·2 = 6.
    expect([field.rows.r, field.cols.r, field.cols.j]).toEqual([6, 6, 2]);
    expect(field.rows.steps.map((s) => s.kind)).toEqual(['conv', 'conv']);
    expect(() => receptiveField(net, 2)).toThrow(RangeError);
  });
});

/** Random networks of ones: gray, valid padding, no activation, 1–3 layers. */
const onesNetwork = fc
  .record({
    height: fc.integer({ min: 6, max: 16 }),
    width: fc.integer({ min: 6, max: 16 }),
    layers: fc.array(
      fc.record({
        kh: fc.integer({ min: 1, max: 3 }),
        kw: fc.integer({ min: 1, max: 3 }),
        filters: fc.integer({ min: 1, max: 2 }),
        stride: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
        dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
        pool: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
        poolStride: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
        output: fc.constantFrom('maxpool', 'avgpool', 'conv'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    stage: fc.constantFrom<Stage>('features', 'maxPool', 'avgPool'),
    at: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
  })
  .map(({ layers, ...rest }) => ({
    ...rest,
    json: {
      layers: layers.map((l) => ({
        filters: Array.from({ length: l.filters }, () => ({ weights: ones(l.kh, l.kw) })),
        stride: l.stride,
        dilation: l.dilation,
        padding: 'valid',
        pool: { size: l.pool, stride: l.poolStride, padding: 'valid' },
        output: l.output,
      })),
    },
  }));

function mapAt(map: HwcArray, y: number, x: number): number {
  return map.data[(y * map.shape[1] + x) * map.shape[2]] as number;
}

describe('receptiveField against brute force', () => {
  it('the input pixels that move one output pixel span r × r, where traceWindows says', () => {
    let measured = 0;
    fc.assert(
      fc.property(onesNetwork, ({ height, width, json, stage, at }) => {
        const net: NetworkSpec = parseNetwork(json);
        try {
          networkGeometry(net, height, width);
        } catch (error) {
          if (error instanceof SpecError) return;
          throw error;
        }
        const n = net.layers.length - 1;
        const image = { shape: [height, width, 3] as const, data: new Float32Array(height * width * 3) };
        const out = (): HwcArray => referenceNetwork(image, net.layers)[n]![STAGE_ARRAY[stage as 'features']];
        const [outH, outW] = out().shape;
        if (outH === 0) return; // an empty last pooling has no pixel to trace
        const y = Math.min(outH - 1, Math.floor(at[0] * outH));
        const x = Math.min(outW - 1, Math.floor(at[1] * outW));

        const moved = { top: Infinity, bottom: -Infinity, left: Infinity, right: -Infinity };
        for (let py = 0; py < height; py++) {
          for (let px = 0; px < width; px++) {
            image.data.fill(0);
            image.data.set([1, 1, 1], (py * width + px) * 3);
            if (mapAt(out(), y, x) > 0) {
              moved.top = Math.min(moved.top, py);
              moved.bottom = Math.max(moved.bottom, py);
              moved.left = Math.min(moved.left, px);
              moved.right = Math.max(moved.right, px);
            }
          }
        }
        const field = receptiveField(net, n, stage);
        expect(moved.bottom - moved.top + 1).toBe(field.rows.r);
        expect(moved.right - moved.left + 1).toBe(field.cols.r);
        const trace = traceWindows(net, networkGeometry(net, height, width), n, stage, y, x);
        expect(trace.at(-1)).toEqual({
          layer: 0,
          stage: 'input',
          window: { top: moved.top, left: moved.left, height: field.rows.r, width: field.cols.r },
        });
        measured++;
      }),
      { numRuns: 80 },
    );
    expect(measured).toBeGreaterThan(20);
  });
});

describe('traceWindows', () => {
  it('gives the window of every stage in between, from the pixel down to the image', () => {
    const net = parseNetwork({
      layers: [
        { filters: [{ weights: ones(3, 3) }], padding: 'same', output: 'avgpool' },
        { filters: [{ weights: ones(3, 3) }], padding: 'valid', output: 'conv' },
        { filters: [{ weights: ones(1, 1) }], padding: 'valid' },
      ],
    });
    const geos = networkGeometry(net, 12, 12);
    const trace = traceWindows(net, geos, 2, 'maxPool', 1, 1);
    expect(trace.map((t) => [t.layer, t.stage, t.window])).toEqual([
      [2, 'maxPool', { top: 1, left: 1, height: 1, width: 1 }],
      [2, 'features', { top: 2, left: 2, height: 2, width: 2 }],
      [1, 'features', { top: 2, left: 2, height: 2, width: 2 }],
      [0, 'avgPool', { top: 2, left: 2, height: 4, width: 4 }],
      [0, 'features', { top: 4, left: 4, height: 8, width: 8 }],
      // SAME padding of 1: the window reaches one row and column into it at the far side.
      [0, 'input', { top: 3, left: 3, height: 10, width: 10 }],
    ]);
    // Near the corner the window reaches into the SAME padding; the next step starts from the cells inside.
    const corner = traceWindows(net, geos, 0, 'features', 0, 0);
    expect(corner.at(-1)?.window).toEqual({ top: -1, left: -1, height: 3, width: 3 });
  });
});
