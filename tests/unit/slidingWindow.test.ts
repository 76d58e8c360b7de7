/**
 * The sliding window's stops (src/core/slidingWindow.ts) against positions worked out by hand, the value
 * written at each stop against the plain-loop reference, and the demo's own helpers (what is in view,
 * what a padded cell holds, how cells are written, the play/step actions on the store).
 */
import { describe, expect, it } from 'vitest';
import { explainConv } from '../../src/core/explainConv.ts';
import type { LayerInputValues } from '../../src/core/explainInput.ts';
import { explainPool } from '../../src/core/explainPool.ts';
import { layerGeometry } from '../../src/core/geometry.ts';
import { stopAt, stopCount, stopOf, type WindowPhase } from '../../src/core/slidingWindow.ts';
import { parseSpec, type LayerSpec } from '../../src/core/spec.ts';
import { featureValues, paddedInput, pooledValues, valueAt } from '../../src/components/window/gridValues.ts';
import { goTo, togglePlay } from '../../src/components/window/WindowControls.tsx';
import { followSpan, shortNumber, VIEW_CELLS } from '../../src/components/window/windowView.ts';
import { store } from '../../src/store/index.ts';
import { referenceLayer, type HwcArray } from '../reference/convLoop.ts';

const BOX = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];

function spec(fields: Record<string, unknown> = {}): LayerSpec {
  return parseSpec({ filters: [{ weights: BOX, bias: 0 }], ...fields });
}

/** The stops' (row, column, window top, window left) in visiting order. */
function stops(s: LayerSpec, h: number, w: number, phase: WindowPhase = 'conv') {
  const g = layerGeometry(s, h, w);
  return Array.from({ length: stopCount(g, phase) }, (_, i) => {
    const stop = stopAt(s, g, phase, i);
    return [stop.y, stop.x, stop.window.top, stop.window.left];
  });
}

