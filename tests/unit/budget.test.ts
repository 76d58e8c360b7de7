/** Estimating a frame before computing it (src/engine/budget.ts). */
import { describe, expect, it } from 'vitest';
import { defaultSpec, type LayerSpec } from '../../src/core/index.ts';
import {
  estimate,
  formatBytes,
  MEMORY_LIMIT_BYTES,
  TENSOR_LIMIT_BYTES,
  whatFits,
} from '../../src/engine/budget.ts';

function layer(filters: number, size: number, channels: LayerSpec['channels'] = 'gray'): LayerSpec {
  const depth = channels === 'rgb' ? 3 : 1;
  const weights = Array.from({ length: size }, () =>
    Array.from({ length: size }, () => (depth === 1 ? 1 : [1, 1, 1])),
  ) as LayerSpec['filters'][number]['weights'];
  return {
    ...defaultSpec(),
    channels,
    filters: Array.from({ length: filters }, () => ({ weights, bias: 0 })),
  };
}

describe('estimate', () => {
  it('counts the image, input, padded input, both conv stages twice over and the poolings', () => {
    // 100 × 100 gray, one 3 × 3 filter, same: image 3 ch, input 1, padded 102², maps 1, pools 50².
    const e = estimate(layer(1, 3), 100, 100, 0);
    const expected = 4 * (100 * 100 * 3 + 100 * 100 + 102 * 102 + 4 * 100 * 100 + 2 * 50 * 50);
    expect(e.bytes).toBe(expected);
    expect(e.largest).toBe(4 * 100 * 100 * 3);
    expect(e.fits).toBe(true);
  });

  it('refuses 16 filters of 11 × 11 on 4096² (the 7-minute failure), and says what fits', () => {
    const spec = layer(16, 11);
    const e = estimate(spec, 4096, 4096, 1e-6);
    expect(e.fits).toBe(false);
    expect(e.largest).toBeGreaterThan(TENSOR_LIMIT_BYTES);
    const fit = whatFits(spec, 4096, 4096);
    expect(fit.filters).toBeGreaterThanOrEqual(1);
    expect(fit.filters).toBeLessThan(16);
    expect(estimate(layer(fit.filters, 11), 4096, 4096, 0).fits).toBe(true);
    expect(estimate(layer(fit.filters + 1, 11), 4096, 4096, 0).fits).toBe(false);
    const side = fit.image?.width ?? 0;
    expect(side).toBeGreaterThan(1000);
    expect(side).toBeLessThan(4096);
    expect(estimate(spec, side, side, 0).fits).toBe(true);
    expect(estimate(spec, side + 1, side + 1, 0).fits).toBe(false);
  });

  it('keeps the page’s ordinary large cases: 4096² RGB with 4 filters of 3 × 3 fits', () => {
    expect(estimate(layer(4, 3, 'rgb'), 4096, 4096, 0).fits).toBe(true);
    expect(estimate(layer(1, 3), 4096, 4096, 0).bytes).toBeLessThan(MEMORY_LIMIT_BYTES);
  });

  it('times the work: multiply-adds × the pace', () => {
    // 64 filters of 31 × 31, same, on 512² gray: 512² × 64 × 961 multiply-adds.
    const e = estimate(layer(64, 31), 512, 512, 1e-6);
    expect(e.ms).toBeCloseTo(512 * 512 * 64 * 961 * 1e-6, 3);
    expect(e.fits).toBe(true);
  });

  it('formats bytes', () => {
    expect(formatBytes(3.7e9)).toBe('3.7 GB');
    expect(formatBytes(640e6)).toBe('640 MB');
  });
});
