/**
 * What training can take: tfjs has no gradient for a dilated convolution, and a model reads a gray
 * image (Fashion-MNIST), so the first layer's channels are gray. Sizes are checked by `networkGeometry`.
 */
import { networkGeometry, SpecError, type NetworkSpec } from '../core/index.ts';
import { IMAGE_SIZE } from './fashionMnist.ts';

/** Why `net` cannot be trained on 28 x 28 gray images, or null. */
export function trainingProblem(net: NetworkSpec): SpecError | null {
  const deep = net.layers.length > 1;
  const at = (i: number, field: string) => (deep ? `layers[${i}].${field}` : field);
  if (net.layers[0]?.channels !== 'gray') {
    return new SpecError(at(0, 'channels'), 'must be gray: Fashion-MNIST images are gray');
  }
  const dilated = net.layers.findIndex((layer) => layer.dilation.some((d) => d > 1));
  if (dilated >= 0) {
    return new SpecError(
      at(dilated, 'dilation'),
      'must be 1 to train: tfjs has no gradient for a dilated convolution',
    );
  }
  try {
    networkGeometry(net, IMAGE_SIZE, IMAGE_SIZE);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  return null;
}
