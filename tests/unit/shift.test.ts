/**
 * The moved picture of the translation test (src/core/shift.ts) on tfjs cpu, against a plain loop: wrap
 * and zeros, positive and negative steps on both axes, shifts as large as the image or larger, shift 0 a
 * copy of its own; and no tensor left behind.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_SHIFT, SHIFT_EDGES, shiftImage, type ShiftEdge } from '../../src/core/index.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const H = 5;
const W = 7;
const C = 3;
/** Distinct values: cell (y, x, c) holds 100·y + 10·x + c + 1, so no 0 hides among the zeros that enter. */
const PIXELS = Array.from({ length: H * W * C }, (_, i) => {
  const c = i % C;
  const x = Math.floor(i / C) % W;
  const y = Math.floor(i / (C * W));
  return 100 * y + 10 * x + c + 1;
});

/** The picture moved by dy rows and dx columns with plain loops: content goes down and right for positive steps. */
function shiftLoop(
  data: readonly number[],
  [h, w, c]: readonly number[],
  dy: number,
  dx: number,
  edge: ShiftEdge,
) {
  const mod = (a: number, n: number) => ((a % n) + n) % n;
  const out: number[] = [];
  for (let y = 0; y < h!; y++) {
    for (let x = 0; x < w!; x++) {
      for (let ch = 0; ch < c!; ch++) {
        let sy = y - dy;
        let sx = x - dx;
        if (edge === 'wrap') {
          sy = mod(sy, h!);
          sx = mod(sx, w!);
        }
        const inside = sy >= 0 && sy < h! && sx >= 0 && sx < w!;
        out.push(inside ? (data[(sy * w! + sx) * c! + ch] as number) : 0);
      }
    }
  }
  return out;
}

function shifted(dy: number, dx: number, edge: ShiftEdge, shape: [number, number, number] = [H, W, C]) {
  const size = shape[0] * shape[1] * shape[2];
  const x = tf.tensor3d(PIXELS.slice(0, size), shape);
  const before = tf.memory().numTensors;
  const out = shiftImage(x, dy, dx, edge);
  // One new tensor, the result: everything in between was freed.
  expect(tf.memory().numTensors).toBe(before + 1);
  const result = { shape: out.shape, data: Array.from(out.dataSync()) };
  tf.dispose([x, out]);
  return result;
}

const STEPS = [-9, -7, -5, -4, -1, 0, 1, 2, 3, 4, 5, 6, 7, 12];

describe.each(SHIFT_EDGES)('shiftImage, edge %s', (edge) => {
  it('moves rows (axis 0) as the plain loop does, every step from -9 to 12', () => {
    for (const dy of STEPS) {
      const got = shifted(dy, 0, edge);
      expect(got.shape).toEqual([H, W, C]);
      expect(got.data, `dy ${dy}`).toEqual(shiftLoop(PIXELS, [H, W, C], dy, 0, edge));
    }
  });

  it('moves columns (axis 1) as the plain loop does, every step from -9 to 12', () => {
    for (const dx of STEPS) {
      expect(shifted(0, dx, edge).data, `dx ${dx}`).toEqual(shiftLoop(PIXELS, [H, W, C], 0, dx, edge));
    }
  });

  it('moves both axes at once, in all four directions, up to MAX_SHIFT', () => {
    for (const dy of [-MAX_SHIFT, -1, 1, MAX_SHIFT]) {
      for (const dx of [-MAX_SHIFT, -2, 2, MAX_SHIFT]) {
        expect(shifted(dy, dx, edge).data, `${dy}, ${dx}`).toEqual(
          shiftLoop(PIXELS, [H, W, C], dy, dx, edge),
        );
      }
    }
  });

  it('a one-channel and a 1 × 1 picture too', () => {
    expect(shifted(2, -3, edge, [H, W, 1]).data).toEqual(
      shiftLoop(PIXELS.slice(0, H * W), [H, W, 1], 2, -3, edge),
    );
    expect(shifted(1, 1, edge, [1, 1, 3]).data).toEqual(edge === 'wrap' ? PIXELS.slice(0, 3) : [0, 0, 0]);
  });

  it('shift 0 is a copy: a new tensor, still readable once the input is disposed', () => {
    const x = tf.tensor3d(PIXELS, [H, W, C]);
    const out = shiftImage(x, 0, 0, edge);
    expect(out).not.toBe(x);
    x.dispose();
    expect(out.isDisposed).toBe(false);
    expect(Array.from(out.dataSync())).toEqual(PIXELS);
    out.dispose();
  });
});

describe('wrap against zeros', () => {
  it('wrap keeps every value (a permutation); zeros lose the rows and columns that leave', () => {
    const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
    const wrapped = shifted(2, 3, 'wrap').data;
    expect([...wrapped].sort((a, b) => a - b)).toEqual([...PIXELS].sort((a, b) => a - b));
    const zeroed = shifted(2, 3, 'zeros').data;
    expect(zeroed.filter((v) => v === 0)).toHaveLength((H * W - (H - 2) * (W - 3)) * C);
    expect(sum(zeroed)).toBeLessThan(sum(PIXELS));
  });

  it('a shift of the whole size: wrap gives the picture back, zeros an empty picture', () => {
    expect(shifted(H, -W, 'wrap').data).toEqual(PIXELS);
    expect(shifted(H, 0, 'zeros').data.every((v) => v === 0)).toBe(true);
    expect(shifted(0, -W, 'zeros').data.every((v) => v === 0)).toBe(true);
  });
});

describe('shiftImage and memory', () => {
  it('leaves tf.memory().numTensors as it was after 200 shifts disposed', () => {
    const x = tf.tensor3d(PIXELS, [H, W, C]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) {
      const edge = SHIFT_EDGES[i % 2]!;
      const out = shiftImage(x, (i % 11) - 5, ((i * 7) % 13) - 6, edge);
      out.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
