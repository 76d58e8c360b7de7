import * as tf from '@tensorflow/tfjs-core';
import { activate } from './activation.ts';
import { convolve } from './conv.ts';
import { layerGeometry, type LayerGeometry } from './geometry.ts';
import { layerInput } from './input.ts';
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
    const preActivation = convolve(input, spec, geo);
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
