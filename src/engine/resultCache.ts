/**
 * The engine's computed results, kept between frames and disposed here alone. Per layer, keyed by its
 * index (one layer today; in a stack an edit in layer k recomputes k..n, so a change to layer k drops
 * the results after it): the spec and geometry its outputs were computed for, the padded input they
 * came from, the outputs, the filters computed again alone since (patches) and a version per filter.
 * Besides: the image's layer input and its padded forms (PreparedInput), the inspector's CPU copy of
 * that input, and the frame on screen (what views, statistics, downloads and previews read).
 */
import type * as tf from '@tensorflow/tfjs-core';
import {
  changedFilters,
  disposeOutputs,
  filterSubset,
  type Channels,
  type LayerGeometry,
  type LayerOutputs,
  type LayerSpec,
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
}

/** The layer input's values on the CPU (for the inspector): row-major [H, W, C], C = 1 (gray) or 3. */
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
  private inputValues: { image: tf.Tensor3D; gray: boolean; values: Promise<InputValues> } | null = null;
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
    }
    this.shownFrame = null;
  }

  /** Disposes everything kept (before a backend switch, after a lost context). */
  clear(): void {
    this.dropLayers();
    this.prepared.clear();
    this.inputValues = null;
  }

  /**
   * The layer input of `image` in `channels` on the CPU, read back once per image and channel mode
   * (only when the inspector asks, never on the edit path).
   */
  inputValuesOf(image: tf.Tensor3D, channels: Channels): Promise<InputValues> {
    const gray = channels === 'gray';
    const cached = this.inputValues;
    if (cached?.image === image && cached.gray === gray) return cached.values;
    // The kept input (not disposed here); data() starts reading at once, so a later clear() is safe.
    const input = this.prepared.inputOf(image, channels).tensor;
    const [height, width, depth] = input.shape;
    const values = input
      .data()
      .then((data) => ({ data: data as Float32Array, height, width, channels: depth }));
    this.inputValues = { image, gray, values };
    return values;
  }
}
