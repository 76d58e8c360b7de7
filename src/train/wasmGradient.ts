/**
 * The filter gradient of a convolution for tfjs's wasm backend, which has none in 4.22 (no
 * `Conv2DBackpropFilter`), so conv training fails there as it is. It has the 3-D one: a 2-D convolution is
 * a 3-D one of depth 1, so this kernel hands the same buffers, seen with a depth axis of 1, to wasm's
 * `Conv3DBackpropFilterV2` (compiled C++) and gives the result back as [kh, kw, C, F]. That kernel is
 * wrong at strides above 1 in tfjs 4.22 (tests/unit/wasmGradient.test.ts), so a strided convolution's
 * filter gradient is summed here in plain loops instead (small: strided layers have few outputs).
 * Registered once, before training on wasm (docs/training.md, "Speed").
 */
import * as tf from '@tensorflow/tfjs-core';

interface Info {
  dataId: object;
  shape: number[];
  dtype: tf.DataType;
}

/** dW[r, c, i, f] = sum over b, y, x of X[b, y*sh + r - top, x*sw + c - left, i] * dY[b, y, x, f]. */
function stridedFilterGradient(
  x: Info,
  dy: Info,
  filterShape: [number, number, number, number],
  strides: [number, number],
  pad: 'valid' | 'same' | number,
  backend: unknown,
): tf.TensorInfo {
  const wasm = backend as {
    readSync(dataId: object): Float32Array;
    makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
    typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  };
  const [batch, height, width, depth] = x.shape as [number, number, number, number];
  const [kh, kw, , count] = filterShape;
  const info = tf.backend_util.computeConv2DInfo([batch, height, width, depth], filterShape, strides, 1, pad);
  const { top, left } = info.padInfo;
  const [, outH, outW] = dy.shape as [number, number, number, number];
  const xs = wasm.readSync(x.dataId);
  const dys = wasm.readSync(dy.dataId);
  const out = wasm.makeOutput([...filterShape], 'float32');
  const dw = wasm.typedArrayFromHeap(out);
  dw.fill(0);
  for (let b = 0; b < batch; b++) {
    for (let y = 0; y < outH; y++) {
      for (let xo = 0; xo < outW; xo++) {
        const dyAt = ((b * outH + y) * outW + xo) * count;
        for (let r = 0; r < kh; r++) {
          const row = y * strides[0] + r - top;
          if (row < 0 || row >= height) continue;
          for (let c = 0; c < kw; c++) {
            const col = xo * strides[1] + c - left;
            if (col < 0 || col >= width) continue;
            const xAt = ((b * height + row) * width + col) * depth;
            for (let i = 0; i < depth; i++) {
              const xv = xs[xAt + i]!;
              if (xv === 0) continue;
              const dwAt = ((r * kw + c) * depth + i) * count;
              for (let f = 0; f < count; f++) dw[dwAt + f]! += xv * dys[dyAt + f]!;
            }
          }
        }
      }
    }
  }
  return out;
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
      if (sh > 1 || sw > 1) return stridedFilterGradient(x, dy, filterShape, [sh, sw], pad, backend);
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
