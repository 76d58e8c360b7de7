/** Runs one fixture case through `runLayer` on the current tfjs backend and reads the three stages back. */
import * as tf from '@tensorflow/tfjs-core';
import { disposeOutputs, parseSpec, runLayer } from '../../src/core/index.ts';
import type { FixtureCase, LayerArrays } from './fixtures.ts';

export async function runFixture(fixture: FixtureCase): Promise<LayerArrays> {
  const image = tf.tensor3d(fixture.image.data, fixture.image.shape, 'float32');
  const out = runLayer(image, parseSpec(fixture.spec));
  try {
    return {
      conv: { shape: out.featureMaps.shape, data: await out.featureMaps.data() },
      maxpool: { shape: out.maxPool.shape, data: await out.maxPool.data() },
      avgpool: { shape: out.avgPool.shape, data: await out.avgPool.data() },
    };
  } finally {
    disposeOutputs(out);
    image.dispose();
  }
}
