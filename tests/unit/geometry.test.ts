/**
 * Shape arithmetic (geometry.ts): the output size formula, TensorFlow's SAME rule and its uneven split, and
 * the refusals of `layerGeometry` (no output, reflect wider than the image, pool window too big).
 */
import { describe, expect, it } from 'vitest';
import {
  effectiveKernel,
  emptiedStage,
  layerGeometry,
  multiplyAdds,
  reflectFits,
  outputSize,
  poolGeometry,
  resolvePadding,
  samePadding,
} from '../../src/core/geometry.ts';
import { defaultSpec, parseSpec, SpecError } from '../../src/core/spec.ts';

/** A k x k filter of ones (the values do not matter to geometry). */
function ones(kh: number, kw = kh): number[][] {
  return Array.from({ length: kh }, () => Array<number>(kw).fill(1));
}

function geometryError(spec: unknown, height: number, width: number): SpecError {
  try {
    layerGeometry(parseSpec(spec), height, width);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  return expect.fail(`layerGeometry accepted ${JSON.stringify(spec)} on ${height} x ${width}`);
}

describe('outputSize', () => {
  it('a 7x7 kernel on a 28-pixel image, no padding, stride 1 gives 22', () => {
    expect(outputSize(28, 7, 1, 0, 0)).toBe(22);
    expect(outputSize(28, 7, 1)).toBe(22);
  });

  it('a 3x3 Sobel kernel on a 27-pixel image with valid padding gives 25', () => {
    expect(outputSize(27, 3, 1)).toBe(25);
  });

  it('follows (W - F + 2P) / S + 1 of the course notes, rounding down', () => {
    expect(outputSize(32, 5, 1, 2, 2)).toBe(32);
    expect(outputSize(7, 3, 2)).toBe(3);
    expect(outputSize(8, 3, 2)).toBe(3);
    expect(outputSize(227, 11, 4)).toBe(55);
  });

  it('is 0 or less when the kernel does not fit', () => {
    expect(outputSize(4, 5, 1)).toBe(0);
    expect(outputSize(4, 5, 3)).toBeLessThan(1);
  });

  it('a dilated kernel counts its effective size (k - 1) * d + 1', () => {
    expect(effectiveKernel(3, 1)).toBe(3);
    expect(effectiveKernel(3, 2)).toBe(5);
    expect(effectiveKernel(1, 5)).toBe(1);
    expect(effectiveKernel(4, 3)).toBe(10);
  });
});

describe('samePadding', () => {
  it('same padding keeps a 28x28 image 28x28 with a 3x3 kernel', () => {
    expect(samePadding(28, 3, 1)).toEqual([1, 1]);
    const geo = layerGeometry(parseSpec({ padding: 'same' }), 28, 28);
    expect(geo.conv).toEqual({ height: 28, width: 28, maps: 1 });
  });

  it('stride 2 with same padding halves a 28x28 image to 14x14', () => {
    const geo = layerGeometry(parseSpec({ padding: 'same', stride: 2 }), 28, 28);
    expect([geo.conv.height, geo.conv.width]).toEqual([14, 14]);
    expect(geo.pads).toEqual({ top: 0, bottom: 1, left: 0, right: 1 });
  });

  it('splits an odd total with the extra pixel at the bottom or right', () => {
    expect(samePadding(28, 4, 1)).toEqual([1, 2]);
    expect(samePadding(6, 3, 2)).toEqual([0, 1]);
    expect(samePadding(2, 5, 3)).toEqual([1, 2]);
  });

  it('is out = ceil(in / stride) with total max((out - 1) * stride + k - in, 0)', () => {
    expect(samePadding(5, 3, 2)).toEqual([1, 1]);
    expect(samePadding(4, 1, 3)).toEqual([0, 0]);
    expect(samePadding(10, 2, 5)).toEqual([0, 0]);
    for (const [input, k, s] of [
      [5, 3, 2],
      [7, 4, 3],
      [1, 7, 2],
      [9, 1, 4],
    ] as const) {
      const [before, after] = samePadding(input, k, s);
      expect(outputSize(input, k, s, before, after)).toBe(Math.ceil(input / s));
    }
  });

  it('uses the dilated kernel size: a 3x3 kernel at dilation 2 pads 2 on each side', () => {
    const geo = layerGeometry(parseSpec({ dilation: 2 }), 10, 10);
    expect(geo.kernelEff).toEqual([5, 5]);
    expect(geo.pads).toEqual({ top: 2, bottom: 2, left: 2, right: 2 });
    expect([geo.conv.height, geo.conv.width]).toEqual([10, 10]);
  });
});

describe('resolvePadding and layerGeometry', () => {
  it('takes an integer as every side and an array as [top, bottom, left, right]', () => {
    expect(resolvePadding(2, 9, 9, [3, 3], [1, 1])).toEqual({ top: 2, bottom: 2, left: 2, right: 2 });
    expect(resolvePadding([0, 1, 2, 3], 9, 9, [3, 3], [1, 1])).toEqual({
      top: 0,
      bottom: 1,
      left: 2,
      right: 3,
    });
    expect(resolvePadding('valid', 9, 9, [3, 3], [1, 1])).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
  });

  it('a non-square kernel with explicit padding and unequal strides sizes each axis on its own', () => {
    const spec = parseSpec({
      filters: [{ weights: ones(2, 5) }],
      padding: [0, 1, 2, 0],
      stride: [2, 3],
      pool: { size: 1, stride: 1 },
    });
    const geo = layerGeometry(spec, 9, 11);
    expect(geo.kernel).toEqual([2, 5]);
    // rows: floor((9 + 1 - 2) / 2) + 1 = 5; columns: floor((11 + 2 - 5) / 3) + 1 = 3
    expect(geo.conv).toEqual({ height: 5, width: 3, maps: 1 });
    expect(geo.pool).toEqual({
      pads: { top: 0, bottom: 0, left: 0, right: 0 },
      height: 5,
      width: 3,
      empty: null,
    });
  });

  it('counts one map per filter, three per filter for rgb-per-channel', () => {
    const two = [{ weights: ones(3) }, { weights: ones(3) }];
    expect(layerGeometry(parseSpec({ channels: 'gray', filters: two }), 8, 8).conv.maps).toBe(2);
    expect(layerGeometry(parseSpec({ channels: 'rgb', filters: two }), 8, 8).conv.maps).toBe(2);
    const geo = layerGeometry(parseSpec({ channels: 'rgb-per-channel', filters: two }), 8, 8);
    expect(geo.conv.maps).toBe(6);
    expect(geo.input.channels).toBe(3);
  });

  it('pools the 28x28 default maps to 14x14, and a same pool rounds up', () => {
    expect(layerGeometry(parseSpec({}), 28, 28).pool).toMatchObject({ height: 14, width: 14 });
    expect(poolGeometry({ size: [2, 2], stride: [2, 2], padding: 'valid' }, 7, 7)).toMatchObject({
      height: 3,
      width: 3,
    });
    expect(poolGeometry({ size: [2, 2], stride: [2, 2], padding: 'same' }, 7, 7)).toEqual({
      pads: { top: 0, bottom: 1, left: 0, right: 1 },
      height: 4,
      width: 4,
      empty: null,
    });
  });
});

describe('layerGeometry refuses', () => {
  it('a 5x5 kernel on a 4-pixel-tall image with valid padding, naming the sizes', () => {
    const error = geometryError({ filters: [{ weights: ones(5) }], padding: 'valid' }, 4, 10);
    expect(error.field).toBe('filters');
    expect(error.message).toMatch(
      /effective size 5 leaves no output for a 4-pixel-tall image with 0 pixels of padding/,
    );
    expect(error.message).toMatch(/use a smaller kernel or dilation, or more padding/);
  });

  it('a kernel too wide for the image, naming the wide axis', () => {
    const error = geometryError({ filters: [{ weights: ones(1, 5) }], padding: 'valid' }, 10, 4);
    expect(error.message).toMatch(/4-pixel-wide image/);
  });

  it('stride 3 and kernel 5 leave no output for a 4-pixel-wide image', () => {
    const error = geometryError(
      { filters: [{ weights: ones(1, 5) }], padding: 'valid', stride: [1, 3] },
      10,
      4,
    );
    expect(error.field).toBe('filters');
    expect(error.message).toMatch(/effective size 5 leaves no output for a 4-pixel-wide image/);
  });

  it('a dilation that makes a 3x3 kernel 7 wide on a 6-pixel image', () => {
    const error = geometryError({ dilation: 3, padding: 'valid' }, 6, 6);
    expect(error.message).toMatch(/effective size 7/);
    // the same with enough padding is fine
    expect(
      layerGeometry(parseSpec({ dilation: 3, padding: 1, pool: { size: 1, stride: 1 } }), 6, 6).conv.height,
    ).toBe(2);
  });

  it('reflect padding wider than size - 1, naming padMode and the other modes', () => {
    const error = geometryError({ filters: [{ weights: ones(5) }], padMode: 'reflect' }, 2, 2);
    expect(error.field).toBe('padMode');
    expect(error.message).toMatch(
      /reflect padding of 2 needs an image larger than 2 x 2 \(at most size - 1 per side\)/,
    );
    expect(error.message).toMatch(/use "zeros" or "replicate"/);
    expect(geometryError({ padding: [0, 0, 0, 3], padMode: 'reflect' }, 9, 3).field).toBe('padMode');
  });

  it('accepts reflect padding of exactly size - 1, and any width of zeros or replicate padding', () => {
    const spec = { padding: 2, padMode: 'reflect', pool: { size: 1, stride: 1 } };
    expect(layerGeometry(parseSpec(spec), 3, 3).conv).toMatchObject({ height: 5, width: 5 });
    for (const padMode of ['zeros', 'replicate']) {
      expect(layerGeometry(parseSpec({ ...spec, padding: 6, padMode }), 3, 3).conv).toMatchObject({
        height: 13,
      });
    }
  });

  it('reflectFits: every pad at most size - 1, per axis', () => {
    const input = { height: 3, width: 5, channels: 1 };
    const pads = (top: number, bottom: number, left: number, right: number) => ({ top, bottom, left, right });
    expect(reflectFits({ pads: pads(2, 2, 4, 4), input })).toBe(true);
    expect(reflectFits({ pads: pads(0, 3, 0, 0), input })).toBe(false);
    expect(reflectFits({ pads: pads(0, 0, 5, 0), input })).toBe(false);
  });

  it('multiplyAdds: every output value sums kh x kw taps over the input channels it reads', () => {
    const two = [{ weights: ones(3) }, { weights: ones(3) }];
    const madds = (json: object) => {
      const spec = parseSpec({ ...json, filters: two, padding: 'valid' });
      return multiplyAdds(spec, layerGeometry(spec, 10, 12));
    };
    expect(madds({ channels: 'gray' })).toBe(8 * 10 * 2 * 9);
    expect(madds({ channels: 'rgb' })).toBe(8 * 10 * 2 * 9 * 3);
    expect(madds({ channels: 'rgb-per-channel' })).toBe(8 * 10 * 6 * 9);
  });

  it('no pooling window larger than the feature maps: reported as an empty pooling, not refused', () => {
    const spec = { padding: 'valid', pool: { size: 3, stride: 1, padding: 'valid' } };
    const geometry = layerGeometry(parseSpec(spec), 4, 9);
    expect(geometry.conv).toMatchObject({ height: 2, width: 7 });
    expect(geometry.pool).toMatchObject({ height: 0, width: 0 });
    expect(geometry.pool.empty).toMatchObject({ window: [3, 3], map: [2, 7] });
    expect(geometry.pool.empty?.message).toMatch(
      /the 3 x 3 pooling window is larger than the 2 x 7 feature map, so the pooling has no output/,
    );
    const same = layerGeometry(parseSpec({ ...spec, pool: { ...spec.pool, padding: 'same' } }), 4, 9);
    expect(same.pool).toMatchObject({ height: 2, width: 7, empty: null });
  });

  it('a 1 x 1 image: a 1 x 1 feature map with same padding, the default 2 x 2 pooling empty', () => {
    const geometry = layerGeometry(defaultSpec(), 1, 1);
    expect(geometry.conv).toMatchObject({ height: 1, width: 1 });
    expect(geometry.pool.empty).toMatchObject({ window: [2, 2], map: [1, 1] });
    expect(emptiedStage(null, geometry)?.field).toBe('pool.size');
    expect(emptiedStage(geometry, geometry), 'an empty pooling that stays empty is no change').toBeNull();
    expect(emptiedStage(layerGeometry(defaultSpec(), 4, 4), geometry)?.message).toMatch(
      /larger than the 1 x 1/,
    );
  });

  it('filters of different sizes in one layer', () => {
    const error = geometryError({ filters: [{ weights: ones(3) }, { weights: ones(3, 2) }] }, 8, 8);
    expect(error.field).toBe('filters[1].weights');
    expect(error.message).toMatch(/is 3 x 2 but filter 0 is 3 x 3; all filters of a layer share one size/);
  });
});
