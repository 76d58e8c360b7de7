/**
 * Every fixture case on the tfjs webgl backend in a real Chromium (SwiftShader here), read back with
 * `await t.data()`, within the fixture file's own tolerance; and a leak check of the whole layer on webgl.
 * The backend is asserted, never assumed: tfjs falls back to cpu silently when WebGL is refused.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import { beforeAll, describe, expect, it } from 'vitest';
import { disposeOutputs, parseSpec, runLayer } from '../../src/core/index.ts';
import { expectFixtureMatch, FIXTURE_CASES } from '../support/fixtures.ts';
import { runFixture } from '../support/runFixture.ts';

/** The GPU (or software rasteriser) behind WebGL, read on a canvas of its own. */
function webglRenderer(): string {
  const gl =
    document.createElement('canvas').getContext('webgl2') ??
    document.createElement('canvas').getContext('webgl');
  if (!gl) return 'no WebGL context';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  const version = gl.getParameter(gl.VERSION);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return `${String(renderer)} (${String(version)})`;
}

beforeAll(async () => {
  const ready = await tf.setBackend('webgl');
  const backend = tf.getBackend();
  if (!ready || backend !== 'webgl') {
    throw new Error(
      `tfjs did not start the webgl backend (setBackend returned ${ready}, backend is ${backend})`,
    );
  }
  console.info(
    `WebGL renderer: ${webglRenderer()}; tfjs WEBGL_VERSION ${tf.env().get('WEBGL_VERSION')}, ` +
      `WEBGL_PACK ${tf.env().get('WEBGL_PACK')}, WEBGL_RENDER_FLOAT32_ENABLED ${tf.env().get('WEBGL_RENDER_FLOAT32_ENABLED')}`,
  );
});

describe('the webgl backend', () => {
  it('is the backend in use, rendering to float32 textures', () => {
    expect(tf.getBackend()).toBe('webgl');
    expect(tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')).toBe(true);
  });
});

describe.each(FIXTURE_CASES)('fixture $name', (fixture) => {
  it('runLayer on webgl matches the fixture conv, max pool and avg pool', async () => {
    expect(tf.getBackend()).toBe('webgl');
    expectFixtureMatch(fixture, await runFixture(fixture), 'tfjs webgl');
  });
});

describe('runLayer on webgl', () => {
  it('leaves tf.memory().numTensors unchanged after 100 runs and disposals', async () => {
    const specs = [
      parseSpec({}),
      parseSpec({
        padding: 2,
        padMode: 'replicate',
        activation: 'relu',
        pool: { size: 3, stride: 2, padding: 'same' },
      }),
      parseSpec({
        channels: 'rgb-per-channel',
        filters: [
          {
            weights: [
              [1, 2],
              [3, 4],
            ],
          },
          {
            weights: [
              [0, 1],
              [1, 0],
            ],
            bias: 2,
          },
        ],
        stride: 2,
        dilation: 2,
        padMode: 'reflect',
      }),
    ];
    const image = tf.randomUniform([24, 20, 3], 0, 255, 'float32', 3) as tf.Tensor3D;
    try {
      // Warm-up: compile the shaders and read once, so the count below holds only what the loop makes.
      for (const spec of specs) {
        const out = runLayer(image, spec);
        await out.avgPool.data();
        disposeOutputs(out);
      }
      const before = tf.memory().numTensors;
      for (let i = 0; i < 100; i++) {
        const out = runLayer(image, specs[i % specs.length]!);
        if (i % 10 === 0) await out.maxPool.data();
        disposeOutputs(out);
      }
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      image.dispose();
    }
  });
});
