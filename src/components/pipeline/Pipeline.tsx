/**
 * The results: the first layer's input, filters and maps (FirstLayer.tsx); in a network of two or more
 * layers, each layer in a region "Layer N" with its receptive field, the deeper ones as small multiples
 * (src/components/network/). The focus view opens any of their maps large.
 */
import { useStore } from '../../store/index.ts';
import { FocusView } from '../focus/FocusView.tsx';
import { DeepLayerMaps } from '../network/DeepLayerMaps.tsx';
import { LayerRegion } from '../network/LayerRegion.tsx';
import { FirstLayer } from './FirstLayer.tsx';
import './pipeline.css';

export function Pipeline() {
  const layers = useStore((s) => s.network.layers.length);
  const image = useStore((s) => s.image);
  return (
    <>
      {layers === 1 || !image ? (
        <FirstLayer />
      ) : (
        <div className="network-results">
          <LayerRegion layer={0}>
            <FirstLayer />
          </LayerRegion>
          {Array.from({ length: layers - 1 }, (_, i) => (
            <LayerRegion key={i + 1} layer={i + 1}>
              <DeepLayerMaps layer={i + 1} />
            </LayerRegion>
          ))}
        </div>
      )}
      {/* Second in the fragment whatever the first: an open focus view survives a layer added or removed. */}
      <FocusView />
    </>
  );
}
