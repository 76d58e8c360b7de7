/**
 * The engine: owns the image tensor and the layer's output tensors, recomputes when the store's spec,
 * display or image changes (at most once per animation frame, stale requests dropped; an edit to one
 * filter recomputes that filter's maps alone), and draws every attached canvas whose picture changed.
 * It lives outside React; components only attach canvases by key (see views.ts).
 * Once edits pause it reads back a few statistics per map (min, max, histogram) for the legends.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  adjustPreviewFactor,
  changedFilters,
  convWork,
  defaultSpec,
  disposeOutputs,
  disposeStrips,
  filterSubset,
  hostValues,
  joinStrips,
  layerGeometry,
  mapsPerFilter,
  previewFactor,
  previewLayer,
  runLayerPadded,
  runStrip,
  stripRows,
  type LayerGeometry,
  type LayerOutputs,
  type LayerSpec,
  type Strip,
} from '../core/index.ts';
import {
  drawImageTensor,
  drawMap,
  drawMapValues,
  drawsOnGpu,
  noteReadback,
  type MapDisplay,
} from '../render/index.ts';
import type { State } from '../store/index.ts';
import type { StoreApi } from 'zustand/vanilla';
import { estimate, LONG_MS } from './budget.ts';
import { readInBands, snapshot } from './imageBands.ts';
import { LongWork } from './longWork.ts';
import { tensorOfPixels } from './pixels.ts';
import { PreparedInput } from './preparedInput.ts';
import { engineStatus, type Progress } from './engineStatus.ts';
import { stageStats } from './stats.ts';
import {
  displayFor,
  filtersOfView,
  mapSource,
  parseKey,
  viewTensor,
  type FrameTensors,
  type View,
} from './views.ts';
import { Scheduler } from './scheduler.ts';
import { maybeFailCompute } from './testHooks.ts';
import { warmUp } from './warmUp.ts';
import { yieldToPage } from './yieldToPage.ts';

/** How long edits must pause before the legends' statistics are read back. */
const STATS_DELAY_MS = 150;

/**
 * When a frame is computed in strips (src/core/strips.ts): when what it computes is estimated, from the
 * pace of the last computed frame of a similar size, above `STRIP_ABOVE_MS`; without such a pace (a new
 * image), on an image of `LARGE_PIXELS` or more or a layer over `STRIP_ABOVE` multiply-adds. It then runs
 * in strips of about `STRIP_WORK` multiply-adds (~50 ms on tfjs wasm here, 2 cores and no GPU) with the
 * page answering in between, and its canvases are drawn one at a time, with the progress shown. Strips
 * cost time (joins, copies, yields: 2048² RGB 4 filters 3 × 3 took 635 ms an edit in strips, 474 in one
 * piece, tfjs wasm alone 441–474), so a frame that takes under a second runs in one piece.
 */
export const STRIP_ABOVE_MS = 1000;
export const STRIP_ABOVE = 2 ** 30;
export const STRIP_WORK = 2 ** 26;
export const LARGE_PIXELS = 2048 * 2048;

/**
 * While a value is dragged, an edit whose computation is estimated (from the last full one) above
 * `PREVIEW_ABOVE_MS` is previewed at a lower resolution (src/core/preview.ts), its factor chosen to bring
 * it to about `PREVIEW_TARGET_MS`; the full result follows when the drag ends.
 */
export const PREVIEW_ABOVE_MS = 40;
export const PREVIEW_TARGET_MS = 20;

/** User Timing name of a still image's reading into the engine (imageBands.ts). */
export const IMAGE_READ_MARK = 'kernelscope:image-read';

/** How many values the layer's maps hold: output rows × columns × maps. */
function mapValues(geometry: LayerGeometry): number {
  const { conv } = geometry;
  return conv.height * conv.width * conv.maps;
}

/** The layer's input values on the CPU (for the inspector): row-major [H, W, C], C = 1 (gray) or 3. */
export interface InputValues {
  data: Float32Array;
  height: number;
  width: number;
  channels: number;
}

