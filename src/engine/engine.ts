/**
 * The engine: owns the image tensor and the layer's output tensors, recomputes when the store's spec,
 * display or image changes (at most once per animation frame, stale requests dropped), and draws every
 * attached canvas. It lives outside React; components only attach canvases by key.
 *
 * Canvas keys: 'input', and per output map m (0-based) `features-m`, `maxPool-m`, `avgPool-m`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { disposeOutputs, layerGeometry, layerInput, runLayer, type LayerOutputs } from '../core/index.ts';
import { drawImageTensor, drawMap } from '../render/index.ts';
import type { State } from '../store/index.ts';
import type { StoreApi } from 'zustand/vanilla';

export type StageKey = 'features' | 'maxPool' | 'avgPool';
export const STAGES: readonly StageKey[] = ['features', 'maxPool', 'avgPool'];

export function canvasKey(stage: StageKey, map: number): string {
  return `${stage}-${map}`;
}

type FrameListener = (frames: number) => void;

/** The layer's input values on the CPU (for the inspector): row-major [H, W, C], C = 1 (gray) or 3. */
export interface InputValues {
  data: Float32Array;
  height: number;
  width: number;
  channels: number;
}

export class Engine {
  private image: tf.Tensor3D | null = null;
  private outputs: LayerOutputs | null = null;
  private readonly canvases = new Map<string, HTMLCanvasElement>();
  private frameRequested = false;
  private drawing = false;
  private dirty = false;
  private frames = 0;
  private readonly frameListeners = new Set<FrameListener>();
  private unsubscribe: (() => void) | null = null;
  /** Cached CPU copy of the layer input, keyed by the image tensor and the channel mode. */
  private inputValues: { image: tf.Tensor3D; gray: boolean; values: Promise<InputValues> } | null = null;

  constructor(
    private readonly store: StoreApi<State>,
    private readonly onError: (detail: string) => void,
  ) {}

  /** Starts watching the store; call once the tfjs backend is ready. */
  start(): void {
    this.unsubscribe?.();
    let last = this.store.getState();
    this.unsubscribe = this.store.subscribe((state) => {
      if (state.spec !== last.spec || state.mapDisplay !== last.mapDisplay || state.image !== last.image) {
        this.schedule();
      }
      last = state;
    });
    this.schedule();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    disposeOutputs(this.outputs);
    this.outputs = null;
    this.image?.dispose();
    this.image = null;
  }

  /** Takes the pixels of a decoded image as the new input; the caller closes the bitmap afterwards. */
  setImage(pixels: ImageBitmap | ImageData | HTMLCanvasElement): void {
    const next = tf.tidy(() => tf.cast(tf.browser.fromPixels(pixels, 3), 'float32') as tf.Tensor3D);
    this.image?.dispose();
    this.image = next;
    this.schedule();
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
    const input = layerInput(image, channels);
    const [height, width, depth] = input.shape;
    const values = input
      .data()
      .then((data) => ({ data: data as Float32Array, height, width, channels: depth }))
      .finally(() => input.dispose());
    this.inputValues = { image, gray, values };
    return values;
  }

  attachCanvas(key: string, canvas: HTMLCanvasElement): void {
    this.canvases.set(key, canvas);
    this.schedule();
  }

  detachCanvas(key: string, canvas: HTMLCanvasElement): void {
    if (this.canvases.get(key) === canvas) this.canvases.delete(key);
  }

  /** Called after every completed redraw with the number of redraws so far. */
  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  get frameCount(): number {
    return this.frames;
  }

  schedule(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      void this.render();
    });
  }

  private async render(): Promise<void> {
    if (this.drawing) {
      this.dirty = true;
      return;
    }
    const image = this.image;
    if (!image) return;
    this.drawing = true;
    try {
      const { spec, mapDisplay } = this.store.getState();
      const [height, width] = image.shape;
      const geometry = layerGeometry(spec, height, width);
      const outputs = runLayer(image, spec, geometry);
      disposeOutputs(this.outputs);
      this.outputs = outputs;

      const inputCanvas = this.canvases.get('input');
      if (inputCanvas) {
        const input = layerInput(image, spec.channels);
        try {
          await drawImageTensor(input, inputCanvas);
        } finally {
          input.dispose();
        }
      }
      const byStage: Record<StageKey, tf.Tensor3D> = {
        features: outputs.featureMaps,
        maxPool: outputs.maxPool,
        avgPool: outputs.avgPool,
      };
      for (let m = 0; m < geometry.conv.maps; m++) {
        for (const stage of STAGES) {
          const canvas = this.canvases.get(canvasKey(stage, m));
          if (!canvas) continue;
          const maps = byStage[stage];
          const one = tf.tidy(() => tf.squeeze(tf.slice(maps, [0, 0, m], [-1, -1, 1]), [2]) as tf.Tensor2D);
          try {
            await drawMap(one, mapDisplay, canvas);
          } finally {
            one.dispose();
          }
        }
      }
      this.frames += 1;
      for (const listener of this.frameListeners) listener(this.frames);
    } catch (error) {
      this.onError(error instanceof Error ? error.message : String(error));
    } finally {
      this.drawing = false;
      if (this.dirty) {
        this.dirty = false;
        this.schedule();
      }
    }
  }
}
