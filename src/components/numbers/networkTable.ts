/**
 * The whole network's shape table as pure data: per layer its tensors (`layerShapes`), where its input
 * comes from (the image, or the result of the layer before that it feeds on), which of its results feeds
 * the next layer, and its parameters and multiply-adds (`networkCost`), with the network's totals.
 */
import {
  networkCost,
  type LayerCost,
  type LayerGeometry,
  type LayerOutput,
  type NetworkSpec,
} from '../../core/index.ts';
import {
  layerParams,
  layerShapes,
  type LayerParams,
  type LayerShapes,
  type StageId,
} from './tensorShapes.ts';

/** The shape-table row of the result a layer feeds on. */
export const FED_ROW: Record<LayerOutput, StageId> = { conv: 'conv', maxpool: 'maxPool', avgpool: 'avgPool' };

export interface NetworkLayerRows {
  /** 0-based layer index. */
  layer: number;
  /** The result of the layer before that this layer's input is; null for the first layer (the image). */
  fedFrom: LayerOutput | null;
  /** The result this layer feeds to the next layer; null for the last layer. */
  feeds: LayerOutput | null;
  shapes: LayerShapes;
  /** The products behind the counts (kh × kw × C × F, per-output multiply-adds). */
  params: LayerParams;
  cost: LayerCost;
}

export interface NetworkTable {
  layers: NetworkLayerRows[];
  total: LayerCost;
}

/** Every layer's rows and cost; `geometries` are `networkGeometry(net, H, W)`. */
export function networkTable(net: NetworkSpec, geometries: readonly LayerGeometry[]): NetworkTable {
  const { layers: costs, total } = networkCost(net, geometries);
  const last = net.layers.length - 1;
  const layers = net.layers.map((layer, i) => {
    const geometry = geometries[i] as LayerGeometry;
    return {
      layer: i,
      fedFrom: net.layers[i - 1]?.output ?? null,
      feeds: i < last ? layer.output : null,
      shapes: layerShapes(layer, geometry),
      params: layerParams(layer, geometry),
      cost: costs[i] as LayerCost,
    };
  });
  return { layers, total };
}
