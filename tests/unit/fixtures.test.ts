/**
 * Every case of tests/fixtures/conv-cases.json through the tfjs core on the cpu backend, and through the
 * plain-loop reference, so that the reference the property tests lean on is itself held to the fixtures.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/core/index.ts';
import { referenceLayer } from '../reference/convLoop.ts';
import { expectClose, expectFixtureMatch, FIXTURE_CASES, FIXTURE_TOLERANCE } from '../support/fixtures.ts';
import { runFixture } from '../support/runFixture.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
  expect(tf.getBackend()).toBe('cpu');
});

describe('the fixture file', () => {
  it('holds the 64 reference cases with a tolerance', () => {
    expect(FIXTURE_CASES).toHaveLength(64);
    expect(FIXTURE_TOLERANCE.abs).toBeGreaterThan(0);
    expect(FIXTURE_TOLERANCE.rel).toBeGreaterThan(0);
  });

  it('covers every channel mode, pad mode, activation and pool padding', () => {
    const specs = FIXTURE_CASES.map((c) => parseSpec(c.spec));
    expect(new Set(specs.map((s) => s.channels))).toEqual(new Set(['gray', 'rgb', 'rgb-per-channel']));
    expect(new Set(specs.map((s) => s.padMode))).toEqual(new Set(['zeros', 'reflect', 'replicate']));
    expect(new Set(specs.map((s) => s.activation))).toEqual(new Set(['none', 'relu', 'abs', 'clip']));
    expect(new Set(specs.map((s) => s.pool.padding))).toEqual(new Set(['valid', 'same']));
  });
});

describe('expectClose', () => {
  it('accepts values within abs + rel * |expected| and refuses one just outside', () => {
    const tol = { abs: 0.001, rel: 0.0001 };
    expectClose([1000.101], [1000], tol);
    expect(() => expectClose([1000.102], [1000], tol)).toThrow(/worst at \[0\]: got 1000.102, expected 1000/);
  });

  it('refuses NaN and a length mismatch, naming the worst cell as [y, x, m]', () => {
    const tol = { abs: 0.001, rel: 0 };
    expect(() => expectClose([0, 0, 0, Number.NaN], [0, 0, 0, 0], tol, { shape: [2, 1, 2] })).toThrow(
      /1 of 4 values.*worst at \[1, 0, 1\]: got NaN/,
    );
    expect(() => expectClose([0, 0], [0], tol)).toThrow(/length/);
  });
});

describe.each(FIXTURE_CASES)('fixture $name', (fixture) => {
  const spec = parseSpec(fixture.spec);

  it('runLayer on the cpu backend matches the fixture conv, max pool and avg pool', async () => {
    expectFixtureMatch(fixture, await runFixture(fixture), 'tfjs cpu');
  });

  it('the plain-loop reference matches the fixture conv, max pool and avg pool', () => {
    expectFixtureMatch(fixture, referenceLayer(fixture.image, spec), 'reference loop');
  });
});
