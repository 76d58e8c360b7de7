/**
 * The layer spec (docs/spec.md): its types, its defaults, and `parseSpec`, which turns any
 * untrusted JSON value into a complete, validated `LayerSpec` or throws a `SpecError` naming the field.
 *
 * Validation here covers everything that does not depend on the image. What does (an output of size 0,
 * reflect padding wider than the image) is checked by `layerGeometry` in geometry.ts.
 */

export type Channels = 'gray' | 'rgb' | 'rgb-per-channel';
export type PadMode = 'zeros' | 'reflect' | 'replicate';
export type Activation = 'none' | 'relu' | 'abs' | 'clip';
/** `valid`, `same`, p on every side, or [top, bottom, left, right]. */
export type Padding = 'valid' | 'same' | number | [number, number, number, number];
export type PoolPadding = 'valid' | 'same';

/** kh x kw (the same slice for every input channel) or kh x kw x C, indexed weights[row][col][channel]. */
export type Weights = number[][] | number[][][];

export interface Filter {
  weights: Weights;
  bias: number;
}

export interface PoolSpec {
  size: [number, number];
  stride: [number, number];
  padding: PoolPadding;
}

/** A complete spec: every field present and valid. */
export interface LayerSpec {
  /** The image's channels; read only on a layer without `inputMaps` (the first layer of a network). */
  channels: Channels;
  filters: Filter[];
  flip: boolean;
  stride: [number, number];
  dilation: [number, number];
  padding: Padding;
  padMode: PadMode;
  activation: Activation;
  pool: PoolSpec;
  /**
   * Set on every layer of a network after the first (network.ts): its input is the previous layer's
   * `inputMaps` maps, each filter summing over all of them (Keras `Conv2D`). Never in a layer spec's JSON.
   */
  inputMaps?: number;
}

export const CHANNELS: readonly Channels[] = ['gray', 'rgb', 'rgb-per-channel'];
export const PAD_MODES: readonly PadMode[] = ['zeros', 'reflect', 'replicate'];
export const ACTIVATIONS: readonly Activation[] = ['none', 'relu', 'abs', 'clip'];
export const POOL_PADDINGS: readonly PoolPadding[] = ['valid', 'same'];

/** Largest kernel side and filter count a spec may ask for: keeps a shared link from freezing a page. */
export const MAX_KERNEL_SIZE = 31;
export const MAX_FILTERS = 64;
export const MAX_STEP = 64;

export const SOBEL_X: number[][] = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];

export function defaultSpec(): LayerSpec {
  return {
    channels: 'gray',
    filters: [{ weights: SOBEL_X.map((row) => [...row]), bias: 0 }],
    flip: false,
    stride: [1, 1],
    dilation: [1, 1],
    padding: 'same',
    padMode: 'zeros',
    activation: 'none',
    pool: { size: [2, 2], stride: [2, 2], padding: 'valid' },
  };
}

/** A refused spec. `field` is a path such as `stride` or `filters[1].weights[2]`. */
export class SpecError extends Error {
  readonly field: string;
  /** The message without the field. */
  readonly reason: string;
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'SpecError';
    this.field = field;
    this.reason = reason;
  }

  /** The same refusal one level down in the JSON, e.g. within `layers[1]`: `layers[1].stride[0]`. */
  within(prefix: string): SpecError {
    return new SpecError(this.field === 'spec' ? prefix : `${prefix}.${this.field}`, this.reason);
  }
}

const TOP_FIELDS = [
  'channels',
  'filters',
  'flip',
  'stride',
  'dilation',
  'padding',
  'padMode',
  'activation',
  'pool',
] as const;
const POOL_FIELDS = ['size', 'stride', 'padding'] as const;
const FILTER_FIELDS = ['weights', 'bias'] as const;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a refused value for a message: `"abc"`, `an array`, `null`, `7`. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export function rejectUnknownKeys(
  obj: Record<string, unknown>,
  allowed: readonly string[],
  where: string,
): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const field = where ? `${where}.${key}` : key;
      throw new SpecError(field, `unknown field; allowed fields are ${allowed.join(', ')}`);
    }
  }
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new SpecError(
    field,
    `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${describe(value)}`,
  );
}

/** Largest finite float32: weights and biases become float32 tensors, so anything beyond is Infinity. */
const FLOAT32_MAX = 3.4028234663852886e38;

/** Whether `x` is a number a float32 tensor holds as a finite value (|x| <= FLOAT32_MAX). */
export function isFloat32Finite(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) <= FLOAT32_MAX;
}

function finiteNumber(value: unknown, field: string): number {
  if (typeof value === 'number' && isFloat32Finite(value)) return value;
  if (typeof value === 'number' && Number.isFinite(value)) {
    throw new SpecError(field, `is ${value}, beyond float32 (at most ±3.4028235e38)`);
  }
  throw new SpecError(field, `must be a finite number, got ${describe(value)}`);
}

