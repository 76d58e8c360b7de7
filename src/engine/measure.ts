/**
 * Choosing a backend by measurement: how long the current layer takes on each backend, and whether the
 * WebGL on offer is software (SwiftShader, llvmpipe…), where it is slower than the CPU it runs on.
 */
import * as tf from '@tensorflow/tfjs-core';
import { runLayer, disposeOutputs, type LayerSpec } from '../core/index.ts';

/** Side of the synthetic RGB image the layer is timed on: big enough for a photo-sized verdict. */
export const MEASURE_SIDE = 256;
const TIMED_RUNS = 3;

/** The WebGL renderer string (unmasked where the browser allows), or null without WebGL. */
export function webglRenderer(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return null;
  }
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Whether a renderer string names a software rasteriser (WebGL computed on the CPU). */
export function isSoftwareRenderer(renderer: string | null): boolean {
  return renderer !== null && SOFTWARE.test(renderer);
}

/**
 * Median milliseconds of one run of the layer on the active backend, on a synthetic image, after a
 * warm-up run (which compiles shaders on webgl). Each run ends when its smallest output is read back,
 * so the time covers the whole computation. Leaves no tensor behind.
 */
export async function timeLayer(spec: LayerSpec, side = MEASURE_SIDE): Promise<number> {
  const image = tf.tidy(() => {
    const ramp = tf.linspace(0, 255, side * side * 3);
    return tf.reshape(tf.mod(tf.mul(ramp, 7.3), 256), [side, side, 3]) as tf.Tensor3D;
  });
  const once = async (): Promise<number> => {
    const start = performance.now();
    const outputs = runLayer(image, spec);
    try {
      await outputs.avgPool.data();
    } finally {
      disposeOutputs(outputs);
    }
    return performance.now() - start;
  };
  try {
    await once();
    const times: number[] = [];
    for (let i = 0; i < TIMED_RUNS; i++) times.push(await once());
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? Infinity;
  } finally {
    image.dispose();
  }
}
