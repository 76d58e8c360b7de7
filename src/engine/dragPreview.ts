/**
 * While a value is dragged: an edit to one filter of the frame on screen whose computation is estimated
 * (from the last full frame's pace) above `PREVIEW_ABOVE_MS` is previewed at a lower resolution
 * (src/core/preview.ts), its factor chosen to bring it to about `PREVIEW_TARGET_MS` and adjusted by each
 * preview's own time. Only that filter's canvases are drawn, at the preview's size (the page's CSS keeps
 * each canvas box, so the browser stretches it); the frame's results stay as they are, and the full
 * result is computed when the drag ends.
 */
import type * as tf from '@tensorflow/tfjs-core';
import {
  adjustPreviewFactor,
  changedFilters,
  disposeOutputs,
  filterSubset,
  mapsPerFilter,
  previewFactor,
  previewLayer,
  runLayerPadded,
  type LayerGeometry,
  type LayerSpec,
} from '../core/index.ts';
import type { MapDisplay } from '../render/index.ts';
import { drawView, PREVIEW_SIGNATURE, type Canvases } from './canvases.ts';
import { engineStatus } from './engineStatus.ts';
import type { Pace } from './pace.ts';
import { filtersOfView, viewLayer, type FrameTensors } from './views.ts';

const PREVIEW_ABOVE_MS = 40;
const PREVIEW_TARGET_MS = 20;

/** What a preview is drawn from: the frame on screen and the edit's spec on the same padded input. */
export interface PreviewRequest {
  shown: FrameTensors;
  /** The padded input the frame on screen was computed from. */
  shownPadded: tf.Tensor3D;
  spec: LayerSpec;
  geometry: LayerGeometry;
  padded: tf.Tensor3D;
  input: tf.Tensor3D;
  display: MapDisplay;
}

export class DragPreview {
  /** The last preview of the current drag (its factor and how long it took), to adjust the next one's. */
  private last: { factor: number; ms: number } | null = null;

  /** The full result is on screen: the next drag starts again from the full frame's pace. */
  end(): void {
    this.last = null;
    if (engineStatus.getState().previewFactor !== null) engineStatus.setState({ previewFactor: null });
  }

  /**
   * Draws a preview of `request` on the canvases in view; how many it drew, or null when there is
   * nothing to preview.
   */
  async show(request: PreviewRequest, pace: Pace, canvases: Canvases): Promise<number | null> {
    const started = performance.now();
    const { shown, spec, geometry, padded } = request;
    if (request.shownPadded !== padded) return null;
    const changed = changedFilters(shown.spec, spec);
    if (changed?.length !== 1) return null;
    const filter = changed[0] as number;
    const { conv } = geometry;
    // The first preview of a drag from the last full frame's pace; later ones from the last preview's.
    const last = this.last;
    const estimate = pace.msFor(conv.height * conv.width * mapsPerFilter(spec));
    if (!last && estimate <= PREVIEW_ABOVE_MS) return null;
    const factor = last
      ? adjustPreviewFactor(last.factor, last.ms, PREVIEW_TARGET_MS)
      : previewFactor(estimate, PREVIEW_TARGET_MS);
    const subset = filterSubset(spec, [filter], geometry.input.height, geometry.input.width);
    const layer = previewLayer(subset.spec, subset.geometry, factor);
    if (!layer) return null;
    let drawn = 0;
    const outputs = runLayerPadded(padded, layer.spec, layer.geometry);
    try {
      // The preview's maps stand in for the filter's own: views of other filters are not drawn.
      const frame: FrameTensors = {
        ...shown,
        input: request.input,
        spec,
        patches: new Map([[filter, outputs]]),
      };
      const stagesRead = new Set<tf.Tensor>();
      for (const { view, canvas } of canvases.views()) {
        // Deeper layers keep the full frame's maps until the drag ends (they follow the full result).
        if (view.kind === 'input' || view.kind === 'padded' || viewLayer(view) !== 0) continue;
        if (!filtersOfView(view, frame).every((f) => f === filter) || !canvases.inView(canvas)) continue;
        if (await drawView(view, frame, request.display, canvas, stagesRead)) {
          canvases.markDrawn(canvas, PREVIEW_SIGNATURE);
          drawn += 1;
        }
      }
    } finally {
      disposeOutputs(outputs);
    }
    this.last = { factor: layer.factor, ms: performance.now() - started };
    engineStatus.setState({ previewFactor: layer.factor });
    return drawn;
  }
}
