import { useMemo } from 'react';
import type { LayerGeometry } from '../core/index.ts';
import { geometriesOf, useStore } from '../store/index.ts';

/** Every layer's shapes for the current image, derived from the store (never stored); null without one. */
export function useGeometries(): LayerGeometry[] | null {
  const network = useStore((s) => s.network);
  const image = useStore((s) => s.image);
  return useMemo(() => geometriesOf({ network, image }), [network, image]);
}

/** The shapes of layer `layer` (0-based; the edited layer when left out) for the current image. */
export function useGeometry(layer?: number): LayerGeometry | null {
  const geometries = useGeometries();
  const editing = useStore((s) => s.editing);
  return geometries?.[layer ?? editing] ?? null;
}
