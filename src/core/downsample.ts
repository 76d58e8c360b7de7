/**
 * Three ways to shrink a feature map by two (docs/demos.md, "Stride against pooling"), the same filter on
 * the same input: (a) the convolution with a stride of 2, (b) stride 1 then 2 × 2 max pooling, (c)
 * stride 1 then 2 × 2 average pooling. The layer keeps its filters, padding, dilation and activation;
 * the pooling is 2 × 2 with stride 2, valid. Runs on the tfjs backend in use; no readback.
 */
import * as tf from '@tensorflow/tfjs-core';
import { layerGeometry, multiplyAdds, type LayerGeometry } from './geometry.ts';
import { runLayerPadded } from './layer.ts';
import { padImage } from './padding.ts';
import type { LayerSpec } from './spec.ts';

export type Downsampling = 'stride' | 'maxPool' | 'avgPool';

/** In the order the page shows them: (a), (b), (c). */
export const DOWNSAMPLINGS: readonly Downsampling[] = ['stride', 'maxPool', 'avgPool'];

/** The pooling of (b) and (c). */
const HALVING_POOL: LayerSpec['pool'] = { size: [2, 2], stride: [2, 2], padding: 'valid' };

/** The layer that shrinks `spec`'s maps one way: stride 2 (its pooling unused), or stride 1 and a 2 × 2 pool. */
export function downsampleSpec(spec: LayerSpec, way: Downsampling): LayerSpec {
  return { ...spec, stride: way === 'stride' ? [2, 2] : [1, 1], pool: HALVING_POOL };
}

export interface DownsampleCost {
  /** The shrunk map's size and count. */
  height: number;
  width: number;
  maps: number;
  /** Multiply-adds of the convolution computed (all of it at stride 1, a quarter of it at stride 2). */
  multiplyAdds: number;
  /** Feature-map cells the pooling reads (compares for max, adds for average); 0 for the stride. */
  poolReads: number;
  /** Feature-map cells computed before shrinking (stride 1), or the ones computed at all (stride 2). */
  computedCells: number;
}

/** The geometry of one way on an input of height × width (throws a `SpecError` when it leaves no output). */
export function downsampleGeometry(
  spec: LayerSpec,
  height: number,
  width: number,
  way: Downsampling,
): LayerGeometry {
  return layerGeometry(downsampleSpec(spec, way), height, width);
}

/** Shapes and work of one way on an input of height × width. */
export function downsampleCost(
  spec: LayerSpec,
  height: number,
  width: number,
  way: Downsampling,
): DownsampleCost {
  const made = downsampleSpec(spec, way);
  const geometry = layerGeometry(made, height, width);
  const { conv, pool } = geometry;
  const shrunk = way === 'stride' ? conv : pool;
  const [ph, pw] = HALVING_POOL.size;
  return {
    height: shrunk.height,
    width: shrunk.width,
    maps: conv.maps,
    multiplyAdds: multiplyAdds(made, geometry),
    poolReads: way === 'stride' ? 0 : pool.height * pool.width * ph * pw * conv.maps,
    computedCells: conv.height * conv.width * conv.maps,
  };
}

/**
 * The shrunk maps [h, w, M] of one way from the layer's input [H, W, C] (unpadded: the image's gray or
 * RGB, or a deeper layer's maps). The caller owns the result.
 */
export function downsample(input: tf.Tensor3D, spec: LayerSpec, way: Downsampling): tf.Tensor3D {
  const [height, width] = input.shape;
  const made = downsampleSpec(spec, way);
  const geometry = layerGeometry(made, height, width);
  return tf.tidy(() => {
    const outputs = runLayerPadded(padImage(input, geometry.pads, made.padMode), made, geometry);
    return way === 'stride' ? outputs.featureMaps : outputs[way];
  });
}
