/**
 * colorizeValues (the wasm/cpu page's colour pass) against `colorize` (the tensor formula the webgl shader
 * also follows) on tfjs cpu, and its reading of one map out of interleaved [H, W, M] values.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { colorize, colorizeValues, MAP_DISPLAYS } from '../../src/render/index.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Signed values with exact halves after scaling, a flat stretch, outliers and a NaN. */
const VALUES = [-300, -127.5, -1, -0.5, 0, 0, 0.5, 1, 2.5, 63.5, 127, 190.5, 254.5, 300, Number.NaN, 1e-7];

function viaTensor(values: number[], normalize: (typeof MAP_DISPLAYS)[number]): number[] {
  return tf.tidy(() => {
    const rgba = colorize(tf.tensor2d(values, [1, values.length]), normalize);
    return Array.from(rgba.dataSync(), (v) => Math.round(v * 255));
  });
}

describe('colorizeValues', () => {
  it.each(MAP_DISPLAYS)('gives the bytes of colorize, %s', (normalize) => {
    const finite = VALUES.filter((v) => !Number.isNaN(v));
    expect(Array.from(colorizeValues(finite, normalize))).toEqual(viaTensor(finite, normalize));
  });

  it('gives the bytes of colorize for any float32 values up to ±10⁶, in every mode', () => {
    // (Far beyond, the tensor formula itself overflows float32 and gives NaN bytes.)
    const values = fc.array(fc.float({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(values, fc.constantFrom(...MAP_DISPLAYS), (finite, normalize) => {
        expect(Array.from(colorizeValues(finite, normalize))).toEqual(viaTensor(finite, normalize));
      }),
      { numRuns: 300 },
    );
  });

  it('gives every value a colour of the table (alpha 255), infinities and NaN included', () => {
    const any = fc.array(fc.oneof(fc.float(), fc.constantFrom(Infinity, -Infinity, NaN, 0)), {
      minLength: 1,
    });
    fc.assert(
      fc.property(any, fc.constantFrom(...MAP_DISPLAYS), (values, normalize) => {
        const bytes = colorizeValues(values, normalize);
        for (let i = 3; i < bytes.length; i += 4) expect(bytes[i]).toBe(255);
      }),
      { numRuns: 300 },
    );
  });

  it('colours NaN as the first colour and keeps alpha 255', () => {
    const bytes = colorizeValues(VALUES, 'minmax');
    const nan = VALUES.findIndex((v) => Number.isNaN(v));
    expect(Array.from(bytes.subarray(4 * nan, 4 * nan + 4))).toEqual(Array.from(bytes.subarray(0, 4)));
    for (let i = 3; i < bytes.length; i += 4) expect(bytes[i]).toBe(255);
  });

  it('colours map m of interleaved [H, W, M] values as that map alone (its own scale)', () => {
    const maps = 3;
    const n = VALUES.length;
    const interleaved = new Float32Array(n * maps);
    const alone = [0, 1, 2].map((m) => Float32Array.from(VALUES, (v, i) => (m === 1 ? v * 10 : v - m * i)));
    for (let i = 0; i < n; i++) for (let m = 0; m < maps; m++) interleaved[i * maps + m] = alone[m]![i]!;
    for (const normalize of MAP_DISPLAYS) {
      for (let m = 0; m < maps; m++) {
        const picked = colorizeValues(interleaved, normalize, undefined, { index: m, count: maps });
        expect(picked).toHaveLength(4 * n);
        expect(Array.from(picked)).toEqual(Array.from(colorizeValues(alone[m]!, normalize)));
      }
    }
  });

  it('refuses a map that is not there and an output too small', () => {
    expect(() => colorizeValues([1, 2, 3], 'abs', undefined, { index: 3, count: 3 })).toThrow(/no map 3/);
    expect(() => colorizeValues([1, 2, 3, 4], 'abs', undefined, { index: 0, count: 3 })).toThrow(/no map/);
    expect(() => colorizeValues([1, 2], 'abs', new Uint8ClampedArray(7))).toThrow(/too few bytes/);
  });
});
