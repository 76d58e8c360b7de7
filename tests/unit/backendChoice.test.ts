/** The backend rule (src/engine/backendChoice.ts) on simulated timings, both ways. */
import { describe, expect, it } from 'vitest';
import { chooseBackend, median } from '../../src/engine/backendChoice.ts';
import { LARGE_MACS, predictAll, predictMs, SMALL_MACS } from '../../src/engine/costModel.ts';

describe('chooseBackend', () => {
  it('software WebGL tied with wasm: wasm', () => {
    const c = chooseBackend({ webgl: [22, 22, 23], wasm: [22, 23, 22], cpu: [34, 35, 34] }, true);
    expect(c).toMatchObject({ name: 'wasm', why: 'software', rival: 'wasm' });
  });

  it('software WebGL 2× faster in every sample: webgl', () => {
    const c = chooseBackend({ webgl: [10, 11, 10], wasm: [20, 23, 21], cpu: [90, 90, 90] }, true);
    expect(c).toMatchObject({ name: 'webgl', why: 'margin', rival: 'wasm' });
  });

  it('software WebGL 2× faster in all samples but one: wasm', () => {
    const c = chooseBackend({ webgl: [10, 10, 16], wasm: [20, 20, 20] }, true);
    expect(c).toMatchObject({ name: 'wasm', why: 'software' });
  });

  it('software WebGL exactly at the margin counts as clear; just under does not', () => {
    expect(chooseBackend({ webgl: [10, 10, 10], wasm: [15, 15, 15] }, true).name).toBe('webgl');
    expect(chooseBackend({ webgl: [10, 10, 10.1], wasm: [15, 15, 15] }, true).name).toBe('wasm');
  });

  it('hardware WebGL tied with wasm: webgl', () => {
    const c = chooseBackend({ webgl: [22, 23, 22], wasm: [22, 22, 21.5], cpu: [34, 34, 34] }, false);
    expect(c).toMatchObject({ name: 'webgl', why: 'fastest', rival: null });
  });

  it('hardware WebGL clearly slower: the fastest (wasm)', () => {
    expect(chooseBackend({ webgl: [40, 41, 40], wasm: [20, 20, 21], cpu: [34, 34, 34] }, false).name).toBe(
      'wasm',
    );
  });

  it('software WebGL slower than cpu, no wasm: cpu', () => {
    const c = chooseBackend({ webgl: [30, 30, 30], cpu: [25, 25, 25] }, true);
    expect(c).toMatchObject({ name: 'cpu', why: 'software', rival: 'cpu' });
  });

  it('one backend: that one, whatever its time', () => {
    expect(chooseBackend({ cpu: [500] }, true)).toMatchObject({ name: 'cpu', why: 'only' });
    expect(() => chooseBackend({}, false)).toThrow();
  });

  it('medians in the order webgl, wasm, cpu', () => {
    const c = chooseBackend({ cpu: [3, 1, 2], webgl: [5, 6, 4] }, false);
    expect(c.medians).toEqual([
      { name: 'webgl', ms: 5 },
      { name: 'cpu', ms: 2 },
    ]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('cost model', () => {
  it('predicts along each sample’s line and picks for the work in use', () => {
    // Tied at the large fixed size; software webgl slows 4× faster with work than wasm.
    const model = {
      webgl: [{ small: 2, large: 22 }],
      wasm: [{ small: 7, large: 22 }],
    };
    expect(predictMs({ small: 2, large: 22 }, SMALL_MACS)).toBeCloseTo(2);
    expect(predictMs({ small: 2, large: 22 }, LARGE_MACS)).toBeCloseTo(22);
    const big = predictAll(model, LARGE_MACS * 16);
    expect(big.webgl?.[0]).toBeGreaterThan(big.wasm?.[0] ?? Infinity);
    expect(chooseBackend(big, false).name).toBe('wasm');
    // Hardware webgl with a flat line (overhead only) wins at every size.
    const gpu = { webgl: [{ small: 5, large: 5 }], wasm: [{ small: 1, large: 20 }] };
    expect(chooseBackend(predictAll(gpu, LARGE_MACS * 16), false).name).toBe('webgl');
  });
});
