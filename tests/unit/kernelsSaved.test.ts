import { describe, expect, it } from 'vitest';
import {
  cleanName,
  deleteSaved,
  MAX_SAVED,
  readSaved,
  SAVED_KEY,
  saveKernel,
  validSaved,
  type KernelStorage,
} from '../../src/kernels/saved.ts';

function memory(initial?: string): KernelStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(SAVED_KEY, initial);
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

const SOBEL = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];

describe('saved kernels', () => {
  it('saves, lists, replaces by name and deletes', () => {
    const s = memory();
    expect(readSaved(s)).toEqual([]);
    expect(saveKernel(s, { name: '  my  edge ', weights: SOBEL, bias: 2 })).toBe('saved');
    expect(saveKernel(s, { name: 'blur', weights: [[0.5, 0.5]], bias: 0 })).toBe('saved');
    expect(readSaved(s).map((k) => k.name)).toEqual(['my edge', 'blur']);
    expect(readSaved(s)[0]).toEqual({ name: 'my edge', weights: SOBEL, bias: 2 });
    expect(saveKernel(s, { name: 'my edge', weights: [[1]], bias: 0 })).toBe('replaced');
    expect(readSaved(s).map((k) => [k.name, k.weights])).toEqual([
      ['my edge', [[1]]],
      ['blur', [[0.5, 0.5]]],
    ]);
    expect(deleteSaved(s, 'my edge')).toBe(true);
    expect(readSaved(s).map((k) => k.name)).toEqual(['blur']);
  });

  it('keeps 3-D (kh x kw x 3) kernels, turns depth 1 into 2-D, refuses other depths', () => {
    const s = memory();
    const rgb = [[[1, 2, 3]]];
    expect(saveKernel(s, { name: 'rgb', weights: rgb, bias: 0 })).toBe('saved');
    expect(readSaved(s)[0]?.weights).toEqual(rgb);
    expect(validSaved({ name: 'd1', weights: [[[4]], [[5]]] })?.weights).toEqual([[4], [5]]);
    expect(validSaved({ name: 'd2', weights: [[[4, 5]]] })).toBeNull();
  });

  it('refuses empty names, bad weights, too many kernels', () => {
    const s = memory();
    expect(saveKernel(s, { name: '   ', weights: SOBEL, bias: 0 })).toBe('invalid');
    expect(saveKernel(s, { name: 'x', weights: [[1, 2], [3]], bias: 0 })).toBe('invalid');
    expect(saveKernel(s, { name: 'x', weights: [[Number.NaN]], bias: 0 })).toBe('invalid');
    const big = Array.from({ length: 12 }, () => Array<number>(12).fill(0));
    expect(saveKernel(s, { name: 'x', weights: big, bias: 0 })).toBe('invalid');
    for (let i = 0; i < MAX_SAVED; i++) saveKernel(s, { name: `k${i}`, weights: [[i]], bias: 0 });
    expect(saveKernel(s, { name: 'one more', weights: [[1]], bias: 0 })).toBe('full');
    expect(saveKernel(s, { name: 'k3', weights: [[9]], bias: 0 })).toBe('replaced');
    expect(cleanName('a'.repeat(100))).toHaveLength(40);
  });

  it.each([
    ['not JSON', '{oops'],
    ['an object', '{"name":"x"}'],
    ['null', 'null'],
    ['a number', '42'],
  ])('reads corrupt storage (%s) as empty', (_, raw) => {
    expect(readSaved(memory(raw))).toEqual([]);
  });

  it('ignores fields it does not know', () => {
    expect(validSaved({ name: 'extra', weights: [[1]], colour: 'red' })).toEqual({
      name: 'extra',
      weights: [[1]],
      bias: 0,
    });
  });

  it('drops bad entries and keeps the good ones', () => {
    const raw = JSON.stringify([
      { name: 'ok', weights: [[1, 2]], bias: 1 },
      { name: 'ragged', weights: [[1, 2], [3]] },
      { name: 'strings', weights: [['1']] },
      { name: '', weights: [[1]] },
      { weights: [[1]] },
      { name: 'bad bias', weights: [[1]], bias: 'x' },
      'junk',
      null,
      { name: 'ok', weights: [[7]] },
      { name: 'no bias', weights: [[3]] },
    ]);
    expect(readSaved(memory(raw))).toEqual([
      { name: 'ok', weights: [[1, 2]], bias: 1 },
      { name: 'no bias', weights: [[3]], bias: 0 },
    ]);
  });

  it('drops a hand-edited entry whose weights or bias a float32 cannot hold (the page would show NaN)', () => {
    const raw = JSON.stringify([
      { name: 'huge', weights: [[1e300]] },
      { name: 'huge bias', weights: [[1]], bias: -1e39 },
      { name: 'huge rgb', weights: [[[1, 2, 4e38]]] },
      { name: 'edge', weights: [[3.4e38]] },
    ]);
    expect(readSaved(memory(raw))).toEqual([{ name: 'edge', weights: [[3.4e38]], bias: 0 }]);
    expect(saveKernel(memory(), { name: 'x', weights: [[1e300]], bias: 0 })).toBe('invalid');
  });

  it('a storage that throws reads as empty and reports a failed write', () => {
    const broken: KernelStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readSaved(broken)).toEqual([]);
    expect(saveKernel(broken, { name: 'x', weights: [[1]], bias: 0 })).toBe('failed');
    expect(deleteSaved(broken, 'x')).toBe(false);
    expect(readSaved(null)).toEqual([]);
    expect(saveKernel(null, { name: 'x', weights: [[1]], bias: 0 })).toBe('failed');
  });
});
