/**
 * The engine's computed results, kept between frames and disposed here alone. Per layer of the network,
 * keyed by its index (an edit in layer k recomputes k..n, so a change to layer k drops the results
 * after it): the spec and geometry its outputs were computed for, the padded input they came from, the
 * outputs, the filters computed again alone since (patches), a version per filter, and the result it
 * feeds the next layer with its patches merged in. Besides: the image's layer input and its padded
 * forms (PreparedInput), the deeper layers' padded inputs, the inspector's CPU copy of a layer's input,
 * and the frame on screen (what views, statistics, downloads and previews read).
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  changedFilters,
  disposeOutputs,
  fedOutput,
  filterSubset,
  mapsPerFilter,
  padImage,
  type LayerGeometry,
  type LayerOutputs,
  type LayerSpec,
  type NetworkLayer,
  type Pads,
} from '../core/index.ts';
import { PreparedInput } from './preparedInput.ts';
import type { FrameTensors } from './views.ts';

export interface LayerResult {
  spec: LayerSpec;
  geometry: LayerGeometry;
  /** The padded input the outputs came from (owned by `PreparedInput` for layer 0): valid while kept. */
  padded: tf.Tensor3D;
  outputs: LayerOutputs;
  /** Filters computed again alone since `outputs`: filter f's maps are read from `patches.get(f)`. */
  patches: Map<number, LayerOutputs>;
  /** A version per filter, new each time its maps are computed: canvases drawn from it are redrawn. */
  filterVersions: number[];
  /** What it feeds the next layer with its patches merged in (made on request, while it has patches). */
  merged?: tf.Tensor3D;
}

/** A deeper layer's input padded for it: kept while the tensor fed in and the padding stay. */
interface PaddedFed {
  fed: tf.Tensor3D;
  how: string;
  tensor: tf.Tensor3D;
}

/** A layer input's values on the CPU (for the inspector): row-major [H, W, C]. */
export interface InputValues {
  data: Float32Array;
  height: number;
  width: number;
  channels: number;
}

/** Computes a layer (in one piece or in strips); null when a newer edit came (nothing kept then). */
export type LayerRun = (spec: LayerSpec, geometry: LayerGeometry) => Promise<LayerOutputs | null>;

export class ResultCache {
  private readonly layers: LayerResult[] = [];
  private versions = 0;
  /** The image's layer input and its padded forms, kept between kernel edits. */
  readonly prepared = new PreparedInput();
  /** Layer k's padded input at index k (k ≥ 1); layer 0's is `prepared`'s. */
  private readonly paddedFed: Array<PaddedFed | undefined> = [];
  private inputValues: { input: tf.Tensor3D; values: Promise<InputValues> } | null = null;
  private shownFrame: FrameTensors | null = null;

  /** Layer `index`'s results, if computed. */
  layer(index: number): LayerResult | undefined {
    return this.layers[index];
  }

  /** The frame on screen, or null before the first (and after its results are dropped). */
  get shown(): FrameTensors | null {
    return this.shownFrame;
  }

  show(frame: FrameTensors): void {
    this.shownFrame = frame;
  }

  /**
   * Brings layer `index`'s outputs up to `spec` on `padded`: nothing computed when its spec and input
   * are those of its results (a new colour scale, a new canvas); one filter of several alone when only
   * its weights or bias changed (a patch); else the whole layer, replacing its results. Any change drops
   * the layers after it. Returns the outputs to read (patches apart), or null if `run` was superseded.
   */
  async update(
    index: number,
    padded: tf.Tensor3D,
    spec: LayerSpec,
    geometry: LayerGeometry,
    run: LayerRun,
  ): Promise<LayerOutputs | null> {
    const kept = this.layers[index];
    const changed = kept && kept.padded === padded ? changedFilters(kept.spec, spec) : null;
    if (kept && changed?.length === 0) {
      Object.assign(kept, { spec, geometry });
      return kept.outputs;
    }
    // One filter of several: that filter alone (with one filter, the whole layer is the same work).
    if (kept && changed?.length === 1 && spec.filters.length > 1) {
      const filter = changed[0] as number;
      const subset = filterSubset(spec, [filter], geometry.input.height, geometry.input.width);
      const outputs = await run(subset.spec, subset.geometry);
      if (!outputs) return null;
      disposeOutputs(kept.patches.get(filter) ?? null);
      kept.patches.set(filter, outputs);
      kept.merged?.dispose();
      kept.merged = undefined;
      kept.filterVersions[filter] = ++this.versions;
      Object.assign(kept, { spec, geometry });
      this.dropLayers(index + 1);
      return kept.outputs;
    }
    const outputs = await run(spec, geometry);
    if (!outputs) return null;
    this.dropLayers(index);
    const filterVersions = spec.filters.map(() => ++this.versions);
    this.layers[index] = { spec, geometry, padded, outputs, patches: new Map(), filterVersions };
    return outputs;
  }

