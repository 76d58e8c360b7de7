/**
 * The CPU twin of `colorize`: map values already in memory -> RGBA bytes, by the same formula and the
 * same lookup tables, in one plain loop. This is how wasm and cpu draw (a loop over the values beats
 * a chain of tfjs ops there: tfjs-wasm's gather alone takes ~80 ms on a 1024 x 1024 map), and what the
 * command line can use to write images.
 */
import { colormapLut, LUT_SIZE, type ColormapName } from './colormap.ts';
import { colormapOf, MIN_SPREAD, usesAbs, type Normalize } from './colorize.ts';

const f32 = Math.fround;

/** Round half to even, as tf.round and GLSL roundEven do (so 190.5 -> 190 on every path). */
function roundHalfToEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

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

/** colorize.ts's scale and offset, in float32 arithmetic like the tensor path. */
function affine(
  values: ArrayLike<number>,
  normalize: Normalize,
  last: number,
): { scale: number; offset: number } {
  if (normalize === 'raw') return { scale: 1, offset: 0 };
  let lo = Infinity;
  let hi = -Infinity;
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
  }
  if (values.length === 0) lo = hi = 0;
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

/**
 * Colours a map's values (row-major [H, W], any range) into RGBA bytes (4 per value, alpha 255), the
 * same bytes `colorize` then drawing gives. Writes into `out` if given (it must hold 4 bytes a value).
 */
export function colorizeValues(
  values: ArrayLike<number>,
  normalize: Normalize,
  out: Uint8ClampedArray = new Uint8ClampedArray(values.length * 4),
): Uint8ClampedArray {
  if (out.length < values.length * 4) throw new Error('colorizeValues: the output holds too few bytes');
  const name = colormapOf(normalize);
  const last = LUT_SIZE[name] - 1;
  const lut = byteLut(name);
  const { scale, offset } = affine(values, normalize, last);
  const abs = usesAbs(normalize);
  const pixels = new Uint32Array(out.buffer, out.byteOffset, values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i] ?? 0;
    const k = roundHalfToEven(f32(f32((abs ? Math.abs(raw) : raw) * scale) + offset));
    // NaN (k !== k) falls to entry 0, like the clamp of the other paths.
    pixels[i] = lut[k > last ? last : k >= 0 ? k : 0] ?? 0;
  }
  return out;
}