describe('the stops of the window, worked out by hand', () => {
  it('valid, stride 1: a 5 × 5 image and a 3 × 3 filter stop 3 × 3 times, along each row then down', () => {
    expect(stops(spec({ padding: 'valid' }), 5, 5)).toEqual([
      [0, 0, 0, 0],
      [0, 1, 0, 1],
      [0, 2, 0, 2],
      [1, 0, 1, 0],
      [1, 1, 1, 1],
      [1, 2, 1, 2],
      [2, 0, 2, 0],
      [2, 1, 2, 1],
      [2, 2, 2, 2],
    ]);
  });

  it('same, stride 1: 25 stops on a 5 × 5 image, the first one pad cell above and left of the image', () => {
    const s = spec({ padding: 'same' });
    const g = layerGeometry(s, 5, 5);
    expect(stopCount(g, 'conv')).toBe(25);
    expect(stopAt(s, g, 'conv', 0).window).toEqual({ top: -1, left: -1, height: 3, width: 3 });
    expect(stopAt(s, g, 'conv', 6).window).toEqual({ top: 0, left: 0, height: 3, width: 3 });
    expect(stopAt(s, g, 'conv', 24).window).toEqual({ top: 3, left: 3, height: 3, width: 3 });
  });

  it('valid, stride 2: the window jumps two cells, and two rows at the end of a row', () => {
    // 7 × 7, 3 × 3, stride 2: ⌊(7 − 3) / 2⌋ + 1 = 3 a side.
    expect(stops(spec({ padding: 'valid', stride: [2, 2] }), 7, 7)).toEqual([
      [0, 0, 0, 0],
      [0, 1, 0, 2],
      [0, 2, 0, 4],
      [1, 0, 2, 0],
      [1, 1, 2, 2],
      [1, 2, 2, 4],
      [2, 0, 4, 0],
      [2, 1, 4, 2],
      [2, 2, 4, 4],
    ]);
  });

  it('same, stride 2: ⌈7 / 2⌉ = 4 a side, total padding (4 − 1)·2 + 3 − 7 = 2, one before', () => {
    const s = spec({ padding: 'same', stride: [2, 2] });
    const g = layerGeometry(s, 7, 7);
    expect(stopCount(g, 'conv')).toBe(16);
    expect(stopAt(s, g, 'conv', 0).window).toMatchObject({ top: -1, left: -1 });
    expect(stopAt(s, g, 'conv', 5).window).toMatchObject({ top: 1, left: 1 });
    expect(stopAt(s, g, 'conv', 15).window).toMatchObject({ top: 5, left: 5 });
  });

  it('dilation 2: the window covers 5 × 5 cells (its taps two apart) and still moves by the stride', () => {
    const s = spec({ padding: 'valid', dilation: [2, 2] });
    const g = layerGeometry(s, 7, 8);
    expect(stopCount(g, 'conv')).toBe(3 * 4);
    expect(stopAt(s, g, 'conv', 5)).toEqual({
      index: 5,
      y: 1,
      x: 1,
      window: { top: 1, left: 1, height: 5, width: 5 },
    });
  });

  it('stride 2, valid and dilation 2 together (the e2e link): stop 5 writes row 1, column 5', () => {
    const s = spec({ padding: 'valid', stride: [2, 2], dilation: [2, 2] });
    const g = layerGeometry(s, 28, 28);
    // ⌊(28 − 5) / 2⌋ + 1 = 12 a side.
    expect(stopCount(g, 'conv')).toBe(144);
    expect(stopAt(s, g, 'conv', 4)).toMatchObject({ y: 0, x: 4, window: { top: 0, left: 8, height: 5 } });
    expect(stopAt(s, g, 'conv', 12)).toMatchObject({ y: 1, x: 0, window: { top: 2, left: 0 } });
  });

  it('pool phase: the 2 × 2 stride 2 window over a 4 × 4 feature map, in feature-map coordinates', () => {
    // 6 × 6 valid 3 × 3 → 4 × 4 map → 2 × 2 pooled.
    expect(stops(spec({ padding: 'valid' }), 6, 6, 'pool')).toEqual([
      [0, 0, 0, 0],
      [0, 1, 0, 2],
      [1, 0, 2, 0],
      [1, 1, 2, 2],
    ]);
  });

  it('pool phase with SAME pooling: the last window reaches into the pool padding', () => {
    const s = spec({ padding: 'same', pool: { size: [3, 3], stride: [3, 3], padding: 'same' } });
    const g = layerGeometry(s, 5, 5);
    // ⌈5 / 3⌉ = 2 a side; total pool padding (2 − 1)·3 + 3 − 5 = 1, none before.
    expect(stopCount(g, 'pool')).toBe(4);
    expect(stopAt(s, g, 'pool', 3).window).toEqual({ top: 3, left: 3, height: 3, width: 3 });
  });

  it('clamps an index to the stops, and refuses a pooling with no output', () => {
    const s = spec({ padding: 'valid' });
    const g = layerGeometry(s, 5, 5);
    expect(stopAt(s, g, 'conv', 99).index).toBe(8);
    expect(stopAt(s, g, 'conv', -3).index).toBe(0);
    expect(stopOf(g, 'conv', 2, 1)).toBe(7);
    const big = spec({ padding: 'valid', pool: { size: [4, 4], stride: [4, 4], padding: 'valid' } });
    const none = layerGeometry(big, 5, 5);
    expect(stopCount(none, 'pool')).toBe(0);
    expect(() => stopAt(big, none, 'pool', 0)).toThrow(RangeError);
  });
});

/** A small RGB image with every value different, 0..255. */
function image(h: number, w: number) {
  const data = Array.from({ length: h * w * 3 }, (_, i) => (i * 37 + 11) % 256);
  return { shape: [h, w, 3] as [number, number, number], data };
}

