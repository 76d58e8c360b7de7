import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../src/kernels/cellValue.ts';
import { formatCell, formatSummary } from '../../src/kernels/format.ts';
import {
  applyOp,
  as2D,
  cellAt,
  centreOf,
  fromSlices,
  identity,
  normalizeByCount,
  normalizeBySum,
  negate,
  randomGrid,
  resizeGrid,
  resizeWeights,
  rotate180,
  rotate180Grid,
  rotate90Grid,
  slicesOf,
  tidy,
  to3D,
  transposeGrid,
  weightsSum,
} from '../../src/kernels/ops.ts';

const SOBEL_X = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
const SOBEL_Y = [
  [-1, -2, -1],
  [0, 0, 0],
  [1, 2, 1],
];
const ASYM = [
  [1, 2, 3],
  [4, 5, 6],
];

describe('kernel shape helpers', () => {
  it('identity has 1 at the centre cell floor((k-1)/2), for odd, even and non-square sizes', () => {
    expect(identity(3, 3)).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    expect(identity(1, 1)).toEqual([[1]]);
    expect(identity(2, 4)).toEqual([
      [0, 1, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(centreOf(4, 5)).toEqual([1, 2]);
  });

  it('resizing keeps values centre-aligned and fills new cells with 0', () => {
    expect(resizeGrid(SOBEL_X, 5, 5)).toEqual([
      [0, 0, 0, 0, 0],
      [0, -1, 0, 1, 0],
      [0, -2, 0, 2, 0],
      [0, -1, 0, 1, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(resizeGrid(resizeGrid(SOBEL_X, 5, 5), 3, 3)).toEqual(SOBEL_X);
    expect(resizeGrid(SOBEL_X, 1, 1)).toEqual([[0]]);
    expect(resizeGrid(SOBEL_X, 3, 1)).toEqual([[0], [0], [0]]);
    expect(resizeGrid(SOBEL_X, 1, 3)).toEqual([[-2, 0, 2]]);
    // Even sizes: the extra row/column goes to the bottom/right, as with SAME padding.
    expect(resizeGrid(SOBEL_X, 4, 4)).toEqual([
      [-1, 0, 1, 0],
      [-2, 0, 2, 0],
      [-1, 0, 1, 0],
      [0, 0, 0, 0],
    ]);
    for (const [h, w] of [
      [1, 1],
      [2, 7],
      [11, 11],
      [6, 3],
    ] as const) {
      expect(resizeGrid(identity(3, 3), h, w)).toEqual(identity(h, w));
    }
  });

  it('resizes every slice of a 3-D kernel', () => {
    const w3 = to3D([[1]], 3);
    expect(resizeWeights(w3, 3, 1)).toEqual([[[0, 0, 0]], [[1, 1, 1]], [[0, 0, 0]]]);
  });

  it('splits a 3-D kernel into channel slices and joins them back', () => {
    const w = [
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ];
    expect(slicesOf(w)).toEqual([[[1, 4]], [[2, 5]], [[3, 6]]]);
    expect(fromSlices(slicesOf(w))).toEqual(w);
    expect(cellAt(w, 0, 1, 2)).toBe(6);
    expect(cellAt(SOBEL_X, 1, 2, 2)).toBe(2);
    expect(as2D(to3D(SOBEL_X))).toEqual(SOBEL_X);
    expect(as2D(w)).toBeNull();
  });
});

describe('kernel operations', () => {
  it('normalises by the sum, and refuses a sum of 0', () => {
    expect(
      normalizeBySum([
        [1, 1],
        [1, 1],
      ]),
    ).toEqual([
      [0.25, 0.25],
      [0.25, 0.25],
    ]);
    expect(
      normalizeBySum([
        [2, -1],
        [3, 0],
      ]),
    ).toEqual([
      [0.5, -0.25],
      [0.75, 0],
    ]);
    expect(normalizeBySum(SOBEL_X)).toBeNull();
    expect(normalizeBySum([[1e-12]])).toBeNull();
    const w3 = to3D([[1, 1]], 3); // sum over all channels: 6
    expect(weightsSum(normalizeBySum(w3) ?? [])).toBeCloseTo(1, 12);
    expect(normalizeBySum(w3)).toEqual(to3D([[1 / 6, 1 / 6]], 3));
  });

  it('divides by the cell count kh·kw (all 1s become the 1/9 average)', () => {
    const ones = Array.from({ length: 3 }, () => [1, 1, 1]);
    const avg = normalizeByCount(ones) as number[][];
    // Exactly the box blur's 1/9, so the editor names the result "Box blur".
    for (const v of avg.flat()) expect(v).toBe(1 / 9);
    expect(normalizeByCount([[2, 4, 6, 8]])).toEqual([[0.5, 1, 1.5, 2]]);
  });

  it('negates without leaving -0', () => {
    const n = negate(SOBEL_X) as number[][];
    expect(n).toEqual(SOBEL_X.map((r) => r.map((v) => -v + 0)));
    expect(n.flat().some((v) => Object.is(v, -0))).toBe(false);
  });

  it('transposes (Sobel x becomes Sobel y) and swaps kh and kw', () => {
    expect(transposeGrid(SOBEL_X)).toEqual(SOBEL_Y);
    expect(transposeGrid(ASYM)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('rotates a quarter turn clockwise; four turns are the identity; two are the 180° flip', () => {
    expect(rotate90Grid(ASYM)).toEqual([
      [4, 1],
      [5, 2],
      [6, 3],
    ]);
    let g = ASYM;
    for (let i = 0; i < 4; i++) g = rotate90Grid(g);
    expect(g).toEqual(ASYM);
    expect(rotate90Grid(rotate90Grid(ASYM))).toEqual(rotate180Grid(ASYM));
    expect(rotate180Grid(ASYM)).toEqual([
      [6, 5, 4],
      [3, 2, 1],
    ]);
    expect(rotate180(to3D([[1, 2]]))).toEqual([
      [
        [2, 2, 2],
        [1, 1, 1],
      ],
    ]);
  });

  it('randomises to -1..1 in steps of 0.1 with the given source, each channel its own', () => {
    let i = 0;
    const seq = [0, 1, 0.5, 0.26];
    const g = randomGrid(2, 2, () => seq[i++ % seq.length] ?? 0);
    expect(g).toEqual([
      [-1, 1],
      [0, -0.5],
    ]);
    const r3 = applyOp(to3D(identity(3, 3)), 'randomize', Math.random) as number[][][];
    expect(slicesOf(r3)).toHaveLength(3);
    for (const v of r3.flat(2)) {
      expect(v).toBeGreaterThanOrEqual(-1);
      expect(v).toBeLessThanOrEqual(1);
      expect(Math.abs(v * 10 - Math.round(v * 10))).toBeLessThan(1e-9);
    }
  });

  it('applyOp dispatches each operation, and reset gives the identity of the same size', () => {
    expect(applyOp(ASYM, 'reset')).toEqual(identity(2, 3));
    expect(applyOp(ASYM, 'transpose')).toEqual(transposeGrid(ASYM));
    expect(applyOp(ASYM, 'rotate90')).toEqual(rotate90Grid(ASYM));
    expect(applyOp(ASYM, 'negate')).toEqual(negate(ASYM));
    expect(applyOp(SOBEL_X, 'normalizeSum')).toBeNull();
    expect(applyOp(to3D(ASYM), 'transpose')).toEqual(to3D(transposeGrid(ASYM)));
  });

  it('tidy drops float noise and -0', () => {
    expect(tidy(0.1 + 0.2)).toBe(0.3);
    expect(Object.is(tidy(-0), 0)).toBe(true);
  });
});

describe('cell formatting', () => {
  it.each([
    [1, '1'],
    [-2, '-2'],
    [1 / 9, '0.111'],
    [0.5, '0.5'],
    [0.00292, '0.00292'],
    [-476 / 256, '-1.86'],
    [12.3456, '12.35'],
    [123.456, '123.5'],
    [-0, '0'],
  ])('writes %d as %s', (value, text) => {
    expect(formatCell(value)).toBe(text);
  });

  it.each([
    [3, '3'],
    [0.00924, '.0092'],
    [-1 / 9, '-.11'],
    [0.5, '.5'],
    [2.345, '2.3'],
    [-12.6, '-13'],
    [1e-7, '1e-7'],
    [0.000001, '.000001'],
  ])('writes %d compactly as %s (still valid input)', (value, text) => {
    expect(formatCell(value, true)).toBe(text);
    expect(parseCellValue(text)).not.toBeNull();
  });

  it('summaries round to 4 decimals', () => {
    expect(formatSummary(0.1 + 0.2)).toBe('0.3');
    expect(formatSummary(-1e-9)).toBe('0');
    expect(formatSummary(1 / 3)).toBe('0.3333');
  });
});