  /** Disposes the results of layers `from`.. (the frame on screen goes with them). */
  dropLayers(from = 0): void {
    for (const result of this.layers.splice(from)) {
      for (const patch of result.patches.values()) disposeOutputs(patch);
      disposeOutputs(result.outputs);
      result.merged?.dispose();
    }
    this.shownFrame = null;
  }

  /** Keeps layers 0..`count`-1 only (the network lost layers): the rest is disposed. */
  keepLayers(count: number): void {
    if (this.layers.length > count) this.dropLayers(count);
    for (const kept of this.paddedFed.splice(count)) kept?.tensor.dispose();
  }

  /** Disposes everything kept (before a backend switch, after a lost context). */
  clear(): void {
    this.keepLayers(0);
    this.dropLayers();
    this.prepared.clear();
    this.inputValues = null;
  }

  /**
   * What layer `index` (computed already) feeds the next layer, `layer` being its spec: `fedOutput` of
   * its outputs, or, when it has patches, that result with its patched filters' maps merged in, made
   * once per patch. Merging (one copy of the fed maps) rather than recomputing the whole layer keeps a
   * one-filter edit at that filter's work plus a copy; the next layer needs every map anyway. Owned
   * here: do not dispose it.
   */
  fedOf(index: number, layer: NetworkLayer): tf.Tensor3D {
    const kept = this.layers[index];
    if (!kept) throw new Error(`ResultCache.fedOf: layer ${index + 1} is not computed`);
    if (kept.patches.size === 0) return fedOutput(kept.outputs, layer);
    kept.merged ??= mergePatches(kept, layer);
    return kept.merged;
  }

  /**
   * Layer `index` (≥ 1)'s input padded by `pads` in `mode`: kept (and the same tensor returned) while
   * `fed`, the result fed in, and the padding stay, so that `update` can tell its input did not change.
   * Owned here: do not dispose it.
   */
  paddedFedOf(index: number, fed: tf.Tensor3D, pads: Pads, mode: NetworkLayer['padMode']): tf.Tensor3D {
    const how = `${pads.top} ${pads.bottom} ${pads.left} ${pads.right} ${mode}`;
    const kept = this.paddedFed[index];
    if (kept?.fed === fed && kept.how === how) return kept.tensor;
    kept?.tensor.dispose();
    const tensor = padImage(fed, pads, mode);
    this.paddedFed[index] = { fed, how, tensor };
    return tensor;
  }

  /**
   * A layer's input (`input`, [H, W, C], owned by this cache) on the CPU, read back once per tensor (only
   * when the inspector asks, never on the edit path).
   */
  inputValuesOf(input: tf.Tensor3D): Promise<InputValues> {
    const cached = this.inputValues;
    if (cached?.input === input) return cached.values;
    // data() starts reading at once, so disposing the input later (a clear(), a new frame) is safe.
    const [height, width, depth] = input.shape;
    const values = input
      .data()
      .then((data) => ({ data: data as Float32Array, height, width, channels: depth }));
    this.inputValues = { input, values };
    return values;
  }
}

/**
 * `fedOutput` of a layer whose patched filters' maps replace theirs: runs of unpatched filters cut
 * from the outputs in one slice each, then all joined along the maps.
 */
function mergePatches(result: LayerResult, layer: NetworkLayer): tf.Tensor3D {
  const per = mapsPerFilter(result.spec);
  const whole = fedOutput(result.outputs, layer);
  return tf.tidy(() => {
    const parts: tf.Tensor3D[] = [];
    let runFrom = 0;
    const endRun = (f: number) => {
      if (f > runFrom) parts.push(tf.slice(whole, [0, 0, runFrom * per], [-1, -1, (f - runFrom) * per]));
    };
    result.spec.filters.forEach((_, f) => {
      const patch = result.patches.get(f);
      if (!patch) return;
      endRun(f);
      parts.push(fedOutput(patch, layer));
      runFrom = f + 1;
    });
    endRun(result.spec.filters.length);
    return tf.concat(parts, 2);
  });
}
