/**
 * The numbers panel's pure parts: the output-size formula per axis (with SAME's split and the cells the floor
 * drops), tensor shapes in NHWC and NCHW, weights, biases and multiply-adds.
 */
import { describe, expect, it } from 'vitest';
import { layerGeometry, parseSpec } from '../../src/core/index.ts';
import {
  convFormulas,
  courseText,
  formulaText,
  poolFormulas,
  sameText,
} from '../../src/components/numbers/formula.ts';
import { layerParams, layerShapes, shapeList } from '../../src/components/numbers/tensorShapes.ts';

function setup(spec: unknown, height: number, width: number) {
  const parsed = parseSpec(spec);
  return { spec: parsed, geometry: layerGeometry(parsed, height, width) };
}

const ones = (k: number) => Array.from({ length: k }, () => Array<number>(k).fill(1));

describe('output-size formula', () => {
  it('W = 28, F = 7, P = 0, S = 1 gives 22 (the goormNLP notes)', () => {
    const { spec, geometry } = setup({ padding: 'valid', filters: [{ weights: ones(7) }] }, 28, 28);
    const [h, w] = convFormulas(spec, geometry);
    expect(h).toMatchObject({ input: 28, padBefore: 0, padAfter: 0, kernel: 7, numerator: 21, out: 22 });
    expect(h.dropped).toBe(0);
    expect(h.same).toBeNull();
    expect(formulaText(w)).toBe('⌊(28 + 0 + 0 − 1·(7 − 1) − 1) / 1⌋ + 1 = ⌊21 / 1⌋ + 1 = 22');
    expect(courseText(w)).toBe('(28 − 7 + 2·0) / 1 + 1 = 22');
  });

  it('27 × 27 with a 3 × 3 Sobel, VALID: 25; pooled 2 × 2 / 2: 12, one row and column dropped', () => {
    const { spec, geometry } = setup({ padding: 'valid' }, 27, 27);
    const [h] = convFormulas(spec, geometry);
    expect(h.out).toBe(25);
    const [ph, pw] = poolFormulas(spec, geometry);
    expect(ph).toMatchObject({ input: 25, kernel: 2, stride: 2, numerator: 23, out: 12, dropped: 1 });
    expect(pw.droppedImage).toBe(1);
    expect(formulaText(ph)).toBe('⌊(25 + 0 + 0 − 1·(2 − 1) − 1) / 2⌋ + 1 = ⌊23 / 2⌋ + 1 = 12');
  });

  it('SAME with stride 2 splits an odd total unevenly, from layerGeometry', () => {
    const { spec, geometry } = setup({ stride: 2, filters: [{ weights: ones(4) }] }, 28, 28);
    const [h] = convFormulas(spec, geometry);
    // ⌈28 / 2⌉ = 14; (14 − 1)·2 + 4 − 28 = 2 → 1 before, 1 after
    expect(h.same).toEqual({ target: 14, raw: 2, total: 2, before: 1, after: 1 });
    const odd = setup({ filters: [{ weights: ones(4) }] }, 28, 28);
    const [oh] = convFormulas(odd.spec, odd.geometry);
    // stride 1, F = 4: total 3 → 1 before, 2 after
    expect(oh.same).toEqual({ target: 28, raw: 3, total: 3, before: 1, after: 2 });
    expect(sameText(oh)).toBe('⌈28 / 1⌉ = 28; max((28 − 1)·1 + 4 − 28, 0) = 3 → 1 + 2');
    expect(courseText(oh)).toBeNull();
  });

  it('SAME with nothing to pad still shows the max(…, 0), and the floor drops the last row', () => {
    const { spec, geometry } = setup({ stride: 2, filters: [{ weights: [[1]] }] }, 28, 29);
    const [h, w] = convFormulas(spec, geometry);
    expect(h.same).toEqual({ target: 14, raw: -1, total: 0, before: 0, after: 0 });
    expect(h).toMatchObject({ out: 14, dropped: 1, droppedImage: 1 });
    expect(w).toMatchObject({ out: 15, dropped: 0 });
  });

  it('dilation enters as D·(F − 1); the dropped cells can be padding, not image', () => {
    const { spec, geometry } = setup({ dilation: 2, stride: 3, padding: [0, 2, 0, 0] }, 10, 10);
    const [h, w] = convFormulas(spec, geometry);
    // 10 + 0 + 2 − 2·2 − 1 = 7; ⌊7 / 3⌋ + 1 = 3; 7 mod 3 = 1 dropped, and it is padding
    expect(h).toMatchObject({ kernelEff: 5, numerator: 7, out: 3, dropped: 1, droppedImage: 0 });
    expect(w).toMatchObject({ numerator: 5, out: 2, dropped: 2, droppedImage: 2 });
    expect(courseText(w)).toBeNull();
  });

  it('explains pooling SAME padding', () => {
    const { spec, geometry } = setup({ pool: { size: 3, stride: 2, padding: 'same' } }, 28, 27);
    const [ph, pw] = poolFormulas(spec, geometry);
    expect(ph.same).toEqual({ target: 14, raw: 1, total: 1, before: 0, after: 1 });
    expect(pw.same).toEqual({ target: 14, raw: 2, total: 2, before: 1, after: 1 });
    expect(ph.out).toBe(14);
  });
});

