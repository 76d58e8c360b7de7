/**
 * The drag preview (src/core/preview.ts), on tfjs cpu: for random layers (every channel mode, stride,
 * padding, activation and pooling) the preview's maps before and after the activation are exactly every
 * f-th row and column of the full layer's, its poolings always have an output, and it keeps no tensor.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  adjustPreviewFactor,
  defaultSpec,
  disposeOutputs,
  layerGeometry,
  MAX_PREVIEW_FACTOR,
  previewFactor,
  previewLayer,
  runLayerPadded,
  type LayerSpec,
} from '../../src/core/index.ts';
import { layerCase } from '../support/arbitraries.ts';
import { paddedLayer } from '../support/paddedLayer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Every f-th row and column of a [H, W, M] tensor, from the top left, as a plain array. */
function everyNth(t: tf.Tensor3D, f: number): number[] {
  const [h, w, m] = t.shape;
  const values = t.dataSync();
  const out: number[] = [];
  for (let y = 0; y < h; y += f) {
    for (let x = 0; x < w; x += f) {
      for (let c = 0; c < m; c++) out.push(values[(y * w + x) * m + c] as number);
    }
  }
  return out;
}

describe('previewLayer', () => {
  it("computes exactly every f-th pixel of the full layer's maps", () => {
    fc.assert(
      fc.property(layerCase, fc.integer({ min: 2, max: 5 }), (testCase, factor) => {
        const before = tf.memory().numTensors;
        const layer = paddedLayer(testCase);
        if (!layer) return; // a spec that leaves no output for this image
        const { spec, geometry, padded } = layer;
        const preview = previewLayer(spec, geometry, factor);
        if (spec.dilation.some((d) => d > 1)) {
          expect(preview).toBeNull();
        } else {
          if (!preview) throw new Error('no preview of an undilated layer');
          expect(preview.factor).toBe(factor);
          const full = runLayerPadded(padded, spec, geometry);
          const small = runLayerPadded(padded, preview.spec, preview.geometry);
          expect(small.preActivation.shape).toEqual([
            Math.ceil(geometry.conv.height / factor),
            Math.ceil(geometry.conv.width / factor),
            geometry.conv.maps,
          ]);
          expect(Array.from(small.preActivation.dataSync())).toEqual(everyNth(full.preActivation, factor));
          expect(Array.from(small.featureMaps.dataSync())).toEqual(everyNth(full.featureMaps, factor));
          expect(small.maxPool.size).toBeGreaterThan(0);
          expect(small.avgPool.shape).toEqual(small.maxPool.shape);
          disposeOutputs(full);
          disposeOutputs(small);
        }
        padded.dispose();
        expect(tf.memory().numTensors).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('shrinks the pooling window and stride by the factor, the window within the map', () => {
    const pool = (size: [number, number], stride: [number, number]): LayerSpec['pool'] => ({
      size,
      stride,
      padding: 'valid',
    });
    const spec: LayerSpec = { ...defaultSpec(), pool: pool([6, 2], [6, 3]) };
    const geometry = layerGeometry(spec, 40, 40);
    expect(previewLayer(spec, geometry, 4)?.spec.pool).toEqual({
      size: [2, 1],
      stride: [2, 1],
      padding: 'valid',
    });
    // A window wider than the preview's map is cut to the map (an 8 x 8 window over a 3 x 3 preview).
    const wide: LayerSpec = { ...defaultSpec(), pool: pool([8, 8], [8, 8]) };
    const small = previewLayer(wide, layerGeometry(wide, 20, 20), 8);
    expect(small?.geometry.conv).toMatchObject({ height: 3, width: 3 });
    expect(small?.spec.pool.size).toEqual([1, 1]);
  });

  it('keeps the full layer padding as explicit pads', () => {
    const spec = { ...defaultSpec(), padding: 'same' as const };
    const geometry = layerGeometry(spec, 30, 31);
    const preview = previewLayer(spec, geometry, 3);
    expect(preview?.geometry.pads).toEqual(geometry.pads);
    expect(preview?.spec.stride).toEqual([3, 3]);
  });

  it('gives none below a factor of 2 or for a dilated kernel, and caps the factor', () => {
    const spec = defaultSpec();
    const geometry = layerGeometry(spec, 64, 64);
    expect(previewLayer(spec, geometry, 1)).toBeNull();
    expect(previewLayer(spec, geometry, 1.9)).toBeNull();
    const dilated = { ...spec, dilation: [2, 1] as [number, number] };
    expect(previewLayer(dilated, layerGeometry(dilated, 64, 64), 4)).toBeNull();
    expect(previewLayer(spec, geometry, 100)?.factor).toBe(MAX_PREVIEW_FACTOR);
  });
});

describe('adjustPreviewFactor', () => {
  it('moves the factor so the next preview takes about the target, from 2 to the maximum', () => {
    expect(adjustPreviewFactor(4, 20, 20)).toBe(4);
    expect(adjustPreviewFactor(8, 5, 20)).toBe(4);
    expect(adjustPreviewFactor(2, 80, 20)).toBe(4);
    expect(adjustPreviewFactor(3, 1, 20)).toBe(2);
    expect(adjustPreviewFactor(12, 1000, 20)).toBe(MAX_PREVIEW_FACTOR);
    expect(adjustPreviewFactor(5, Number.NaN, 20)).toBe(5);
  });
});

describe('previewFactor', () => {
  it('brings the estimate to about the target, with the work falling as the square', () => {
    expect(previewFactor(10, 20)).toBe(1);
    expect(previewFactor(20, 20)).toBe(1);
    expect(previewFactor(21, 20)).toBe(2);
    expect(previewFactor(80, 20)).toBe(2);
    expect(previewFactor(81, 20)).toBe(3);
    expect(previewFactor(1e9, 20)).toBe(MAX_PREVIEW_FACTOR);
    expect(previewFactor(Number.NaN, 20)).toBe(1);
  });
});