export class Engine {
  private image: tf.Tensor3D | null = null;
  private readonly canvases = new Map<string, HTMLCanvasElement>();
  /** When frames run (one at a time, at most one begun per animation frame): see scheduler.ts. */
  private readonly scheduler = new Scheduler(
    () => this.render(),
    () => this.image !== null && !this.loadingImage,
  );
  /**
   * The pace of the last computed full frame (compute and draw): milliseconds per map value computed, and
   * how many values it computed. It estimates the next frame's time (strips or not; the first preview).
   */
  private pace = { msPerValue: 0, values: 0 };
  /** The last preview of the current drag (its factor and how long it took), to adjust the next one's. */
  private lastPreview: { factor: number; ms: number } | null = null;
  private statsTimer: ReturnType<typeof setTimeout> | null = null;
  /** The spec and layer input the current outputs were computed from. */
  private frame: FrameTensors | null = null;
  /** The padded input the current frame was computed from (its maps stay valid while it is kept). */
  private framePadded: tf.Tensor3D | null = null;
  /** Outputs of single filters computed again since the frame's outputs (see FrameTensors.patches). */
  private readonly patches = new Map<number, LayerOutputs>();
  /**
   * A version per filter, new each time that filter's maps are computed: part of the signature of every
   * canvas drawn from them, so an edit to one filter redraws only that filter's canvases.
   */
  private filterVersions: number[] = [];
  private versionCounter = 0;
  /** Frames whose next programs are compiled already (see warmUp.ts). */
  private readonly warmed = new Set<string>();
  /** The layer input and its padded forms, kept between kernel edits. */
  private readonly prepared = new PreparedInput();
  /** What each canvas shows now (see `signatureOf`): a canvas whose picture would not change is skipped. */
  private readonly drawn = new WeakMap<HTMLCanvasElement, string>();
  private unsubscribe: (() => void) | null = null;
  /** Cached CPU copy of the layer input, keyed by the image tensor and the channel mode. */
  private inputValues: { image: tf.Tensor3D; gray: boolean; values: Promise<InputValues> } | null = null;
  /** The last still image's pixels on the CPU, to rebuild the input if the WebGL context is lost. */
  private backup: ImageData | null = null;
  /** Bumped by each new image: a still image being read in bands is dropped when a newer one comes. */
  private imageToken = 0;
  private loadingImage = false;
  /** A frame estimated to take long (its time, and the person's Cancel). */
  readonly longWork = new LongWork();
  /** Milliseconds per multiply-add: from the start-up model, then from each full frame computed. */
  private msPerMac = 0;
  /** The spec of the last frame that computed and drew (where a refusal, a Cancel or a failure returns). */
  private good: LayerSpec | null = null;

  /**
   * `onFailure` is told when a frame throws (heal.ts rebuilds the backend); `onRefuse` when a layer
   * cannot fit the machine (budget.ts): the spec then goes back to the last good one.
   */
  constructor(
    private readonly store: StoreApi<State>,
    private readonly onFailure: (error: unknown) => void,
    private readonly onRefuse: (spec: LayerSpec, height: number, width: number, bytes: number) => void,
  ) {}

  /** The spec of the last frame that computed and drew, or null before the first. */
  get lastGoodSpec(): LayerSpec | null {
    return this.good;
  }

  /** Milliseconds per multiply-add of the backend in use (costModel.ts), until a large frame measures it. */
  setPace(msPerMac: number): void {
    this.msPerMac = msPerMac;
  }

  /** The person's Cancel of a long frame: it stops at its next strip and the last good result stays. */
  cancel(): void {
    this.longWork.cancel();
  }

  /** Starts watching the store; call once the tfjs backend is ready. */
  start(): void {
    this.unsubscribe?.();
    let last = this.store.getState();
    this.unsubscribe = this.store.subscribe((state) => {
      if (
        state.spec !== last.spec ||
        state.mapDisplay !== last.mapDisplay ||
        state.image !== last.image ||
        state.dragging !== last.dragging
      ) {
        this.schedule();
      }
      last = state;
    });
    this.schedule();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.dropFrame();
    this.prepared.clear();
    this.image?.dispose();
    this.image = null;
  }

