import type { Stage } from '../../core/index.ts';
import { useStore } from '../../store/index.ts';
import './inspector.css';

interface Props {
  /** The layer (0-based) of the map under it; layer 0 when left out. */
  layer?: number;
  stage: Stage;
  map: number;
  /** The map's size in pixels. */
  height: number;
  width: number;
}

/**
 * The inspected pixel outlined on its own map canvas, so a keyboard user sees where the probe is. Meant to
 * sit next to the canvas inside a `position: relative` box (like `.canvas-box` around the input), in
 * percentages so it scales with the canvas. Mounted by the map figures in pipeline/Pipeline.tsx.
 */
export function ProbeMarker({ layer = 0, stage, map, height, width }: Props) {
  const target = useStore((s) => {
    const t = s.inspect;
    return t?.layer === layer && t.stage === stage && t.map === map ? t : null;
  });
  if (!target || target.y >= height || target.x >= width) return null;
  const at = (cells: number, size: number) => `calc(1px + (100% - 2px) * ${cells / size})`;
  const span = (size: number) => `calc((100% - 2px) / ${size})`;
  return (
    <div
      className={target.pinned ? 'probe-marker pinned' : 'probe-marker'}
      aria-hidden="true"
      style={{
        top: at(target.y, height),
        left: at(target.x, width),
        height: span(height),
        width: span(width),
      }}
    />
  );
}
