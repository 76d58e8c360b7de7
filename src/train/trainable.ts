/**
 * What training can take: a model reads a gray image (Fashion-MNIST), so the first layer's channels are
 * gray; and the network must fit a 28 x 28 image (`networkGeometry`).
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
  let geometries;
  try {
    geometries = networkGeometry(net, IMAGE_SIZE, IMAGE_SIZE);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  const last = net.layers.length - 1;
  const empty = geometries[last]?.pool.empty;
  if (net.layers[last]?.output !== 'conv' && empty) {
    return new SpecError(at(last, 'pool.size'), `${empty.message}; the classifier needs it as its input`);
  }
  return null;
}