  /**
   * Takes the pixels of a decoded image (the caller closes the bitmap afterwards) or the current frame of a
   * playing video (readyState >= 2) as the new input.
   */
  setImage(pixels: ImageBitmap | ImageData | HTMLCanvasElement | HTMLVideoElement): void {
    const token = ++this.imageToken;
    // Video frames come again; a still image is kept on the CPU in case the GPU context is lost, and
    // its tensor is made from that copy (one pixel read for both), in bands (imageBands.ts).
    const still = pixels instanceof HTMLVideoElement ? null : snapshot(pixels);
    if (!still) {
      this.loadingImage = false;
      this.replaceImage(tf.tidy(() => tf.cast(tf.browser.fromPixels(pixels, 3), 'float32') as tf.Tensor3D));
      return;
    }
    this.loadingImage = true;
    const readStart = performance.now();
    const stale = () => token !== this.imageToken;
    void readInBands(still, stale, (done, total) => {
      if (total > 1) this.setProgress({ done, total });
    })
      .then((read) => {
        if (!read || stale()) {
          read?.tensor.dispose();
          read?.gray.dispose();
          return;
        }
        this.backup = read.pixels;
        this.loadingImage = false;
        this.replaceImage(read.tensor);
        this.prepared.seed(read.tensor, read.gray);
        // User Timing, for tests and profiles: how long the image took to become the input.
        performance.measure(IMAGE_READ_MARK, { start: readStart });
      })
      .catch((error: unknown) => {
        if (stale()) return;
        this.loadingImage = false;
        this.onFailure(error);
      })
      .finally(() => {
        if (!stale() && !this.scheduler.isRunning()) this.setProgress(null);
      });
  }

  private replaceImage(next: tf.Tensor3D): void {
    this.image?.dispose();
    this.image = next;
    this.schedule();
  }

  /** Whether a still image is still being read (its frame follows once it is in). */
  get loading(): boolean {
    return this.loadingImage;
  }

  /**
   * The layer input's values, read back once per image and channel mode (only when the inspector asks,
   * never on the edit path). Null when there is no image yet.
   */
  readInput(): Promise<InputValues> | null {
    const image = this.image;
    if (!image) return null;
    const channels = this.store.getState().spec.channels;
    const gray = channels === 'gray';
    if (this.inputValues?.image === image && this.inputValues.gray === gray) return this.inputValues.values;
    // The kept input (not disposed here); data() starts reading at once, so a later clear() is safe.
    const input = this.prepared.inputOf(image, channels).tensor;
    const [height, width, depth] = input.shape;
    const values = input
      .data()
      .then((data) => ({ data: data as Float32Array, height, width, channels: depth }));
    this.inputValues = { image, gray, values };
    return values;
  }

  /**
   * Runs `switchTo` (which changes the tfjs backend) with the image carried across as plain values:
   * tfjs can move a tensor between backends lazily, but a webgl or cpu tensor moved into a freshly
   * started wasm backend read back as zeros (measured in Chromium, tfjs 4.22), so it is rebuilt instead.
   */
  async moveTo(switchTo: () => Promise<void>): Promise<void> {
    const image = this.image;
    const values = image ? ((await image.data()) as Float32Array) : null;
    const shape = image?.shape;
    this.dropAll();
    try {
      await switchTo();
    } finally {
      // A video frame set during the switch (the webcam keeps running) is newer than `values`: keep it.
      if (values && shape && !this.image) this.image = tf.tensor3d(values, shape, 'float32');
      this.schedule();
    }
  }

  /**
   * After the WebGL context was lost: drops every tensor (their textures are gone), runs `switchTo`
   * (which starts another backend) and rebuilds the input from the CPU copy of the last still image.
   */
  async recover(switchTo: () => Promise<void>): Promise<void> {
    this.dropAll();
    try {
      await switchTo();
    } finally {
      const backup = this.backup;
      if (backup && !this.image) {
        this.image = tensorOfPixels(backup);
      }
      this.schedule();
    }
  }

  attachCanvas(key: string, canvas: HTMLCanvasElement): void {
    this.canvases.set(key, canvas);
    this.schedule();
  }

  detachCanvas(key: string, canvas: HTMLCanvasElement): void {
    if (this.canvases.get(key) === canvas) this.canvases.delete(key);
  }

  /** Asks for a frame (scheduler.ts: at most one at a time and one begun per animation frame). */
  schedule(): void {
    this.scheduler.request();
  }

  private setProgress(progress: Progress | null): void {
    if (engineStatus.getState().progress !== progress) engineStatus.setState({ progress });
  }

