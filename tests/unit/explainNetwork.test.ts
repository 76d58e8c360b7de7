/**
 * The inspector's explanation of a deeper layer's pixel (src/core/explainConv.ts, explainPool.ts given
 * layer k's spec, geometry and the maps layer k-1 feeds it) against the plain-loop reference network
 * (tests/reference/convLoop.ts) on random 2- and 3-layer networks: one term per input map, each term's
 * taps reading that map's values, the per-map partial sums adding up (with the bias, through the
 * activation) to the reference's value, and every pooled pixel's max or average too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activateValue } from '../../src/core/activateValue.ts';
import { stageSize } from '../../src/core/cellWindows.ts';
import { explainPixel } from '../../src/core/explain.ts';
import type { LayerInputValues } from '../../src/core/explainInput.ts';
import { networkGeometry, parseNetwork, SpecError, type LayerGeometry } from '../../src/core/index.ts';
import type { Stage } from '../../src/core/stage.ts';
import {
  ReferenceRefusal,
  referenceNetwork,
  type HwcArray,
  type ReferenceOutputs,
} from '../reference/convLoop.ts';
import { FIXTURE_TOLERANCE } from '../support/fixtures.ts';
import { networkCase } from '../support/networkArbitraries.ts';

const RUNS = Number(process.env.FC_RUNS ?? 150);

const STAGE_OF: Record<Stage, keyof ReferenceOutputs> = {
  preActivation: 'preActivation',
  features: 'conv',
  maxPool: 'maxpool',
  avgPool: 'avgpool',
};

/** As tests/support/networkMatch.ts: float32 sums over a deep stack lose more, in step with the values. */
function allowed(stage: HwcArray, expected: number): number {
  let scale = 0;
  for (const v of stage.data) scale = Math.max(scale, Math.abs(v));
  return FIXTURE_TOLERANCE.abs + 4e-6 * scale + FIXTURE_TOLERANCE.rel * Math.abs(expected);
}

function near(actual: number, expected: number, tolerance: number, what: string): void {
  if (!(Math.abs(actual - expected) <= tolerance)) {
    expect.fail(`${what}: got ${actual}, expected ${expected} (allowed ${tolerance})`);
  }
}

function at(array: HwcArray, y: number, x: number, c: number): number {
  const [, w, depth] = array.shape;
  return array.data[(y * w + x) * depth + c] as number;
}

/** The reference's fed result as the engine's readInput gives it: [H, W, C] values. */
function inputOf(fed: HwcArray): LayerInputValues {
  const [height, width, channels] = fed.shape;
  return { data: fed.data, height, width, channels };
}

/** The network, its geometries and the reference's results, or null when it has no result for the image. */
function setUp(json: unknown, image: { shape: number[]; data: number[] }) {
  const net = parseNetwork(json);
  const [height, width] = image.shape as [number, number];
  try {
    const geometries = networkGeometry(net, height, width);
    return { net, geometries, reference: referenceNetwork(image, net.layers) };
  } catch (error) {
    if (error instanceof SpecError || error instanceof ReferenceRefusal) return null;
    throw error;
  }
}

const deepCase = networkCase.filter(({ spec }) => spec.layers.length >= 2 && spec.layers.length <= 3);

