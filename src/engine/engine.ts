/**
 * The engine: brings every layer of the network up to date when the store's network, display or image
 * changes, and draws every attached canvas in view whose picture changed; a frame is one
 * computed-and-drawn update of the views. It lives outside React: components attach canvases by key
 * (views.ts) and read what it reports from engineStatus.ts. Its parts: when frames run (scheduler.ts),
 * what is kept between them (resultCache.ts), the input image (inputImage.ts), large frames in strips
 * (inStrips.ts), a drag's preview (dragPreview.ts), the layers after the first (deeperLayers.ts), the
 * canvases and which are in view (canvases.ts), its pace (pace.ts) and what runs once edits pause
 * (onPause.ts: statistics, warm-up). Which backend it runs on is backendLifecycle.ts's.
 */
import { networkGeometry, type NetworkSpec } from '../core/index.ts';
import { layerOf, type State } from '../store/index.ts';
import type { StoreApi } from 'zustand/vanilla';
import { Canvases } from './canvases.ts';
import { updateDeeper } from './deeperLayers.ts';
import { DragPreview } from './dragPreview.ts';
import { engineStatus, type Progress } from './engineStatus.ts';
import {
  computeLayer,
  isLargeFrame,
  LARGE_IMAGE_PIXELS,
  planLayer,
  STRIP_MACS,
  type LayerPlan,
} from './inStrips.ts';
import { InputImage } from './inputImage.ts';
import { LastGood, type OnRefuse } from './lastGood.ts';
import { LongWork } from './longWork.ts';
import { OnPause } from './onPause.ts';
import { Pace } from './pace.ts';
import { ResultCache, type InputValues } from './resultCache.ts';
import { Scheduler } from './scheduler.ts';
import { layerFrame, parseKey, viewTensor, type FrameTensors } from './views.ts';
import { yieldToPage } from './yieldToPage.ts';

/** The layer on the image: computed in strips or previewed when large; the deeper ones follow it. */
const LAYER = 0;

export class Engine {
  /** A canvas scrolled into view stale is drawn by a frame that computes nothing new. */
  private readonly canvases = new Canvases(() => this.scheduler.request());
  private readonly cache = new ResultCache();
  private readonly pace = new Pace();
  private readonly preview = new DragPreview();
  private readonly longWork = new LongWork();
  private readonly image = new InputImage({
    changed: (tensor, gray) => {
      if (gray) this.cache.prepared.seed(tensor, gray);
      this.scheduler.request();
    },
    progress: (band) => {
      if (band || !this.scheduler.isRunning()) this.setProgress(band);
    },
    failed: (error) => this.onFailure(error),
  });
  private readonly scheduler = new Scheduler(
    () => this.render(),
    () => this.image.tensor !== null && !this.image.reading,
  );
  private readonly onPause = new OnPause(
    () => ({ frame: this.cache.shown, padded: this.cache.layer(LAYER)?.padded }),
    this.scheduler,
    this.canvases,
  );
  private unsubscribe: (() => void) | null = null;
  private readonly good: LastGood;

  /**
   * `onFailure` is told when a frame throws (the backend is rebuilt: backendLifecycle.ts); `onRefuse`
   * when a layer cannot fit the machine (budget.ts): the spec then goes back to the last good one.
   */
  constructor(
    private readonly store: StoreApi<State>,
    private readonly onFailure: (error: unknown) => void,
    onRefuse: OnRefuse,
  ) {
    this.good = new LastGood(store, onRefuse);
  }

  /** The network of the last frame drawn, or null before the first. */
  get lastGoodNetwork(): NetworkSpec | null {
    return this.good.network;
  }

  /** Milliseconds per multiply-add of the backend in use (costModel.ts), until a large frame measures it. */
  setPace(msPerMac: number): void {
    this.pace.msPerMac = msPerMac;
  }

  /** The person's Cancel of a long frame: it stops at its next strip and the last good result stays. */
  cancel(): void {
    this.longWork.cancel();
  }

  /** Starts watching the store; call once the tfjs backend is ready. */
  start(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.store.subscribe((state, last) => {
      if (
        state.network !== last.network ||
        state.mapDisplay !== last.mapDisplay ||
        state.image !== last.image ||
        state.dragging !== last.dragging
      ) {
        this.scheduler.request();
      }
    });
    this.scheduler.request();
  }

  /** A decoded image's pixels (the caller closes a bitmap afterwards) or a playing video's current frame. */
  setImage(pixels: ImageBitmap | ImageData | HTMLCanvasElement | HTMLVideoElement): void {
    this.image.set(pixels);
  }

  /**
   * Layer `layer`'s input values on the CPU, [H, W, C] (the image's channels for layer 0, the maps fed in
   * deeper), read back on request only (the inspector); null without an image or before it is computed.
   */
  readInput(layer = 0): Promise<InputValues> | null {
    if (layer > 0) {
      const shown = this.cache.shown;
      const input = shown && layerFrame(shown, layer)?.input;
      return input ? this.cache.inputValuesOf(input) : null;
    }
    const image = this.image.tensor;
    const { channels } = layerOf(this.store.getState(), 0);
    return image && this.cache.inputValuesOf(this.cache.prepared.inputOf(image, channels).tensor);
  }

  /**
   * Runs `change` (which changes the tfjs backend) with every tensor dropped, then makes the image again:
   * from its values read before (`carry`), or from the still image's CPU copy (the old backend's
   * tensors unreadable: a lost context). tfjs can move a tensor between backends lazily, but a webgl
   * or cpu tensor moved into a freshly started wasm backend read back as zeros, so it is rebuilt.
   */
  async acrossSwitch(change: () => Promise<void>, carry: boolean): Promise<void> {
    const carried = carry ? await this.image.carry() : null;
    this.cache.clear();
    this.image.drop();
    try {
      await change();
    } finally {
      this.image.restore(carried);
      this.scheduler.request();
    }
  }

