/**
 * Cases for running the generated code (tests/unit/pytorch-*, codegen-tfjs): random layers, some cut out
 * of a larger picture as the 27 × 27 sample is, the core's results on the current tfjs backend to compare
 * with, and the comparison itself.
 */
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { CodeImage } from '../../src/codegen/index.ts';
import { disposeOutputs, layerGeometry, parseSpec, runLayer, type LayerSpec } from '../../src/core/index.ts';
import { layerCase } from './arbitraries.ts';
import { expectClose } from './fixtures.ts';

export type Image = { shape: [number, number, number]; data: number[] };
export type Stage = { shape: number[]; data: ArrayLike<number> };
export type LayerStages = { conv: Stage; maxpool: Stage; avgpool: Stage };

export interface LayerCodeCase {
  name: string;
  spec: LayerSpec;
  /** The image the layer sees, and the picture the code opens (larger when the code crops it). */
  image: Image;
  picture: Image;
  crop: CodeImage['crop'];
}

/** `image` inside a picture with a border of noise, `top` rows above and `left` columns to its left. */
export function framed(image: Image, top: number, left: number): Image {
  const [h, w] = image.shape;
  const H = h + top + 1;
  const W = w + left + 2;
  const data: number[] = [];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      for (let c = 0; c < 3; c++) {
        const inside = y >= top && y < top + h && x >= left && x < left + w;
        const noise = (y * 31 + x * 17 + c * 7) % 256;
        data.push(inside ? (image.data[((y - top) * w + (x - left)) * 3 + c] as number) : noise);
      }
    }
  }
  return { shape: [H, W, 3], data };
}

/** Random layers (tests/support/arbitraries.ts) that leave a feature map for their image; every other one cropped. */
export function randomLayerCodeCases(runs: number, seed: number): LayerCodeCase[] {
  const cases: LayerCodeCase[] = [];
  fc.sample(layerCase, { numRuns: runs, seed }).forEach(({ spec: json, image }, i) => {
    const spec = parseSpec(json);
    try {
      layerGeometry(spec, image.shape[0], image.shape[1]);
    } catch {
      return; // no output: the page shows no code to run
    }
    const crop: CodeImage['crop'] = i % 2 ? [i % 3, i % 4, image.shape[1], image.shape[0]] : null;
    const picture = crop ? framed(image, crop[1], crop[0]) : image;
    cases.push({ name: `random-${i}`, spec, image, picture, crop });
  });
  return cases;
}

/** The core's feature maps and poolings of one layer, read back ([H, W, M] each). */
export async function coreLayerStages(spec: LayerSpec, image: Image): Promise<LayerStages> {
  const input = tf.tensor3d(image.data, image.shape, 'float32');
  const out = runLayer(input, spec);
  const read = async (t: tf.Tensor3D): Promise<Stage> => ({ shape: t.shape, data: await t.data() });
  try {
    return {
      conv: await read(out.featureMaps),
      maxpool: await read(out.maxPool),
      avgpool: await read(out.avgPool),
    };
  } finally {
    disposeOutputs(out);
    input.dispose();
  }
}

/** Float32 sums in another order: the error allowed, relative to the largest |value| of the array. */
export const RELATIVE_TO_MAX = 1e-5;

/** Shapes equal and every value within RELATIVE_TO_MAX × max |expected| (at least 1e-4). */
export function expectCloseToMax(actual: Stage, expected: Stage, label: string): void {
  expect([...actual.shape], `${label} shape`).toEqual([...expected.shape]);
  let max = 0;
  for (let i = 0; i < expected.data.length; i++) max = Math.max(max, Math.abs(expected.data[i] as number));
  const tolerance = { abs: Math.max(1e-4, RELATIVE_TO_MAX * max), rel: 0 };
  expectClose(actual.data, expected.data, tolerance, { label, shape: expected.shape });
}
