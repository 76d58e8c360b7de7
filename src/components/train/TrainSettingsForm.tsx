/**
 * The training settings as a person types them (epochs, batch size, learning rate, seed, optimizer):
 * kept as text so a half-typed number stays, checked field by field (`parseDraft`).
 */
import type { Dispatch, SetStateAction } from 'react';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { OPTIMIZERS, type OptimizerName, type TrainSettings } from '../../train/defaults.ts';

const OPTIMIZER_LABELS: Record<OptimizerName, MessageKey> = {
  sgd: 'train.optimizer.sgd',
  momentum: 'train.optimizer.momentum',
  adam: 'train.optimizer.adam',
};

/** The settings as typed (text), so a half-typed number is kept while the person types. */
export type Draft = Record<keyof TrainSettings, string>;

export const FIELDS: ReadonlyArray<{
  key: Exclude<keyof TrainSettings, 'optimizer'>;
  label: 'train.epochs' | 'train.batchSize' | 'train.learningRate' | 'train.seed';
  min: number;
  max: number;
  step: string;
  integer: boolean;
}> = [
  { key: 'epochs', label: 'train.epochs', min: 1, max: 100, step: '1', integer: true },
  { key: 'batchSize', label: 'train.batchSize', min: 1, max: 1024, step: '1', integer: true },
  { key: 'learningRate', label: 'train.learningRate', min: 1e-6, max: 10, step: 'any', integer: false },
  { key: 'seed', label: 'train.seed', min: 0, max: 2 ** 31 - 1, step: '1', integer: true },
];

export function draftOf(settings: TrainSettings): Draft {
  return {
    epochs: String(settings.epochs),
    batchSize: String(settings.batchSize),
    learningRate: String(settings.learningRate),
    optimizer: settings.optimizer,
    seed: String(settings.seed),
  };
}

/** The settings a draft stands for, or the fields that are not valid. */
export function parseDraft(draft: Draft): {
  settings: TrainSettings | null;
  invalid: Set<keyof TrainSettings>;
} {
  const invalid = new Set<keyof TrainSettings>();
  const values: Partial<Record<keyof TrainSettings, number>> = {};
  for (const field of FIELDS) {
    const text = draft[field.key].trim();
    const value = Number(text);
    const ok =
      text !== '' &&
      Number.isFinite(value) &&
      value >= field.min &&
      value <= field.max &&
      (!field.integer || Number.isInteger(value));
    if (ok) values[field.key] = value;
    else invalid.add(field.key);
  }
  if (invalid.size > 0) return { settings: null, invalid };
  return {
    settings: {
      epochs: values.epochs!,
      batchSize: values.batchSize!,
      learningRate: values.learningRate!,
      seed: values.seed!,
      optimizer: draft.optimizer as OptimizerName,
    },
    invalid,
  };
}

/** The settings fieldset and, below it, which fields are not valid. */
export function TrainSettingsForm({
  draft,
  setDraft,
  invalid,
  disabled,
}: {
  draft: Draft;
  setDraft: Dispatch<SetStateAction<Draft>>;
  invalid: ReadonlySet<keyof TrainSettings>;
  disabled: boolean;
}) {
  const t = useT();
  return (
    <fieldset className="train-settings" disabled={disabled}>
      <legend>{t('train.settings')}</legend>
      {FIELDS.map((field) => (
        <label key={field.key}>
          <span>{t(field.label)}</span>
          <input
            type="number"
            inputMode={field.integer ? 'numeric' : 'decimal'}
            min={field.min}
            max={field.max}
            step={field.step}
            value={draft[field.key]}
            aria-invalid={invalid.has(field.key) || undefined}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setDraft((d) => ({ ...d, [field.key]: value }));
            }}
          />
        </label>
      ))}
      <label>
        <span>{t('train.optimizer')}</span>
        <select
          value={draft.optimizer}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setDraft((d) => ({ ...d, optimizer: value }));
          }}
        >
          {OPTIMIZERS.map((name) => (
            <option key={name} value={name}>
              {t(OPTIMIZER_LABELS[name])}
            </option>
          ))}
        </select>
      </label>
      <p className="train-note">{t('train.seedHint')}</p>
    </fieldset>
  );
}

/** Which fields are not valid, named; nothing when all are. */
export function InvalidSettings({ invalid }: { invalid: ReadonlySet<keyof TrainSettings> }) {
  const t = useT();
  if (invalid.size === 0) return null;
  return (
    <p className="train-error">
      {t('train.invalid', {
        fields: FIELDS.filter((f) => invalid.has(f.key))
          .map((f) => t(f.label))
          .join(', '),
      })}
    </p>
  );
}
