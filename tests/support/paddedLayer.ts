/**
 * A random layer case (arbitraries.ts `layerCase`) made ready for `runLayerPadded`: its spec parsed, its
 * geometry, and its image turned into the layer input and padded, as the page keeps it between edits.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  layerGeometry,
  layerInput,
  padImage,
  parseSpec,
  type LayerGeometry,
  type LayerSpec,
} from '../../src/core/index.ts';

export interface PaddedLayer {
  spec: LayerSpec;
  geometry: LayerGeometry;
  /** The padded layer input, owned by the caller. */
  padded: tf.Tensor3D;
}

/**
 * The case on the backend in use, or null when its spec leaves no output for its image. Keeps no other
 * tensor: after disposing `padded` the tensor count is what it was before the call.
 */
export function paddedLayer({
  spec: json,
  image,
}: {
  spec: unknown;
  image: { shape: [number, number, number]; data: number[] };
}): PaddedLayer | null {
  const spec = parseSpec(json);
  let geometry: LayerGeometry;
  try {
    geometry = layerGeometry(spec, image.shape[0], image.shape[1]);
  } catch {
    return null;
  }
  const padded = tf.tidy(() =>
    padImage(
      layerInput(tf.tensor3d(image.data, image.shape, 'float32'), spec.channels),
      geometry.pads,
      spec.padMode,
    ),
  );
  return { spec, geometry, padded };
}
