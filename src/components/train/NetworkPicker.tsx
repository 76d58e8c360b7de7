/**
 * Which network to train: the small default CNN, or the workbench's own network when training can take
 * it (`trainingProblem` says why not), shown as one structure line with its parameter count.
 */
import { useMemo } from 'react';
import type { NetworkSpec } from '../../core/index.ts';
import { useT, type Translate } from '../../i18n/index.ts';
import { defaultTrainNetwork } from '../../train/defaults.ts';
import { trainingProblem } from '../../train/trainable.ts';
import { parameterCount, structureParts, type StructurePart } from '../../training/describe.ts';

export type NetworkChoice = 'default' | 'workbench';

function partText(t: Translate, part: StructurePart): string {
  switch (part.kind) {
    case 'input':
      return `${part.size}×${part.size}`;
    case 'conv': {
      const words = [`${part.kh}×${part.kw}×${part.filters}`];
      if (part.stride) words.push(t('train.stride', { stride: part.stride }));
      if (part.activation) words.push(part.activation);
      return words.join(' ');
    }
    case 'pool':
      return t(part.pool === 'max' ? 'train.maxPool' : 'train.avgPool', { size: part.size });
    case 'dense':
      return t('train.dense', { count: part.count });
  }
}

export function NetworkPicker({
  choice,
  onChoice,
  workbench,
  disabled,
}: {
  choice: NetworkChoice;
  onChoice: (choice: NetworkChoice) => void;
  workbench: NetworkSpec;
  disabled: boolean;
}) {
  const t = useT();
  const problem = useMemo(() => trainingProblem(workbench), [workbench]);
  const net = choice === 'workbench' && !problem ? workbench : defaultTrainNetwork();
  const structure = useMemo(() => structureParts(net), [net]);
  const count = useMemo(() => parameterCount(net), [net]);
  return (
    <fieldset className="train-network" disabled={disabled}>
      <legend>{t('train.network')}</legend>
      <label>
        <input
          type="radio"
          name="train-network"
          checked={choice === 'default' || problem !== null}
          onChange={() => onChoice('default')}
        />
        {t('train.network.default')}
      </label>
      <label>
        <input
          type="radio"
          name="train-network"
          checked={choice === 'workbench' && problem === null}
          disabled={problem !== null}
          onChange={() => onChoice('workbench')}
        />
        {t('train.network.workbench')}
      </label>
      {problem && <p className="train-note">{t('train.network.cannot', { detail: problem.message })}</p>}
      <p className="train-structure">
        {t('train.structure', { structure: structure.map((part) => partText(t, part)).join(' → ') })}{' '}
        <span className="train-params">({t('train.params', { count: count.toLocaleString() })})</span>
      </p>
    </fieldset>
  );
}