describe('explain: a deeper layer’s pixel as a sum over its C input maps', () => {
  it(`agrees with the reference network on every pixel of every stage of layers 2 and 3 (${RUNS} networks)`, () => {
    let explained = 0;
    let manyMaps = 0;
    fc.assert(
      fc.property(deepCase, ({ spec, image }) => {
        const run = setUp(spec, image);
        if (!run) return;
        const { net, geometries, reference } = run;
        for (let k = 1; k < net.layers.length; k++) {
          const layer = net.layers[k]!;
          const before = net.layers[k - 1]!;
          const geometry = geometries[k] as LayerGeometry;
          const fed = reference[k - 1]![before.output];
          const input = inputOf(fed);
          const maps = fed.shape[2];
          if (maps > 1) manyMaps++;
          for (const stage of ['preActivation', 'features', 'maxPool', 'avgPool'] as const) {
            const want = reference[k]![STAGE_OF[stage]];
            const { height, width } = stageSize(geometry, stage);
            for (let m = 0; m < geometry.conv.maps; m++) {
              for (let y = 0; y < height; y++) {
                for (let x = 0; x < width; x++) {
                  const what = `layer ${k + 1} ${stage} map ${m} (${y}, ${x})`;
                  const e = explainPixel(input, layer, geometry, stage, m, y, x);
                  const expected = at(want, y, x, m);
                  near(e.value, expected, allowed(want, expected), what);
                  explained++;
                  if (e.kind !== 'conv') continue;
                  // One term per input map, each a sum of its own taps over that map's values.
                  expect(e.terms.map((t) => t.channel)).toEqual(Array.from({ length: maps }, (_, c) => c));
                  let total = 0;
                  for (const term of e.terms) {
                    let sum = 0;
                    for (const tap of term.taps) {
                      if (!tap.padded) expect(tap.value, what).toBe(at(fed, tap.y, tap.x, term.channel));
                      expect(tap.product, what).toBe(tap.weight * tap.value);
                      sum += tap.product;
                    }
                    near(term.sum, sum, 1e-9 * (1 + Math.abs(sum)), `${what} map ${term.channel} sum`);
                    total += term.sum;
                  }
                  // The partial sums add up, with the bias, through the activation, to the reference.
                  const pre = reference[k]!.preActivation;
                  const preWant = at(pre, y, x, m);
                  near(total + e.bias, preWant, allowed(pre, preWant), `${what} Σ maps + bias`);
                  const conv = reference[k]!.conv;
                  const convWant = at(conv, y, x, m);
                  near(
                    activateValue(layer.activation, total + e.bias),
                    convWant,
                    allowed(conv, convWant),
                    what,
                  );
                }
              }
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
    // Guards against a generator that drifts into networks with no deep result or a single map.
    expect(explained).toBeGreaterThan(RUNS * 10);
    expect(manyMaps).toBeGreaterThan(RUNS * 0.2);
  });

  it('a 3-layer network: a kh × kw × C filter weighs each input map by its own slice, a 2-D one the same', () => {
    const run = setUp(
      {
        layers: [
          { channels: 'rgb', filters: [{ weights: [[[1, 0, -1]]] }, { weights: [[2]] }], output: 'maxpool' },
          { filters: [{ weights: [[1]] }, { weights: [[0.5]] }, { weights: [[-1]] }], output: 'conv' },
          { filters: [{ weights: [[[1, 2, 3]]], bias: -4 }] },
        ],
      },
      { shape: [6, 7, 3], data: Array.from({ length: 6 * 7 * 3 }, (_, i) => (i * 37) % 256) },
    );
    if (!run) throw new Error('the network has a result for a 6 × 7 image');
    const { net, geometries, reference } = run;
    const input = inputOf(reference[1]!.conv);
    const e = explainPixel(input, net.layers[2]!, geometries[2]!, 'features', 0, 1, 2);
    if (e.kind !== 'conv') throw new Error('a feature-map pixel explains as conv');
    // A 1 × 1 × 3 filter: one tap per map, weights 1, 2, 3; not the same kernel on every map.
    expect(e.terms.map((t) => t.taps.map((tap) => tap.weight))).toEqual([[1], [2], [3]]);
    expect(e.sameKernel).toBe(false);
    const values = [0, 1, 2].map((c) => at(reference[1]!.conv, 1, 2, c));
    expect(e.terms.map((t) => t.sum)).toEqual(values.map((v, c) => (c + 1) * v));
    const layer2 = explainPixel(
      inputOf(reference[0]!.maxpool),
      net.layers[1]!,
      geometries[1]!,
      'features',
      0,
      0,
      0,
    );
    expect(layer2.kind === 'conv' && layer2.sameKernel).toBe(true);
  });
});