function intInRange(value: unknown, field: string, min: number, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new SpecError(field, `must be an integer from ${min} to ${max}, got ${describe(value)}`);
}

/** A pair [y, x] of integers; a single integer n is accepted as [n, n]. */
function intPair(value: unknown, field: string, min: number, max: number): [number, number] {
  if (typeof value === 'number') {
    const n = intInRange(value, field, min, max);
    return [n, n];
  }
  if (Array.isArray(value) && value.length === 2) {
    return [intInRange(value[0], `${field}[0]`, min, max), intInRange(value[1], `${field}[1]`, min, max)];
  }
  throw new SpecError(field, `must be [y, x], two integers from ${min} to ${max}, got ${describe(value)}`);
}

function parsePadding(value: unknown): Padding {
  if (value === 'valid' || value === 'same') return value;
  if (typeof value === 'number') return intInRange(value, 'padding', 0, 1000);
  if (Array.isArray(value) && value.length === 4) {
    const sides = ['top', 'bottom', 'left', 'right'];
    return value.map((v, i) => intInRange(v, `padding[${i}] (${sides[i]})`, 0, 1000)) as Padding;
  }
  throw new SpecError(
    'padding',
    `must be "valid", "same", an integer >= 0, or [top, bottom, left, right], got ${describe(value)}`,
  );
}

function parseWeights(value: unknown, field: string): Weights {
  if (!Array.isArray(value) || value.length === 0) {
    throw new SpecError(
      field,
      `must be a non-empty array of rows (kh x kw or kh x kw x C), got ${describe(value)}`,
    );
  }
  if (value.length > MAX_KERNEL_SIZE) {
    throw new SpecError(field, `has ${value.length} rows; at most ${MAX_KERNEL_SIZE} are allowed`);
  }
  const first = value[0] as unknown;
  if (!Array.isArray(first) || first.length === 0) {
    throw new SpecError(`${field}[0]`, `must be a non-empty row of numbers, got ${describe(first)}`);
  }
  const kw = first.length;
  if (kw > MAX_KERNEL_SIZE) {
    throw new SpecError(`${field}[0]`, `has ${kw} columns; at most ${MAX_KERNEL_SIZE} are allowed`);
  }
  const threeD = Array.isArray(first[0]);
  const depth = threeD ? (first[0] as unknown[]).length : 0;
  if (threeD && depth === 0) throw new SpecError(`${field}[0][0]`, 'must hold at least one channel weight');

  return value.map((row: unknown, r) => {
    const rowField = `${field}[${r}]`;
    if (!Array.isArray(row) || row.length !== kw) {
      throw new SpecError(
        rowField,
        `must be a row of ${kw} entries like row 0 (ragged weights), got ${describe(row)}`,
      );
    }
    return row.map((cell: unknown, c) => {
      const cellField = `${rowField}[${c}]`;
      if (!threeD) return finiteNumber(cell, cellField);
      if (!Array.isArray(cell) || cell.length !== depth) {
        throw new SpecError(cellField, `must be ${depth} channel weights like [0][0] (ragged weights)`);
      }
      return cell.map((w: unknown, ch) => finiteNumber(w, `${cellField}[${ch}]`));
    });
  }) as Weights;
}

function parseFilter(value: unknown, index: number): Filter {
  const field = `filters[${index}]`;
  if (!isRecord(value)) throw new SpecError(field, `must be an object {"weights": [...], "bias": 0}`);
  rejectUnknownKeys(value, FILTER_FIELDS, field);
  if (!('weights' in value)) throw new SpecError(`${field}.weights`, 'is required');
  return {
    weights: parseWeights(value.weights, `${field}.weights`),
    bias: value.bias === undefined ? 0 : finiteNumber(value.bias, `${field}.bias`),
  };
}

function parsePool(value: unknown, fallback: PoolSpec): PoolSpec {
  if (!isRecord(value)) throw new SpecError('pool', `must be an object {"size", "stride", "padding"}`);
  rejectUnknownKeys(value, POOL_FIELDS, 'pool');
  return {
    size: value.size === undefined ? fallback.size : intPair(value.size, 'pool.size', 1, MAX_STEP),
    stride: value.stride === undefined ? fallback.stride : intPair(value.stride, 'pool.stride', 1, MAX_STEP),
    padding:
      value.padding === undefined ? fallback.padding : oneOf(value.padding, POOL_PADDINGS, 'pool.padding'),
  };
}

/** Input channels a filter sees: 1 for gray, 3 for rgb (summed) and rgb-per-channel (one slice each). */
export function inputChannels(channels: Channels): number {
  return channels === 'gray' ? 1 : 3;
}

/** Channels of a layer's input: the image's (`inputChannels`) or, deeper in a network, the maps fed in. */
export function inputDepth(spec: LayerSpec): number {
  return spec.inputMaps ?? inputChannels(spec.channels);
}

