/**
 * What the page outlines for an inspected pixel (src/components/inspector/outline.ts, drawn by
 * ReceptiveField over the image and TraceOutline over every map): exactly the windows core
 * `traceWindows` gives, each on the canvas of its own layer and stage, nothing elsewhere; for one layer
 * the same field the inspector drew before networks (cellWindows.ts `inputWindow`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipRect, inputWindow, stageSize } from '../../src/core/cellWindows.ts';
import {
  networkGeometry,
  parseNetwork,
  SpecError,
  STAGES,
  traceWindows,
  type LayerGeometry,
  type NetworkSpec,
  type Stage,
} from '../../src/core/index.ts';
import { outlineOn } from '../../src/components/inspector/outline.ts';
import { layerCase } from '../support/arbitraries.ts';
import { networkCase } from '../support/networkArbitraries.ts';

const RUNS = Number(process.env.FC_RUNS ?? 200);

const ones = (h: number, w: number): number[][] => Array.from({ length: h }, () => Array<number>(w).fill(1));

function geometriesOf(net: NetworkSpec, height: number, width: number): LayerGeometry[] | null {
  try {
    return networkGeometry(net, height, width);
  } catch (error) {
    if (error instanceof SpecError) return null;
    throw error;
  }
}

/** Every canvas of the page for this network: the image, and each stage of each layer. */
function canvases(geometries: readonly LayerGeometry[], height: number, width: number) {
  const list: Array<{ layer: number; stage: Stage | 'input'; height: number; width: number }> = [
    { layer: 0, stage: 'input', height, width },
  ];
  geometries.forEach((geometry, layer) => {
    for (const stage of STAGES) list.push({ layer, stage, ...stageSize(geometry, stage) });
  });
  return list;
}

describe('outlineOn: the traced windows on the page’s canvases', () => {
  it('a layer-3 pixel of 3×3 convs and 2×2 pools: 18 × 18 on the image, every layer between outlined', () => {
    const layer = { filters: [{ weights: ones(3, 3) }, { weights: ones(3, 3) }], padding: 'valid' };
    const net = parseNetwork({ layers: [layer, layer, layer] });
    const geometries = networkGeometry(net, 40, 40);
    const probe = { layer: 2, map: 1 };
    const trace = traceWindows(net, geometries, 2, 'features', 2, 1);
    const on = (l: number, stage: Stage | 'input', map = 0) => {
      const size = stage === 'input' ? { height: 40, width: 40 } : stageSize(geometries[l]!, stage);
      return outlineOn(trace, probe, l, stage, size.height, size.width, map)?.window ?? null;
    };
    expect(on(0, 'input')).toEqual({ top: 8, left: 4, height: 18, width: 18 });
    // Layer 2 (0-based 1) feeds on its max pooling, read through its feature maps (and their pre-activation).
    expect(on(1, 'maxPool')).toEqual({ top: 2, left: 1, height: 3, width: 3 });
    expect(on(1, 'features')).toEqual({ top: 4, left: 2, height: 6, width: 6 });
    expect(on(1, 'preActivation', 1)).toEqual(on(1, 'features'));
    expect(on(1, 'avgPool')).toBeNull();
    expect(on(0, 'maxPool', 1)).toEqual({ top: 4, left: 2, height: 8, width: 8 });
    expect(on(0, 'features')).toEqual({ top: 8, left: 4, height: 16, width: 16 });
    // The pixel's own cell is ProbeMarker's; a pooled pixel's window sits on its own map only.
    expect(on(2, 'features', 1)).toBeNull();
    const pooled = traceWindows(net, geometries, 2, 'maxPool', 0, 0);
    const size = stageSize(geometries[2]!, 'features');
    expect(outlineOn(pooled, probe, 2, 'features', size.height, size.width, 1)?.window).toEqual({
      top: 0,
      left: 0,
      height: 2,
      width: 2,
    });
    expect(outlineOn(pooled, probe, 2, 'features', size.height, size.width, 0)).toBeNull();
  });

  it(`on random networks, each traced window lands on its own canvas and nothing else is outlined (${RUNS})`, () => {
    let traced = 0;
    fc.assert(
      fc.property(networkCase, fc.nat(), fc.nat(), fc.nat(), (c, layerPick, stagePick, pixelPick) => {
        const net = parseNetwork(c.spec);
        const [height, width] = c.image.shape;
        const geometries = geometriesOf(net, height, width);
        if (!geometries) return;
        const layer = layerPick % net.layers.length;
        const stage = STAGES[stagePick % STAGES.length] as Stage;
        const size = stageSize(geometries[layer]!, stage);
        if (size.height === 0 || size.width === 0) return;
        const y = pixelPick % size.height;
        const x = Math.floor(pixelPick / size.height) % size.width;
        const map = pixelPick % geometries[layer]!.conv.maps;
        const probe = { layer, map };
        const trace = traceWindows(
          net,
          geometries,
          layer,
          stage === 'preActivation' ? 'features' : stage,
          y,
          x,
        );
        for (const canvas of canvases(geometries, height, width)) {
          const got = outlineOn(trace, probe, canvas.layer, canvas.stage, canvas.height, canvas.width, map);
          const same = canvas.stage === 'preActivation' ? 'features' : canvas.stage;
          const want = trace
            .slice(1)
            .find((w) => w.stage === same && (same === 'input' || w.layer === canvas.layer));
          if (!want) {
            expect(got, `${canvas.stage} of layer ${canvas.layer}`).toBeNull();
            continue;
          }
          traced++;
          const inside = clipRect(want.window, canvas.height, canvas.width);
          expect(got).toEqual({
            window: want.window,
            inside,
            padded: inside.height !== want.window.height || inside.width !== want.window.width,
          });
        }
        // The image is always reached.
        expect(outlineOn(trace, probe, 0, 'input', height, width)).not.toBeNull();
      }),
      { numRuns: RUNS },
    );
    expect(traced).toBeGreaterThan(RUNS);
  });

  it(`for one layer, the field on the image is the inspector's inputWindow for every pixel (${RUNS} layers)`, () => {
    fc.assert(
      fc.property(layerCase, (c) => {
        const net = parseNetwork(c.spec);
        const [height, width] = c.image.shape;
        const geometries = geometriesOf(net, height, width);
        if (!geometries) return;
        const geometry = geometries[0]!;
        for (const stage of STAGES) {
          const size = stageSize(geometry, stage);
          for (let y = 0; y < size.height; y++) {
            for (let x = 0; x < size.width; x++) {
              const traced = stage === 'preActivation' ? 'features' : stage;
              const trace = traceWindows(net, geometries, 0, traced, y, x);
              const got = outlineOn(trace, { layer: 0, map: 0 }, 0, 'input', height, width);
              expect(got?.window).toEqual(inputWindow(geometry, net.layers[0]!, stage, y, x));
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
