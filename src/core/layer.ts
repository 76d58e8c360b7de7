import * as tf from '@tensorflow/tfjs-core';
import { activate } from './activation.ts';
import { convolvePadded } from './conv.ts';
import { layerGeometry, type LayerGeometry } from './geometry.ts';
import { layerInput } from './input.ts';
import { padImage } from './padding.ts';
import { poolAvg, poolMax } from './pool.ts';
import type { LayerSpec } from './spec.ts';

/** Every stage of one layer, each [H, W, M] float32; the caller owns them (see `disposeOutputs`). */
export interface LayerOutputs {
  /** conv + bias, before the activation. */
  preActivation: tf.Tensor3D;
  /** The feature maps: activation(conv + bias). The fixtures call this `conv`. */
  featureMaps: tf.Tensor3D;
  maxPool: tf.Tensor3D;
  avgPool: tf.Tensor3D;
}

/**
 * Runs conv -> bias -> activation -> max pool and avg pool on an RGB image [H, W, 3] with values 0..255.
 * Throws a `SpecError` (before touching any tensor) if the spec leaves no output for this image size.
 * No readback: everything stays on the backend in use.
 */
export function runLayer(image: tf.Tensor3D, spec: LayerSpec, geometry?: LayerGeometry): LayerOutputs {
  const [height, width] = image.shape;
  const geo = geometry ?? layerGeometry(spec, height, width);
  return tf.tidy(() => {
    const input = layerInput(image, spec.channels);
    // Spread: tf.tidy wants an object literal type (an interface has no index signature).
    return { ...runLayerPadded(padImage(input, geo.pads, spec.padMode), spec, geo) };
  });
}

/**
 * `runLayer` from the layer input (`layerInput`) already padded by `geometry.pads` in `spec.padMode`
 * (`padImage`), with `geometry` = `layerGeometry(spec, H, W)` of the unpadded input. Those two steps
 * depend only on the image, the channels and the padding: the page keeps their result between kernel
 * edits. Does not dispose `paddedInput`.
 */
export function runLayerPadded(
  paddedInput: tf.Tensor3D,
  spec: LayerSpec,
  geometry: LayerGeometry,
): LayerOutputs {
  return tf.tidy(() => {
    const preActivation = convolvePadded(paddedInput, spec, geometry);
    const featureMaps = activate(preActivation, spec.activation);
    return {
      preActivation,
      featureMaps,
      maxPool: poolMax(featureMaps, spec.pool),
      avgPool: poolAvg(featureMaps, spec.pool),
    };
  });
}

export function disposeOutputs(outputs: LayerOutputs | null | undefined): void {
  if (!outputs) return;
  tf.dispose([outputs.preActivation, outputs.featureMaps, outputs.maxPool, outputs.avgPool]);
}
