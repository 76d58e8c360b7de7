/**
 * Shader warm-up on webgl. tfjs compiles a WebGL program the first time an op runs with new shapes or
 * settings, which makes the first edit of each kind much slower than later ones. Once edits pause, `warmUp` runs, on the current frame's shapes and nothing drawn, what the
 * next likely edits would compile: the layer of one filter alone (an edit to one filter of several
 * computes that, see filterChanges.ts); every activation, with both poolings after it and a map cut
 * out for drawing, on the maps of both; both poolings with the other pool padding; and the input padded
 * in the other padding modes (a new mode pads anew; the convolution after it has the same shapes).
 * Not warmed: a new channel mode, kernel size, stride or image size (new shapes throughout: the whole
 * layer would have to run once more). Off webgl it does nothing (wasm and cpu compile nothing).
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  activate,
  ACTIVATIONS,
  disposeOutputs,
  filterSubset,
  kernelShape,
  PAD_MODES,
  padImage,
  poolAvg,
  poolMax,
  reflectFits,
  runLayerPadded,
  type LayerOutputs,
} from '../core/index.ts';
import type { FrameTensors } from './views.ts';

/** What decides the programs of a frame: shapes and settings, not the weights' values. */
function programsKey(frame: FrameTensors): string {
  const { spec, geometry } = frame;
  const { kh, kw, depth } = kernelShape(spec.filters[0]?.weights ?? [[]]);
  return JSON.stringify({ ...spec, filters: [spec.filters.length, kh, kw, depth], input: geometry.input });
}

/**
 * Compiles, once per `warmed` key, the programs the next edits of this frame would need (see above);
 * `padded` is the frame's padded input. Reads nothing back; every tensor it makes is disposed.
 */
export function warmUp(frame: FrameTensors, padded: tf.Tensor3D, warmed: Set<string>): void {
  if (tf.getBackend() !== 'webgl' || padded.isDisposed) return;
  const key = programsKey(frame);
  if (warmed.has(key)) return;
  warmed.add(key);
  const { spec, geometry } = frame;
  let alone: LayerOutputs | null = null;
  try {
    if (spec.filters.length > 1) {
      const subset = filterSubset(spec, [0], geometry.input.height, geometry.input.width);
      alone = runLayerPadded(padded, subset.spec, subset.geometry);
    }
    // An activation's output may be laid out otherwise (packed) than its input: the pools after it too.
    const maps = [frame.outputs.preActivation, ...(alone ? [alone.preActivation] : [])];
    for (const activation of ACTIVATIONS) {
      if (activation === spec.activation) continue;
      for (const m of maps) {
        tf.tidy(() => {
          const activated = activate(m, activation);
          poolMax(activated, spec.pool);
          poolAvg(activated, spec.pool);
          // A map cut out for drawing (views.ts), which on a packed layout is a program of its own.
          tf.squeeze(tf.slice(activated, [0, 0, 0], [-1, -1, 1]), [2]);
        });
      }
    }
    const pool = { ...spec.pool, padding: spec.pool.padding === 'same' ? 'valid' : 'same' } as const;
    try {
      tf.tidy(() => {
        poolMax(frame.outputs.featureMaps, pool);
        poolAvg(frame.outputs.featureMaps, pool);
      });
    } catch {
      // A window that does not fit 'valid': the page refuses that setting, so nothing to compile.
    }
    const { pads } = geometry;
    if (pads.top + pads.bottom + pads.left + pads.right > 0) {
      for (const mode of PAD_MODES) {
        if (mode === spec.padMode || (mode === 'reflect' && !reflectFits(geometry))) continue;
        tf.dispose(padImage(frame.input, pads, mode));
      }
    }
  } finally {
    disposeOutputs(alone);
  }
}
