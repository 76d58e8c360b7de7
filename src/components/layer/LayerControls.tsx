import { Fragment } from 'react';
import { useT } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import { Fold } from '../Fold.tsx';
import { ActivationField } from './ActivationField.tsx';
import { ChannelsField } from './ChannelsField.tsx';
import { FeedsField } from './FeedsField.tsx';
import { LayerInput } from './LayerInput.tsx';
import { PadModeField, PaddingFields } from './PaddingFields.tsx';
import { PoolFields } from './PoolFields.tsx';
import { Dilation, Stride } from './StrideDilation.tsx';
import './layer.css';

/**
 * Every setting of the edited layer but the filters (the kernel editor has those). First what a newcomer
 * needs: input channels (a deeper layer: what it is fed), stride, padding, pooling and, but on the last
 * layer, what feeds the next; then, folded, dilation, the padding mode and the activation.
 */
export function LayerControls() {
  const t = useT();
  const editing = useStore((s) => s.editing);
  const count = useStore((s) => s.network.layers.length);
  return (
    <section className="panel layer-panel" aria-labelledby="layer-heading">
      <h2 id="layer-heading">
        {count > 1 ? t('network.layerHeading', { n: editing + 1 }) : t('layer.heading')}
      </h2>
      {/* Keyed by the layer: a field's typed draft or linked axes never carry over to another layer. */}
      <Fragment key={editing}>
        {editing === 0 ? <ChannelsField /> : <LayerInput layer={editing} />}
        <Stride />
        <PaddingFields />
        <h3 className="layer-subheading">{t('layer.pooling')}</h3>
        <PoolFields />
        {editing < count - 1 && <FeedsField layer={editing} />}
        <Fold section="layer" title="fold.layer">
          <Dilation />
          <PadModeField />
          <ActivationField />
        </Fold>
      </Fragment>
    </section>
  );
}
