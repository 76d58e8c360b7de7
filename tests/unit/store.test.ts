import { beforeEach, describe, expect, it } from 'vitest';
import { resetStore, setFilterCell, setImage, store, updateSpec } from '../../src/store/index.ts';

const image28 = {
  source: 'sample' as const,
  sampleId: 'fashion-mnist-9',
  name: 'boot',
  width: 28,
  height: 28,
};

describe('store', () => {
  beforeEach(() => {
    resetStore();
    setImage(image28);
  });

  it('applies a valid kernel edit', () => {
    expect(setFilterCell(0, 1, 1, 7)).toBe(true);
    expect(store.getState().spec.filters[0]?.weights[1]?.[1]).toBe(7);
    expect(store.getState().error).toBeNull();
  });

  it('refuses a stride of 0 with an alert naming the field, keeping the last good spec', () => {
    const before = store.getState().spec;
    expect(updateSpec((d) => void (d.stride = [0, 0]))).toBe(false);
    expect(store.getState().spec).toBe(before);
    expect(String(store.getState().error?.params?.detail)).toMatch(/stride/);
  });

  it('refuses a spec that leaves no output for the current image', () => {
    const weights = Array.from({ length: 29 }, () => Array<number>(29).fill(1));
    expect(updateSpec((d) => ({ ...d, padding: 'valid', filters: [{ weights, bias: 0 }] }))).toBe(false);
    expect(String(store.getState().error?.params?.detail)).toMatch(/leaves no output/);
    expect(store.getState().spec.filters[0]?.weights).toHaveLength(3);
  });
});
