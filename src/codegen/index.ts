/** Equivalent code for the current layer or network in TensorFlow.js, Keras and PyTorch (pure string generators). */
import type { LayerGeometry, LayerSpec, NetworkSpec } from '../core/index.ts';
import { kerasCode } from './keras.ts';
import { kerasNetworkCode } from './kerasNetwork.ts';
import { makeNetworkPlan } from './networkPlan.ts';
import { makePlan, type CodeImage } from './plan.ts';
import { pytorchCode } from './pytorch.ts';
import { pytorchNetworkCode } from './pytorchNetwork.ts';
import { tfjsCode } from './tfjs.ts';
import { tfjsNetworkCode } from './tfjsNetwork.ts';

export type { CodeImage } from './plan.ts';

export const CODE_LANGUAGES = ['tfjs', 'keras', 'pytorch'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

export const CODE_LANGUAGE_NAMES: Record<CodeLanguage, string> = {
  tfjs: 'TensorFlow.js',
  keras: 'Keras',
  pytorch: 'PyTorch',
};

export function generateCode(
  language: CodeLanguage,
  spec: LayerSpec,
  geometry: LayerGeometry,
  image: CodeImage,
): string {
  const plan = makePlan(spec, geometry, image);
  switch (language) {
    case 'tfjs':
      return tfjsCode(plan);
    case 'keras':
      return kerasCode(plan);
    case 'pytorch':
      return pytorchCode(plan);
  }
}

/**
 * The code of a whole network, `geometries` being `networkGeometry(net, H, W)`. A network of one layer
 * gets exactly the one-layer code of `generateCode`.
 */
export function generateNetworkCode(
  language: CodeLanguage,
  net: NetworkSpec,
  geometries: readonly LayerGeometry[],
  image: CodeImage,
): string {
  const [only] = net.layers;
  const [geometry] = geometries;
  if (net.layers.length === 1 && only && geometry) return generateCode(language, only, geometry, image);
  const layers = makeNetworkPlan(net, geometries, image);
  switch (language) {
    case 'tfjs':
      return tfjsNetworkCode(layers);
    case 'keras':
      return kerasNetworkCode(layers);
    case 'pytorch':
      return pytorchNetworkCode(layers);
  }
}
