/**
 * A network of two or more layers as TensorFlow.js code: one function per layer (`layer1(x)`, …, each
 * the one-layer code's `layer(x)`), then the chain, each layer taking the result the one before feeds
 * on. Every layer's results stay at hand (`out1`, `out2`, …), as the page shows them all.
 */
import { describeNetwork, feedsNote, type NetworkLayerPlan } from './networkPlan.ts';
import { inputLines, layerFunction, shapeLogLines, TFJS_IMPORT } from './tfjs.ts';

const FED = { conv: 'conv', maxpool: 'maxPool', avgpool: 'avgPool' } as const;

export function tfjsNetworkCode(layers: readonly NetworkLayerPlan[]): string {
  const first = layers[0] as NetworkLayerPlan;
  const last = layers[layers.length - 1] as NetworkLayerPlan;
  const out: string[] = [
    ...describeNetwork(layers).map((line) => `// ${line}`),
    TFJS_IMPORT,
    '',
    ...inputLines(first.plan),
  ];
  for (const { n, plan } of layers) out.push('', ...layerFunction(plan, `layer${n}`, `Layer ${n}`));
  out.push('', 'const out1 = layer1(x);');
  for (const layer of layers) {
    if (layer.feeds)
      out.push(
        `const out${layer.n + 1} = layer${layer.n + 1}(out${layer.n}.${FED[layer.feeds]}); // ${feedsNote(layer)}`,
      );
  }
  out.push(`const { conv, maxPool, avgPool } = out${last.n};`, ...shapeLogLines(last.plan), '');
  return out.join('\n');
}
