/**
 * A large frame: judged before computing, then computed in strips of output rows (src/core/strips.ts)
 * with the page answering in between and its progress shown, and its canvases drawn one at a time.
 * Strips cost time (joins, copies, yields: docs/benchmarks.md), so a frame expected under a second
 * runs in one piece.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  disposeStrips,
  joinStrips,
  multiplyAdds,
  runLayerPadded,
  runStrip,
  stripRows,
  type LayerGeometry,
  type LayerOutputs,
  type LayerSpec,
  type Strip,
} from '../core/index.ts';
import { LONG_MS } from './budget.ts';
import type { Pace } from './pace.ts';
import { maybeFailCompute } from './testHooks.ts';
import { yieldToPage } from './yieldToPage.ts';

/** A frame estimated (from the last frame's pace) above this is large. */
const LARGE_FRAME_MS = 1000;
/** Without a pace that tells (a new image), a layer over this many multiply-adds is large... */
const LARGE_FRAME_MACS = 2 ** 30;
/** ...and so is an image of this many pixels or more. */
export const LARGE_IMAGE_PIXELS = 2048 * 2048;
/** Multiply-adds per strip: a task of a few tens of milliseconds on tfjs wasm without a GPU. */
export const STRIP_MACS = 2 ** 26;

/** How many values the layer's maps hold: output rows × columns × maps. */
function mapValues(geometry: LayerGeometry): number {
  const { conv } = geometry;
  return conv.height * conv.width * conv.maps;
}

/**
 * Whether computing `spec` (of `geometry`) on an image of `pixels` is a large frame: by the last frame's
 * pace when it was measured on at least a quarter as many values, else by the image's size and the work.
 */
export function isLargeFrame(pace: Pace, pixels: number, spec: LayerSpec, geometry: LayerGeometry): boolean {
  const values = mapValues(geometry);
  if (pace.knows(values)) return pace.msFor(values) > LARGE_FRAME_MS;
  return pixels >= LARGE_IMAGE_PIXELS || multiplyAdds(spec, geometry) > LARGE_FRAME_MACS;
}

/** How a layer will be computed, judged before computing it. */
export interface LayerPlan {
  macs: number;
  /** Map values it computes. */
  values: number;
  /** Whether it is a large frame: computed in strips, its canvases drawn one a task with progress. */
  large: boolean;
  /** Its strips of output rows (none or one: in one piece). */
  bands: Array<[number, number]>;
  /** For a long frame (budget.ts: announced, cancellable), its estimated seconds; else null. */
  longSeconds: number | null;
}

export function planLayer(pace: Pace, pixels: number, spec: LayerSpec, geometry: LayerGeometry): LayerPlan {
  const macs = multiplyAdds(spec, geometry);
  const ms = macs * pace.msPerMac;
  // A long frame is computed in strips whatever its size, to be cancellable.
  const large = ms > LONG_MS || isLargeFrame(pace, pixels, spec, geometry);
  return {
    macs,
    values: mapValues(geometry),
    large,
    bands: large ? stripRows(spec, geometry, STRIP_MACS) : [],
    longSeconds: ms > LONG_MS ? Math.round(ms / 1000) : null,
  };
}

/** The layer as `plan` says: in one piece, or in its strips (null when `watch` stopped it). */
export async function computeLayer(
  padded: tf.Tensor3D,
  spec: LayerSpec,
  geometry: LayerGeometry,
  plan: LayerPlan,
  watch: StripsWatch,
): Promise<LayerOutputs | null> {
  if (plan.bands.length > 1) return computeInStrips(padded, spec, geometry, plan.bands, watch);
  return tf.tidy(() => {
    const outputs = runLayerPadded(padded, spec, geometry);
    maybeFailCompute();
    return { ...outputs };
  });
}

/** What a computation in strips reports to, and asks whether to go on. */
export interface StripsWatch {
  /** True once the frame is stale or cancelled: stop, keeping nothing. */
  stop: () => boolean;
  progress: (done: number) => void;
  /** A better estimate of the whole computation's seconds, from the strips' pace so far. */
  estimate: (seconds: number) => void;
}

/**
 * The layer in strips of output rows (`bands`), the page answering between them; null, with nothing
 * kept, when `watch.stop()` turns true meanwhile (or the input is dropped by a backend switch).
 */
async function computeInStrips(
  padded: tf.Tensor3D,
  spec: LayerSpec,
  geometry: LayerGeometry,
  bands: Array<[number, number]>,
  watch: StripsWatch,
): Promise<LayerOutputs | null> {
  const strips: Strip[] = [];
  const started = performance.now();
  try {
    for (const [i, band] of bands.entries()) {
      watch.progress(i);
      // The announced time, corrected by the pace of the strips so far (the start-up pace is a guess).
      if (i >= 2) watch.estimate(Math.round((((performance.now() - started) / i) * bands.length) / 1000));
      await yieldToPage();
      if (watch.stop() || padded.isDisposed) return null;
      strips.push(runStrip(padded, spec, geometry, band));
      maybeFailCompute();
    }
    watch.progress(bands.length);
    await yieldToPage();
    if (watch.stop() || padded.isDisposed) return null;
    return joinStrips(strips.splice(0), spec);
  } finally {
    disposeStrips(strips);
  }
}
