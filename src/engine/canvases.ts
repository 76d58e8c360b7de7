/**
 * The canvases components attached by key (views.ts names what each key shows), what each shows now,
 * and drawing a view onto one. A canvas is redrawn only when its signature (what it would show) changed,
 * and only while it is in view: an IntersectionObserver tells which are; one off screen is left stale
 * on a frame and drawn when it scrolls into view (from the frame on screen: `onShown` asks the engine
 * for a frame, which computes nothing new). Without IntersectionObserver every canvas counts as in view.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { Progress } from './engineStatus.ts';
import { yieldToPage } from './yieldToPage.ts';
import { hostValues } from '../core/index.ts';
import {
  drawImageTensor,
  drawMap,
  drawMapValues,
  drawsOnGpu,
  noteReadback,
  type MapDisplay,
} from '../render/index.ts';
import {
  displayFor,
  filtersOfView,
  mapSource,
  parseKey,
  viewLayer,
  viewTensor,
  type FrameTensors,
  type View,
} from './views.ts';

export interface Attached {
  key: string;
  view: View;
  canvas: HTMLCanvasElement;
}

/** How a frame's canvases are drawn (see `Canvases.drawChanged`). */
export interface DrawWatch {
  /** The versions a canvas's signature is made of (see `signatureOf`). */
  inputVersion: number;
  filterVersion: (layer: number, filter: number) => number;
  /** For a large frame, its progress steps so far (then one canvas a task); null otherwise. */
  step: number | null;
  progress: (progress: Progress) => void;
  /** True once the frame is stale: stop drawing. */
  stop: () => boolean;
}

/** What a preview drew: never equal to a frame's signature, so the full result redraws it. */
export const PREVIEW_SIGNATURE = 'preview';

/**
 * How far beyond the viewport a canvas counts as in view: about half a screen above and below, so one
 * scrolled to is mostly drawn already, while the maps of layers screens away are not.
 */
const IN_VIEW_MARGIN = '50% 0px';

export class Canvases {
  private readonly byKey = new Map<string, HTMLCanvasElement>();
  private readonly drawn = new WeakMap<HTMLCanvasElement, string>();
  /** Canvases the observer reported off screen (a canvas not yet reported counts as in view). */
  private readonly offScreen = new WeakSet<HTMLCanvasElement>();
  /** Canvases left undrawn by a frame because they were off screen. */
  private readonly stale = new WeakSet<HTMLCanvasElement>();
  private readonly observer: IntersectionObserver | null;

  /** `onShown` is called when a stale canvas comes into view. */
  constructor(onShown: () => void = () => {}) {
    this.observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (entries) => {
              let wanted = false;
              for (const { target, isIntersecting } of entries) {
                const canvas = target as HTMLCanvasElement;
                if (!isIntersecting) {
                  this.offScreen.add(canvas);
                  continue;
                }
                this.offScreen.delete(canvas);
                wanted ||= this.stale.has(canvas);
              }
              if (wanted) onShown();
            },
            { rootMargin: IN_VIEW_MARGIN },
          );
  }

  attach(key: string, canvas: HTMLCanvasElement): void {
    this.byKey.set(key, canvas);
    this.observer?.observe(canvas);
  }

  detach(key: string, canvas: HTMLCanvasElement): void {
    if (this.byKey.get(key) !== canvas) return;
    this.byKey.delete(key);
    this.observer?.unobserve(canvas);
  }

  /** Whether `canvas` is in view (or not known to be off screen). */
  inView(canvas: HTMLCanvasElement): boolean {
    return !this.offScreen.has(canvas);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The attached canvases whose key names a view, in the order attached. */
  *views(): Generator<Attached> {
    for (const [key, canvas] of this.byKey) {
      const view = parseKey(key);
      if (view) yield { key, view, canvas };
    }
  }

  /** Whether `canvas` shows `signature` already. */
  shows(canvas: HTMLCanvasElement, signature: string): boolean {
    return this.drawn.get(canvas) === signature;
  }

  markDrawn(canvas: HTMLCanvasElement, signature: string): void {
    this.drawn.set(canvas, signature);
    this.stale.delete(canvas);
    delete canvas.dataset.stale;
  }

  /**
   * Draws the views of `frame` in view whose picture changed (those off screen are left stale); returns
   * how many it drew, or null if `watch.stop()` turned true. A large frame draws one canvas a task, its
   * progress shown, the page answering in between.
   */
  async drawChanged(frame: FrameTensors, display: MapDisplay, watch: DrawWatch): Promise<number | null> {
    let step = watch.step;
    const total = (step ?? 0) + this.size;
    const stagesRead = new Set<tf.Tensor>();
    let drawn = 0;
    for (const attached of this.views()) {
      const signature = signatureOf(attached, frame, watch.inputVersion, display, watch.filterVersion);
      if (this.shows(attached.canvas, signature)) continue;
      if (!this.inView(attached.canvas)) {
        this.stale.add(attached.canvas);
        // Said on the element too: a reader (a test, a screenshot) scrolls it in and waits for its picture.
        attached.canvas.dataset.stale = 'true';
        continue;
      }
      if (step !== null) {
        watch.progress({ done: step++, total });
        await yieldToPage();
        if (watch.stop()) return null;
      }
      if (await drawView(attached.view, frame, display, attached.canvas, stagesRead)) {
        this.markDrawn(attached.canvas, signature);
        drawn += 1;
      }
    }
    return drawn;
  }
}

/**
 * What a canvas of this view would show in this frame, as a string: equal strings, equal pictures.
 * The input and the padded inputs change only with the image, the channel mode and the pads (not on a
 * kernel edit); a map, the magnitude and an RGB image change with their filters' maps (and maps with
 * the colour scale). `filterVersion(k, f)`: the version of layer k's filter f's maps (resultCache.ts).
 */
function signatureOf(
  { key, view }: Pick<Attached, 'key' | 'view'>,
  frame: FrameTensors,
  inputVersion: number,
  display: MapDisplay,
  filterVersion: (layer: number, filter: number) => number,
): string {
  const { pads } = frame.geometry;
  switch (view.kind) {
    case 'input':
      return `input ${inputVersion}`;
    case 'padded':
      return `padded ${inputVersion} ${pads.top} ${pads.bottom} ${pads.left} ${pads.right}`;
    case 'shrunk':
    case 'moved': {
      // Computed from the input with the spec's filter and its other fields (stride and pool aside).
      const versions = filtersOfView(view, frame).map((filter) => filterVersion(0, filter));
      return `${key} ${inputVersion} ${versions.join(' ')} ${display}`;
    }
    default: {
      const layer = viewLayer(view);
      const versions = filtersOfView(view, frame).map((filter) => filterVersion(layer, filter));
      return `${key} ${versions.join(' ')} ${displayFor(view, display)}`;
    }
  }
}

/**
 * Draws a view of `frame` onto `canvas` (sized to the view); false when the view shows nothing. Off
 * the GPU, each stage's values are read where they are (hostValues: no copy on wasm) and all its maps
 * coloured from them; one readback counted per stage (`stagesRead` holds the stages read so far).
 */
export async function drawView(
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
