import { useCallback, useSyncExternalStore } from 'react';
import { engine, type MapStats } from '../../engine/index.ts';

/** The latest statistics (min, max, histogram) of the map drawn under `key`; undefined until read. */
export function useMapStats(key: string): MapStats | undefined {
  const get = useCallback(() => engine.stats(key), [key]);
  return useSyncExternalStore((listener) => engine.onStats(listener), get);
}
