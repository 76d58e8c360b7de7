/**
 * The shrink demo's engine views (src/engine/views.ts: `shrunk:${way}-${m}`, `moved:…:input`,
 * `moved:…:${way}-${m}`) on a hand-made frame, against the plain-loop reference: each shrunk map equals the
 * reference's stride-2 conv or 2 × 2 pool; each |Δ| map equals |ref(moved picture) − ref(picture)| of
 * that way, and so does its mean (the translation numbers of the issue); a way with no output is null,
 * not an error; rgb-per-channel maps are picked by filter and channel; no tensor is left behind. One
 * suite for every backend: tests/unit/demoViews.test.ts (cpu), demoViews.{webgl,wasm}.test.ts here.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  disposeOutputs,
  DOWNSAMPLINGS,
  layerGeometry,
  layerInput,
  parseSpec,
  runLayer,
  type Downsampling,
  type LayerSpec,
} from '../../src/core/index.ts';
import {
  movedInputKey,
  parseKey,
  shrunkKey,
  viewTensor,
  type FrameTensors,
  type Shift,
} from '../../src/engine/views.ts';
import { referenceLayer, type HwcArray } from '../reference/convLoop.ts';
import { expectClose, FIXTURE_TOLERANCE } from '../support/fixtures.ts';

type Picture = { shape: [number, number, number]; data: number[] };

const H = 12;
const W = 10;

/** A deterministic RGB picture of whole numbers 0..255. */
const PICTURE: Picture = {
  shape: [H, W, 3],
  data: Array.from({ length: H * W * 3 }, (_, i) => (i * 37 + (i % 5) * 29 + ((i * i) % 11) * 7) % 256),
};

/** The picture moved with plain loops: content down and right for positive steps; wrap or zeros at the edge. */
export function movedPicture(picture: Picture, { dy, dx, edge }: Shift): Picture {
  const [h, w, c] = picture.shape;
  const mod = (a: number, n: number) => ((a % n) + n) % n;
  const data: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sy = edge === 'wrap' ? mod(y - dy, h) : y - dy;
      const sx = edge === 'wrap' ? mod(x - dx, w) : x - dx;
      const inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
      for (let ch = 0; ch < c; ch++) data.push(inside ? (picture.data[(sy * w + sx) * c + ch] as number) : 0);
    }
  }
  return { shape: picture.shape, data };
}

/** A pooling that always fits, for the stride way (its own pooling is no part of it). */
const FITS: LayerSpec['pool'] = { size: [1, 1], stride: [1, 1], padding: 'valid' };
const HALVING: LayerSpec['pool'] = { size: [2, 2], stride: [2, 2], padding: 'valid' };

/** The reference's maps of one way, from the spec as the demo describes it (not from downsampleSpec). */
function referenceWay(picture: Picture, spec: LayerSpec, way: Downsampling): HwcArray {
  if (way === 'stride') return referenceLayer(picture, { ...spec, stride: [2, 2], pool: FITS }).conv;
  const out = referenceLayer(picture, { ...spec, stride: [1, 1], pool: HALVING });
  return way === 'maxPool' ? out.maxpool : out.avgpool;
}

/** Map `m` of an HWC array, as a flat [h·w] array. */
function mapOf(maps: HwcArray, m: number): number[] {
  const [h, w, count] = maps.shape;
  return Array.from({ length: h * w }, (_, i) => maps.data[i * count + m] as number);
}

/** One 1 × 1 filter of weight 1 on the gray picture: the reference's luma. */
const LUMA = parseSpec({ channels: 'gray', padding: 'valid', filters: [{ weights: [[1]] }] });

/**
 * The tolerance of a |Δ| map: float32 sums of values as large as `before`'s round by about the fixtures'
 * relative tolerance of them, so a |Δ| near 0 may be off by that much.
 */
function deltaTolerance(before: HwcArray) {
  const scale = Math.max(...Array.from(before.data, Math.abs));
  return { abs: FIXTURE_TOLERANCE.abs + FIXTURE_TOLERANCE.rel * scale, rel: FIXTURE_TOLERANCE.rel };
}

const mean = (values: ArrayLike<number>) => Array.from(values).reduce((s, v) => s + v, 0) / values.length;

/** The frame the engine would hold for `spec` on `picture`: layer 0's input, geometry and outputs. */
function frameOf(spec: LayerSpec, picture: Picture = PICTURE): FrameTensors {
  const image = tf.tensor3d(picture.data, picture.shape, 'float32');
  const geometry = layerGeometry(spec, picture.shape[0], picture.shape[1]);
  const outputs = runLayer(image, spec, geometry);
  const input = layerInput(image, spec.channels);
  image.dispose();
  return { input, spec, geometry, outputs };
}

function disposeFrame(frame: FrameTensors): void {
  disposeOutputs(frame.outputs);
  frame.input.dispose();
}

