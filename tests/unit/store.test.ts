import { beforeEach, describe, expect, it } from 'vitest';
import { identity } from '../../src/kernels/ops.ts';
import {
  addFilter,
  applyKernelOp,
  applyPreset,
  duplicateFilter,
  editedSpec,
  MAX_EDITOR_FILTERS,
  opProblem,
  removeFilter,
  resetStore,
  resizeKernels,
  setBias,
  setFilterCell,
  setFilterWeights,
  setFlip,
  setImage,
  setSobelPair,
  store,
  updateSpec,
} from '../../src/store/index.ts';
import { sampleImage } from '../support/sampleImage.ts';

const image28 = sampleImage();

describe('store', () => {
  beforeEach(() => {
    resetStore();
    setImage(image28);
  });

  it('applies a valid kernel edit', () => {
    expect(setFilterCell(0, 1, 1, 7)).toBe(true);
    expect(editedSpec(store.getState()).filters[0]?.weights[1]?.[1]).toBe(7);
    expect(store.getState().error).toBeNull();
  });

  it('refuses a stride of 0 with an alert naming the field, keeping the last good spec', () => {
    const before = editedSpec(store.getState());
    expect(updateSpec((d) => void (d.stride = [0, 0]))).toBe(false);
    expect(editedSpec(store.getState())).toBe(before);
    expect(String(store.getState().error?.params?.detail)).toMatch(/stride/);
  });

  it('refuses a spec that leaves no output for the current image', () => {
    const weights = Array.from({ length: 29 }, () => Array<number>(29).fill(1));
    expect(updateSpec((d) => ({ ...d, padding: 'valid', filters: [{ weights, bias: 0 }] }))).toBe(false);
    expect(String(store.getState().error?.params?.detail)).toMatch(/leaves no output/);
    expect(editedSpec(store.getState()).filters[0]?.weights).toHaveLength(3);
  });
});

