import { ACTIVATIONS, type Activation } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { editedSpec, setActivation, useStore } from '../../store/index.ts';
import { RadioGroup } from './RadioGroup.tsx';

const LABEL: Record<Activation, MessageKey> = {
  none: 'layer.activation.none',
  relu: 'layer.activation.relu',
  abs: 'layer.activation.abs',
  clip: 'layer.activation.clip',
};

const HINT: Record<Activation, MessageKey> = {
  none: 'layer.activation.noneHint',
  relu: 'layer.activation.reluHint',
  abs: 'layer.activation.absHint',
  clip: 'layer.activation.clipHint',
};

/** None / ReLU / |x| / clip 0..255, applied after the bias. */
export function ActivationField() {
  const t = useT();
  const activation = useStore((s) => editedSpec(s).activation);
  return (
    <RadioGroup
      label={t('layer.activation')}
      value={activation}
      options={ACTIVATIONS.map((a) => ({ value: a, label: t(LABEL[a]), hint: t(HINT[a]) }))}
      onChange={(a) => void setActivation(a)}
    />
  );
}