  private setPreview(previewFactor: number | null): void {
    if (engineStatus.getState().previewFactor !== previewFactor) engineStatus.setState({ previewFactor });
  }

  /** Counts a frame drawn (a full result or a preview). */
  private frameDrawn(): void {
    engineStatus.setState((now) => ({ frames: now.frames + 1 }));
  }

  /**
   * The values a canvas key shows now, read back on request (for a download, never on the edit path):
   * row-major with its shape, [H, W] for a map or [H, W, C] for an image; null if the key shows nothing.
   */
  async readView(key: string): Promise<{ data: Float32Array; shape: number[] } | null> {
    const view = parseKey(key);
    if (!view || !this.frame) return null;
    const picked = viewTensor(view, this.frame);
    if (!picked) return null;
    try {
      const data = (await picked.tensor.data()) as Float32Array;
      return { data, shape: picked.tensor.shape };
    } finally {
      picked.tensor.dispose();
    }
  }

  /** Drops every tensor the engine holds (before a backend switch): outputs, kept input, image. */
  private dropAll(): void {
    this.dropFrame();
    this.prepared.clear();
    this.image?.dispose();
    this.image = null;
    this.inputValues = null;
  }

  /** Disposes the current frame's outputs and patches (its input and padded input belong to `prepared`). */
  private dropFrame(): void {
    for (const patch of this.patches.values()) disposeOutputs(patch);
    this.patches.clear();
    if (!this.frame) return;
    disposeOutputs(this.frame.outputs);
    this.frame = null;
    this.framePadded = null;
  }

  /**
   * What a canvas of this view would show in this frame, as a string: equal strings, equal pictures.
   * The input and the padded inputs change only with the image, the channel mode and the pads (not on a
   * kernel edit); a map, the magnitude and an RGB image change with their filters' maps (and maps with
   * the colour scale).
   */
  private signatureOf(
    key: string,
    view: View,
    frame: FrameTensors,
    inputVersion: number,
    display: MapDisplay,
  ): string {
    const { pads } = frame.geometry;
    switch (view.kind) {
      case 'input':
        return `input ${inputVersion}`;
      case 'padded':
        return `padded ${inputVersion} ${pads.top} ${pads.bottom} ${pads.left} ${pads.right}`;
      default: {
        const versions = filtersOfView(view, frame.spec).map((f) => this.filterVersions[f] ?? -1);
        return `${key} ${versions.join(' ')} ${displayFor(view, display)}`;
      }
    }
  }

  /**
   * Brings the frame's outputs up to `spec`: nothing computed when the layer and its input are those of
   * the current frame (a new colour scale, a new canvas); one filter of several alone when only its weights or bias
   * changed (a patch); else the whole layer, replacing the outputs. `run` computes a layer (in one piece
   * or in strips; null: a newer edit came, nothing kept). Returns the outputs, or null if stale.
   */
  private async update(
    padded: tf.Tensor3D,
    spec: LayerSpec,
    geometry: LayerGeometry,
    run: (spec: LayerSpec, geometry: LayerGeometry) => Promise<LayerOutputs | null>,
  ): Promise<LayerOutputs | null> {
    const previous = this.frame;
    const changed = previous && this.framePadded === padded ? changedFilters(previous.spec, spec) : null;
    if (previous && changed?.length === 0) return previous.outputs;
    // One filter of several: that filter alone (with one filter, the whole layer is the same work).
    if (previous && changed?.length === 1 && spec.filters.length > 1) {
      const filter = changed[0] as number;
      const subset = filterSubset(spec, [filter], geometry.input.height, geometry.input.width);
      const outputs = await run(subset.spec, subset.geometry);
      if (!outputs) return null;
      const old = this.patches.get(filter);
      if (old) disposeOutputs(old);
      this.patches.set(filter, outputs);
      this.filterVersions[filter] = ++this.versionCounter;
      return previous.outputs;
    }
    const outputs = await run(spec, geometry);
    if (!outputs) return null;
    this.dropFrame();
    this.framePadded = padded;
    this.filterVersions = spec.filters.map(() => ++this.versionCounter);
    return outputs;
  }

