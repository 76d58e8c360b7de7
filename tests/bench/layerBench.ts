/**
 * The raw tfjs columns (`?mode=layer&backend=cpu|wasm|webgl`): the same layer as the page (src/core's
 * `runLayer`: luma or RGB input, conv + bias, activation, max and average pooling), or for a network
 * case the same network (`runNetwork`, every layer's outputs), on one tfjs backend,
 * with no React, no store, no engine and no drawing. The image tensor is made once per case, as the
 * engine does; each edit changes filter 0's cell (1, 1) and recomputes the layer from the new spec (so the
 * weights tensor is rebuilt, as on the page), then reads back one number that depends on every output
 * (a 3-element sum of the outputs' first cells), which waits for all the queued work (GPU or not).
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  defaultSpec,
  disposeNetworkOutputs,
  disposeOutputs,
  networkGeometry,
  runLayer,
  runNetwork,
  type LayerOutputs,
  type LayerSpec,
} from '../../src/core/index.ts';
import { networkSpecFor } from './networkCase.ts';
import { startBackend } from '../../src/engine/index.ts';
import { makeImage, measure, webglRendererString } from './pageShared.ts';
import {
  editValue,
  kernelFor,
  type BenchCase,
  type CellResult,
  type MeasureOptions,
  type PageInfo,
} from './types.ts';

export type LayerBackend = 'cpu' | 'wasm' | 'webgl';

export function specFor(c: BenchCase, cell: number): LayerSpec {
  const filters = Array.from({ length: c.filters }, (_, f) => {
    const k = kernelFor(f, c.kernel);
    if (f === 0) (k[1] as number[])[1] = cell;
    const weights = c.channels === 'gray' ? k : k.map((row) => row.map((v) => [v, v, v]));
    return { weights, bias: 0 } as LayerSpec['filters'][number];
  });
  return { ...defaultSpec(), channels: c.channels, filters };
}

export async function bootLayer(backend: LayerBackend) {
  const status = await startBackend(backend);
  if (tf.getBackend() !== backend) throw new Error(`asked for tfjs ${backend}, got ${tf.getBackend()}`);

  async function run(c: BenchCase, o: MeasureOptions): Promise<CellResult> {
    const image = tf.tidy(
      () => tf.cast(tf.browser.fromPixels(makeImage(c.size).imageData, 3), 'float32') as tf.Tensor3D,
    );
    let n = 0;
    // A network case: an edit in layer 1 recomputes every layer (each depends on it), all kept, as
    // the page keeps them to draw; the geometry is computed per edit, as the page's store does.
    const compute = (): LayerOutputs[] => {
      if (c.layers) {
        const net = networkSpecFor(c, 0, editValue(n++));
        return runNetwork(image, net, networkGeometry(net, c.size, c.size));
      }
      return [runLayer(image, specFor(c, editValue(n++)))];
    };
    const edit = async () => {
      const t0 = performance.now();
      const outputs = compute();
      const probe = tf.tidy(() =>
        tf.addN(
          outputs
            .flatMap((o) => [o.featureMaps, o.maxPool, o.avgPool])
            .map((t) => tf.reshape(tf.slice(t, [0, 0, 0], [1, 1, 1]), [1])),
        ),
      );
      probe.dataSync();
      const t1 = performance.now();
      probe.dispose();
      if (c.layers) disposeNetworkOutputs(outputs);
      else disposeOutputs(outputs[0]);
      return t1 - t0;
    };
    const before = tf.memory().numTensors;
    const result = await measure(edit, o);
    const after = tf.memory().numTensors;
    image.dispose();
    return { ...result, tensors: [before, after] };
  }

  function info(): PageInfo {
    return {
      backend: tf.getBackend(),
      reason: status.reason,
      detail: status.detail,
      renderer: webglRendererString(),
      userAgent: navigator.userAgent,
    };
  }

  return { run, info };
}
