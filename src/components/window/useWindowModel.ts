import { useMemo } from 'react';
import {
  stopAt,
  stopCount,
  type LayerGeometry,
  type LayerSpec,
  type WindowPhase,
  type WindowStop,
} from '../../core/index.ts';
import type { LayerOutput } from '../../core/network.ts';
import { layerOf, useStore } from '../../store/index.ts';
import { useGeometries } from '../useGeometry.ts';

/** What the window shows, the store's choice clamped to the current network and image. */
export interface WindowModel {
  /** Layers in the network. */
  layers: number;
  layer: number;
  map: number;
  phase: WindowPhase;
  spec: LayerSpec;
  geometry: LayerGeometry;
  /** Stops of the phase's window (0 when the pooling leaves no output). */
  count: number;
  /** The current stop, clamped; null when there are no stops. */
  current: WindowStop | null;
  /** What layer k-1 feeds this layer (null on layer 1, which reads the image). */
  fedFrom: LayerOutput | null;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** The window's state resolved against the network: null without an image or with no output. */
export function useWindowModel(): WindowModel | null {
  const choice = useStore((s) => s.window);
  const network = useStore((s) => s.network);
  const geometries = useGeometries();
  const layer = clamp(choice.layer, 0, network.layers.length - 1);
  const spec = useStore((s) => layerOf(s, layer));
  const geometry = geometries?.[layer] ?? null;
  const fedFrom = layer > 0 ? (network.layers[layer - 1]?.output ?? null) : null;
  return useMemo(() => {
    if (!geometry) return null;
    const map = clamp(choice.map, 0, geometry.conv.maps - 1);
    const count = stopCount(geometry, choice.phase);
    const current = count > 0 ? stopAt(spec, geometry, choice.phase, clamp(choice.stop, 0, count - 1)) : null;
    return {
      layers: network.layers.length,
      layer,
      map,
      phase: choice.phase,
      spec,
      geometry,
      count,
      current,
      fedFrom,
    };
  }, [geometry, spec, choice.map, choice.phase, choice.stop, layer, network.layers.length, fedFrom]);
}
