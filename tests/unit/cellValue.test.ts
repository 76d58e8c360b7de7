import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../src/kernels/cellValue.ts';

describe('parseCellValue', () => {
  it.each([
    ['-2', -2],
    ['0.5', 0.5],
    ['.25', 0.25],
    ['1e-3', 0.001],
    ['1/9', 1 / 9],
    ['2*3', 6],
    ['-1/16', -1 / 16],
    [' 3 ', 3],
    ['0,5', 0.5],
    ['−1', -1],
  ])('reads %j as %d', (text, value) => {
    expect(parseCellValue(text)).toBeCloseTo(value, 12);
  });

  it('takes values up to the float32 limit', () => {
    expect(parseCellValue('3.4e38')).toBe(3.4e38);
    expect(parseCellValue('-1e38')).toBe(-1e38);
  });

  it.each([
    '',
    'abc',
    '1/0',
    '2**3',
    'alert(1)',
    '1+1',
    '--1',
    '(1)',
    'Infinity',
    'NaN',
    '1/',
    '1e309',
    '1e39',
    '-3.5e38',
    '1e20*1e20',
    '0x10',
    '1_000',
  ])('refuses %j without evaluating it', (text) => {
    expect(parseCellValue(text)).toBeNull();
  });
});
