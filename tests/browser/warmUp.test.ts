/**
 * The webgl shader warm-up (src/engine/warmUp.ts) in Chromium: after it, switching the activation or
 * computing one filter alone compiles no new WebGL program (tfjs's program cache does not grow), it leaks
 * no tensor, and it runs once per shape and setting.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import {
  activate,
  disposeOutputs,
  filterSubset,
  layerGeometry,
  layerInput,
  padImage,
  parseSpec,
  poolAvg,
  poolMax,
  runLayerPadded,
} from '../../src/core/index.ts';
import { warmUp } from '../../src/engine/warmUp.ts';
import type { FrameTensors } from '../../src/engine/views.ts';

beforeAll(async () => {
  expect(await tf.setBackend('webgl')).toBe(true);
  tf.env().set('WEBGL_CONV_IM2COL', false);
});

/** WebGL programs compiled so far by the webgl backend. */
function programs(): number {
  // binaryCache is private in the typings: tfjs's program cache, keyed by program.
  return Object.keys((tf.backend() as unknown as { binaryCache: object }).binaryCache).length;
}

describe('the webgl warm-up', () => {
  it('compiles what a new activation and a one-filter edit need, once, leaking nothing', async () => {
    const spec = parseSpec({
      filters: [
        {
          weights: [
            [1, 0, -1],
            [2, 0, -2],
            [1, 0, -1],
          ],
        },
        {
          weights: [
            [0, 1, 0],
            [1, -4, 1],
            [0, 1, 0],
          ],
        },
      ],
    });
    const image = tf.randomUniform([37, 23, 3], 0, 255) as tf.Tensor3D;
    const geometry = layerGeometry(spec, 37, 23);
    const padded = tf.tidy(() => padImage(layerInput(image, spec.channels), geometry.pads, spec.padMode));
    const outputs = runLayerPadded(padded, spec, geometry);
    await outputs.avgPool.data();
    const frame: FrameTensors = { input: padded, spec, geometry, outputs };
    const tensors = tf.memory().numTensors;
    const warmed = new Set<string>();
    const before = programs();

    warmUp(frame, padded, warmed);
    const after = programs();
    expect(after, 'the warm-up compiled programs').toBeGreaterThan(before);
    expect(tf.memory().numTensors, 'no tensor left behind').toBe(tensors);
    warmUp(frame, padded, warmed);
    expect(programs(), 'a second call for the same frame does nothing').toBe(after);

    // What the next edits run now compiles nothing new.
    const sub = filterSubset({ ...spec, activation: 'relu' }, [1], 37, 23);
    const alone = runLayerPadded(padded, sub.spec, sub.geometry);
    for (const a of ['relu', 'abs', 'clip'] as const) tf.dispose(activate(outputs.preActivation, a));
    // (Programs are compiled when an op is called; reading a result back would compile its own.)
    expect(programs(), 'no program compiled by a new activation or a one-filter edit').toBe(after);

    disposeOutputs(alone);
    disposeOutputs(outputs);
    tf.dispose([padded, image]);
  });

  it('compiles the other pool padding and the other padding modes', async () => {
    const spec = parseSpec({ padding: 'same', pool: { size: [3, 3], stride: [2, 2], padding: 'valid' } });
    const image = tf.randomUniform([29, 31, 3], 0, 255) as tf.Tensor3D;
    const geometry = layerGeometry(spec, 29, 31);
    const input = layerInput(image, spec.channels);
    const padded = padImage(input, geometry.pads, spec.padMode);
    const outputs = runLayerPadded(padded, spec, geometry);
    await outputs.avgPool.data();
    const frame: FrameTensors = { input, spec, geometry, outputs };
    const tensors = tf.memory().numTensors;

    warmUp(frame, padded, new Set());
    expect(tf.memory().numTensors, 'no tensor left behind').toBe(tensors);
    const after = programs();
    const pool = { ...spec.pool, padding: 'same' as const };
    tf.dispose([poolMax(outputs.featureMaps, pool), poolAvg(outputs.featureMaps, pool)]);
    expect(programs(), 'no program compiled by the other pool padding').toBe(after);
    for (const mode of ['reflect', 'replicate'] as const) tf.dispose(padImage(input, geometry.pads, mode));
    expect(programs(), 'no program compiled by another padding mode').toBe(after);

    disposeOutputs(outputs);
    tf.dispose([padded, input, image]);
  });
});
