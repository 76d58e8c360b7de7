/**
 * Keeping the inspected pixel meaningful when the layer changes: a new spec or image can shrink the maps,
 * remove a map or the pre-activation view. The target is clamped to the new size, moved to the feature
 * map when the pre-activation view goes away, or cleared when its map no longer exists.
 */
import { layerGeometry, type LayerGeometry, type LayerSpec } from '../../core/index.ts';
import { stageSize } from '../../core/cellWindows.ts';
import { type InspectTarget, layerOf, setInspect, type State, store } from '../../store/index.ts';

function clampTarget(target: InspectTarget, spec: LayerSpec, geometry: LayerGeometry): InspectTarget | null {
  if (target.map >= geometry.conv.maps) return null;
  const stage = target.stage === 'preActivation' && spec.activation === 'none' ? 'features' : target.stage;
  const { height, width } = stageSize(geometry, stage);
  const y = Math.min(Math.max(target.y, 0), height - 1);
  const x = Math.min(Math.max(target.x, 0), width - 1);
  if (stage === target.stage && y === target.y && x === target.x) return target;
  return { ...target, stage, y, x };
}

function geometryOf(state: State): LayerGeometry | null {
  if (!state.image) return null;
  try {
    return layerGeometry(layerOf(state, 0), state.image.height, state.image.width);
  } catch {
    return null;
  }
}

/** Watches the store: when the spec or the image changes, clamps or clears the inspected pixel. */
export function watchTargetRange(): () => void {
  return store.subscribe((state, previous) => {
    if (!state.inspect) return;
    if (layerOf(state, 0) === layerOf(previous, 0) && state.image === previous.image) return;
    const geometry = geometryOf(state);
    const next = geometry ? clampTarget(state.inspect, layerOf(state, 0), geometry) : null;
    if (next !== state.inspect) setInspect(next);
  });
}

/** Two targets point at the same pixel of the same map (pinned or not). */
export function samePixel(a: InspectTarget | null, b: InspectTarget | null): boolean {
  return (
    !!a && !!b && a.layer === b.layer && a.stage === b.stage && a.map === b.map && a.y === b.y && a.x === b.x
  );
}
