import { useId, type ReactNode } from 'react';
import { useT } from '../../i18n/index.ts';
import { ReceptiveFieldNote } from './ReceptiveFieldNote.tsx';
import './network.css';

/** One layer's results in a network of two or more: a region "Layer N" with its receptive field. */
export function LayerRegion({ layer, children }: { layer: number; children: ReactNode }) {
  const t = useT();
  const id = useId();
  return (
    <section className="layer-region" aria-labelledby={`${id}-title`}>
      <div className="layer-region-head">
        <h2 id={`${id}-title`}>{t('network.layer', { n: layer + 1 })}</h2>
        <ReceptiveFieldNote layer={layer} />
      </div>
      {children}
    </section>
  );
}
