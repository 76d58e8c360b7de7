/** A still image's pixels: kept on the CPU by the engine, and its input tensor made from them. */
import * as tf from '@tensorflow/tfjs-core';

/**
 * An image's RGB as a float32 tensor [H, W, 3] in 0..255 (alpha dropped), in one plain loop: what
 * `cast(fromPixels(pixels, 3))` gives, without tfjs reading the pixels a second time (the engine keeps
 * this copy anyway), its int32 tensor and the cast.
 */
export function tensorOfPixels(pixels: Pick<ImageData, 'width' | 'height' | 'data'>): tf.Tensor3D {
  const { width, height, data } = pixels;
  const rgb = new Float32Array(width * height * 3);
  for (let i = 0, o = 0; o < rgb.length; i += 4, o += 3) {
    rgb[o] = data[i] as number;
    rgb[o + 1] = data[i + 1] as number;
    rgb[o + 2] = data[i + 2] as number;
  }
  return tf.tensor3d(rgb, [height, width, 3], 'float32');
}
