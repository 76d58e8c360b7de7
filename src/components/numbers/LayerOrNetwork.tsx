import type { ReactNode } from 'react';
import type { LayerGeometry, LayerSpec, NetworkSpec } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { editedSpec, useStore } from '../../store/index.ts';
import { useGeometries, useGeometry } from '../useGeometry.ts';

interface Props {
  className: string;
  heading: MessageKey;
  /** What a network of one layer shows: that layer, as the page always has. */
  layer: (spec: LayerSpec, geometry: LayerGeometry) => ReactNode;
  /** What a network of two or more layers shows. */
  network: (network: NetworkSpec, geometries: LayerGeometry[]) => ReactNode;
}

/** A numbers panel (a headed region) that shows the layer, or the whole network once it has two layers. */
export function LayerOrNetwork({ className, heading, layer, network: showNetwork }: Props) {
  const t = useT();
  const network = useStore((s) => s.network);
  const spec = useStore((s) => editedSpec(s));
  const geometries = useGeometries();
  const geometry = useGeometry();
  if (!geometries || !geometry) return null;
  const id = `${className}-heading`;
  return (
    <section className={`panel ${className}`} aria-labelledby={id}>
      <h2 id={id}>{t(heading)}</h2>
      {network.layers.length > 1 ? showNetwork(network, geometries) : layer(spec, geometry)}
    </section>
  );
}
