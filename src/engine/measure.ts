/**
 * What the backend choice measures: how long a small fixed layer takes on the active backend (the cost
 * model's samples), and whether the WebGL on offer is software (SwiftShader, llvmpipe…).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defaultSpec, disposeOutputs, runLayer, type LayerSpec } from '../core/index.ts';
import { LARGE_SIDE, SMALL_SIDE, type PaceSample } from './costModel.ts';
import { yieldToPage } from './yieldToPage.ts';

/** Samples per backend: the rule wants the median and each sample's verdict (backendChoice.ts). */
const TIMED_ROUNDS = 3;

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

const SOFTWARE = /swiftshader|swangle|llvmpipe|softpipe|software|basic render/i;

/** Whether a renderer string names a software rasteriser (WebGL computed on the CPU). */
export function isSoftwareRenderer(renderer: string | null): boolean {
  return renderer !== null && SOFTWARE.test(renderer);
}

/** The fixed layer timed at start-up (costModel.ts): gray, 4 filters of 3 × 3, `same`, 2 × 2 pooling. */
function fixedSpec(): LayerSpec {
  const weights = [0, 1, 2].map((r) => [0, 1, 2].map((c) => 0.5 - r * 0.25 + c * 0.2));
  return {
    ...defaultSpec(),
    filters: [0, 1, 2, 3].map((f) => ({ weights: weights.map((row) => row.map((v) => v + f)), bias: f })),
  };
}

/** A synthetic RGB image of side × side, values 0..255 (made on the CPU: no program to compile). */
function rampImage(side: number): tf.Tensor3D {
  const values = new Float32Array(side * side * 3);
  for (let i = 0; i < values.length; i++) values[i] = (i * 7.3) % 256;
  return tf.tensor3d(values, [side, side, 3], 'float32');
}

/**
 * `rounds` samples of the fixed layer on the active backend, each timed at SMALL_SIDE² then LARGE_SIDE²,
 * after one warm-up run of each (which compiles shaders on webgl). Each run ends when its smallest
 * output is read back, so the time covers the whole computation. Its cost is fixed, whatever the link
 * asks for. Leaves no tensor behind.
 */
export async function measurePace(rounds = TIMED_ROUNDS): Promise<PaceSample[]> {
  const spec = fixedSpec();
  // On webgl, one program per op for both sizes (shapes as uniforms): half the compiles, each of which
  // blocks the page on a software WebGL.
  const shapesUniforms = tf.env().getBool('WEBGL_USE_SHAPES_UNIFORMS');
  if (tf.getBackend() === 'webgl') tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
  const small = rampImage(SMALL_SIDE);
  const large = rampImage(LARGE_SIDE);
  const once = async (image: tf.Tensor3D): Promise<number> => {
    // A task of its own: on wasm and cpu `data()` resolves at once, and a chain of runs was one long task.
    await yieldToPage();
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
    await once(small);
    await once(large);
    const samples: PaceSample[] = [];
    for (let i = 0; i < rounds; i++) samples.push({ small: await once(small), large: await once(large) });
    return samples;
  } finally {
    small.dispose();
    large.dispose();
    if (tf.getBackend() === 'webgl') tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', shapesUniforms);
  }
}
