import type { Stage } from '../../core/index.ts';
import { useStore } from '../../store/index.ts';
import { outlineOn } from './outline.ts';
import { place } from './place.ts';
import { useTrace } from './useTrace.ts';
import './inspector.css';

interface Props {
  /** The layer (0-based) whose map this sits over. */
  layer: number;
  stage: Stage | 'input';
  /** The map's size in cells. */
  height: number;
  width: number;
  /**
   * The map (0-based) under it. On the inspected pixel's own layer only its map is read (a pooled pixel's
   * window on its feature map); every earlier layer's maps all feed it, so this is ignored there.
   */
  map?: number;
}

/**
 * Drawn over one map canvas (inside its positioned `.canvas-box`): the inspected pixel's window on this
 * layer's stage, from `traceWindows` (docs/spec.md "Networks"). Solid around the cells inside the map,
 * dashed around the whole window when it reaches into the padding; nothing when the trace does not
 * touch this stage. The inspected cell itself is ProbeMarker's. Decorative: the inspector says it in words.
 */
export function TraceOutline({ layer, stage, height, width, map }: Props) {
  const trace = useTrace();
  const target = useStore((s) => s.inspect);
  const outline = outlineOn(trace, target, layer, stage, height, width, map);
  if (!outline) return null;
  const { window, inside, padded } = outline;
  return (
    <div
      className="trace-outline"
      aria-hidden="true"
      data-top={window.top}
      data-left={window.left}
      data-height={window.height}
      data-width={window.width}
    >
      {padded && <div className="rf-box rf-padded" style={place(window, height, width)} />}
      {inside.height > 0 && inside.width > 0 && (
        <div className="rf-box rf-inside" style={place(inside, height, width)} />
      )}
    </div>
  );
}
