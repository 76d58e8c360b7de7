/**
 * One layer in horizontal strips, so that a large image (4096 × 4096) can be computed a piece at a time
 * with the page answering in between, and so that no single op needs a texture larger than a strip.
 *
 * The convolution's output rows [r0, r1) read only the padded input rows [r0·sh, (r1 − 1)·sh + effKh):
 * each strip convolves that slice (with its bias and activation) exactly as the whole image would, and
 * the strips joined top to bottom are the whole layer's conv output. Pooling then runs once on the
 * joined feature maps (one op; pooling windows may straddle strips). `runLayerPadded` is the same layer
 * in one piece; the tests check that both give the same values.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activate } from './activation.ts';
import { convolvePadded } from './conv.ts';
import { hostValues } from './hostValues.ts';
import { multiplyAdds, type LayerGeometry } from './geometry.ts';
import type { LayerOutputs } from './layer.ts';
import { poolAvg, poolMax } from './pool.ts';
import type { LayerSpec } from './spec.ts';

/** conv + bias (`preActivation`) and after the activation (`featureMaps`) for a band of output rows. */
export interface Strip {
  rows: [number, number];
  preActivation: tf.Tensor3D;
  featureMaps: tf.Tensor3D;
}

/**
 * The conv's output rows cut into bands of about `maxWork` multiply-adds each (at least one row each):
 * [[0, r1], [r1, r2], …, [rk, H]]. One band when the whole layer is within `maxWork`.
 */
export function stripRows(
  spec: LayerSpec,
  geometry: LayerGeometry,
  maxWork: number,
): Array<[number, number]> {
  const height = geometry.conv.height;
  const work = multiplyAdds(spec, geometry);
  const count = Math.min(height, Math.max(1, Math.ceil(work / maxWork)));
  const rows = Math.ceil(height / count);
  const bands: Array<[number, number]> = [];
  for (let r0 = 0; r0 < height; r0 += rows) bands.push([r0, Math.min(height, r0 + rows)]);
  return bands;
}

/** The padded input rows [start, end) that the conv's output rows [r0, r1) read. */
export function inputRowsFor(
  spec: LayerSpec,
  geometry: LayerGeometry,
  [r0, r1]: [number, number],
): [number, number] {
  const stride = spec.stride[0];
  return [r0 * stride, (r1 - 1) * stride + geometry.kernelEff[0]];
}

/**
 * Rows [start, end) of a [H, W, C] tensor, as a new tensor. Where the values are on the CPU (wasm, cpu)
 * they are copied from there: tfjs-wasm 4.22's slice first copies its whole input out of the wasm heap
 * (`readSync`), 50 MB per strip of a padded 2048² RGB input (~125 ms an edit there, measured), and its
 * gather is slower still; the rows of a row-major tensor are one contiguous run. On webgl, a slice.
 */
function rowsOf(x: tf.Tensor3D, start: number, end: number): tf.Tensor3D {
  const [, width, channels] = x.shape;
  const values = hostValues(x);
  if (!values) return tf.slice(x, [start, 0, 0], [end - start, width, channels]);
  const row = width * channels;
  // A copy (slice) first: the view of the wasm heap may not outlive the new tensor's allocation.
  return tf.tensor3d(values.slice(start * row, end * row), [end - start, width, channels], 'float32');
}

/**
 * conv + bias + activation of the conv's output rows `rows` from the padded input (as `runLayerPadded`
 * takes it). The caller owns the strip's tensors.
 */
export function runStrip(
  paddedInput: tf.Tensor3D,
  spec: LayerSpec,
  geometry: LayerGeometry,
  rows: [number, number],
): Strip {
  const [start, end] = inputRowsFor(spec, geometry, rows);
  const band: LayerGeometry = { ...geometry, conv: { ...geometry.conv, height: rows[1] - rows[0] } };
  return tf.tidy(() => {
    const input = rowsOf(paddedInput, start, end);
    const preActivation = convolvePadded(input, spec, band);
    return { rows, preActivation, featureMaps: activate(preActivation, spec.activation) };
  });
}

/**
 * The layer's outputs from every strip, in order from row 0: the strips joined, then both poolings.
 * Disposes the strips.
 */
export function joinStrips(strips: readonly Strip[], spec: LayerSpec): LayerOutputs {
  try {
    return tf.tidy(() => {
      const join = (pick: (s: Strip) => tf.Tensor3D): tf.Tensor3D =>
        strips.length === 1 ? tf.clone(pick(strips[0] as Strip)) : tf.concat(strips.map(pick), 0);
      const preActivation = join((s) => s.preActivation);
      const featureMaps = join((s) => s.featureMaps);
      return {
        preActivation,
        featureMaps,
        maxPool: poolMax(featureMaps, spec.pool),
        avgPool: poolAvg(featureMaps, spec.pool),
      };
    });
  } finally {
    disposeStrips(strips);
  }
}

export function disposeStrips(strips: readonly Strip[]): void {
  for (const s of strips) tf.dispose([s.preActivation, s.featureMaps]);
}
