import { useT } from '../../i18n/index.ts';
import { Fold } from '../Fold.tsx';
import { ActivationField } from './ActivationField.tsx';
import { ChannelsField } from './ChannelsField.tsx';
import { PadModeField, PaddingFields } from './PaddingFields.tsx';
import { PoolFields } from './PoolFields.tsx';
import { Dilation, Stride } from './StrideDilation.tsx';
import './layer.css';

/**
 * Every setting of the layer but the filters (the kernel editor has those). First what a newcomer needs:
 * input channels, stride, padding, pooling; then, folded, dilation, the padding mode and the activation.
 */
export function LayerControls() {
  const t = useT();
  return (
    <section className="panel layer-panel" aria-labelledby="layer-heading">
      <h2 id="layer-heading">{t('layer.heading')}</h2>
      <ChannelsField />
      <Stride />
      <PaddingFields />
      <h3 className="layer-subheading">{t('layer.pooling')}</h3>
      <PoolFields />
      <Fold section="layer" title="fold.layer">
        <Dilation />
        <PadModeField />
        <ActivationField />
      </Fold>
    </section>
  );
}