describe('tensor shapes, weights and multiply-adds', () => {
  it('gray 28 × 28, one 7 × 7 filter: NHWC and NCHW', () => {
    const { spec, geometry } = setup({ padding: 'valid', filters: [{ weights: ones(7) }] }, 28, 28);
    const { rows, depthwise } = layerShapes(spec, geometry);
    expect(depthwise).toBe(false);
    const byStage = Object.fromEntries(rows.map((r) => [r.stage, [shapeList(r.nhwc), shapeList(r.nchw)]]));
    expect(byStage.input).toEqual(['[1, 28, 28, 1]', '[1, 1, 28, 28]']);
    expect(byStage.weights).toEqual(['[7, 7, 1, 1]', '[1, 1, 7, 7]']);
    expect(byStage.bias).toEqual(['[1]', '[1]']);
    expect(byStage.conv).toEqual(['[1, 22, 22, 1]', '[1, 1, 22, 22]']);
    expect(byStage.maxPool).toEqual(['[1, 11, 11, 1]', '[1, 1, 11, 11]']);
    expect(layerParams(spec, geometry)).toEqual({
      weights: 49,
      distinctWeights: 49,
      biases: 1,
      macs: 22 * 22 * 49,
      macsPerOutput: 49,
      outputs: 484,
    });
  });

  it('rgb: filters are 3 × 3 × 3, summed over channels; 4 filters give 4 maps', () => {
    const sobel = [
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ];
    const filters = Array.from({ length: 4 }, () => ({ weights: sobel }));
    const { spec, geometry } = setup({ channels: 'rgb', filters }, 300, 451);
    const weights = layerShapes(spec, geometry).rows.find((r) => r.stage === 'weights');
    expect(weights).toEqual({ stage: 'weights', nhwc: [3, 3, 3, 4], nchw: [4, 3, 3, 3] });
    const p = layerParams(spec, geometry);
    expect(p.weights).toBe(108);
    expect(p.distinctWeights).toBe(36); // 2-D filters shared by R, G and B
    expect(p.biases).toBe(4);
    expect(p.macsPerOutput).toBe(27);
    expect(p.macs).toBe(300 * 451 * 4 * 27);
  });

  it('rgb-per-channel is depthwise: [kh, kw, 3, F] and [3F, 1, kh, kw], 3F maps', () => {
    const { spec, geometry } = setup(
      { channels: 'rgb-per-channel', filters: [{ weights: ones(3) }, { weights: ones(3) }] },
      10,
      10,
    );
    const shapes = layerShapes(spec, geometry);
    expect(shapes.depthwise).toBe(true);
    expect(shapes.rows.find((r) => r.stage === 'weights')).toMatchObject({
      nhwc: [3, 3, 3, 2],
      nchw: [6, 1, 3, 3],
    });
    expect(shapes.rows.find((r) => r.stage === 'conv')?.nchw).toEqual([1, 6, 10, 10]);
    const p = layerParams(spec, geometry);
    expect(p).toMatchObject({ weights: 54, biases: 6, macsPerOutput: 9, macs: 600 * 9 });
  });
});