describe('kernel editor actions', () => {
  const spec = () => editedSpec(store.getState());
  const SOBEL_X = [
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ];

  beforeEach(() => {
    resetStore();
    setImage(image28);
  });

  it('resizes every filter, centre-aligned, and refuses sizes outside 1..11', () => {
    addFilter();
    expect(resizeKernels(5, 5)).toBe(true);
    expect(spec().filters[0]?.weights[2]).toEqual([0, -2, 0, 2, 0]);
    expect(spec().filters[1]?.weights).toEqual(identity(5, 5));
    expect(resizeKernels(1, 3)).toBe(true);
    expect(spec().filters[0]?.weights).toEqual([[-2, 0, 2]]);
    expect(resizeKernels(0, 3)).toBe(false);
    expect(resizeKernels(3, 12)).toBe(false);
    expect(spec().filters[0]?.weights).toEqual([[-2, 0, 2]]);
  });

  it('adds identity filters of the current size, duplicates and removes, keeping at least one', () => {
    resizeKernels(3, 4);
    expect(addFilter()).toBe(1);
    expect(spec().filters[1]).toEqual({ weights: identity(3, 4), bias: 0 });
    setBias(0, 7);
    expect(duplicateFilter(0)).toBe(1);
    expect(spec().filters).toHaveLength(3);
    expect(spec().filters[1]).toEqual(spec().filters[0]);
    expect(removeFilter(0)).toBe(true);
    expect(removeFilter(0)).toBe(true);
    expect(removeFilter(0)).toBe(false);
    expect(spec().filters).toHaveLength(1);
    for (let i = 1; i < MAX_EDITOR_FILTERS; i++) expect(addFilter()).toBe(i);
    expect(addFilter()).toBe(-1);
    expect(MAX_EDITOR_FILTERS).toBeGreaterThanOrEqual(8);
  });

  it('sets the bias and the flip', () => {
    expect(setBias(0, -12.5)).toBe(true);
    expect(spec().filters[0]?.bias).toBe(-12.5);
    expect(setBias(0, Number.NaN)).toBe(false);
    expect(store.getState().error).not.toBeNull();
    expect(setFlip(true)).toBe(true);
    expect(spec().flip).toBe(true);
  });

  it('applies kernel operations to one filter and explains when one cannot apply', () => {
    addFilter();
    expect(applyKernelOp(0, 'transpose')).toBe(true);
    expect(spec().filters[0]?.weights).toEqual([
      [-1, -2, -1],
      [0, 0, 0],
      [1, 2, 1],
    ]);
    expect(spec().filters[1]?.weights).toEqual(identity(3, 3));
    expect(opProblem(spec(), 0, 'normalizeSum')).toBe('zeroSum');
    expect(applyKernelOp(0, 'normalizeSum')).toBe(false);
    expect(applyKernelOp(1, 'negate')).toBe(true);
    expect(spec().filters[1]?.weights[1]?.[1]).toBe(-1);
    resizeKernels(3, 5);
    expect(opProblem(spec(), 0, 'rotate90')).toBe('sharedShape');
    expect(applyKernelOp(0, 'rotate90')).toBe(false);
    removeFilter(1);
    expect(applyKernelOp(0, 'rotate90')).toBe(true);
    expect(spec().filters[0]?.weights).toHaveLength(5);
    expect(applyKernelOp(0, 'reset')).toBe(true);
    expect(spec().filters[0]?.weights).toEqual(identity(5, 3));
  });

  it('a preset of another size resizes the other filters to match', () => {
    addFilter();
    const box5 = Array.from({ length: 5 }, () => Array<number>(5).fill(1 / 25));
    expect(applyPreset(1, box5)).toBe(true);
    expect(spec().filters[1]?.weights).toEqual(box5);
    expect(spec().filters[0]?.weights[2]).toEqual([0, -2, 0, 2, 0]);
  });

  it('the Sobel pair sets exactly [Sobel x, Sobel y]', () => {
    addFilter();
    addFilter();
    resizeKernels(5, 5);
    expect(setSobelPair()).toBe(true);
    expect(spec().filters.map((f) => f.weights)).toEqual([
      SOBEL_X,
      [
        [-1, -2, -1],
        [0, 0, 0],
        [1, 2, 1],
      ],
    ]);
  });

  it('editing one channel of a 2-D filter in an RGB layer makes it kh x kw x 3, copying the values first', () => {
    updateSpec((d) => void (d.channels = 'rgb'));
    expect(setFilterCell(0, 0, 0, 9, 1)).toBe(true);
    const w = spec().filters[0]?.weights as number[][][];
    expect(w[0]?.[0]).toEqual([-1, 9, -1]);
    expect(w[1]?.[2]).toEqual([2, 2, 2]);
    // Without a channel, a 3-D cell gets the value in every channel.
    expect(setFilterCell(0, 1, 1, 4)).toBe(true);
    expect((spec().filters[0]?.weights as number[][][])[1]?.[1]).toEqual([4, 4, 4]);
    // Operations apply to every slice.
    expect(applyKernelOp(0, 'negate')).toBe(true);
    expect((spec().filters[0]?.weights as number[][][])[0]?.[0]).toEqual([1, -9, 1]);
  });

  it('never makes 3-D weights outside the RGB layer', () => {
    expect(setFilterCell(0, 0, 0, 9, 1)).toBe(true);
    expect(spec().filters[0]?.weights[0]).toEqual([9, 0, 1]);
    expect(setFilterWeights(0, [[[1, 2, 3]]])).toBe(false);
    expect(store.getState().error?.key).toBe('kernel.needsRgb');
    expect(spec().filters[0]?.weights).toHaveLength(3);
  });

  it('loads weights and bias into a filter', () => {
    expect(setFilterWeights(0, [[1, 2]], 3)).toBe(true);
    expect(spec().filters[0]).toEqual({ weights: [[1, 2]], bias: 3 });
  });
});
