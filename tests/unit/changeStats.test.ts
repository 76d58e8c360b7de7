/**
 * The translation test's numbers (src/components/shrink/changeStats.ts): mean |Δ|, its share of the
 * unmoved map's mean |value|, the shift a direction makes, the bars' common scale and the written numbers;
 * and what each way gives on an image (shrinkWays.ts), or why it gives nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  barLengths,
  changeStats,
  formatPercent,
  formatStat,
  meanAbs,
  shiftOf,
} from '../../src/components/shrink/changeStats.ts';
import { shrinkWays } from '../../src/components/shrink/shrinkWays.ts';
import { defaultSpec } from '../../src/core/spec.ts';

describe('meanAbs', () => {
  it('is the mean of the absolute values', () => {
    expect(meanAbs([1, -3, 0, 4])).toBe(2);
    expect(meanAbs(new Float32Array([-0.5, 0.5]))).toBe(0.5);
  });

  it('is 0 for no values', () => {
    expect(meanAbs([])).toBe(0);
  });

  it('accumulates in float64: a million float32 values do not drift', () => {
    const values = new Float32Array(1_000_000).fill(0.1);
    expect(meanAbs(values)).toBeCloseTo(Math.fround(0.1), 9);
  });
});

describe('changeStats', () => {
  it('gives mean |Δ|, the unmoved mean |value| and their ratio', () => {
    const stats = changeStats([0, 2, 0, 2], [10, -10, 10, -10]);
    expect(stats).toEqual({ meanChange: 1, meanOutput: 10, relative: 0.1 });
  });

  it('no change is 0 %', () => {
    expect(changeStats([0, 0], [3, 5]).relative).toBe(0);
  });

  it('an all-zero unmoved map has no ratio', () => {
    expect(changeStats([1, 1], [0, 0])).toEqual({ meanChange: 1, meanOutput: 0, relative: null });
  });
});

describe('shiftOf', () => {
  it('right moves columns, down moves rows, diagonal both', () => {
    expect(shiftOf('right', 3, 'wrap')).toEqual({ dy: 0, dx: 3, edge: 'wrap' });
    expect(shiftOf('down', 2, 'zeros')).toEqual({ dy: 2, dx: 0, edge: 'zeros' });
    expect(shiftOf('diagonal', 4, 'wrap')).toEqual({ dy: 4, dx: 4, edge: 'wrap' });
    expect(shiftOf('diagonal', 0, 'wrap')).toEqual({ dy: 0, dx: 0, edge: 'wrap' });
  });
});

describe('barLengths', () => {
  it('puts every bar on the scale of the largest', () => {
    expect(barLengths([0.5, 0.25, 0.1])).toEqual([1, 0.5, 0.2]);
  });

  it('a floor keeps tiny changes short', () => {
    const [a, b] = barLengths([0.01, 0.005], 0.05);
    expect(a).toBeCloseTo(0.2, 12);
    expect(b).toBeCloseTo(0.1, 12);
  });

  it('all zero gives empty bars; null stays null', () => {
    expect(barLengths([0, 0, null])).toEqual([0, 0, null]);
  });
});

describe('written numbers', () => {
  it('formatStat keeps 4 significant digits, no trailing zeros, a real minus', () => {
    expect(formatStat(12.3456)).toBe('12.35');
    expect(formatStat(0.012345)).toBe('0.01235');
    expect(formatStat(2)).toBe('2');
    expect(formatStat(-1.5)).toBe('−1.5');
    expect(formatStat(0)).toBe('0');
    expect(formatStat(123456.7)).toBe('123457');
  });

  it('formatStat is within 1e-3 relative of the value', () => {
    for (const v of [0.00123456, 0.987654, 3.14159, 98.7654, 4321.99, 55555.5]) {
      const shown = Number(formatStat(v));
      expect(Math.abs(shown - v) / v).toBeLessThan(1e-3);
    }
  });

  it('formatPercent writes a share as a percentage with 3 significant digits', () => {
    expect(formatPercent(0.08134)).toBe('8.13');
    expect(formatPercent(0)).toBe('0');
    expect(formatPercent(1)).toBe('100');
    expect(formatPercent(0.5)).toBe('50');
  });
});

describe('shrinkWays', () => {
  const spec = defaultSpec();

  it('SAME on 28 × 28: 14 × 14 three ways; stride 2 does a quarter of the multiply-adds, no pool reads', () => {
    const ways = shrinkWays(spec, 28, 28);
    expect(ways.map((w) => w.way)).toEqual(['stride', 'maxPool', 'avgPool']);
    const costs = ways.map((w) => (w.kind === 'ok' ? w.cost : null));
    for (const cost of costs) expect([cost?.height, cost?.width]).toEqual([14, 14]);
    expect(costs[0]?.multiplyAdds).toBe(14 * 14 * 9);
    expect(costs[1]?.multiplyAdds).toBe(28 * 28 * 9);
    expect(costs[0]?.poolReads).toBe(0);
    expect(costs[2]?.poolReads).toBe(14 * 14 * 4);
  });

  it('valid on 3 × 3: stride 2 gives 1 × 1, the pools have a 1 × 1 map to pool and say so', () => {
    const ways = shrinkWays({ ...spec, padding: 'valid' }, 3, 3);
    expect(ways[0]).toMatchObject({ kind: 'ok', cost: { height: 1, width: 1 } });
    expect(ways[1]).toEqual({ way: 'maxPool', kind: 'noPool', map: [1, 1] });
    expect(ways[2]).toEqual({ way: 'avgPool', kind: 'noPool', map: [1, 1] });
  });

  it('valid on 2 × 2: the 3 × 3 filter leaves nothing, in every way', () => {
    expect(shrinkWays({ ...spec, padding: 'valid' }, 2, 2).map((w) => w.kind)).toEqual([
      'noConv',
      'noConv',
      'noConv',
    ]);
  });
});
