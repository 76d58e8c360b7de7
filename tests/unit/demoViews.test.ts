/**
 * The shrink demo's canvas keys (src/engine/views.ts): `shrunkKey` and `movedInputKey` read back by
 * `parseKey`, malformed keys refused; then the views themselves on tfjs cpu against the plain-loop
 * reference (the suite shared with the browser backends, tests/browser/demoViewsSuite.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { DOWNSAMPLINGS, MAX_SHIFT, SHIFT_EDGES } from '../../src/core/index.ts';
import { filtersOfView, movedInputKey, parseKey, shrunkKey, type Shift } from '../../src/engine/views.ts';
import { demoViewsSuite } from '../browser/demoViewsSuite.ts';

describe('the shrink demo’s canvas keys', () => {
  it('shrunkKey spells shrunk:${way}-${m} and parseKey reads it back, for every way', () => {
    expect(shrunkKey('maxPool', 3)).toBe('shrunk:maxPool-3');
    for (const way of DOWNSAMPLINGS) {
      for (const map of [0, 1, 9, 10, 95]) {
        expect(parseKey(shrunkKey(way, map))).toEqual({ kind: 'shrunk', way, map });
        expect(parseKey(`${shrunkKey(way, map)}@shrink`)).toEqual({ kind: 'shrunk', way, map });
      }
    }
  });

  it('with a shift: moved:${dy},${dx},${edge}:${way}-${m} and :input, read back for every step and edge', () => {
    expect(shrunkKey('avgPool', 2, { dy: 1, dx: -3, edge: 'zeros' })).toBe('moved:1,-3,zeros:avgPool-2');
    expect(movedInputKey({ dy: 0, dx: 4, edge: 'wrap' })).toBe('moved:0,4,wrap:input');
    for (const edge of SHIFT_EDGES) {
      for (let dy = -MAX_SHIFT; dy <= MAX_SHIFT; dy++) {
        for (const dx of [-MAX_SHIFT, 0, 1, MAX_SHIFT]) {
          const shift: Shift = { dy, dx, edge };
          expect(parseKey(movedInputKey(shift))).toEqual({ kind: 'moved', shift, way: null, map: 0 });
          for (const way of DOWNSAMPLINGS) {
            expect(parseKey(shrunkKey(way, 7, shift))).toEqual({ kind: 'moved', shift, way, map: 7 });
          }
        }
      }
    }
  });

  it.each([
    'shrunk:',
    'shrunk:stride',
    'shrunk:stride-',
    'shrunk:pool-0',
    'shrunk:Stride-0',
    'shrunk:maxpool-0',
    'shrunk:stride-01',
    'shrunk:stride-00',
    'shrunk:stride--1',
    'shrunk:stride-1.5',
    'shrunk:stride-x',
    'shrunk:stride-0:extra',
    'shrunk:features-0',
    'shrunk:input',
    'shrink:stride-0',
    'shrunken:stride-0',
    'moved:1,0,wrap:',
    'moved:1,0,wrap:bogus-0',
    'moved:1,0,wrap:stride-01',
    'moved:1,0,mirror:input',
    'moved:1,0,Wrap:input',
    'moved:1,0,:input',
    'moved:1,wrap:input',
    'moved:1,0,0,wrap:input',
    'moved:a,0,wrap:input',
    'moved:01,0,wrap:input',
    'moved:-0,0,wrap:input',
    'moved:0,-05,wrap:input',
    'moved:100,0,wrap:input',
    'moved:1.5,0,wrap:input',
    'moved:1,0,wrap',
    'moved:1,0,wrap:shrunk:stride-0',
    'moved:',
    'layer1:shrunk:stride-0',
    'layer1:moved:1,0,wrap:input',
  ])('refuses %j', (key) => expect(parseKey(key)).toBeNull());

  it('the views name the filter whose map they shrink; the moved input none', () => {
    const frame = { spec: { channels: 'rgb-per-channel' } } as unknown as Parameters<typeof filtersOfView>[1];
    expect(filtersOfView(parseKey('shrunk:stride-4')!, frame)).toEqual([1]);
    expect(filtersOfView(parseKey('moved:1,1,zeros:avgPool-2')!, frame)).toEqual([0]);
    expect(filtersOfView(parseKey('moved:1,1,zeros:input')!, frame)).toEqual([]);
  });
});

demoViewsSuite('cpu', async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});
