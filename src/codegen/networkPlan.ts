/**
 * A network as the code generators see it: each layer's `CodePlan` (its weights, padding, order, shapes)
 * with its number and the result it feeds the next layer, decided once for the three languages.
 */
import type { LayerGeometry, LayerOutput, NetworkSpec } from '../core/index.ts';
import { describeSpec, makePlan, type CodeImage, type CodePlan } from './plan.ts';

export interface NetworkLayerPlan {
  /** 1-based, as the page numbers layers. */
  n: number;
  plan: CodePlan;
  /** What feeds the next layer; null on the last layer. */
  feeds: LayerOutput | null;
}

export function makeNetworkPlan(
  net: NetworkSpec,
  geometries: readonly LayerGeometry[],
  image: CodeImage,
): NetworkLayerPlan[] {
  return net.layers.map((layer, i) => {
    const geometry = geometries[i];
    if (!geometry) throw new Error(`makeNetworkPlan: no geometry for layer ${i + 1}`);
    const last = i === net.layers.length - 1;
    return { n: i + 1, plan: makePlan(layer, geometry, image), feeds: last ? null : layer.output };
  });
}

const RESULT_NAMES: Record<LayerOutput, string> = {
  conv: 'feature maps',
  maxpool: 'max pooling',
  avgpool: 'average pooling',
};

/** `layer 1's max pooling feeds layer 2`, or null on the last layer. */
export function feedsNote(layer: NetworkLayerPlan): string | null {
  return layer.feeds && `layer ${layer.n}'s ${RESULT_NAMES[layer.feeds]} feeds layer ${layer.n + 1}`;
}

/** The first line of a network's code: its layers and what each feeds on. */
export function describeNetwork(layers: readonly NetworkLayerPlan[]): string[] {
  return [
    `Kernelscope network of ${layers.length} layers`,
    ...layers.map(
      (l) => `layer ${l.n}: ${describeSpec(l.plan)}${l.feeds ? `, feeds its ${RESULT_NAMES[l.feeds]}` : ''}`,
    ),
  ];
}
