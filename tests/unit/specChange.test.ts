/**
 * One door for spec changes: a control, an imported spec file and a link opened in a live tab all pass
 * `specChangeProblem` (no feature map lost, no pooling shown now emptied); a small image loads with its
 * empty pooling explained, and edits still apply on it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  checkSpecText,
  editedSpec,
  networkChangeProblem,
  networkProblem,
  openLinkLive,
  resetStore,
  setFilterCell,
  setImage,
  store,
  updateSpec,
} from '../../src/store/index.ts';
import { defaultSpec, networkOf, parseSpec } from '../../src/core/index.ts';
import { sampleImage } from '../support/sampleImage.ts';

const image = sampleImage;
const link = (spec: object, extra = '') => `#spec=${encodeURIComponent(JSON.stringify(spec))}${extra}`;
/** The built-in samples as a live link sees them; no test here loads one. */
const samples = { exists: () => true, load: async () => true };
const ones = (k: number) => Array.from({ length: k }, () => new Array<number>(k).fill(1));

describe('a 1 x 1 image', () => {
  beforeEach(() => resetStore());

  it('fits the default spec: its pooling is empty, which is no problem for a new image', () => {
    expect(networkProblem(networkOf(defaultSpec()), image(1, 1))).toBeNull();
  });

  it('takes kernel edits while its pooling stays empty, and a pooling that gets output', () => {
    setImage(image(1, 1));
    expect(setFilterCell(0, 1, 1, 5)).toBe(true);
    expect(store.getState().error).toBeNull();
    expect(updateSpec((d) => void (d.pool.size = [1, 1]))).toBe(true);
    // Now the pooling has output: a change that empties it again is refused.
    expect(updateSpec((d) => void (d.pool.size = [2, 2]))).toBe(false);
    expect(String(store.getState().error?.params?.detail)).toMatch(/pooling window is larger than the 1 x 1/);
  });
});

describe('every spec change', () => {
  beforeEach(() => {
    resetStore();
    setImage(image(28, 28));
  });

  it('a control cannot empty a pooling that has output now', () => {
    const before = editedSpec(store.getState());
    expect(updateSpec((d) => void (d.pool.size = [32, 32]))).toBe(false);
    expect(editedSpec(store.getState())).toBe(before);
  });

  it('an imported spec file is checked the same way', () => {
    const checked = checkSpecText(JSON.stringify({ pool: { size: 32 } }), 'big-pool.json');
    expect(checked).toMatchObject({ notice: { key: 'spec.import.image' } });
  });

  it.each([
    ['a pooling of 32 on the 28 x 28 image', { pool: { size: 32 } }, /pooling window is larger/],
    ['a 31 x 31 kernel, valid', { filters: [{ weights: ones(31) }], padding: 'valid' }, /leaves no output/],
    ['reflect padding of 1000', { padding: 1000, padMode: 'reflect' }, /reflect padding of 1000/],
    ['dilation 64, valid', { dilation: 64, padding: 'valid' }, /leaves no output/],
    ['a weight beyond float32', { filters: [{ weights: [[1e300]] }] }, /beyond float32/],
  ])(
    'a link in a live tab with %s is refused, saying why and that the setup is kept',
    async (_, spec, why) => {
      const before = editedSpec(store.getState());
      expect(await openLinkLive(link(spec, '&sample=fashion-mnist-9'), samples)).toBe(false);
      expect(store.getState().error).toMatchObject({ key: 'error.linkKept' });
      expect(String(store.getState().error?.params?.detail)).toMatch(why);
      expect(editedSpec(store.getState())).toBe(before);
    },
  );

  it('a malformed link is refused the same way', async () => {
    expect(await openLinkLive('#spec=%7Bnot json', samples)).toBe(false);
    expect(store.getState().error).toMatchObject({ key: 'error.linkKept' });
  });

  it('a link that fits is applied, and one naming another sample is left to that image', async () => {
    expect(await openLinkLive(link({ stride: 2 }), samples)).toBe(true);
    expect(store.getState().network).toEqual(networkOf(parseSpec({ stride: 2 })));
    const load = vi.fn(async () => false);
    expect(await openLinkLive(link({ pool: { size: 32 } }, '&sample=camera'), { ...samples, load })).toBe(
      false,
    );
    expect(load).toHaveBeenCalledWith(
      'camera',
      expect.objectContaining({ network: networkOf(parseSpec({ pool: { size: 32 } })) }),
    );
  });

  it('specChangeProblem names the emptied pooling; a change that keeps it empty passes', () => {
    const tiny = image(1, 1);
    const bigPool = parseSpec({ pool: { size: 4 } });
    expect(networkChangeProblem(networkOf(defaultSpec()), networkOf(bigPool), image(28, 28))).toBeNull();
    expect(networkChangeProblem(networkOf(defaultSpec()), networkOf(bigPool), image(3, 3))?.field).toBe(
      'pool.size',
    );
    expect(networkChangeProblem(networkOf(defaultSpec()), networkOf(bigPool), tiny)).toBeNull();
  });
});
