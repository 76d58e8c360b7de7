import { useMemo } from 'react';
import { layerGeometry, type LayerGeometry } from '../core/index.ts';
import { useStore } from '../store/index.ts';

/** Every shape of the layer for the current image, derived from the store (never stored). */
export function useGeometry(): LayerGeometry | null {
  const spec = useStore((s) => s.spec);
  const height = useStore((s) => s.image?.height ?? 0);
  const width = useStore((s) => s.image?.width ?? 0);
  return useMemo(() => {
    if (!height || !width) return null;
    try {
      return layerGeometry(spec, height, width);
    } catch {
      return null;
    }
  }, [spec, height, width]);
}