/** Whether each filter runs on every input channel separately (`rgb-per-channel`) instead of summing them. */
export function isDepthwise(spec: LayerSpec): boolean {
  return spec.inputMaps === undefined && spec.channels === 'rgb-per-channel';
}

/** Output maps per filter: one per input channel for a depthwise layer (R, G, B), else 1. */
export function mapsPerFilter(spec: LayerSpec): number {
  return isDepthwise(spec) ? inputDepth(spec) : 1;
}

/** kh, kw and depth (0 for a 2-D filter) of a weights array that passed `parseSpec`. */
export function kernelShape(weights: Weights): { kh: number; kw: number; depth: number } {
  const first = weights[0] ?? [];
  const cell = first[0];
  return { kh: weights.length, kw: first.length, depth: Array.isArray(cell) ? cell.length : 0 };
}

/**
 * Why a filter's weights have the wrong depth for the layer's input (`inputDepth`), or null: a kh x kw x C
 * filter needs C = the input's channels; a 2-D one is applied to every channel.
 */
export function weightsDepthError(spec: LayerSpec): SpecError | null {
  const needed = inputDepth(spec);
  const input =
    spec.inputMaps === undefined
      ? `channels "${spec.channels}"`
      : `an input of ${needed} map${needed === 1 ? '' : 's'} (the layer before)`;
  for (const [i, f] of spec.filters.entries()) {
    const { depth } = kernelShape(f.weights);
    if (depth !== 0 && depth !== needed) {
      return new SpecError(
        `filters[${i}].weights`,
        `has ${depth} channel weights per cell, but ${input} needs ${needed} ` +
          `(or a 2-D kh x kw filter applied to every channel)`,
      );
    }
  }
  return null;
}

/**
 * Validates an untrusted value (parsed JSON) as a layer spec and fills in the defaults.
 * Never evaluates anything; throws `SpecError` naming the first bad field.
 *
 * `inputMaps` parses a network's layer after the first (network.ts): its input is that many maps, so it
 * has no `channels` field, and its weights' depth is checked against them.
 */
export function parseSpec(value: unknown, inputMaps?: number): LayerSpec {
  const base = defaultSpec();
  if (inputMaps !== undefined) base.inputMaps = inputMaps;
  if (value === undefined || value === null) return base;
  if (!isRecord(value)) throw new SpecError('spec', 'must be a JSON object');
  if (inputMaps !== undefined && 'channels' in value) {
    throw new SpecError(
      'channels',
      `only the first layer has channels; this layer's input is the ${inputMaps} maps of the layer before`,
    );
  }
  rejectUnknownKeys(value, TOP_FIELDS, '');

  const channels = value.channels === undefined ? base.channels : oneOf(value.channels, CHANNELS, 'channels');
  let filters = base.filters;
  if (value.filters !== undefined) {
    if (!Array.isArray(value.filters) || value.filters.length === 0) {
      throw new SpecError('filters', 'must be a non-empty array of filters');
    }
    if (value.filters.length > MAX_FILTERS) {
      throw new SpecError(
        'filters',
        `has ${value.filters.length} filters; at most ${MAX_FILTERS} are allowed`,
      );
    }
    filters = value.filters.map((f: unknown, i) => parseFilter(f, i));
  }
  if (value.flip !== undefined && typeof value.flip !== 'boolean') {
    throw new SpecError('flip', `must be true or false, got ${describe(value.flip)}`);
  }

  const spec: LayerSpec = {
    channels,
    filters,
    flip: value.flip ?? base.flip,
    stride: value.stride === undefined ? base.stride : intPair(value.stride, 'stride', 1, MAX_STEP),
    dilation: value.dilation === undefined ? base.dilation : intPair(value.dilation, 'dilation', 1, MAX_STEP),
    padding: value.padding === undefined ? base.padding : parsePadding(value.padding),
    padMode: value.padMode === undefined ? base.padMode : oneOf(value.padMode, PAD_MODES, 'padMode'),
    activation:
      value.activation === undefined ? base.activation : oneOf(value.activation, ACTIVATIONS, 'activation'),
    pool: value.pool === undefined ? base.pool : parsePool(value.pool, base.pool),
  };
  if (inputMaps !== undefined) spec.inputMaps = inputMaps;

  const depthError = weightsDepthError(spec);
  if (depthError) throw depthError;
  return spec;
}

/** The smallest JSON that `parseSpec` turns back into `spec`: fields equal to the defaults are left out. */
export function compactSpec(spec: LayerSpec): Partial<LayerSpec> {
  const base = defaultSpec() as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of TOP_FIELDS) {
    const value = spec[key];
    if (JSON.stringify(value) !== JSON.stringify(base[key])) out[key] = value;
  }
  return out as Partial<LayerSpec>;
}
