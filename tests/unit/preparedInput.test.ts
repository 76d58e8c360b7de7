/**
 * The engine's kept layer input (src/engine/preparedInput.ts) on tfjs cpu: the same values as computing
 * them afresh, rebuilt exactly when the image, the gray/RGB choice or the pads change, and nothing leaked.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  disposeOutputs,
  layerGeometry,
  layerInput,
  padImage,
  parseSpec,
  runLayer,
  runLayerPadded,
  type Pads,
} from '../../src/core/index.ts';
import { PreparedInput } from '../../src/engine/preparedInput.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const H = 7;
const W = 6;
const image = () =>
  tf.tensor3d(
    Float32Array.from({ length: H * W * 3 }, (_, i) => (i * 53) % 256),
    [H, W, 3],
  );
const PADS: Pads = { top: 1, bottom: 2, left: 0, right: 1 };

describe('PreparedInput', () => {
  it('keeps the input and its padded forms until the image, gray/RGB or pads change', () => {
    const prepared = new PreparedInput();
    const a = image();
    const gray = prepared.inputOf(a, 'gray');
    expect(prepared.inputOf(a, 'gray')).toBe(gray);
    const zeros = prepared.paddedOf(a, 'gray', PADS, 'zeros');
    expect(prepared.paddedOf(a, 'gray', { ...PADS }, 'zeros')).toBe(zeros);
    const reflect = prepared.paddedOf(a, 'gray', PADS, 'reflect');
    expect(reflect.version).not.toBe(zeros.version);
    expect(prepared.paddedOf(a, 'gray', PADS, 'zeros')).toBe(zeros);

    // Other pads: only the padded forms are rebuilt.
    const wider = prepared.paddedOf(a, 'gray', { ...PADS, left: 1 }, 'zeros');
    expect(wider.version).toBeGreaterThan(reflect.version);
    expect(prepared.inputOf(a, 'gray')).toBe(gray);

    // RGB and RGB per channel share one input; gray does not.
    const rgb = prepared.inputOf(a, 'rgb');
    expect(rgb.version).toBeGreaterThan(gray.version);
    expect(prepared.inputOf(a, 'rgb-per-channel')).toBe(rgb);

    // A new image (even with equal values) is a new input.
    const b = image();
    expect(prepared.inputOf(b, 'rgb').version).toBeGreaterThan(rgb.version);
    prepared.clear();
    tf.dispose([a, b]);
  });

  it('holds the values layerInput and padImage compute, and disposes all it kept', () => {
    const before = tf.memory().numTensors;
    const prepared = new PreparedInput();
    const a = image();
    for (const mode of ['zeros', 'reflect', 'replicate'] as const) {
      const kept = prepared.paddedOf(a, 'gray', PADS, mode).tensor;
      const fresh = tf.tidy(() => padImage(layerInput(a, 'gray'), PADS, mode));
      expect(kept.shape).toEqual([H + 3, W + 1, 1]);
      expect(Array.from(kept.dataSync())).toEqual(Array.from(fresh.dataSync()));
      fresh.dispose();
    }
    for (let i = 0; i < 5; i++)
      prepared.paddedOf(a, i % 2 ? 'gray' : 'rgb', { ...PADS, top: i }, 'replicate');
    prepared.clear();
    a.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('feeds runLayerPadded the same outputs as runLayer', () => {
    const spec = parseSpec({
      channels: 'rgb',
      filters: [
        {
          weights: [
            [
              [1, 0, -1],
              [2, 0, -2],
            ],
            [
              [0, 1, 0],
              [1, 1, 1],
            ],
          ],
          bias: 3,
        },
      ],
      padding: 'same',
      padMode: 'reflect',
      activation: 'relu',
    });
    const a = image();
    const geometry = layerGeometry(spec, H, W);
    const prepared = new PreparedInput();
    const padded = prepared.paddedOf(a, spec.channels, geometry.pads, spec.padMode).tensor;
    const viaKept = runLayerPadded(padded, spec, geometry);
    const direct = runLayer(a, spec, geometry);
    for (const stage of ['preActivation', 'featureMaps', 'maxPool', 'avgPool'] as const) {
      expect(viaKept[stage].shape).toEqual(direct[stage].shape);
      expect(Array.from(viaKept[stage].dataSync())).toEqual(Array.from(direct[stage].dataSync()));
    }
    disposeOutputs(viaKept);
    disposeOutputs(direct);
    prepared.clear();
    a.dispose();
  });
});
