/**
 * The layer controls' actions: the pure conversions (channel switches, padding forms, per-axis pairs,
 * reflect limits) and the actions themselves on the store, including refusals that keep the last good spec.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { layerGeometry, parseSpec, type Filter } from '../../src/core/index.ts';
import {
  collapseWeights,
  editedSpec,
  explicitSides,
  explicitStart,
  filtersForChannels,
  paddingKind,
  reflectProblem,
  resetStore,
  setActivation,
  setChannels,
  setDilation,
  setImage,
  setPaddingKind,
  setPaddingSide,
  setPadMode,
  setPoolPadding,
  setPoolSize,
  setPoolStride,
  setStride,
  sidesToPadding,
  store,
  updateSpec,
  withAxis,
} from '../../src/store/index.ts';
import { defaultZoom, zoomCrop } from '../../src/components/layer/paddingCrop.ts';

const image28 = { source: 'sample' as const, sampleId: 'x', name: 'boot', width: 28, height: 28 };

const spec = () => editedSpec(store.getState());
const error = () => String(store.getState().error?.params?.detail ?? '');

/** A 2 × 2 filter whose R, G, B slices are given as 2 × 2 grids. */
function rgbFilter(r: number[][], g: number[][], b: number[][], bias = 0): Filter {
  return {
    weights: r.map((row, i) => row.map((w, j) => [w, g[i]![j]!, b[i]![j]!])),
    bias,
  };
}

describe('pure conversions', () => {
  it('withAxis sets one axis or both', () => {
    expect(withAxis([1, 1], 0, 3)).toEqual([3, 1]);
    expect(withAxis([1, 1], 1, 3)).toEqual([1, 3]);
    expect(withAxis([2, 5], 'both', 4)).toEqual([4, 4]);
  });

  it('collapseWeights keeps a 2-D filter as it is', () => {
    expect(
      collapseWeights([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual({
      weights: [
        [1, 2],
        [3, 4],
      ],
      lossy: false,
    });
  });

  it('collapseWeights uses the shared slice when R, G and B are equal', () => {
    const w = rgbFilter(
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 2],
        [3, 4],
      ],
    ).weights;
    expect(collapseWeights(w)).toEqual({
      weights: [
        [1, 2],
        [3, 4],
      ],
      lossy: false,
    });
  });

  it('collapseWeights keeps the R slice and reports the loss when the slices differ', () => {
    const w = rgbFilter(
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 2],
        [3, 5],
      ],
      [
        [1, 2],
        [3, 4],
      ],
    ).weights;
    expect(collapseWeights(w)).toEqual({
      weights: [
        [1, 2],
        [3, 4],
      ],
      lossy: true,
    });
  });

  it('filtersForChannels leaves filters alone for rgb and collapses 3-D filters otherwise', () => {
    const same = rgbFilter(
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
      2,
    );
    const differ = rgbFilter(
      [
        [1, 0],
        [0, 1],
      ],
      [
        [0, 1],
        [1, 0],
      ],
      [
        [1, 1],
        [1, 1],
      ],
      -3,
    );
    const flat: Filter = {
      weights: [
        [5, 6],
        [7, 8],
      ],
      bias: 1,
    };
    const filters = [same, differ, flat];

    const kept = filtersForChannels(filters, 'rgb');
    expect(kept).toEqual({ filters, lossy: [] });
    expect(kept.filters).not.toBe(filters);

    for (const channels of ['gray', 'rgb-per-channel'] as const) {
      const out = filtersForChannels(filters, channels);
      expect(out.lossy).toEqual([1]);
      expect(out.filters).toEqual([
        {
          weights: [
            [1, 0],
            [0, 1],
          ],
          bias: 2,
        },
        {
          weights: [
            [1, 0],
            [0, 1],
          ],
          bias: -3,
        },
        flat,
      ]);
      // The result is a valid spec in that mode.
      expect(() => parseSpec({ channels, filters: out.filters })).not.toThrow();
    }
    // The 3-D filters are not valid in gray as they were: the conversion is what makes the switch work.
    expect(() => parseSpec({ channels: 'gray', filters })).toThrow(/channel weights/);
  });

  it('paddingKind, explicitSides and sidesToPadding round-trip every padding form', () => {
    expect(paddingKind('valid')).toBe('valid');
    expect(paddingKind('same')).toBe('same');
    expect(paddingKind(2)).toBe('explicit');
    expect(paddingKind([1, 2, 0, 3])).toBe('explicit');
    expect(explicitSides('valid')).toBeNull();
    expect(explicitSides('same')).toBeNull();
    expect(explicitSides(2)).toEqual([2, 2, 2, 2]);
    expect(explicitSides([1, 2, 0, 3])).toEqual([1, 2, 0, 3]);
    expect(sidesToPadding([2, 2, 2, 2])).toBe(2);
    expect(sidesToPadding([0, 0, 0, 0])).toBe(0);
    expect(sidesToPadding([1, 2, 0, 3])).toEqual([1, 2, 0, 3]);
  });

  it('explicitStart keeps pads in use and starts from 1 on every side when there are none', () => {
    expect(explicitStart([0, 1, 0, 1])).toEqual([0, 1, 0, 1]);
    expect(explicitStart([0, 0, 0, 0])).toEqual([1, 1, 1, 1]);
    expect(explicitStart(null)).toEqual([1, 1, 1, 1]);
  });

  it('reflectProblem allows at most size − 1 per side, per axis', () => {
    const size = { height: 4, width: 6 };
    expect(reflectProblem({ top: 3, bottom: 3, left: 5, right: 5 }, size)).toBeNull();
    expect(reflectProblem({ top: 4, bottom: 0, left: 0, right: 0 }, size)).toEqual({
      pad: 4,
      size: 4,
      max: 3,
      axis: 'tall',
    });
    expect(reflectProblem({ top: 0, bottom: 0, left: 0, right: 6 }, size)).toEqual({
      pad: 6,
      size: 6,
      max: 5,
      axis: 'wide',
    });
  });
});