  /**
   * Whether computing `spec` (of `geometry`) on an image of `pixels` is a large frame, to compute in
   * strips and draw with progress (see STRIP_ABOVE_MS): by the last frame's pace when it was measured on
   * at least a quarter as many values, else by the image's size and the layer's work.
   */
  private isLarge(pixels: number, spec: LayerSpec, geometry: LayerGeometry): boolean {
    const values = mapValues(geometry);
    const { msPerValue, values: measured } = this.pace;
    if (measured > 0 && measured >= values / 4) return msPerValue * values > STRIP_ABOVE_MS;
    return pixels >= LARGE_PIXELS || convWork(spec, geometry) > STRIP_ABOVE;
  }

  private async render(): Promise<void> {
    const image = this.image;
    if (!image) return;
    try {
      const { spec, mapDisplay, dragging } = this.store.getState();
      const [height, width] = image.shape;
      const geometry = layerGeometry(spec, height, width);
      if (!this.fits(spec, height, width)) return;
      const fresh = !this.prepared.holds(image, spec.channels);
      const input = this.prepared.inputOf(image, spec.channels);
      if (fresh && height * width >= LARGE_PIXELS) {
        // A large image's input and its padding are each one long op: a task each, the page answering between.
        await yieldToPage();
        if (image !== this.image) {
          this.schedule();
          return;
        }
      }
      const padded = this.prepared.paddedOf(image, spec.channels, geometry.pads, spec.padMode);
      if (dragging && (await this.renderPreview(spec, geometry, padded.tensor, input.tensor, mapDisplay))) {
        return;
      }
      const started = performance.now();
      const pixels = height * width;
      // Without a computation (a new colour scale), the canvases of the whole layer are drawn.
      let large = this.isLarge(pixels, spec, geometry);
      // Progress steps of a large frame: its strips, their join, then its canvases one by one.
      let strips = 0;
      let computed = 0;
      let macs = 0;
      const outputs = await this.update(padded.tensor, spec, geometry, async (layer, geo) => {
        macs = convWork(layer, geo);
        // A long frame (budget.ts) is announced with its time and computed in strips, to be cancellable.
        const ms = macs * this.msPerMac;
        if (ms > LONG_MS) this.longWork.begin(Math.round(ms / 1000));
        large = ms > LONG_MS || this.isLarge(pixels, layer, geo);
        const bands = large ? stripRows(layer, geo, STRIP_WORK) : [];
        strips = bands.length;
        computed = mapValues(geo);
        return bands.length > 1
          ? await this.computeInStrips(padded.tensor, layer, geo, bands, strips + 1 + this.canvases.size)
          : tf.tidy(() => {
              const out = runLayerPadded(padded.tensor, layer, geo);
              maybeFailCompute();
              return { ...out };
            });
      });
      const total = strips + 1 + this.canvases.size;
      if (!outputs) {
        // Cancelled: back to the spec of the frame on screen. Else a newer edit came: that one is next.
        if (this.longWork.cancelled) this.returnToGood();
        return;
      }
      const prepared = this.prepared;
      const frame: FrameTensors = {
        input: input.tensor,
        padded: (mode) => prepared.paddedOf(image, spec.channels, geometry.pads, mode).tensor,
        spec,
        geometry,
        outputs,
        patches: this.patches,
      };
      this.frame = frame;

      const stagesRead = new Set<tf.Tensor>();
      let step = strips + 1;
      for (const [key, canvas] of this.canvases) {
        const view = parseKey(key);
        if (!view) continue;
        const signature = this.signatureOf(key, view, frame, input.version, mapDisplay);
        if (this.drawn.get(canvas) === signature) continue;
        if (large) {
          // A large frame: one canvas at a time, the page answering in between (a newer edit stops it).
          this.setProgress({ done: step++, total });
          await yieldToPage();
          if (this.scheduler.superseded || frame !== this.frame) return;
        }
        if (await this.drawView(view, frame, mapDisplay, canvas, stagesRead))
          this.drawn.set(canvas, signature);
      }
      if (computed > 0) {
        const elapsed = performance.now() - started;
        this.pace = { msPerValue: elapsed / computed, values: computed };
        // Small frames are mostly fixed costs: their pace would overstate a large layer's time.
        if (macs >= STRIP_WORK) this.msPerMac = elapsed / macs;
      }
      this.good = spec;
      this.lastPreview = null;
      this.setPreview(null);
      this.frameDrawn();
      this.scheduleStats();
    } catch (error) {
      this.onFailure(error);
    } finally {
      this.longWork.end();
      this.setProgress(null);
    }
  }

