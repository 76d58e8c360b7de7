/**
 * Tensor shapes of every stage in both layouts (NHWC: TensorFlow, Keras, tfjs; NCHW: PyTorch), the number of
 * weights and biases, and the multiply-adds of the conv layer, as pure data from the spec and its geometry.
 */
import {
  isDepthwise,
  kernelShape,
  multiplyAdds,
  parameterCount,
  type LayerGeometry,
  type LayerSpec,
} from '../../core/index.ts';

export type StageId = 'input' | 'weights' | 'bias' | 'conv' | 'maxPool' | 'avgPool';

export interface ShapeRow {
  stage: StageId;
  /** TensorFlow / Keras / tfjs layout: [N, H, W, C] for data, [kh, kw, C_in, F] for weights. */
  nhwc: number[];
  /** PyTorch layout: [N, C, H, W] for data, [F, C_in / groups, kh, kw] for weights. */
  nchw: number[];
}

export interface LayerShapes {
  /** `rgb-per-channel`: a depthwise layer (Keras DepthwiseConv2D, PyTorch groups = 3). */
  depthwise: boolean;
  rows: ShapeRow[];
}

export function layerShapes(spec: LayerSpec, geometry: LayerGeometry): LayerShapes {
  const { input, kernel, conv, pool } = geometry;
  const [kh, kw] = kernel;
  const c = input.channels;
  const f = spec.filters.length;
  const m = conv.maps;
  const depthwise = isDepthwise(spec);
  return {
    depthwise,
    rows: [
      { stage: 'input', nhwc: [1, input.height, input.width, c], nchw: [1, c, input.height, input.width] },
      depthwise
        ? // DepthwiseConv2D(depth_multiplier=F): [kh, kw, 3, F]; Conv2d(3, 3F, groups=3): [3F, 1, kh, kw].
          { stage: 'weights', nhwc: [kh, kw, c, f], nchw: [m, 1, kh, kw] }
        : { stage: 'weights', nhwc: [kh, kw, c, f], nchw: [f, c, kh, kw] },
      { stage: 'bias', nhwc: [m], nchw: [m] },
      { stage: 'conv', nhwc: [1, conv.height, conv.width, m], nchw: [1, m, conv.height, conv.width] },
      { stage: 'maxPool', nhwc: [1, pool.height, pool.width, m], nchw: [1, m, pool.height, pool.width] },
      { stage: 'avgPool', nhwc: [1, pool.height, pool.width, m], nchw: [1, m, pool.height, pool.width] },
    ],
  };
}

/** `[1, 28, 28, 1]` */
export function shapeList(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

export interface LayerParams {
  /** Weights the framework layer holds: kh·kw·C_in·F (depthwise: kh·kw·3·F). */
  weights: number;
  /** Values a person typed: kh·kw·F for 2-D filters (shared by every channel), kh·kw·C·F for 3-D ones. */
  distinctWeights: number;
  biases: number;
  /** Multiply-adds of the conv: Ho·Wo·M·kh·kw·(C_in summed per map). */
  macs: number;
  /** Multiply-adds per output value: kh·kw·(C_in summed per map). */
  macsPerOutput: number;
  outputs: number;
}

export function layerParams(spec: LayerSpec, geometry: LayerGeometry): LayerParams {
  const { input, kernel, conv } = geometry;
  const [kh, kw] = kernel;
  const { weights, biases } = parameterCount(spec, geometry);
  const distinctWeights = spec.filters.reduce((sum, filter) => {
    const { depth } = kernelShape(filter.weights);
    return sum + kh * kw * Math.max(1, depth);
  }, 0);
  // A Conv2D sums its C_in channels (or maps fed in) into each map; a depthwise map sees one channel.
  const summed = isDepthwise(spec) ? 1 : input.channels;
  const macsPerOutput = kh * kw * summed;
  const outputs = conv.height * conv.width * conv.maps;
  return {
    weights,
    distinctWeights,
    biases,
    macs: multiplyAdds(spec, geometry),
    macsPerOutput,
    outputs,
  };
}
