/**
 * Running a network: layer 1 on the image as `runLayer` does, each later layer on the result the layer
 * before feeds on (`output`), padded in its own mode. Every layer's outputs are returned, since the page
 * draws them all; nothing is read back. `runNetworkFrom` starts at layer k from layer k-1's fed result,
 * so an edit in layer k recomputes layers k..n only.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerGeometry } from './geometry.ts';
import { disposeOutputs, runLayer, runLayerPadded, type LayerOutputs } from './layer.ts';
import type { NetworkLayer, NetworkSpec } from './network.ts';
import { networkGeometry } from './networkGeometry.ts';
import { padImage } from './padding.ts';

/** `LayerOutputs` as a type alias, which tf.tidy accepts as a TensorContainer (an interface it does not). */
type Outputs = { [K in keyof LayerOutputs]: LayerOutputs[K] };

/** The result a layer feeds the next one (not a copy: owned with `outputs`). */
export function fedOutput(outputs: LayerOutputs, layer: NetworkLayer): tf.Tensor3D {
  switch (layer.output) {
    case 'conv':
      return outputs.featureMaps;
    case 'maxpool':
      return outputs.maxPool;
    case 'avgpool':
      return outputs.avgPool;
  }
}

/**
 * The outputs of layers `from`..n (0-based), layer `from` taking `fed` [H, W, C] (layer from-1's
 * `fedOutput`, not disposed) as its input. `geometries` are `networkGeometry(net, …)` of the image.
 * The caller owns the returned tensors (`disposeNetworkOutputs`).
 */
export function runNetworkFrom(
  net: NetworkSpec,
  from: number,
  fed: tf.Tensor3D,
  geometries: readonly LayerGeometry[],
): LayerOutputs[] {
  return tf.tidy(() => {
    const results: Outputs[] = [];
    let input = fed;
    for (let i = from; i < net.layers.length; i++) {
      const layer = net.layers[i] as NetworkLayer;
      const geometry = geometries[i];
      if (!geometry) throw new Error(`runNetworkFrom: no geometry for layer ${i + 1}`);
      const outputs = runLayerPadded(padImage(input, geometry.pads, layer.padMode), layer, geometry);
      results.push({ ...outputs });
      input = fedOutput(outputs, layer);
    }
    return results;
  });
}

/**
 * Runs every layer of `net` on an RGB image [H, W, 3] with values 0..255. Throws a `SpecError` naming
 * the layer (before touching any tensor) if the network does not fit this image size. The caller owns
 * the returned tensors, one `LayerOutputs` per layer.
 */
export function runNetwork(
  image: tf.Tensor3D,
  net: NetworkSpec,
  geometries?: readonly LayerGeometry[],
): LayerOutputs[] {
  const [height, width] = image.shape;
  const geos = geometries ?? networkGeometry(net, height, width);
  const [first] = net.layers;
  if (!first) throw new Error('runNetwork: a network has at least one layer');
  return tf.tidy(() => {
    const head = runLayer(image, first, geos[0]);
    const rest: Outputs[] = runNetworkFrom(net, 1, fedOutput(head, first), geos);
    return [{ ...head }, ...rest];
  });
}

export function disposeNetworkOutputs(outputs: readonly LayerOutputs[] | null | undefined): void {
  for (const layer of outputs ?? []) disposeOutputs(layer);
}
