import { clipRect, type CellRect } from '../../core/cellWindows.ts';
import type { TracedWindow } from '../../core/receptiveField.ts';
import type { Stage } from '../../core/stage.ts';

/** A window to outline over one map: the whole window, the part inside the map, whether it reaches out. */
export interface Outline {
  window: CellRect;
  inside: CellRect;
  /** Part of the window lies in the padding: the whole window is drawn dashed too. */
  padded: boolean;
}

/** Where the inspected pixel is: its layer (0-based) and map. */
interface Probe {
  layer: number;
  map: number;
}

/**
 * Which window of the inspected pixel's trace (`traceWindows`, its own cell first) to outline over map
 * `map` of layer `layer`'s `stage` (`input`: the image), `height` × `width` cells; null when the trace
 * does not touch it. The pre-activation map shows the feature maps' window (the same cells). On the
 * pixel's own layer only its map is read (a pooled pixel's window on its feature map); on every earlier
 * layer all maps feed it. The pixel's own cell is ProbeMarker's, never outlined here.
 */
export function outlineOn(
  trace: readonly TracedWindow[] | null,
  probe: Probe | null,
  layer: number,
  stage: Stage | 'input',
  height: number,
  width: number,
  map?: number,
): Outline | null {
  if (!trace || !probe) return null;
  if (layer === probe.layer && map !== undefined && map !== probe.map) return null;
  const traced = stage === 'preActivation' ? 'features' : stage;
  const found = trace.slice(1).find((w) => w.stage === traced && (traced === 'input' || w.layer === layer));
  if (!found) return null;
  const { window } = found;
  const inside = clipRect(window, height, width);
  return { window, inside, padded: inside.height !== window.height || inside.width !== window.width };
}
