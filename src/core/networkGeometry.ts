/**
 * A network's sizes on an image: every layer's `LayerGeometry`, each layer's input being the result
 * the layer before feeds on (`output`), and the parameters and multiply-adds per layer and in total.
 * Refusals name the layer (`layers[1].filters`) when the network has more than one layer; a network
 * of one layer is the plain layer spec and its errors read as they always have.
 */
import { layerGeometry, multiplyAdds, parameterCount, type LayerGeometry } from './geometry.ts';
import { layerMaps, type NetworkLayer, type NetworkSpec } from './network.ts';
import { SpecError, weightsDepthError } from './spec.ts';

/** The size of the result a layer feeds on: its feature maps, or one of its poolings. */
export function fedShape(
  layer: NetworkLayer,
  geometry: LayerGeometry,
): { height: number; width: number; maps: number } {
  const { height, width } = layer.output === 'conv' ? geometry.conv : geometry.pool;
  return { height, width, maps: geometry.conv.maps };
}

/**
 * Every layer's geometry for an image of `height` x `width`. Throws a `SpecError` naming the layer
 * where a layer leaves no output (as `layerGeometry`), where the pooling a layer feeds on is empty,
 * or where a layer's weights do not have the depth of the maps fed in. The last layer's pooling may be
 * empty (`pool.empty` says why), as a single layer's may.
 */
export function networkGeometry(net: NetworkSpec, height: number, width: number): LayerGeometry[] {
  const deep = net.layers.length > 1;
  const name = (error: SpecError, i: number): SpecError => (deep ? error.within(`layers[${i}]`) : error);
  const geometries: LayerGeometry[] = [];
  let size = { height, width };
  net.layers.forEach((layer, i) => {
    const before = net.layers[i - 1];
    if (before && layer.inputMaps !== layerMaps(before)) {
      throw new Error(`networkGeometry: layer ${i + 1}'s inputMaps is not linked (see linkLayers)`);
    }
    const depthError = weightsDepthError(layer);
    if (depthError) throw name(depthError, i);
    let geometry: LayerGeometry;
    try {
      geometry = layerGeometry(layer, size.height, size.width);
    } catch (error) {
      throw error instanceof SpecError ? name(error, i) : error;
    }
    geometries.push(geometry);
    if (i === net.layers.length - 1) return;
    const { empty } = geometry.pool;
    if (layer.output !== 'conv' && empty) {
      throw name(new SpecError('pool.size', `${empty.message}; layer ${i + 2} needs it as its input`), i);
    }
    size = fedShape(layer, geometry);
  });
  return geometries;
}

/** Weights, biases (their sum: parameters) and multiply-adds of one layer. */
export interface LayerCost {
  weights: number;
  biases: number;
  parameters: number;
  multiplyAdds: number;
}

/** The cost of every layer (as `networkGeometry` sized them) and of the whole network. */
export function networkCost(
  net: NetworkSpec,
  geometries: readonly LayerGeometry[],
): { layers: LayerCost[]; total: LayerCost } {
  const layers = net.layers.map((layer, i) => {
    const geometry = geometries[i];
    if (!geometry) throw new Error(`networkCost: no geometry for layer ${i + 1}`);
    const { weights, biases } = parameterCount(layer, geometry);
    return { weights, biases, parameters: weights + biases, multiplyAdds: multiplyAdds(layer, geometry) };
  });
  const total = { weights: 0, biases: 0, parameters: 0, multiplyAdds: 0 };
  for (const cost of layers) {
    for (const key of Object.keys(total) as Array<keyof LayerCost>) total[key] += cost[key];
  }
  return { layers, total };
}
