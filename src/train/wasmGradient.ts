/**
 * The filter gradient of a convolution for tfjs's wasm backend, which has none in 4.22 (no
 * `Conv2DBackpropFilter`), so conv training fails there as it is. It has the 3-D one: a 2-D convolution is
 * a 3-D one of depth 1, so this kernel hands the same buffers, seen with a depth axis of 1, to wasm's
 * `Conv3DBackpropFilterV2` (compiled C++) and gives the result back as [kh, kw, C, F]. Registered once,
 * before training on wasm (docs/training.md, "Speed").
 */
import * as tf from '@tensorflow/tfjs-core';

interface Info {
  dataId: object;
  shape: number[];
  dtype: tf.DataType;
}

export function registerWasmFilterGradient(): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  const conv3d = tf.getKernel('Conv3DBackpropFilterV2', 'wasm');
  if (!conv3d) throw new Error('the wasm backend has no Conv3DBackpropFilterV2 to build on');
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as unknown as { x: Info; dy: Info };
      const { strides, pad, dataFormat, filterShape } = attrs as unknown as {
        strides: number | [number, number];
        pad: 'valid' | 'same' | number;
        dataFormat: 'NHWC' | 'NCHW';
        filterShape: [number, number, number, number];
      };
      if (dataFormat !== 'NHWC') throw new Error('Conv2DBackpropFilter on wasm: NHWC only');
      if (typeof pad !== 'string' && typeof pad !== 'number')
        throw new Error('Conv2DBackpropFilter on wasm: explicit pads are not supported');
      const [sh, sw] = typeof strides === 'number' ? [strides, strides] : strides;
      const depth1 = (info: Info): Info => ({ ...info, shape: [info.shape[0]!, 1, ...info.shape.slice(1)] });
      const dw = conv3d.kernelFunc({
        inputs: { x: depth1(x), dy: depth1(dy) } as unknown as tf.NamedTensorInfoMap,
        backend,
        attrs: { strides: [1, sh, sw], pad, filterShape: [1, ...filterShape] } as unknown as tf.NamedAttrMap,
      }) as Info;
      return { ...dw, shape: [...filterShape] } as unknown as tf.TensorInfo;
    },
  });
}
