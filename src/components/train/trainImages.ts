/**
 * Pixels for the training views' small canvases, as plain RGBA arrays: a 28 x 28 gray image, one map of
 * a MapStack scaled on its own (min-max gray), each enlarged by a whole factor with every value a crisp
 * square of pixels. Also the class-name keys. Pure, so the unit tests check them in Node.
 */
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { IMAGE_SIZE } from '../../train/fashionMnist.ts';
import type { MapStack, Sample } from '../../training/types.ts';

/** The message key of each Fashion-MNIST class, in label order (CLASS_NAMES of src/train/fashionMnist.ts). */
export const CLASS_KEYS = [
  'class.0',
  'class.1',
  'class.2',
  'class.3',
  'class.4',
  'class.5',
  'class.6',
  'class.7',
  'class.8',
  'class.9',
] as const satisfies readonly MessageKey[];

/** The key of a label's class name; an unknown label (the model JSON could have other classes) gets null. */
export function classKey(label: number): MessageKey | null {
  return CLASS_KEYS[label] ?? null;
}

/** A class's name in the page's language (the label itself for a class the page has no name for). */
export function className(t: Translate, label: number): string {
  const key = classKey(label);
  return key ? t(key) : String(label);
}

/** A 28 x 28 sample as enlarged gray pixels (0..255 as they are, not rescaled). */
export function sampleRgba(sample: Sample, scale: number): Uint8ClampedArray<ArrayBuffer> {
  return grayRgba(sample.pixels, IMAGE_SIZE, IMAGE_SIZE, 0, 255, scale);
}

/** Map `k` of a stack (values row by row, map index last) as its own height x width array. */
export function mapOf(stack: MapStack, k: number): Float32Array {
  const size = stack.height * stack.width;
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = stack.values[i * stack.count + k]!;
  return out;
}

/** The lowest and highest finite value (0, 0 for none). */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}

/**
 * Gray RGBA of `values` (height x width), black at `lo`, white at `hi`, each value a scale x scale
 * square. A flat map (hi = lo) is all black: nothing stands out in it.
 */
export function grayRgba(
  values: ArrayLike<number>,
  width: number,
  height: number,
  lo: number,
  hi: number,
  scale = 1,
): Uint8ClampedArray<ArrayBuffer> {
  const span = hi - lo;
  return upscale(width, height, scale, (i) => {
    const g = span > 0 ? Math.round(((values[i]! - lo) / span) * 255) : 0;
    return [g, g, g];
  });
}

/** RGBA of a width x height grid, each cell's colour from `colour(index)`, enlarged by a whole `scale`. */
export function upscale(
  width: number,
  height: number,
  scale: number,
  colour: (index: number) => readonly [number, number, number],
): Uint8ClampedArray<ArrayBuffer> {
  const s = Math.max(1, Math.floor(scale));
  const outWidth = width * s;
  const rgba = new Uint8ClampedArray(outWidth * height * s * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = colour(y * width + x);
      for (let dy = 0; dy < s; dy++) {
        let o = ((y * s + dy) * outWidth + x * s) * 4;
        for (let dx = 0; dx < s; dx++, o += 4) {
          rgba[o] = r;
          rgba[o + 1] = g;
          rgba[o + 2] = b;
          rgba[o + 3] = 255;
        }
      }
    }
  }
  return rgba;
}
