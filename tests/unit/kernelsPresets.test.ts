import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/core/index.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';
import { gaussianKernel, matchGaussian } from '../../src/kernels/gaussian.ts';
import { to3D, weightsSum } from '../../src/kernels/ops.ts';
import { findPreset, GAUSSIAN_ID, matchPreset, PRESET_GROUPS, PRESETS } from '../../src/kernels/presets.ts';

describe('presets', () => {
  it('has the whole library, each with a name and a one-line explanation in English and Korean', () => {
    const ids = PRESETS.map((p) => p.id);
    for (const id of [
      'identity',
      'sobel-x',
      'sobel-y',
      'scharr-x',
      'scharr-y',
      'prewitt-x',
      'prewitt-y',
      'laplacian',
      'laplacian-8',
      'box-blur',
      'box-blur-5',
      'gaussian',
      'sharpen',
      'unsharp',
      'emboss',
      'outline',
      'motion-blur',
      'edge-45',
      'edge-135',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PRESETS) {
      for (const lang of ['en', 'ko'] as const) {
        expect(MESSAGES[lang][p.name].length).toBeGreaterThan(0);
        expect(MESSAGES[lang][p.info].length).toBeGreaterThan(0);
        expect(MESSAGES[lang][p.info]).not.toContain('\n');
      }
      expect(PRESET_GROUPS.map((g) => g.id)).toContain(p.group);
      // Every preset is a spec the core accepts, in every channel mode.
      for (const channels of ['gray', 'rgb', 'rgb-per-channel']) {
        expect(() => parseSpec({ channels, filters: [{ weights: p.weights }] })).not.toThrow();
      }
    }
  });

  it('sizes and sums: blurs add up to 1, edge detectors to 0, sharpeners to 1', () => {
    const sum = (id: string) => weightsSum(findPreset(id)?.weights ?? []);
    for (const id of [
      'box-blur',
      'box-blur-5',
      'gaussian',
      'motion-blur',
      'sharpen',
      'unsharp',
      'identity',
    ]) {
      expect(sum(id), id).toBeCloseTo(1, 12);
    }
    for (const id of ['sobel-x', 'sobel-y', 'scharr-x', 'scharr-y', 'prewitt-x', 'prewitt-y', 'laplacian']) {
      expect(sum(id), id).toBe(0);
    }
    for (const id of ['laplacian-8', 'outline', 'edge-45', 'edge-135']) expect(sum(id), id).toBe(0);
    expect(
      findPreset('emboss')
        ?.weights.flat()
        .reduce((a, b) => a + b),
    ).toBe(1);
    expect(findPreset('box-blur-5')?.weights).toHaveLength(5);
    expect(findPreset('unsharp')?.weights[2]?.[2]).toBeCloseTo(476 / 256, 12);
    expect(findPreset('scharr-x')?.weights).toEqual([
      [-3, 0, 3],
      [-10, 0, 10],
      [-3, 0, 3],
    ]);
  });

  it('the two diagonal detectors mirror each other top to bottom', () => {
    const a = findPreset('edge-45')?.weights;
    const b = findPreset('edge-135')?.weights;
    expect([...(a ?? [])].reverse()).toEqual(b);
  });

  it('matchPreset finds a preset in a 2-D or an all-channels-equal 3-D kernel, else Custom', () => {
    for (const p of PRESETS) {
      expect(matchPreset(p.weights)?.id).toBe(p.id);
      expect(matchPreset(to3D(p.weights))?.id).toBe(p.id);
      // Through JSON (the share link) too.
      expect(matchPreset(JSON.parse(JSON.stringify(p.weights)))?.id).toBe(p.id);
    }
    const edited = findPreset('sobel-x')?.weights.map((r) => [...r]) ?? [];
    if (edited[0]) edited[0][0] = 5;
    expect(matchPreset(edited)).toBeUndefined();
    const mixed = to3D(findPreset('identity')?.weights ?? []);
    if (mixed[1]?.[1]) mixed[1][1][2] = 2;
    expect(matchPreset(mixed)).toBeUndefined();
    expect(matchPreset(undefined)).toBeUndefined();
    expect(matchPreset('nonsense')).toBeUndefined();
  });
});

describe('Gaussian kernels', () => {
  it('are symmetric, peak in the centre and add up to 1', () => {
    const g = gaussianKernel(5, 1);
    expect(weightsSum(g)).toBeCloseTo(1, 10);
    expect(g[2]?.[2]).toBe(Math.max(...g.flat()));
    expect(g[0]?.[1]).toBe(g[1]?.[0]);
    expect(g[4]?.[3]).toBe(g[0]?.[1]);
    // exp(-1/2) between the centre and its neighbour for σ = 1
    expect((g[2]?.[3] ?? 0) / (g[2]?.[2] ?? 1)).toBeCloseTo(Math.exp(-0.5), 9);
  });

  it('a larger σ spreads the weight out', () => {
    expect(gaussianKernel(5, 2)[2]?.[2]).toBeLessThan(gaussianKernel(5, 0.8)[2]?.[2] ?? 0);
  });

  it('matchGaussian recovers size and σ, and refuses other kernels', () => {
    for (const size of [3, 5, 7, 9, 11]) {
      for (const sigma of [0.5, 1, 1.3, 2.5]) {
        expect(matchGaussian(gaussianKernel(size, sigma))).toEqual({ size, sigma });
        expect(matchPreset(gaussianKernel(size, sigma))?.id).toBe(GAUSSIAN_ID);
      }
    }
    expect(matchGaussian(findPreset('box-blur')?.weights)).toBeNull();
    expect(matchGaussian(findPreset('identity')?.weights)).toBeNull();
    expect(matchGaussian(findPreset('sharpen')?.weights)).toBeNull();
    const off = gaussianKernel(5, 1);
    if (off[0]) off[0][0] = 0.5;
    expect(matchGaussian(off)).toBeNull();
  });
});
