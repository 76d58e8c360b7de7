import { useEngineStatus, type MapStats } from '../../engine/index.ts';

/** The latest statistics (min, max, histogram) of the map drawn under `key`; undefined until read. */
export function useMapStats(key: string): MapStats | undefined {
  return useEngineStatus((status) => status.stats.get(key));
}
