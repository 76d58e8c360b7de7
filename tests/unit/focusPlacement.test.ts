/**
 * The focus view's placement of a map over the input (src/components/focus/placement.ts): every map
 * pixel's box is centred on the centre of its receptive field (core/cellWindows.ts, computed independently),
 * for any stride, dilation, kernel, padding and pooling, and is `step` input pixels wide.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkPlacement, placementOf } from '../../src/components/focus/placement.ts';
import { inputWindow, stageSize } from '../../src/core/cellWindows.ts';
import {
  defaultSpec,
  layerGeometry,
  networkGeometry,
  parseNetwork,
  traceWindows,
  type LayerSpec,
} from '../../src/core/index.ts';
import { parseKey } from '../../src/engine/views.ts';

const stages = ['features', 'maxPool', 'avgPool'] as const;

describe('focus view placement', () => {
  it('centres each map pixel on its receptive field', () => {
    const specs = fc.record({
      kh: fc.integer({ min: 1, max: 5 }),
      kw: fc.integer({ min: 1, max: 5 }),
      stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
      dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
      padding: fc.constantFrom('valid', 'same') as fc.Arbitrary<'valid' | 'same'>,
      pool: fc.integer({ min: 1, max: 3 }),
      poolStride: fc.integer({ min: 1, max: 3 }),
      poolPadding: fc.constantFrom('valid', 'same') as fc.Arbitrary<'valid' | 'same'>,
    });
    fc.assert(
      fc.property(specs, (s) => {
        const base = defaultSpec();
        const spec: LayerSpec = {
          ...base,
          filters: [{ weights: Array.from({ length: s.kh }, () => Array<number>(s.kw).fill(1)) }],
          stride: s.stride,
          dilation: s.dilation,
          padding: s.padding,
          pool: { size: [s.pool, s.pool], stride: [s.poolStride, s.poolStride], padding: s.poolPadding },
        } as LayerSpec;
        const geometry = layerGeometry(spec, 40, 36);
        for (const stage of stages) {
          const { step, origin } = placementOf(stage, spec, geometry);
          const size = stageSize(geometry, stage);
          // Pixels whose window lies wholly inside (a pool window clipped at the edge is off-centre).
          const y = Math.floor(size.height / 2);
          const x = Math.floor(size.width / 2);
          const field = inputWindow(geometry, spec, stage, y, x);
          if (stage !== 'features' && (y === 0 || x === 0)) continue;
          expect(origin[0] + (y + 0.5) * step[0]).toBeCloseTo(field.top + field.height / 2, 9);
          expect(origin[1] + (x + 0.5) * step[1]).toBeCloseTo(field.left + field.width / 2, 9);
          expect(step[0]).toBe(s.stride[0] * (stage === 'features' ? 1 : s.poolStride));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the input where it is, and a second canvas of a view names the same view', () => {
    const spec = defaultSpec();
    expect(placementOf('input', spec, layerGeometry(spec, 10, 10))).toEqual({ step: [1, 1], origin: [0, 0] });
    expect(parseKey('features-2@focus')).toEqual(parseKey('features-2'));
    expect(parseKey('input@focus')).toEqual({ kind: 'input' });
  });

  it("places a deeper layer's pixel on the centre of its traced window on the image", () => {
    const layer = fc.record({
      k: fc.integer({ min: 1, max: 4 }),
      stride: fc.integer({ min: 1, max: 2 }),
      dilation: fc.integer({ min: 1, max: 2 }),
      padding: fc.constantFrom('valid', 'same'),
      pool: fc.integer({ min: 1, max: 3 }),
      poolStride: fc.integer({ min: 1, max: 2 }),
      output: fc.constantFrom('maxpool', 'avgpool', 'conv'),
    });
    fc.assert(
      fc.property(fc.array(layer, { minLength: 2, maxLength: 3 }), (list) => {
        const net = parseNetwork({
          layers: list.map((l) => ({
            filters: [{ weights: Array.from({ length: l.k }, () => Array<number>(l.k).fill(1)) }],
            stride: l.stride,
            dilation: l.dilation,
            padding: l.padding,
            pool: { size: l.pool, stride: l.poolStride },
            output: l.output,
          })),
        });
        let geometries;
        try {
          geometries = networkGeometry(net, 64, 60);
        } catch {
          return; // a network the image cannot take
        }
        const last = net.layers.length - 1;
        for (const stage of stages) {
          const size = stageSize(geometries[last]!, stage);
          if (size.height === 0 || size.width === 0) continue;
          const y = Math.floor(size.height / 2);
          const x = Math.floor(size.width / 2);
          const trace = traceWindows(net, geometries, last, stage, y, x);
          // Only a window never cut by a border (padding, a partial pool window) is centred on its pixel.
          const cut = trace.some(({ layer: i, stage: at, window: w }) => {
            const g = geometries[i]!;
            const { height, width } = at === 'input' ? g.input : stageSize(g, at);
            return w.top < 0 || w.left < 0 || w.top + w.height > height || w.left + w.width > width;
          });
          if (cut) continue;
          const field = trace[trace.length - 1]!.window;
          const { step, origin } = networkPlacement(stage, net, geometries, last);
          expect(origin[0] + (y + 0.5) * step[0]).toBeCloseTo(field.top + field.height / 2, 9);
          expect(origin[1] + (x + 0.5) * step[1]).toBeCloseTo(field.left + field.width / 2, 9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
