import { describe, expect, it } from 'vitest';
import {
  decimate,
  divergingColour,
  formatNumber,
  linearTicks,
  logDomain,
  logMinorTicks,
  logTicks,
  maxAbs,
  niceLinearDomain,
  smooth,
} from '../../src/components/train/chartScale.ts';

describe('chart ticks', () => {
  it('linear ticks fall on 1, 2, 5 steps without float noise', () => {
    expect(linearTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(0, 10, 4)).toEqual([0, 5, 10]);
    expect(linearTicks(0.1, 0.7, 6)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(linearTicks(3, 3)).toEqual([3]);
  });

  it('a linear domain widens to ticks', () => {
    expect(niceLinearDomain(0.13, 0.87, 5)).toEqual([0, 1]);
    expect(niceLinearDomain(0, 0)).toEqual([0, 1]);
  });

  it('log ticks are decades, with 2 and 5 when the span is short', () => {
    expect(logDomain(0.03, 2.3)).toEqual([0.01, 10]);
    expect(logTicks(0.01, 10)).toEqual([0.01, 0.1, 1, 10]);
    expect(logTicks(0.1, 1)).toEqual([0.1, 0.2, 0.5, 1]);
    expect(logDomain(0, 1)).toEqual([0.1, 1]);
    expect(logTicks(1e-12, 1).length).toBeLessThanOrEqual(8);
  });

  it('numbers read as people write them', () => {
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(-0.5)).toBe('−0.5');
    expect(formatNumber(0.87654)).toBe('0.877');
    expect(formatNumber(1e-6)).toBe('1e−6');
    expect(formatNumber(2.5e-7)).toBe('2.5e−7');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('decimate', () => {
  it('keeps short series whole', () => {
    const points: Array<[number, number]> = [
      [0, 1],
      [1, 2],
    ];
    expect(decimate(points, 500)).toEqual(points);
  });

  it('thins to at most the limit, keeps the ends and a spike, stays in x order', () => {
    const points: Array<[number, number]> = Array.from({ length: 10_000 }, (_, i) => [i, Math.sin(i / 50)]);
    points[4321] = [4321, 99];
    const out = decimate(points, 500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out[0]).toEqual([0, 0]);
    expect(out.at(-1)).toEqual(points.at(-1));
    expect(out).toContainEqual([4321, 99]);
    for (let i = 1; i < out.length; i++) expect(out[i]![0]).toBeGreaterThan(out[i - 1]![0]);
  });
});

describe('smooth', () => {
  it('is debiased: a constant series stays constant from the first point', () => {
    const out = smooth(
      Array.from({ length: 20 }, (_, i) => [i, 2] as [number, number]),
      0.9,
    );
    for (const [, y] of out) expect(y).toBeCloseTo(2, 12);
  });

  it('weight 0 gives the series back; noise shrinks', () => {
    const points: Array<[number, number]> = Array.from({ length: 200 }, (_, i) => [i, i % 2 ? 1 : 0]);
    expect(smooth(points, 0)).toEqual(points);
    const late = smooth(points, 0.9).slice(100);
    for (const [, y] of late) expect(Math.abs(y - 0.5)).toBeLessThan(0.1);
  });
});

describe('diverging colour', () => {
  it('is white-ish at 0, blue below, red above, symmetric in the limit', () => {
    expect(divergingColour(0, 1)).toEqual([247, 247, 247]);
    expect(divergingColour(-1, 1)).toEqual([0x21, 0x66, 0xac]);
    expect(divergingColour(2, 2)).toEqual([0xb2, 0x18, 0x2b]);
    expect(divergingColour(5, 0)).toEqual([247, 247, 247]);
    expect(maxAbs([0.5, -3, 2])).toBe(3);
    expect(maxAbs([])).toBe(0);
  });
});

describe('log minor ticks', () => {
  it('marks 2 and 5 of each decade between the labelled ones, none over many decades', () => {
    expect(logMinorTicks(0.1, 10)).toEqual([0.2, 0.5, 2, 5]);
    expect(logMinorTicks(0.1, 1)).toEqual([]);
    expect(logMinorTicks(1e-8, 1)).toEqual([]);
  });
});
