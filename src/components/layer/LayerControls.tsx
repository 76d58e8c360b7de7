import { useT } from '../../i18n/index.ts';
import { ActivationField } from './ActivationField.tsx';
import { ChannelsField } from './ChannelsField.tsx';
import { PaddingFields } from './PaddingFields.tsx';
import { PoolFields } from './PoolFields.tsx';
import { StrideDilation } from './StrideDilation.tsx';
import './layer.css';

/**
 * Every setting of the layer but the filters (the kernel editor has those), in the order the layer applies
 * them: input channels, the convolution's stride, dilation and padding, the activation, the pooling.
 */
export function LayerControls() {
  const t = useT();
  return (
    <section className="panel layer-panel" aria-labelledby="layer-heading">
      <h2 id="layer-heading">{t('layer.heading')}</h2>
      <ChannelsField />
      <StrideDilation />
      <PaddingFields />
      <ActivationField />
      <h3 className="layer-subheading">{t('layer.pooling')}</h3>
      <PoolFields />
    </section>
  );
}