/** The values of a key's view (read back, then disposed), or null when the view shows nothing. */
async function valuesOf(key: string, frame: FrameTensors) {
  const view = parseKey(key);
  if (!view) throw new Error(`not a canvas key: ${key}`);
  const picked = viewTensor(view, frame);
  if (!picked) return null;
  try {
    return { shape: picked.tensor.shape, as: picked.as, data: Array.from(await picked.tensor.data()) };
  } finally {
    picked.tensor.dispose();
  }
}

const SOBEL_X = [
  [1, 0, -1],
  [2, 0, -2],
  [1, 0, -1],
];
const SOBEL_Y = [
  [1, 2, 1],
  [0, 0, 0],
  [-1, -2, -1],
];

/** Gray, RGB, RGB per channel; same, valid and explicit padding; reflect, replicate; dilation 2; relu, abs. */
const SPECS: Array<[string, unknown]> = [
  [
    'gray, same, relu',
    { channels: 'gray', filters: [{ weights: SOBEL_X, bias: -5 }, { weights: SOBEL_Y }], activation: 'relu' },
  ],
  [
    'rgb, valid, 3-D filter',
    {
      channels: 'rgb',
      filters: [{ weights: SOBEL_X.map((row) => row.map((v, i) => [v, -v, i])) }, { weights: SOBEL_Y }],
      padding: 'valid',
    },
  ],
  [
    'rgb-per-channel, explicit 1, reflect, abs',
    {
      channels: 'rgb-per-channel',
      filters: [{ weights: SOBEL_X }, { weights: SOBEL_Y, bias: 2 }],
      padding: 1,
      padMode: 'reflect',
      activation: 'abs',
    },
  ],
  [
    'gray, dilation 2, replicate',
    { channels: 'gray', filters: [{ weights: SOBEL_Y }], dilation: 2, padMode: 'replicate' },
  ],
];

/** Rightwards and downwards as the demo moves, a diagonal, a negative step, zeros and wrap. */
const SHIFTS: Shift[] = [
  { dy: 0, dx: 1, edge: 'wrap' },
  { dy: 2, dx: 0, edge: 'zeros' },
  { dy: 3, dx: 3, edge: 'zeros' },
  { dy: -1, dx: 4, edge: 'wrap' },
];

/**
 * Registers the suite on one backend; `start` makes it the backend in use (checked: tfjs may fall back
 * silently), within the fixtures' tolerance on every backend.
 */
