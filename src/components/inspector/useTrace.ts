import { useMemo } from 'react';
import { traceWindows, type TracedWindow } from '../../core/receptiveField.ts';
import { stageSize } from '../../core/cellWindows.ts';
import { useStore } from '../../store/index.ts';
import { useGeometries } from '../useGeometry.ts';

/**
 * The inspected pixel traced back to the image (core `traceWindows`: its own cell first, then its window
 * on every stage it reads, down to the input); null with no target, or one the current shapes lack.
 */
export function useTrace(): TracedWindow[] | null {
  const target = useStore((s) => s.inspect);
  const network = useStore((s) => s.network);
  const geometries = useGeometries();
  return useMemo(() => {
    if (!target || !geometries) return null;
    const geometry = geometries[target.layer];
    if (!geometry || target.map >= geometry.conv.maps) return null;
    const size = stageSize(geometry, target.stage);
    if (target.y >= size.height || target.x >= size.width) return null;
    // The pre-activation map is the feature map before its activation: the same cells feed it.
    const stage = target.stage === 'preActivation' ? 'features' : target.stage;
    return traceWindows(network, geometries, target.layer, stage, target.y, target.x);
  }, [target, network, geometries]);
}
