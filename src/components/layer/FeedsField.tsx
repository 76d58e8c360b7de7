import { LAYER_OUTPUTS, type LayerOutput } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { layerOf, setLayerOutput, useStore } from '../../store/index.ts';
import { RadioGroup } from './RadioGroup.tsx';

const LABEL: Record<LayerOutput, MessageKey> = {
  maxpool: 'network.feeds.maxpool',
  avgpool: 'network.feeds.avgpool',
  conv: 'network.feeds.conv',
};

const HINT: Record<LayerOutput, MessageKey> = {
  maxpool: 'network.feedsHint.maxpool',
  avgpool: 'network.feedsHint.avgpool',
  conv: 'network.feedsHint.conv',
};

/** Which of layer `layer`'s (0-based) results the next layer reads: max pooling, average pooling or the maps. */
export function FeedsField({ layer }: { layer: number }) {
  const t = useT();
  const output = useStore((s) => layerOf(s, layer).output);
  return (
    <RadioGroup
      label={t('network.feeds')}
      value={output}
      options={LAYER_OUTPUTS.map((o) => ({
        value: o,
        label: t(LABEL[o]),
        hint: t(HINT[o], { n: layer + 2 }),
      }))}
      onChange={(o) => void setLayerOutput(layer, o)}
    />
  );
}
