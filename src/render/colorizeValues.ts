/**
 * The CPU twin of `colorize`: map values already in memory -> RGBA bytes, by the same formula and the
 * same lookup tables, in one plain loop. This is how wasm and cpu draw (a loop over the values beats
 * a chain of tfjs ops there: tfjs-wasm's gather alone takes ~80 ms on a 1024 x 1024 map), and what the
 * command line can use to write images.
 */
import { colormapLut, LUT_SIZE, type ColormapName } from './colormap.ts';
import { clips, colormapOf, MIN_SPREAD, usesAbs, type MapDisplay } from './colorize.ts';
import { robustHalfRangeOfValues } from './robustScale.ts';

const f32 = Math.fround;

const byteLutCache = new Map<ColormapName, Uint32Array>();

/** Each table entry's R, G, B, A bytes in memory order, so one 32-bit copy writes one pixel. */
function byteLut(name: ColormapName): Uint32Array {
  let lut = byteLutCache.get(name);
  if (!lut) {
    const floats = colormapLut(name);
    lut = new Uint32Array(LUT_SIZE[name]);
    const bytes = new Uint8Array(lut.buffer);
    for (let i = 0; i < floats.length; i++) bytes[i] = Math.round((floats[i] ?? 0) * 255);
    byteLutCache.set(name, lut);
  }
  return lut;
}

/**
 * Which values of an interleaved array are the map: `values[i * count + index]` ([H, W, count] row-major,
 * map `index`, as a layer's outputs come back from tfjs). One map alone is { index: 0, count: 1 }.
 */
export interface MapChannel {
  index: number;
  count: number;
}

const ONLY: MapChannel = { index: 0, count: 1 };

/** The smallest and largest value of the map and the largest |value| (zeros for no values). */
function range(
  values: Float32Array,
  n: number,
  { index, count }: MapChannel,
): { lo: number; hi: number; maxAbs: number } {
  if (n === 0) return { lo: 0, hi: 0, maxAbs: 0 };
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0, j = index; i < n; i++, j += count) {
    const v = values[j] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // NaN compares false: a map of NaNs keeps lo = Infinity; the other paths clamp such values to entry 0.
  if (lo > hi) return { lo: 0, hi: 0, maxAbs: 0 };
  return { lo, hi, maxAbs: Math.max(Math.abs(lo), Math.abs(hi)) };
}

/** colorize.ts's scale and offset, in float32 arithmetic like the tensor path. */
function affine(
  values: Float32Array,
  n: number,
  channel: MapChannel,
  normalize: MapDisplay,
  last: number,
  shape: readonly [number, number],
): { scale: number; offset: number } {
  if (normalize === 'raw') return { scale: 1, offset: 0 };
  if (normalize === 'robust') {
    const q = robustHalfRangeOfValues(values, shape[0], shape[1], channel.index, channel.count);
    const half = last / 2;
    return { scale: f32(half / Math.max(q, f32(MIN_SPREAD))), offset: half };
  }
  const { lo, hi, maxAbs } = range(values, n, channel);
  switch (normalize) {
    case 'symmetric': {
      const half = last / 2;
      return { scale: f32(half / Math.max(maxAbs, f32(MIN_SPREAD))), offset: half };
    }
    case 'minmax': {
      const scale = f32(last / Math.max(f32(hi - lo), f32(MIN_SPREAD)));
      return { scale, offset: f32(-f32(lo * scale)) };
    }
    case 'abs':
      return { scale: f32(last / Math.max(maxAbs, f32(MIN_SPREAD))), offset: 0 };
  }
}

type Painter = (
  values: Float32Array,
  index: number,
  count: number,
  pixels: Uint32Array,
  lut: Uint32Array,
  scale: number,
  offset: number,
  last: number,
) => void;

/**
 * Adding and subtracting 1.5 * 2^52 rounds a float64 to an integer, half to even (the FPU's own rounding),
 * as tf.round and GLSL roundEven do (190.5 -> 190 on every path): no branch, unlike a test for the half.
 */
const ROUND = 6755399441055744;

/**
 * The colour pass: one LUT entry per value. Small monomorphic loops, so that V8 compiles each tight
 * (~4 ns a value in Chromium here, against ~9 with a branchy round and clamp). For the normalised scales
 * `scale` and `offset` map the map's range onto 0..last, so the index is in the table without a clamp
 * (a NaN rounds to NaN, and `NaN | 0` is entry 0, as the other paths clamp it).
 */
const paint: Painter = (values, index, count, pixels, lut, scale, offset) => {
  for (let i = 0, j = index; i < pixels.length; i++, j += count) {
    const x = f32(f32((values[j] as number) * scale) + offset);
    pixels[i] = lut[(x + ROUND - ROUND) | 0] as number;
  }
};

const paintAbs: Painter = (values, index, count, pixels, lut, scale, offset) => {
  for (let i = 0, j = index; i < pixels.length; i++, j += count) {
    const x = f32(f32(Math.abs(values[j] as number) * scale) + offset);
    pixels[i] = lut[(x + ROUND - ROUND) | 0] as number;
  }
};

/** Raw values (or values beyond a robust scale) may lie anywhere: clamped into the table first (NaN to entry 0). */
const paintRaw: Painter = (values, index, count, pixels, lut, scale, offset, last) => {
  for (let i = 0, j = index; i < pixels.length; i++, j += count) {
    const x = f32(f32((values[j] as number) * scale) + offset);
    const c = x > last ? last : x >= 0 ? x : 0;
    pixels[i] = lut[(c + ROUND - ROUND) | 0] as number;
  }
};

/**
 * Colours a map's values (row-major [H, W], any range; or map `channel.index` of interleaved
 * [H, W, channel.count]) into RGBA bytes (4 per value, alpha 255), the same bytes `colorize` then drawing
 * gives. Writes into `out` if given (it must hold 4 bytes a value). One pass for the range (for `robust`,
 * over the sample grid of `shape`, [1, n] unless given), one for the colours (~5 ns a value in V8: on
 * wasm and cpu the page colours every map of every edit this way).
 */
export function colorizeValues(
  input: ArrayLike<number>,
  normalize: MapDisplay,
  out?: Uint8ClampedArray,
  channel: MapChannel = ONLY,
  shape?: readonly [number, number],
): Uint8ClampedArray {
  const values = input instanceof Float32Array ? input : Float32Array.from(input);
  const { index, count } = channel;
  if (!(count >= 1 && index >= 0 && index < count) || values.length % count !== 0) {
    throw new Error(`colorizeValues: no map ${index} in ${values.length} values of ${count} maps`);
  }
  const n = values.length / count;
  const bytes = out ?? new Uint8ClampedArray(n * 4);
  if (bytes.length < n * 4) throw new Error('colorizeValues: the output holds too few bytes');
  const name = colormapOf(normalize);
  const last = LUT_SIZE[name] - 1;
  const lut = byteLut(name);
  if (shape && shape[0] * shape[1] !== n)
    throw new Error('colorizeValues: the shape does not hold the values');
  const { scale, offset } = affine(values, n, channel, normalize, last, shape ?? [1, n]);
  const pixels = new Uint32Array(bytes.buffer, bytes.byteOffset, n);
  const painter = clips(normalize) ? paintRaw : usesAbs(normalize) ? paintAbs : paint;
  painter(values, index, count, pixels, lut, scale, offset, last);
  return bytes;
}
