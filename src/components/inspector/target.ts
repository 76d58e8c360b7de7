/**
 * Keeping the inspected pixel meaningful when the network changes: a new spec or image can shrink the
 * maps, remove a map, a layer or the pre-activation view. The target is clamped to the new size, moved to
 * the feature map when the pre-activation view goes away, or cleared when its map or layer no longer
 * exists (or the network has no result for the image).
 */
import { stageSize } from '../../core/cellWindows.ts';
import type { LayerGeometry, LayerSpec } from '../../core/index.ts';
import { geometriesOf, type InspectTarget, setInspect, store } from '../../store/index.ts';

function clampTarget(target: InspectTarget, spec: LayerSpec, geometry: LayerGeometry): InspectTarget | null {
  if (target.map >= geometry.conv.maps) return null;
  const stage = target.stage === 'preActivation' && spec.activation === 'none' ? 'features' : target.stage;
  const { height, width } = stageSize(geometry, stage);
  const y = Math.min(Math.max(target.y, 0), height - 1);
  const x = Math.min(Math.max(target.x, 0), width - 1);
  if (stage === target.stage && y === target.y && x === target.x) return target;
  return { ...target, stage, y, x };
}

/** Watches the store: when the network or the image changes, clamps or clears the inspected pixel. */
export function watchTargetRange(): () => void {
  return store.subscribe((state, previous) => {
    if (!state.inspect) return;
    if (state.network === previous.network && state.image === previous.image) return;
    const { layer } = state.inspect;
    const spec = state.network.layers[layer];
    const geometry = geometriesOf(state)?.[layer];
    const next = spec && geometry ? clampTarget(state.inspect, spec, geometry) : null;
    if (next !== state.inspect) setInspect(next);
  });
}

/** Two targets point at the same pixel of the same map (pinned or not). */
export function samePixel(a: InspectTarget | null, b: InspectTarget | null): boolean {
  return (
    !!a && !!b && a.layer === b.layer && a.stage === b.stage && a.map === b.map && a.y === b.y && a.x === b.x
  );
}