function layerInput(img: ReturnType<typeof image>, s: LayerSpec): LayerInputValues {
  const [height, width] = img.shape;
  const gray = s.channels === 'gray';
  const channels = gray ? 1 : 3;
  const data = new Float32Array(height * width * channels);
  for (let i = 0; i < height * width; i++) {
    const [r, g, b] = img.data.slice(3 * i, 3 * i + 3) as [number, number, number];
    if (gray) data[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    else data.set([r, g, b], 3 * i);
  }
  return { data, height, width, channels };
}

const at = (a: HwcArray, m: number, y: number, x: number) =>
  a.data[(y * a.shape[1] + x) * a.shape[2] + m] as number;

const SPECS: Record<string, Record<string, unknown>> = {
  'valid, stride 1': { padding: 'valid' },
  'same, stride 1, ReLU': { padding: 'same', activation: 'relu', filters: [{ weights: BOX, bias: -600 }] },
  'valid, stride 2': { padding: 'valid', stride: [2, 2] },
  'same, stride 2, reflect': { padding: 'same', stride: [2, 2], padMode: 'reflect' },
  'valid, dilation 2': { padding: 'valid', dilation: [2, 2] },
  'same, stride 2, dilation 2, SAME pooling 3 × 3': {
    padding: 'same',
    stride: [2, 1],
    dilation: [2, 2],
    pool: { size: [3, 3], stride: [3, 3], padding: 'same' },
  },
  'rgb, two filters, replicate': {
    channels: 'rgb',
    padding: 'same',
    padMode: 'replicate',
    filters: [
      { weights: BOX.map((row) => row.map((v) => [v, -v, 0.5])), bias: 1 },
      { weights: BOX.map((row) => row.map(() => [0, 1, 0])), bias: 0 },
    ],
  },
};

describe('the value written at each stop is the reference layer’s', () => {
  const img = image(9, 11);
  for (const [name, fields] of Object.entries(SPECS)) {
    it(name, () => {
      const s = spec(fields);
      const g = layerGeometry(s, 9, 11);
      const ref = referenceLayer(img, s);
      const input = layerInput(img, s);
      for (let m = 0; m < g.conv.maps; m++) {
        for (let i = 0; i < stopCount(g, 'conv'); i++) {
          const { y, x } = stopAt(s, g, 'conv', i);
          expect(explainConv(input, s, g, m, y, x).value).toBeCloseTo(at(ref.conv, m, y, x), 3);
        }
        for (let i = 0; i < stopCount(g, 'pool'); i++) {
          const { y, x } = stopAt(s, g, 'pool', i);
          expect(explainPool(input, s, g, 'maxPool', m, y, x).value).toBeCloseTo(at(ref.maxpool, m, y, x), 3);
          expect(explainPool(input, s, g, 'avgPool', m, y, x).value).toBeCloseTo(at(ref.avgpool, m, y, x), 3);
        }
      }
      // The grids in view hold the same numbers.
      const whole = (n: number) => ({ start: 0, count: n });
      const features = featureValues(input, s, g, 0, whole(g.conv.height), whole(g.conv.width));
      const pooled = pooledValues(input, s, g, 'avgPool', 0, whole(g.pool.height), whole(g.pool.width));
      expect(valueAt(features, g.conv.height - 1, 1)).toBeCloseTo(at(ref.conv, 0, g.conv.height - 1, 1), 3);
      expect(valueAt(pooled, 0, g.pool.width - 1)).toBeCloseTo(at(ref.avgpool, 0, 0, g.pool.width - 1), 3);
    });
  }

  it('a padded cell of the grid holds what the filter’s tap there reads', () => {
    for (const padMode of ['zeros', 'reflect', 'replicate'] as const) {
      const s = spec({ padding: 'same', padMode });
      const g = layerGeometry(s, 9, 11);
      const input = layerInput(image(9, 11), s);
      const e = explainConv(input, s, g, 0, 0, 10);
      for (const tap of e.terms[0]!.taps) expect(paddedInput(input, s, tap.y, tap.x, 0)).toBe(tap.value);
    }
  });
});

describe('what the grids show', () => {
  it('a small grid is shown whole; a photo’s follows the window and stays inside the grid', () => {
    expect(followSpan(-1, 30, 5, 3)).toEqual({ start: -1, count: 30 });
    expect(followSpan(-1, 514, 200, 3)).toEqual({ start: 193, count: VIEW_CELLS });
    expect(followSpan(-1, 514, -1, 3)).toEqual({ start: -1, count: VIEW_CELLS });
    expect(followSpan(-1, 514, 510, 3)).toEqual({ start: 513 - VIEW_CELLS, count: VIEW_CELLS });
    // A window wider than the viewport gets a margin around it.
    expect(followSpan(0, 512, 100, 31).count).toBe(35);
  });

  it('writes numbers in a few characters', () => {
    expect(shortNumber(255)).toBe('255');
    expect(shortNumber(89.99999)).toBe('90');
    expect(shortNumber(12.34)).toBe('12.3');
    expect(shortNumber(-0.4219)).toBe('−0.42');
    expect(shortNumber(-0.0001)).toBe('0');
    expect(shortNumber(1234.5)).toBe('1.2k');
  });
});

describe('playing and stepping', () => {
  it('Play from the last stop starts again at the first; steps pause and stay inside the stops', () => {
    store.setState((s) => ({ window: { ...s.window, stop: 9, playing: false } }));
    togglePlay(10, false);
    expect(store.getState().window).toMatchObject({ stop: 0, playing: true });
    togglePlay(10, false);
    expect(store.getState().window.playing).toBe(false);
    goTo(3, 10);
    togglePlay(10, false);
    expect(store.getState().window).toMatchObject({ stop: 3, playing: true });
    goTo(42, 10);
    expect(store.getState().window).toMatchObject({ stop: 9, playing: false });
    goTo(-1, 10);
    expect(store.getState().window.stop).toBe(0);
  });

  it('with reduced motion Play does not start', () => {
    goTo(2, 10);
    togglePlay(10, true);
    expect(store.getState().window).toMatchObject({ stop: 2, playing: false });
  });
});