describe('layer actions on the store (28 × 28 image, 3 × 3 Sobel)', () => {
  beforeEach(() => {
    resetStore();
    setImage(image28);
  });

  const convShape = () => {
    const g = layerGeometry(spec(), 28, 28);
    return [g.conv.height, g.conv.width, g.conv.maps];
  };
  const poolShape = () => {
    const g = layerGeometry(spec(), 28, 28);
    return [g.pool.height, g.pool.width];
  };

  it('switches channels, collapsing differing RGB slices to R and reporting it', () => {
    expect(setChannels('rgb')).toEqual({ applied: true, lossy: [] });
    expect(spec().channels).toBe('rgb');
    const three = rgbFilter(
      [
        [1, 0],
        [0, 1],
      ],
      [
        [2, 0],
        [0, 2],
      ],
      [
        [3, 0],
        [0, 3],
      ],
    );
    expect(updateSpec((d) => void (d.filters = [three]))).toBe(true);

    expect(setChannels('gray')).toEqual({ applied: true, lossy: [0] });
    expect(spec().channels).toBe('gray');
    expect(spec().filters[0]?.weights).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('rgb per channel makes three maps per filter', () => {
    setChannels('rgb-per-channel');
    expect(convShape()).toEqual([28, 28, 3]);
  });

  it('sets the activation', () => {
    for (const a of ['relu', 'abs', 'clip', 'none'] as const) {
      expect(setActivation(a)).toBe(true);
      expect(spec().activation).toBe(a);
    }
  });

  it('sets stride and dilation per axis or both', () => {
    expect(setStride(1, 2)).toBe(true);
    expect(spec().stride).toEqual([1, 2]);
    expect(convShape()).toEqual([28, 14, 1]);
    expect(setStride('both', 3)).toBe(true);
    expect(spec().stride).toEqual([3, 3]);

    setStride('both', 1);
    setPaddingKind('valid');
    expect(setDilation('both', 2)).toBe(true);
    expect(convShape()).toEqual([24, 24, 1]);
    expect(setDilation(0, 1)).toBe(true);
    expect(convShape()).toEqual([26, 24, 1]);
  });

  it('refuses a dilation that leaves no output and keeps the last good spec', () => {
    setPaddingKind('valid');
    const before = spec();
    expect(setDilation('both', 14)).toBe(false);
    expect(spec()).toBe(before);
    expect(error()).toMatch(/leaves no output/);
  });

  it('explicit padding starts from the pads in use, then edits one side at a time', () => {
    expect(setPaddingKind('explicit')).toBe(true);
    // SAME on 28 × 28 with a 3 × 3 kernel pads 1 on every side: written as the integer 1.
    expect(spec().padding).toBe(1);
    expect(setPaddingSide('bottom', 2)).toBe(true);
    expect(setPaddingSide('left', 0)).toBe(true);
    expect(setPaddingSide('right', 3)).toBe(true);
    expect(spec().padding).toEqual([1, 2, 0, 3]);
    expect(convShape()).toEqual([29, 29, 1]);

    setPaddingKind('valid');
    expect(setPaddingKind('explicit')).toBe(true);
    expect(spec().padding).toBe(1);
  });

  it('refuses reflect padding wider than the image can mirror', () => {
    setPaddingKind('explicit');
    setPadMode('reflect');
    expect(setPaddingSide('top', 27)).toBe(true);
    const before = spec();
    expect(setPaddingSide('top', 28)).toBe(false);
    expect(spec()).toBe(before);
    expect(error()).toMatch(/reflect/);
    expect(setPadMode('replicate')).toBe(true);
    expect(setPaddingSide('top', 28)).toBe(true);
  });

  it('pool size sets the stride too when linked, not when unlinked; pool stride and padding', () => {
    expect(setPoolSize(3, true)).toBe(true);
    expect(spec().pool).toEqual({ size: [3, 3], stride: [3, 3], padding: 'valid' });
    expect(poolShape()).toEqual([9, 9]);
    expect(setPoolStride(2)).toBe(true);
    expect(poolShape()).toEqual([13, 13]);
    expect(setPoolSize(4, false)).toBe(true);
    expect(spec().pool.stride).toEqual([2, 2]);
    expect(setPoolPadding('same')).toBe(true);
    expect(poolShape()).toEqual([14, 14]);
  });

  it('refuses a pooling window larger than the map with valid pool padding', () => {
    setPaddingKind('valid');
    setStride('both', 4); // 7 × 7 maps
    const before = spec();
    expect(setPoolSize(8, true)).toBe(false);
    expect(spec()).toBe(before);
    expect(error()).toMatch(/pool/);
  });
});

describe('the padding view window (paddingCrop.ts)', () => {
  const one = { top: 1, bottom: 1, left: 1, right: 1 };

  it('shows small inputs whole and large ones on the corner that has padding', () => {
    expect(defaultZoom(one, { height: 28, width: 28 })).toBe('whole');
    expect(defaultZoom(one, { height: 512, width: 512 })).toBe('top-left');
    // SAME at stride 2 on an even size pads only bottom and right.
    expect(defaultZoom({ top: 0, bottom: 1, left: 0, right: 1 }, { height: 512, width: 512 })).toBe(
      'bottom-right',
    );
  });

  it('whole is the full padded input; corners reach 12 cells past the padding', () => {
    expect(zoomCrop('whole', one, { height: 28, width: 30 })).toEqual({
      top: 0,
      left: 0,
      rows: 30,
      cols: 32,
    });
    expect(
      zoomCrop('top-left', { top: 2, bottom: 0, left: 3, right: 1 }, { height: 100, width: 100 }),
    ).toEqual({
      top: 0,
      left: 0,
      rows: 14,
      cols: 15,
    });
    // Padded 102 × 104: the last 12 + 1 rows and 12 + 3 columns.
    expect(
      zoomCrop('bottom-right', { top: 1, bottom: 1, left: 1, right: 3 }, { height: 100, width: 100 }),
    ).toEqual({
      top: 89,
      left: 89,
      rows: 13,
      cols: 15,
    });
  });

  it('never crops past the input and never enlarges more than 40 times', () => {
    expect(zoomCrop('top-left', one, { height: 5, width: 8 })).toEqual({
      top: 0,
      left: 0,
      rows: 7,
      cols: 10,
    });
    const big = zoomCrop('top-left', one, { height: 4094, width: 4094 });
    expect(big.rows).toBe(1 + Math.ceil(4096 / 40));
  });
});
