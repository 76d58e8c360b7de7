import { useState } from 'react';
import { CHANNELS, type Channels } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { editedSpec, setChannels, useStore } from '../../store/index.ts';
import { RadioGroup } from './RadioGroup.tsx';

const LABEL: Record<Channels, MessageKey> = {
  gray: 'layer.channels.gray',
  rgb: 'layer.channels.rgb',
  'rgb-per-channel': 'layer.channels.rgbPerChannel',
};

const HINT: Record<Channels, MessageKey> = {
  gray: 'layer.channels.grayHint',
  rgb: 'layer.channels.rgbHint',
  'rgb-per-channel': 'layer.channels.rgbPerChannelHint',
};

/** Gray / RGB / RGB per channel. Leaving RGB collapses 3-D filters to 2-D, and says so when that loses slices. */
export function ChannelsField() {
  const t = useT();
  const channels = useStore((s) => editedSpec(s).channels);
  /** 1-based filters whose differing slices the last switch dropped. */
  const [collapsed, setCollapsed] = useState<number[]>([]);

  const choose = (next: Channels) => {
    const { applied, lossy } = setChannels(next);
    if (applied) setCollapsed(lossy.map((f) => f + 1));
  };

  return (
    <RadioGroup
      label={t('layer.channels')}
      value={channels}
      options={CHANNELS.map((c) => ({ value: c, label: t(LABEL[c]), hint: t(HINT[c]) }))}
      onChange={choose}
    >
      {channels === 'rgb' && <p className="hint">{t('layer.channels.whyThree')}</p>}
      {collapsed.length > 0 && (
        <p className="hint layer-note" role="note">
          {t('layer.channels.collapsed', { filters: collapsed.join(', ') })}
        </p>
      )}
    </RadioGroup>
  );
}
