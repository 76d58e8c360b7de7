/**
 * parseSpec (docs/spec.md): the defaults, what it accepts, and every refusal, each naming the
 * field (SpecError.field) and saying what is allowed.
 */
import { describe, expect, it } from 'vitest';
import { compactSpec, defaultSpec, parseSpec, SpecError, type LayerSpec } from '../../src/core/spec.ts';

/** The SpecError that parseSpec throws for `value`; fails the test if it throws nothing or something else. */
function refusal(value: unknown): SpecError {
  try {
    parseSpec(value);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  return expect.fail(`parseSpec accepted ${JSON.stringify(value)}`);
}

/** Asserts that `value` is refused for `field`, with a message that matches `allowed`. */
function expectRefused(value: unknown, field: string, allowed: RegExp): void {
  const error = refusal(value);
  expect(error.field).toBe(field);
  expect(error.message.startsWith(`${field}: `), error.message).toBe(true);
  expect(error.message).toMatch(allowed);
}

const SQUARE_3X3 = [
  [1, 2, 1],
  [0, 0, 0],
  [-1, -2, -1],
];

describe('parseSpec defaults', () => {
  it('gives the contract defaults for an empty object, null and undefined', () => {
    const expected: LayerSpec = {
      channels: 'gray',
      filters: [
        {
          weights: [
            [-1, 0, 1],
            [-2, 0, 2],
            [-1, 0, 1],
          ],
          bias: 0,
        },
      ],
      flip: false,
      stride: [1, 1],
      dilation: [1, 1],
      padding: 'same',
      padMode: 'zeros',
      activation: 'none',
      pool: { size: [2, 2], stride: [2, 2], padding: 'valid' },
    };
    expect(parseSpec({})).toEqual(expected);
    expect(parseSpec(null)).toEqual(expected);
    expect(parseSpec(undefined)).toEqual(expected);
    expect(defaultSpec()).toEqual(expected);
  });

  it('hands out a fresh default each time, so editing one result leaves the next untouched', () => {
    const first = parseSpec({});
    (first.filters[0]?.weights as number[][])[0]![0] = 99;
    first.stride[0] = 5;
    first.pool.size[0] = 7;
    const second = parseSpec({});
    expect(second.filters[0]?.weights[0]?.[0]).toBe(-1);
    expect(second.stride).toEqual([1, 1]);
    expect(second.pool.size).toEqual([2, 2]);
  });

  it('fills the missing pool fields and a missing bias from the defaults', () => {
    const spec = parseSpec({ pool: { size: 3 }, filters: [{ weights: [[1]] }] });
    expect(spec.pool).toEqual({ size: [3, 3], stride: [2, 2], padding: 'valid' });
    expect(spec.filters).toEqual([{ weights: [[1]], bias: 0 }]);
  });
});

describe('parseSpec accepts', () => {
  it('a single integer for stride, dilation and pool size as the same value on both axes', () => {
    const spec = parseSpec({ stride: 2, dilation: 3, pool: { size: 4, stride: 1 } });
    expect(spec.stride).toEqual([2, 2]);
    expect(spec.dilation).toEqual([3, 3]);
    expect(spec.pool.size).toEqual([4, 4]);
    expect(spec.pool.stride).toEqual([1, 1]);
  });

  it('non-square, even and 1x1 kernels', () => {
    expect(parseSpec({ filters: [{ weights: [[1, 2, 3, 4]] }] }).filters[0]?.weights).toEqual([[1, 2, 3, 4]]);
    expect(parseSpec({ filters: [{ weights: [[1], [2]] }] }).filters[0]?.weights).toEqual([[1], [2]]);
    expect(parseSpec({ filters: [{ weights: [[0.5]] }] }).filters[0]?.weights).toEqual([[0.5]]);
  });

  it('3-D weights of depth 3 for rgb and rgb-per-channel, of depth 1 for gray, and 2-D weights for all modes', () => {
    const depth3 = [[[1, 2, 3]]];
    expect(parseSpec({ channels: 'rgb', filters: [{ weights: depth3 }] }).filters[0]?.weights).toEqual(
      depth3,
    );
    expect(parseSpec({ channels: 'rgb-per-channel', filters: [{ weights: depth3 }] }).channels).toBe(
      'rgb-per-channel',
    );
    expect(parseSpec({ channels: 'gray', filters: [{ weights: [[[4]]] }] }).filters[0]?.weights).toEqual([
      [[4]],
    ]);
    for (const channels of ['gray', 'rgb', 'rgb-per-channel']) {
      expect(parseSpec({ channels, filters: [{ weights: SQUARE_3X3 }] }).filters[0]?.weights).toEqual(
        SQUARE_3X3,
      );
    }
  });

  it('every padding form: valid, same, an integer and [top, bottom, left, right]', () => {
    expect(parseSpec({ padding: 'valid' }).padding).toBe('valid');
    expect(parseSpec({ padding: 'same' }).padding).toBe('same');
    expect(parseSpec({ padding: 0 }).padding).toBe(0);
    expect(parseSpec({ padding: 3 }).padding).toBe(3);
    expect(parseSpec({ padding: [0, 1, 2, 3] }).padding).toEqual([0, 1, 2, 3]);
  });

  it('every named value of channels, padMode, activation and pool.padding', () => {
    for (const channels of ['gray', 'rgb', 'rgb-per-channel'])
      expect(parseSpec({ channels }).channels).toBe(channels);
    for (const padMode of ['zeros', 'reflect', 'replicate'])
      expect(parseSpec({ padMode }).padMode).toBe(padMode);
    for (const activation of ['none', 'relu', 'abs', 'clip']) {
      expect(parseSpec({ activation }).activation).toBe(activation);
    }
    for (const padding of ['valid', 'same'])
      expect(parseSpec({ pool: { padding } }).pool.padding).toBe(padding);
    expect(parseSpec({ flip: true }).flip).toBe(true);
  });

  it('a spec that went through JSON and compactSpec back to the same spec', () => {
    const spec = parseSpec({
      channels: 'rgb-per-channel',
      filters: [
        { weights: SQUARE_3X3, bias: 1.5 },
        { weights: SQUARE_3X3.map((r) => r.map((v) => 2 * v + 1)), bias: -2 },
      ],
      flip: true,
      stride: [2, 1],
      dilation: [1, 2],
      padding: [0, 1, 2, 0],
      padMode: 'replicate',
      activation: 'relu',
      pool: { size: [3, 2], stride: [1, 2], padding: 'same' },
    });
    expect(parseSpec(JSON.parse(JSON.stringify(compactSpec(spec))))).toEqual(spec);
    expect(compactSpec(defaultSpec())).toEqual({});
  });
});

describe('parseSpec refuses', () => {
  it('a value that is not an object', () => {
    expectRefused('gray', 'spec', /must be a JSON object/);
    expectRefused([1, 2], 'spec', /must be a JSON object/);
    expectRefused(7, 'spec', /must be a JSON object/);
  });

  it('an unknown field at the top, in pool and in a filter, listing the allowed fields', () => {
    expectRefused(
      { kernel: [[1]] },
      'kernel',
      /unknown field; allowed fields are channels, filters, flip, stride/,
    );
    expectRefused(
      { pool: { window: 2 } },
      'pool.window',
      /unknown field; allowed fields are size, stride, padding/,
    );
    expectRefused(
      { filters: [{ weights: [[1]], scale: 2 }] },
      'filters[0].scale',
      /allowed fields are weights, bias/,
    );
  });

  it('an unknown channels, padMode, activation or pool padding, listing the allowed values', () => {
    expectRefused(
      { channels: 'rgba' },
      'channels',
      /must be one of "gray", "rgb", "rgb-per-channel", got "rgba"/,
    );
    expectRefused(
      { padMode: 'mirror' },
      'padMode',
      /must be one of "zeros", "reflect", "replicate", got "mirror"/,
    );
    expectRefused({ activation: 'sigmoid' }, 'activation', /must be one of "none", "relu", "abs", "clip"/);
    expectRefused({ pool: { padding: 'full' } }, 'pool.padding', /must be one of "valid", "same"/);
    expectRefused({ channels: 3 }, 'channels', /must be one of/);
  });

  it('a stride of 0, in either form, saying integers from 1 are allowed', () => {
    expectRefused({ stride: 0 }, 'stride', /must be an integer from 1 to \d+, got 0/);
    expectRefused({ stride: [1, 0] }, 'stride[1]', /must be an integer from 1 to \d+, got 0/);
    expectRefused({ stride: [-1, 1] }, 'stride[0]', /integer from 1/);
  });

  it('a fractional, non-finite, too large or malformed stride and dilation', () => {
    expectRefused({ stride: [1.5, 1] }, 'stride[0]', /integer from 1 to \d+, got 1.5/);
    expectRefused({ stride: Number.NaN }, 'stride', /integer from 1 to \d+, got NaN/);
    expectRefused({ stride: [1, Number.POSITIVE_INFINITY] }, 'stride[1]', /got Infinity/);
    expectRefused({ stride: 65 }, 'stride', /integer from 1 to 64/);
    expectRefused({ stride: [1] }, 'stride', /must be \[y, x\], two integers from 1/);
    expectRefused({ stride: [1, 1, 1] }, 'stride', /must be \[y, x\]/);
    expectRefused({ stride: '2' }, 'stride', /must be \[y, x\]/);
    expectRefused({ dilation: 0 }, 'dilation', /integer from 1/);
    expectRefused({ dilation: [2, 0.5] }, 'dilation[1]', /integer from 1/);
  });

  it('a pool size or stride of 0 and a pool that is not an object', () => {
    expectRefused({ pool: { size: 0 } }, 'pool.size', /integer from 1/);
    expectRefused({ pool: { stride: [0, 2] } }, 'pool.stride[0]', /integer from 1/);
    expectRefused({ pool: 2 }, 'pool', /must be an object/);
    expectRefused({ pool: null }, 'pool', /must be an object/);
  });

  it('negative, fractional or malformed padding, naming the side', () => {
    expectRefused({ padding: -1 }, 'padding', /integer from 0/);
    expectRefused({ padding: 1.5 }, 'padding', /integer from 0/);
    expectRefused({ padding: [0, 0, -1, 0] }, 'padding[2] (left)', /integer from 0/);
    expectRefused({ padding: [0, 0, 0, Number.NaN] }, 'padding[3] (right)', /integer from 0/);
    expectRefused(
      { padding: [1, 2, 3] },
      'padding',
      /"valid", "same", an integer >= 0, or \[top, bottom, left, right\]/,
    );
    expectRefused({ padding: 'full' }, 'padding', /"valid", "same", an integer >= 0/);
  });

  it('no filters, too many filters, or filters that are not an array', () => {
    expectRefused({ filters: [] }, 'filters', /non-empty array of filters/);
    expectRefused({ filters: { weights: [[1]] } }, 'filters', /non-empty array of filters/);
    expectRefused(
      { filters: Array.from({ length: 65 }, () => ({ weights: [[1]] })) },
      'filters',
      /at most 64/,
    );
  });

  it('a filter that is not an object or has no weights', () => {
    expectRefused({ filters: [[[1]]] }, 'filters[0]', /must be an object \{"weights"/);
    expectRefused({ filters: [{ weights: [[1]] }, { bias: 1 }] }, 'filters[1].weights', /is required/);
  });

  it('empty weights or an empty row', () => {
    expectRefused(
      { filters: [{ weights: [] }] },
      'filters[0].weights',
      /non-empty array of rows \(kh x kw or kh x kw x C\)/,
    );
    expectRefused({ filters: [{ weights: [[]] }] }, 'filters[0].weights[0]', /non-empty row of numbers/);
    expectRefused(
      { filters: [{ weights: [[[]]] }] },
      'filters[0].weights[0][0]',
      /at least one channel weight/,
    );
  });

  it('ragged weights: a short row, or cells of different depths', () => {
    expectRefused(
      { filters: [{ weights: [[1, 2], [3]] }] },
      'filters[0].weights[1]',
      /row of 2 entries like row 0 \(ragged/,
    );
    expectRefused(
      { filters: [{ weights: [[1, 2, 3]] }, { weights: [[1], [2, 3]] }] },
      'filters[1].weights[1]',
      /row of 1 entries like row 0/,
    );
    expectRefused(
      {
        channels: 'rgb',
        filters: [
          {
            weights: [
              [
                [1, 2, 3],
                [1, 2],
              ],
            ],
          },
        ],
      },
      'filters[0].weights[0][1]',
      /3 channel weights like \[0\]\[0\] \(ragged/,
    );
  });

  it('a 2-D filter with a 3-D cell, or a 3-D filter with a number cell', () => {
    expectRefused(
      { filters: [{ weights: [[1, [2, 3, 4]]] }] },
      'filters[0].weights[0][1]',
      /finite number, got an array/,
    );
    expectRefused(
      { channels: 'rgb', filters: [{ weights: [[[1, 2, 3], 4]] }] },
      'filters[0].weights[0][1]',
      /3 channel weights/,
    );
  });

  it('weights of the wrong depth for the channel mode, saying what depth is needed', () => {
    expectRefused(
      { channels: 'gray', filters: [{ weights: [[[1, 2, 3]]] }] },
      'filters[0].weights',
      /has 3 channel weights per cell, but channels "gray" needs 1 \(or a 2-D kh x kw filter/,
    );
    expectRefused(
      { channels: 'rgb', filters: [{ weights: [[1]] }, { weights: [[[1, 2]]] }] },
      'filters[1].weights',
      /has 2 channel weights per cell, but channels "rgb" needs 3/,
    );
    expectRefused(
      { channels: 'rgb-per-channel', filters: [{ weights: [[[1]]] }] },
      'filters[0].weights',
      /needs 3/,
    );
  });

  it('non-finite or non-number weights and biases', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1', null, true]) {
      expectRefused(
        { filters: [{ weights: [[0, bad]] }] },
        'filters[0].weights[0][1]',
        /must be a finite number/,
      );
      expectRefused(
        { filters: [{ weights: [[1]], bias: bad }] },
        'filters[0].bias',
        /must be a finite number/,
      );
    }
    expectRefused(
      { channels: 'rgb', filters: [{ weights: [[[0, 0, Number.NaN]]] }] },
      'filters[0].weights[0][0][2]',
      /finite/,
    );
  });

  it('weights and biases beyond float32, naming the cell; float32 extremes pass', () => {
    expectRefused({ filters: [{ weights: [[1e300]] }] }, 'filters[0].weights[0][0]', /beyond float32/);
    expectRefused({ filters: [{ weights: [[0, -3.5e38]] }] }, 'filters[0].weights[0][1]', /beyond float32/);
    expectRefused({ filters: [{ weights: [[1]], bias: 1e39 }] }, 'filters[0].bias', /beyond float32/);
    expectRefused(
      { channels: 'rgb', filters: [{ weights: [[[0, 0, 1e300]]] }] },
      'filters[0].weights[0][0][2]',
      /beyond float32/,
    );
    const edge = parseSpec({
      filters: [{ weights: [[3.4028234663852886e38, -3.4028234663852886e38]], bias: -1e38 }],
    });
    expect(edge.filters[0]?.weights).toEqual([[3.4028234663852886e38, -3.4028234663852886e38]]);
  });

  it('a kernel larger than 31 on either side', () => {
    const tall = Array.from({ length: 32 }, () => [1]);
    const wide = [Array.from({ length: 32 }, () => 1)];
    expectRefused({ filters: [{ weights: tall }] }, 'filters[0].weights', /32 rows; at most 31/);
    expectRefused({ filters: [{ weights: wide }] }, 'filters[0].weights[0]', /32 columns; at most 31/);
  });

  it('a flip that is not a boolean', () => {
    expectRefused({ flip: 'yes' }, 'flip', /must be true or false, got "yes"/);
    expectRefused({ flip: 1 }, 'flip', /must be true or false/);
  });
});