  /**
   * Draws a view of `frame` onto `canvas` (sized to the view); false when the view shows nothing. Off
   * the GPU, each stage's values are read where they are (hostValues: no copy on wasm) and all its maps
   * coloured from them; one readback counted per stage (`stagesRead` holds the stages read so far).
   */
  private async drawView(
    view: View,
    frame: FrameTensors,
    display: MapDisplay,
    canvas: HTMLCanvasElement,
    stagesRead: Set<tf.Tensor>,
  ): Promise<boolean> {
    if (view.kind === 'map' && !drawsOnGpu()) {
      const source = mapSource(view, frame);
      if (!source) return false;
      if (!stagesRead.has(source.tensor)) {
        noteReadback('pixels');
        stagesRead.add(source.tensor);
      }
      // Asked again for every map: a view of the wasm heap lasts only until the next tfjs op.
      const values = hostValues(source.tensor) ?? ((await source.tensor.data()) as Float32Array);
      const [height, width, count] = source.tensor.shape;
      const channel = { index: source.map, count };
      drawMapValues(values, [height, width], channel, displayFor(view, display), canvas);
      return true;
    }
    const picked = viewTensor(view, frame);
    if (!picked) return false;
    try {
      if (picked.as === 'image') await drawImageTensor(picked.tensor as tf.Tensor3D, canvas);
      else await drawMap(picked.tensor as tf.Tensor2D, displayFor(view, display), canvas);
      return true;
    } finally {
      picked.tensor.dispose();
    }
  }

  /**
   * While a value is dragged: when the edit changed one filter of the current frame and computing it is
   * estimated above PREVIEW_ABOVE_MS, computes that filter at a lower resolution (src/core/preview.ts)
   * and draws its canvases from it at that resolution (each canvas is shown at its usual size, so the
   * browser scales it up), leaving the frame as it is: the full result is computed when the drag ends.
   * Returns false when there is nothing to preview.
   */
  private async renderPreview(
    spec: LayerSpec,
    geometry: LayerGeometry,
    padded: tf.Tensor3D,
    input: tf.Tensor3D,
    display: MapDisplay,
  ): Promise<boolean> {
    const started = performance.now();
    const current = this.frame;
    if (!current || this.framePadded !== padded) return false;
    const changed = changedFilters(current.spec, spec);
    if (changed?.length !== 1) return false;
    const filter = changed[0] as number;
    const { conv } = geometry;
    // The first preview of a drag from the last full frame's pace; later ones from the last preview's.
    const last = this.lastPreview;
    const estimate = this.pace.msPerValue * conv.height * conv.width * mapsPerFilter(spec);
    if (!last && estimate <= PREVIEW_ABOVE_MS) return false;
    const factor = last
      ? adjustPreviewFactor(last.factor, last.ms, PREVIEW_TARGET_MS)
      : previewFactor(estimate, PREVIEW_TARGET_MS);
    const subset = filterSubset(spec, [filter], geometry.input.height, geometry.input.width);
    const layer = previewLayer(subset.spec, subset.geometry, factor);
    if (!layer) return false;
    const outputs = runLayerPadded(padded, layer.spec, layer.geometry);
    try {
      // The preview's maps stand in for the filter's own: views of other filters are not drawn.
      const frame: FrameTensors = { ...current, input, spec, patches: new Map([[filter, outputs]]) };
      const stagesRead = new Set<tf.Tensor>();
      for (const [key, canvas] of this.canvases) {
        const view = parseKey(key);
        if (!view || view.kind === 'input' || view.kind === 'padded') continue;
        if (!filtersOfView(view, spec).every((f) => f === filter)) continue;
        // Drawn at the preview's size: the page's CSS keeps the canvas box, so the browser stretches it.
        if (!(await this.drawView(view, frame, display, canvas, stagesRead))) continue;
        this.drawn.set(canvas, 'preview');
      }
    } finally {
      disposeOutputs(outputs);
    }
    this.lastPreview = { factor: layer.factor, ms: performance.now() - started };
    this.setPreview(layer.factor);
    this.frameDrawn();
    return true;
  }