  attachCanvas(key: string, canvas: HTMLCanvasElement): void {
    this.canvases.attach(key, canvas);
    this.scheduler.request();
  }

  detachCanvas(key: string, canvas: HTMLCanvasElement): void {
    this.canvases.detach(key, canvas);
  }

  /**
   * The values a canvas key shows now, read back on request (for a download, never on the edit path):
   * row-major with its shape, [H, W] for a map or [H, W, C] for an image; null if the key shows nothing.
   */
  async readView(key: string): Promise<{ data: Float32Array; shape: number[] } | null> {
    const view = parseKey(key);
    const frame = this.cache.shown;
    const picked = view && frame && viewTensor(view, frame);
    if (!picked) return null;
    try {
      return { data: (await picked.tensor.data()) as Float32Array, shape: picked.tensor.shape };
    } finally {
      picked.tensor.dispose();
    }
  }

  private setProgress(progress: Progress | null): void {
    if (engineStatus.getState().progress !== progress) engineStatus.setState({ progress });
  }

  /**
   * One frame: every layer brought up to the store's network (layer 0 perhaps in strips, or previewed
   * while a value is dragged), then the canvases in view drawn.
   */
  private async render(): Promise<void> {
    const image = this.image.tensor;
    if (!image) return;
    try {
      const state = this.store.getState();
      const { network, mapDisplay, dragging } = state;
      const spec = layerOf(state, LAYER);
      const [height, width] = image.shape;
      if (!this.good.admits(network, image, this.pace.msPerMac)) return;
      const geometries = networkGeometry(network, height, width);
      const geometry = geometries[LAYER];
      if (!geometry) return;
      this.cache.keepLayers(network.layers.length);
      const { prepared } = this.cache;
      const fresh = !prepared.holds(image, spec.channels);
      const input = prepared.inputOf(image, spec.channels);
      if (fresh && height * width >= LARGE_IMAGE_PIXELS) {
        // A large image's input and its padding are each one long op: a task each, the page answering between.
        await yieldToPage();
        if (image !== this.image.tensor) return this.scheduler.request();
      }
      const padded = prepared.paddedOf(image, spec.channels, geometry.pads, spec.padMode);
      const shown = this.cache.shown;
      const shownPadded = this.cache.layer(LAYER)?.padded;
      if (dragging && shown && shownPadded) {
        const request = { shown, shownPadded, spec, geometry, padded: padded.tensor, input: input.tensor };
        const drawn = await this.preview.show({ ...request, display: mapDisplay }, this.pace, this.canvases);
        if (drawn !== null) return this.frameDrawn([LAYER], drawn);
      }
      const started = performance.now();
      // Without a computation (a new colour scale), the canvases of the whole layer are drawn.
      let plan: LayerPlan | null = null;
      const computed: number[] = [];
      const outputs = await this.cache.update(LAYER, padded.tensor, spec, geometry, (layer, geo) => {
        computed.push(LAYER);
        const planned = planLayer(this.pace, height * width, layer, geo);
        plan = planned;
        if (planned.longSeconds !== null) this.longWork.begin(planned.longSeconds);
        // Progress steps of a large frame: its strips, their join, then its canvases one by one.
        const total = planned.bands.length + 1 + this.canvases.size;
        return computeLayer(padded.tensor, layer, geo, planned, {
          stop: () => this.scheduler.superseded || this.longWork.cancelled,
          progress: (done) => this.setProgress({ done, total }),
          estimate: (seconds) => this.longWork.update(seconds),
        });
      });
      if (!outputs) {
        // Cancelled: back to the spec of the frame on screen. Else a newer edit came: that one is next.
        if (this.longWork.cancelled) this.good.restore(this.image.tensor);
        return;
      }
      const patches = this.cache.layer(LAYER)?.patches;
      const deeper = await updateDeeper(this.cache, network, geometries, computed);
      const paddedIn: FrameTensors['padded'] = (mode) =>
        prepared.paddedOf(image, spec.channels, geometry.pads, mode).tensor;
      const frame: FrameTensors = {
        input: input.tensor,
        padded: paddedIn,
        spec,
        geometry,
        outputs,
        patches,
        deeper,
      };
      this.cache.show(frame);
      const done = plan as LayerPlan | null;
      const large = done ? done.large : isLargeFrame(this.pace, height * width, spec, geometry);
      const step = large ? (done?.bands.length ?? 0) + 1 : null;
      const drawn = await this.canvases.drawChanged(frame, mapDisplay, {
        inputVersion: input.version,
        filterVersion: (layer, f) => this.cache.layer(layer)?.filterVersions[f] ?? -1,
        step,
        progress: (progress) => this.setProgress(progress),
        stop: () => this.scheduler.superseded || frame !== this.cache.shown,
      });
      if (drawn === null) return;
      // The pace is layer 0's work over the whole frame's time (deeper layers and drawing included):
      // what judges whether the next frame is large.
      if (done) this.pace.record(performance.now() - started, done.values, done.macs, STRIP_MACS);
      this.good.network = network;
      this.preview.end();
      this.frameDrawn(computed, drawn);
      this.onPause.frameDrawn();
    } catch (error) {
      this.onFailure(error);
    } finally {
      this.longWork.end();
      this.setProgress(null);
    }
  }

  /**
   * Counts a frame drawn (a full result or a preview), with the layers it computed and the canvases it
   * drew: tests, the bench and the webcam wait on it.
   */
  private frameDrawn(computed: number[], drawn: number): void {
    engineStatus.setState((now) => ({ frames: now.frames + 1, computed, drawn }));
  }
}
