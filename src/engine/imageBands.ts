/**
 * A still image's pixels made into the engine's input a band of rows at a time, the page answering in
 * between: a 4096² image read in one piece (pixels, RGB floats, tensor) blocked the page for seconds.
 * The source is copied at once (the caller may close a bitmap after `setImage`); the rest is async.
 */
import * as tf from '@tensorflow/tfjs-core';
import { layerInput } from '../core/index.ts';
import { yieldToPage } from './yieldToPage.ts';

/** Pixels per band: a band's read and conversion is one task; a quarter of a 1024² image. */
const BAND_PIXELS = 1 << 18;

/** Something to read rows of pixels from: ImageData as is, or a 2D canvas holding the image. */
export type PixelSource = ImageData | OffscreenCanvasRenderingContext2D;

/** A copy of a bitmap or canvas to read later (null if the browser cannot draw it off-screen). */
export function snapshot(pixels: ImageBitmap | ImageData | HTMLCanvasElement): PixelSource | null {
  if (pixels instanceof ImageData) return pixels;
  try {
    const canvas = new OffscreenCanvas(pixels.width, pixels.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(pixels, 0, 0);
    return ctx;
  } catch {
    return null;
  }
}

/** The rows [r0, r1) of `source` as RGBA bytes. */
function rowsOf(source: PixelSource, width: number, r0: number, r1: number): Uint8ClampedArray {
  if (source instanceof ImageData) return source.data.subarray(r0 * width * 4, r1 * width * 4);
  return source.getImageData(0, r0, width, r1 - r0).data;
}

/**
 * The image as ImageData (kept by the engine in case the GPU context is lost), its RGB float32 tensor
 * [H, W, 3] (what `cast(fromPixels(pixels, 3))` gives) and its gray layer input [H, W, 1], band by band with a yield between bands;
 * `onBand(done, total)` after each. Null, with nothing made, once `stale()` turns true.
 */
export async function readInBands(
  source: PixelSource,
  stale: () => boolean,
  onBand: (done: number, total: number) => void = () => {},
): Promise<{ pixels: ImageData; tensor: tf.Tensor3D; gray: tf.Tensor3D } | null> {
  const width = source instanceof ImageData ? source.width : source.canvas.width;
  const height = source instanceof ImageData ? source.height : source.canvas.height;
  const rows = Math.max(1, Math.floor(BAND_PIXELS / Math.max(1, width)));
  const total = Math.ceil(height / rows);
  const rgba = source instanceof ImageData ? source.data : new Uint8ClampedArray(width * height * 4);
  const rgb = new Float32Array(width * height * 3);
  // The gray input too, by tfjs's own luma on each band (the same values as on the whole image): one
  // luma op on a 4096² image held the page for seconds.
  const luma = new Float32Array(width * height);
  for (let band = 0, r0 = 0; r0 < height; band++, r0 += rows) {
    if (band > 0) {
      await yieldToPage();
      if (stale()) return null;
    }
    const r1 = Math.min(height, r0 + rows);
    const data = rowsOf(source, width, r0, r1);
    if (!(source instanceof ImageData)) rgba.set(data, r0 * width * 4);
    for (let i = 0, o = r0 * width * 3; i < data.length; i += 4, o += 3) {
      rgb[o] = data[i] as number;
      rgb[o + 1] = data[i + 1] as number;
      rgb[o + 2] = data[i + 2] as number;
    }
    const bandRgb = rgb.subarray(r0 * width * 3, r1 * width * 3);
    luma.set(
      tf.tidy(() => layerInput(tf.tensor3d(bandRgb, [r1 - r0, width, 3], 'float32'), 'gray').dataSync()),
      r0 * width,
    );
    onBand(band + 1, total);
  }
  const pixels = source instanceof ImageData ? source : new ImageData(rgba, width, height);
  const tensor = tf.tensor3d(rgb, [height, width, 3], 'float32');
  await yieldToPage();
  if (stale()) {
    tensor.dispose();
    return null;
  }
  return { pixels, tensor, gray: tf.tensor3d(luma, [height, width, 1], 'float32') };
}
