/**
 * One grayscale PNG per feature map. Maps are signed floats of any range, so each is scaled on its own:
 * `minmax` (the default) maps the map's minimum to black and its maximum to white; `clip` shows the values
 * as they are, clamped to 0..255, so maps can be compared with one another and with the input.
 */
import pngjs from 'pngjs';

export type PngScale = 'minmax' | 'clip';
export const PNG_SCALES: readonly PngScale[] = ['minmax', 'clip'];

/** Gray of a constant map under `minmax`: it has no contrast to show, and mid-gray says so. */
export const FLAT_MAP_GRAY = 128;

/**
 * Map `map` (0-based) of `values`, a [H, W, M] array in C order, as H x W gray bytes. Non-finite values
 * (never produced by a valid spec) are drawn black and ignored by `minmax`.
 */
export function mapToGray(
  values: Float32Array,
  shape: readonly [number, number, number],
  map: number,
  scale: PngScale,
): Uint8Array {
  const [height, width, maps] = shape;
  if (map < 0 || map >= maps) throw new RangeError(`map ${map} is outside 0..${maps - 1}`);
  const pixels = height * width;
  const gray = new Uint8Array(pixels);

  if (scale === 'clip') {
    for (let p = 0; p < pixels; p++) {
      const v = values[p * maps + map] ?? 0;
      gray[p] = Number.isFinite(v) ? Math.round(Math.min(255, Math.max(0, v))) : 0;
    }
    return gray;
  }

  let min = Infinity;
  let max = -Infinity;
  for (let p = 0; p < pixels; p++) {
    const v = values[p * maps + map] ?? 0;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min;
  for (let p = 0; p < pixels; p++) {
    const v = values[p * maps + map] ?? 0;
    if (!Number.isFinite(v)) gray[p] = 0;
    else if (!(range > 0)) gray[p] = FLAT_MAP_GRAY;
    else gray[p] = Math.round(((v - min) / range) * 255);
  }
  return gray;
}

/** An 8-bit grayscale PNG (color type 0) of `gray`, width x height bytes in row order. */
export function encodeGrayPng(width: number, height: number, gray: Uint8Array): Uint8Array {
  if (gray.length !== width * height)
    throw new RangeError(`expected ${width * height} gray bytes, got ${gray.length}`);
  const png = new pngjs.PNG({
    width,
    height,
    colorType: 0,
    inputColorType: 0,
    bitDepth: 8,
    inputHasAlpha: false,
  });
  png.data = Buffer.from(gray.buffer, gray.byteOffset, gray.byteLength);
  return pngjs.PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
}
