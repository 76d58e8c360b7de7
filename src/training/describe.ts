/**
 * A network as the Train panel writes it in one line, "28×28 → 3×3×8 ReLU → max pool 2×2 → … → dense
 * 10", and its number of trainable values (filters, biases and the dense classifier), from the spec
 * alone: the panel shows it before anything is trained.
 */
import { kernelShape, type NetworkSpec } from '../core/index.ts';
import { IMAGE_SIZE } from '../train/fashionMnist.ts';
import { featureCount } from '../train/model.ts';
import { CLASS_COUNT, kernelShapes } from '../train/params.ts';

export type StructurePart =
  | { kind: 'input'; size: number }
  | {
      kind: 'conv';
      kh: number;
      kw: number;
      filters: number;
      activation: string | null;
      stride: string | null;
    }
  | { kind: 'pool'; pool: 'max' | 'avg'; size: string }
  | { kind: 'dense'; count: number };

const ACTIVATION_NAMES: Record<string, string | null> = {
  none: null,
  relu: 'ReLU',
  abs: '|x|',
  clip: 'clip',
};

/** The parts of the line, in order (words are the panel's, in the page's language). */
export function structureParts(net: NetworkSpec): StructurePart[] {
  const parts: StructurePart[] = [{ kind: 'input', size: IMAGE_SIZE }];
  for (const layer of net.layers) {
    const { kh, kw } = layer.filters[0] ? kernelShape(layer.filters[0].weights) : { kh: 0, kw: 0 };
    const [sy, sx] = layer.stride;
    parts.push({
      kind: 'conv',
      kh,
      kw,
      filters: layer.filters.length,
      activation:
        layer.activation in ACTIVATION_NAMES ? ACTIVATION_NAMES[layer.activation]! : layer.activation,
      stride: sy === 1 && sx === 1 ? null : sy === sx ? String(sy) : `${sy}×${sx}`,
    });
    if (layer.output !== 'conv') {
      const [ph, pw] = layer.pool.size;
      parts.push({ kind: 'pool', pool: layer.output === 'maxpool' ? 'max' : 'avg', size: `${ph}×${pw}` });
    }
  }
  parts.push({ kind: 'dense', count: CLASS_COUNT });
  return parts;
}

/** Every trainable value: kernels and biases of each layer, then the classifier's weights and biases. */
export function parameterCount(net: NetworkSpec): number {
  const filters = kernelShapes(net).reduce((sum, [kh, kw, c, f]) => sum + kh * kw * c * f + f, 0);
  return filters + featureCount(net) * CLASS_COUNT + CLASS_COUNT;
}