  /**
   * The layer in strips of output rows (`bands`), the page answering between them; null, with nothing
   * kept, when a newer edit or image arrives meanwhile (or the input is dropped by a backend switch).
   */
  private async computeInStrips(
    padded: tf.Tensor3D,
    spec: LayerSpec,
    geometry: LayerGeometry,
    bands: Array<[number, number]>,
    total: number,
  ): Promise<LayerOutputs | null> {
    const strips: Strip[] = [];
    const started = performance.now();
    try {
      for (const [i, band] of bands.entries()) {
        this.setProgress({ done: i, total });
        // The announced time, corrected by the pace of the strips so far (the start-up pace is a guess).
        if (i >= 2)
          this.longWork.update(Math.round((((performance.now() - started) / i) * bands.length) / 1000));
        await yieldToPage();
        if (this.scheduler.superseded || padded.isDisposed || this.longWork.cancelled) return null;
        strips.push(runStrip(padded, spec, geometry, band));
        maybeFailCompute();
      }
      this.setProgress({ done: bands.length, total });
      await yieldToPage();
      if (this.scheduler.superseded || padded.isDisposed || this.longWork.cancelled) return null;
      return joinStrips(strips.splice(0), spec);
    } finally {
      disposeStrips(strips);
    }
  }

  /**
   * Whether `spec` on an image of height × width fits the machine (budget.ts). If not, it is refused at
   * once (`onRefuse` says what would fit) and the spec goes back to the last good one.
   */
  private fits(spec: LayerSpec, height: number, width: number): boolean {
    const verdict = estimate(spec, height, width, this.msPerMac);
    if (verdict.fits) return true;
    this.onRefuse(spec, height, width, verdict.bytes);
    this.returnToGood();
    return false;
  }

  /** Puts the last good spec back in the store (the defaults if there is none, or it does not fit). */
  private returnToGood(): void {
    const image = this.image;
    const good = this.good;
    const usable =
      good &&
      image &&
      (() => {
        try {
          return estimate(good, image.shape[0], image.shape[1], 0).fits;
        } catch {
          return false;
        }
      })();
    const spec = usable && good ? good : defaultSpec();
    if (this.store.getState().spec !== spec) this.store.setState({ spec });
  }

  /** Reads the statistics of every attached map canvas once edits pause; a newer frame cancels it. */
  private scheduleStats(): void {
    if (this.statsTimer !== null) clearTimeout(this.statsTimer);
    this.statsTimer = setTimeout(() => {
      this.statsTimer = null;
      void this.readStats();
    }, STATS_DELAY_MS);
  }

  private async readStats(): Promise<void> {
    const frame = this.frame;
    if (!frame || this.scheduler.state !== 'idle') return;
    // Maps are read per stage tensor (all its maps at once); the magnitude, made for it, as a stage of one.
    const stages: tf.Tensor3D[] = [];
    const owned: tf.Tensor[] = [];
    const wanted: Array<{ key: string; stage: number; map: number }> = [];
    const stageIndex = (tensor: tf.Tensor3D): number => {
      const i = stages.indexOf(tensor);
      return i >= 0 ? i : stages.push(tensor) - 1;
    };
    try {
      for (const key of this.canvases.keys()) {
        const view = parseKey(key);
        if (view?.kind === 'map') {
          const source = mapSource(view, frame);
          if (source) wanted.push({ key, stage: stageIndex(source.tensor), map: source.map });
        } else if (view?.kind === 'magnitude') {
          const picked = viewTensor(view, frame);
          if (!picked) continue;
          owned.push(picked.tensor);
          const stage = tf.expandDims(picked.tensor, 2) as tf.Tensor3D;
          owned.push(stage);
          wanted.push({ key, stage: stageIndex(stage), map: 0 });
        }
      }
      const stats = await stageStats(stages);
      if (frame !== this.frame) return;
      const byKey = new Map(
        wanted.flatMap(({ key, stage, map }) => {
          const found = stats[stage]?.[map];
          return found ? [[key, found] as const] : [];
        }),
      );
      engineStatus.setState({ stats: byKey });
    } finally {
      tf.dispose(owned);
    }
    if (this.framePadded && frame === this.frame && !this.scheduler.isRunning())
      warmUp(frame, this.framePadded, this.warmed);
  }
}