export function demoViewsSuite(backend: string, start: () => Promise<void>): void {
  let numTensors = 0;

  beforeAll(async () => {
    await start();
    expect(tf.getBackend()).toBe(backend);
    numTensors = tf.memory().numTensors;
  });

  afterAll(() => {
    // Every frame and every view disposed: nothing of the suite stays on the backend.
    expect(tf.memory().numTensors).toBe(numTensors);
  });

  describe.each(SPECS)(`the shrink demo's views on ${backend}, %s`, (_name, json) => {
    const spec = parseSpec(json);
    const maps = spec.filters.length * (spec.channels === 'rgb-per-channel' ? 3 : 1);

    it.each(DOWNSAMPLINGS)('shrunk:%s-m equals the reference, every map m', async (way) => {
      const frame = frameOf(spec);
      try {
        const want = referenceWay(PICTURE, spec, way);
        for (let m = 0; m < maps; m++) {
          const got = await valuesOf(shrunkKey(way, m), frame);
          expect(got, `map ${m}`).not.toBeNull();
          expect(got!.as).toBe('map');
          expect(got!.shape).toEqual(want.shape.slice(0, 2));
          expectClose(got!.data, mapOf(want, m), FIXTURE_TOLERANCE, {
            label: `${way} map ${m}`,
            shape: got!.shape,
          });
        }
        expect(await valuesOf(shrunkKey(way, maps), frame), 'a map beyond the count').toBeNull();
      } finally {
        disposeFrame(frame);
      }
    });

    it.each(DOWNSAMPLINGS)(
      'moved:…:%s-m is |ref(moved) − ref(picture)| of that way, and its mean the same',
      async (way) => {
        const frame = frameOf(spec);
        try {
          const before = referenceWay(PICTURE, spec, way);
          const tolerance = deltaTolerance(before);
          for (const shift of SHIFTS) {
            const after = referenceWay(movedPicture(PICTURE, shift), spec, way);
            for (const m of [0, maps - 1]) {
              const want = mapOf(after, m).map((v, i) => Math.abs(v - (mapOf(before, m)[i] as number)));
              const label = `${way} map ${m} moved ${shift.dy},${shift.dx} ${shift.edge}`;
              const got = await valuesOf(shrunkKey(way, m, shift), frame);
              expect(got, label).not.toBeNull();
              expect(got!.shape, label).toEqual(before.shape.slice(0, 2));
              expectClose(got!.data, want, tolerance, { label, shape: got!.shape });
              expect(Math.abs(mean(got!.data) - mean(want)), `${label}: mean`).toBeLessThanOrEqual(
                tolerance.abs,
              );
            }
          }
          // Moving by nothing changes nothing.
          const still = await valuesOf(shrunkKey(way, 0, { dy: 0, dx: 0, edge: 'zeros' }), frame);
          expect(still!.data.every((v) => v === 0)).toBe(true);
        } finally {
          disposeFrame(frame);
        }
      },
    );

    it('moved:…:input is the layer input moved as the plain loop moves it', async () => {
      const frame = frameOf(spec);
      try {
        for (const shift of SHIFTS) {
          const got = await valuesOf(movedInputKey(shift), frame);
          const moved = movedPicture(PICTURE, shift);
          expect(got!.as).toBe('image');
          expect(got!.shape).toEqual([H, W, spec.channels === 'gray' ? 1 : 3]);
          // Gray: the reference's own luma, as a 1 × 1 filter of weight 1 gives it; RGB as it is.
          const expected = spec.channels === 'gray' ? referenceLayer(moved, LUMA).conv.data : moved.data;
          expectClose(got!.data, expected, FIXTURE_TOLERANCE, {
            label: `input moved ${shift.dy},${shift.dx}`,
          });
        }
      } finally {
        disposeFrame(frame);
      }
    });
  });

  describe(`views with no output on ${backend}`, () => {
    it("a map one row tall: stride 2's map is there, the pools' are null (not an error), moved too", async () => {
      const spec = parseSpec({ filters: [{ weights: SOBEL_X }], padding: 'valid' });
      const picture: Picture = { shape: [3, 9, 3], data: PICTURE.data.slice(0, 3 * 9 * 3) };
      const frame = frameOf(spec, picture);
      try {
        const strided = await valuesOf(shrunkKey('stride', 0), frame);
        expect(strided!.shape).toEqual([1, 4]);
        for (const way of ['maxPool', 'avgPool'] as const) {
          expect(await valuesOf(shrunkKey(way, 0), frame)).toBeNull();
          expect(await valuesOf(shrunkKey(way, 0, SHIFTS[0]), frame)).toBeNull();
        }
      } finally {
        disposeFrame(frame);
      }
    });

    it('reflect padding too wide at stride 1 or 2 (the layer itself at stride 6 fits): null for every way', async () => {
      const six = Array.from({ length: 6 }, (_, r) => Array.from({ length: 6 }, (_, c) => r - c));
      const spec = parseSpec({ filters: [{ weights: six }], stride: 6, padMode: 'reflect' });
      const picture: Picture = { shape: [3, 3, 3], data: PICTURE.data.slice(0, 27) };
      const frame = frameOf(spec, picture);
      try {
        for (const way of DOWNSAMPLINGS) {
          expect(await valuesOf(shrunkKey(way, 0), frame), way).toBeNull();
          expect(await valuesOf(shrunkKey(way, 0, SHIFTS[1]), frame), way).toBeNull();
        }
        expect((await valuesOf(movedInputKey(SHIFTS[1]!), frame))!.shape).toEqual([3, 3, 1]);
      } finally {
        disposeFrame(frame);
      }
    });
  });

  describe(`rgb-per-channel map indices on ${backend}`, () => {
    it('map m is filter ⌊m / 3⌋ on channel m mod 3, in the shrunk and the moved views', async () => {
      const spec = parseSpec({
        channels: 'rgb-per-channel',
        filters: [{ weights: SOBEL_X }, { weights: SOBEL_Y, bias: 7 }],
      });
      const frame = frameOf(spec);
      try {
        const want = referenceWay(PICTURE, spec, 'maxPool');
        const moved = referenceWay(movedPicture(PICTURE, SHIFTS[2]!), spec, 'maxPool');
        const maps = await Promise.all(
          [0, 1, 2, 3, 4, 5].map((m) => valuesOf(shrunkKey('maxPool', m), frame)),
        );
        // The six maps differ: each key picks its own filter and channel.
        expect(new Set(maps.map((v) => JSON.stringify(v!.data))).size).toBe(6);
        for (const m of [2, 4, 5]) {
          expectClose(maps[m]!.data, mapOf(want, m), FIXTURE_TOLERANCE, { label: `map ${m}` });
          const delta = await valuesOf(shrunkKey('maxPool', m, SHIFTS[2]), frame);
          const expected = mapOf(moved, m).map((v, i) => Math.abs(v - (mapOf(want, m)[i] as number)));
          expectClose(delta!.data, expected, deltaTolerance(want), { label: `moved map ${m}` });
        }
      } finally {
        disposeFrame(frame);
      }
    });
  });
}
