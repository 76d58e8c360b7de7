/**
 * The reference fixtures (tests/fixtures/conv-cases.json, a copy of ../shared/fixtures) typed, and the
 * shared comparison `expectClose`. The JSON is imported statically so the same module loads in Node and in
 * Vitest's browser mode (Vite bundles it).
 */
import { expect } from 'vitest';
import raw from '../fixtures/conv-cases.json';

export interface FixtureArray {
  shape: number[];
  data: number[];
}

export interface FixtureCase {
  name: string;
  /** RGB image [H, W, 3], values 0..255. */
  image: { shape: [number, number, number]; data: number[] };
  /** A spec as JSON, possibly partial (the `seed-*` cases rely on the defaults): run it through `parseSpec`. */
  spec: unknown;
  /** `conv` is after the activation: our `featureMaps`. */
  expected: { conv: FixtureArray; maxpool: FixtureArray; avgpool: FixtureArray };
}

/** |actual - expected| <= abs + rel * |expected|. */
export interface Tolerance {
  abs: number;
  rel: number;
}

interface FixtureFile {
  about: string;
  tolerance: Tolerance;
  cases: FixtureCase[];
}

const file = raw as unknown as FixtureFile;

export const FIXTURE_TOLERANCE: Tolerance = file.tolerance;
export const FIXTURE_CASES: readonly FixtureCase[] = file.cases;

/** "[y, x, m]" for a flat HWC index, when the shape is known. */
function position(index: number, shape: readonly number[] | undefined): string {
  if (!shape || shape.length === 0) return `[${index}]`;
  const coords: number[] = [];
  let rest = index;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const size = shape[axis] as number;
    coords.unshift(rest % size);
    rest = Math.floor(rest / size);
  }
  return `[${coords.join(', ')}]`;
}

export interface CloseOptions {
  /** Names the array in the failure message, e.g. "case-012 maxpool". */
  label?: string;
  /** Shape of the (HWC) arrays, to report the worst cell as [y, x, m]. */
  shape?: readonly number[];
}

/**
 * Asserts that `actual` and `expected` have the same length and that every element is within `tolerance`
 * (NaN never is). On failure the message names how many elements are off and the worst one: its index
 * (and [y, x, m] with `shape`), both values and the allowed difference.
 */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: Tolerance,
  options: CloseOptions = {},
): void {
  const label = options.label ? `${options.label}: ` : '';
  expect(actual.length, `${label}length`).toBe(expected.length);
  let failures = 0;
  let worst = -1;
  let worstExcess = -Infinity;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    const allowed = tolerance.abs + tolerance.rel * Math.abs(e);
    const diff = Math.abs(a - e);
    // NaN compares false with everything: count it as the worst possible miss.
    const excess = Number.isNaN(diff) ? Infinity : diff - allowed;
    if (!(diff <= allowed)) failures++;
    if (excess > worstExcess) {
      worstExcess = excess;
      worst = i;
    }
  }
  if (failures > 0) {
    const a = actual[worst] as number;
    const e = expected[worst] as number;
    const allowed = tolerance.abs + tolerance.rel * Math.abs(e);
    expect.fail(
      `${label}${failures} of ${expected.length} values differ by more than abs ${tolerance.abs} + rel ${tolerance.rel}; ` +
        `worst at ${position(worst, options.shape)}: got ${a}, expected ${e} (diff ${Math.abs(a - e)}, allowed ${allowed})`,
    );
  }
}

/** Results of one layer as plain arrays, from tfjs (`await t.data()`) or from the reference loop. */
export interface LayerArrays {
  conv: { shape: readonly number[]; data: ArrayLike<number> };
  maxpool: { shape: readonly number[]; data: ArrayLike<number> };
  avgpool: { shape: readonly number[]; data: ArrayLike<number> };
}

/** Asserts the shapes and values of conv, maxpool and avgpool against a fixture case, within the file's tolerance. */
export function expectFixtureMatch(fixture: FixtureCase, actual: LayerArrays, source: string): void {
  for (const stage of ['conv', 'maxpool', 'avgpool'] as const) {
    const want = fixture.expected[stage];
    const got = actual[stage];
    const label = `${fixture.name} ${stage} (${source})`;
    expect([...got.shape], `${label} shape`).toEqual(want.shape);
    expectClose(got.data, want.data, FIXTURE_TOLERANCE, { label, shape: want.shape });
  }
}
