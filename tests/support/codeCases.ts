/**
 * Cases for running the generated code (tests/unit/pytorch-*, codegen-tfjs, codegen-network): random
 * layers, some cut out of a larger picture as the 27 × 27 sample is, random and named networks, the
 * core's results on the current tfjs backend to compare with, and the comparison itself.
 */
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { CodeImage } from '../../src/codegen/index.ts';
import {
  disposeNetworkOutputs,
  disposeOutputs,
  layerGeometry,
  networkGeometry,
  parseNetwork,
  parseSpec,
  runLayer,
  runNetwork,
  type LayerGeometry,
  type LayerSpec,
  type NetworkSpec,
} from '../../src/core/index.ts';
import { layerCase } from './arbitraries.ts';
import { networkCase } from './networkArbitraries.ts';
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

async function read(t: tf.Tensor3D): Promise<Stage> {
  return { shape: t.shape, data: await t.data() };
}

async function readStages(o: { featureMaps: tf.Tensor3D; maxPool: tf.Tensor3D; avgPool: tf.Tensor3D }) {
  return { conv: await read(o.featureMaps), maxpool: await read(o.maxPool), avgpool: await read(o.avgPool) };
}

/** The core's feature maps and poolings of one layer, read back ([H, W, M] each). */
export async function coreLayerStages(spec: LayerSpec, image: Image): Promise<LayerStages> {
  const input = tf.tensor3d(image.data, image.shape, 'float32');
  const out = runLayer(input, spec);
  try {
    return await readStages(out);
  } finally {
    disposeOutputs(out);
    input.dispose();
  }
}

/** `runNetwork`'s results, every layer's, read back. */
export async function coreNetworkStages(net: NetworkSpec, image: Image): Promise<LayerStages[]> {
  const input = tf.tensor3d(image.data, image.shape, 'float32');
  const outputs = runNetwork(input, net);
  try {
    const stages: LayerStages[] = [];
    for (const o of outputs) stages.push(await readStages(o));
    return stages;
  } finally {
    disposeNetworkOutputs(outputs);
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

export interface NetworkCodeCase {
  name: string;
  net: NetworkSpec;
  geometries: LayerGeometry[];
  image: Image;
}

/**
 * Random networks of two or more layers (`networkCase`) that fit their image; one layer gives the
 * one-layer code, which the layer cases run.
 */
export function randomNetworkCodeCases(runs: number, seed: number): NetworkCodeCase[] {
  const cases: NetworkCodeCase[] = [];
  fc.sample(networkCase, { numRuns: runs, seed }).forEach(({ spec, image }, i) => {
    if (spec.layers.length < 2) return;
    try {
      const net = parseNetwork(spec);
      const geometries = networkGeometry(net, image.shape[0], image.shape[1]);
      cases.push({ name: `net-${i}`, net, geometries, image });
    } catch {
      // refused for this image: the page shows no code to run
    }
  });
  return cases;
}

/** Weights from a fixed sequence (multiples of 1/4 in −2..2), so the named networks below never change. */
function fixedWeights(kh: number, kw: number, depth: number, seed: number): number[][][] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return ((state >> 8) % 17) / 4 - 2;
  };
  return Array.from({ length: kh }, () =>
    Array.from({ length: kw }, () => Array.from({ length: depth }, next)),
  );
}

function fixedImage(height: number, width: number): Image {
  const data = Array.from({ length: height * width * 3 }, (_, i) => (i * 37 + (i % 7) * 11) % 256);
  return { shape: [height, width, 3], data };
}

/**
 * Two networks a person builds: the notes' small CNN (3 × 3 × 8 → max pool → 3 × 3 × 16 → max pool) on a
 * 28 × 28 gray image, and six layers, the most a network may have, from an rgb-per-channel first layer.
 */
export function namedNetworkCodeCases(): NetworkCodeCase[] {
  const filters = (count: number, depth: number, seed: number) =>
    Array.from({ length: count }, (_, f) => ({ weights: fixedWeights(3, 3, depth, seed + f), bias: f / 2 }));
  const small = {
    layers: [
      { channels: 'gray', filters: filters(8, 1, 1), activation: 'relu' },
      { filters: filters(16, 8, 100), activation: 'relu' },
    ],
  };
  const six = {
    layers: [
      { channels: 'rgb-per-channel', filters: filters(2, 3, 7), padMode: 'reflect', output: 'conv' },
      {
        filters: filters(3, 6, 20),
        activation: 'abs',
        stride: 2,
        output: 'avgpool',
        pool: { size: 2, stride: 1 },
      },
      { filters: filters(2, 3, 30), padding: [0, 1, 2, 0], padMode: 'replicate', output: 'conv' },
      {
        filters: filters(2, 2, 40),
        dilation: 2,
        activation: 'clip',
        output: 'maxpool',
        pool: { size: 3, stride: 1, padding: 'same' },
      },
      {
        filters: filters(2, 2, 50),
        flip: true,
        activation: 'relu',
        output: 'avgpool',
        pool: { size: 2, stride: 2, padding: 'same' },
      },
      { filters: filters(1, 2, 60), padding: 'valid', pool: { size: 2, stride: 2, padding: 'same' } },
    ],
  };
  return [
    ['small-cnn', small, fixedImage(28, 28)],
    ['six-layers', six, fixedImage(21, 23)],
  ].map(([name, json, image]) => {
    const net = parseNetwork(json);
    const img = image as Image;
    return {
      name: name as string,
      net,
      geometries: networkGeometry(net, img.shape[0], img.shape[1]),
      image: img,
    };
  });
}
