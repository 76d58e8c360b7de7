/**
 * Train a small CNN on Fashion-MNIST in the page (issue 14, docs/training.md): which network, the
 * settings, Start / Pause / Resume / Stop and the progress, then the training views (curves, the first
 * layer's filters, one image followed through every layer) and, at the end, the held-out accuracy, the
 * confusion matrix, the mistakes and the model's actions (use in the workbench, export, import). Light
 * until Start: the worker, its tfjs and the data load only then (src/training/store.ts).
 */
import { useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { NetworkSpec } from '../../core/index.ts';
import { useT, type MessageKey, type Translate } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import {
  DEFAULT_TRAIN_SETTINGS,
  defaultTrainNetwork,
  OPTIMIZERS,
  type OptimizerName,
  type TrainSettings,
} from '../../train/defaults.ts';
import { trainingProblem } from '../../train/trainable.ts';
import { parameterCount, structureParts, type StructurePart } from '../../training/describe.ts';
import {
  exportModel,
  followImage,
  importModel,
  pauseTraining,
  resumeTraining,
  startTraining,
  stopTraining,
  applyTrainedModel,
  useTrain,
  type TrainState,
} from '../../training/store.ts';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { FilterGrid } from './FilterGrid.tsx';
import { FollowedMaps } from './FollowedMaps.tsx';
import { Mistakes } from './Mistakes.tsx';
import { TrainCurves } from './TrainCurves.tsx';
import './train.css';

type NetworkChoice = 'default' | 'workbench';

const OPTIMIZER_LABELS: Record<OptimizerName, MessageKey> = {
  sgd: 'train.optimizer.sgd',
  momentum: 'train.optimizer.momentum',
  adam: 'train.optimizer.adam',
};

/** The settings as typed (text), so a half-typed number is kept while the person types. */
type Draft = Record<keyof TrainSettings, string>;

const FIELDS: ReadonlyArray<{
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

function draftOf(settings: TrainSettings): Draft {
  return {
    epochs: String(settings.epochs),
    batchSize: String(settings.batchSize),
    learningRate: String(settings.learningRate),
    optimizer: settings.optimizer,
    seed: String(settings.seed),
  };
}

/** The settings a draft stands for, or the fields that are not valid. */
function parseDraft(draft: Draft): { settings: TrainSettings | null; invalid: Set<keyof TrainSettings> } {
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

function duration(t: Translate, ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? t('train.minutes', { m, s }) : t('train.seconds', { s });
}

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

function NetworkPicker({
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

function Progress({ state }: { state: TrainState }) {
  const t = useT();
  const { progress, phase, backend } = state;
  const done = progress ? (progress.epoch - 1) * progress.batchesPerEpoch + progress.batch : 0;
  const total = progress ? progress.epochs * progress.batchesPerEpoch : 1;
  const finished = phase === 'done';
  return (
    <div className="train-progress">
      <progress max={total} value={finished ? total : done} aria-label={t('train.progressLabel')} />
      <p>
        {progress && !finished && (
          <>
            {t('train.progress', {
              epoch: progress.epoch,
              epochs: progress.epochs,
              batch: progress.batch,
              batches: progress.batchesPerEpoch,
            })}
            {' · '}
            {progress.remainingMs !== null
              ? t('train.timeLeft', { time: duration(t, progress.remainingMs) })
              : t('train.timeElapsed', { time: duration(t, progress.elapsedMs) })}
          </>
        )}
        {backend && (
          <span className="train-backend">
            {progress && !finished ? ' · ' : ''}
            {t('train.backend', { backend })}
          </span>
        )}
      </p>
    </div>
  );
}

function phaseText(t: Translate, state: TrainState): string {
  switch (state.phase) {
    case 'idle':
      return '';
    case 'loading':
      return t('train.phase.loading');
    case 'training':
      return t('train.phase.training');
    case 'paused':
      return t('train.phase.paused');
    case 'done':
      return t('train.phase.done');
    case 'error':
      return t('train.phase.error', { detail: state.error ?? '' });
  }
}

function ModelActions({ state }: { state: TrainState }) {
  const t = useT();
  const fileRef = useRef<HTMLInputElement>(null);
  const busy = state.phase === 'loading' || state.phase === 'training' || state.phase === 'paused';
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) void importModel(file);
  };
  const onUse = () => {
    void applyTrainedModel().then((ok) => {
      if (ok) document.querySelector('.results')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    });
  };
  return (
    <div className="train-model">
      {state.result && (
        <>
          <button type="button" className="primary" onClick={onUse}>
            {t('train.useInWorkbench')}
          </button>
          <button type="button" onClick={exportModel}>
            {t('train.export')}
          </button>
        </>
      )}
      <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
        {t('train.import')}
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('train.importFile')}
        onChange={onFile}
      />
      {state.result && <p className="train-note">{t('train.useInWorkbenchHint')}</p>}
      {state.importError && (
        <p className="train-error" role="alert">
          {t('train.importError', { detail: state.importError })}
        </p>
      )}
    </div>
  );
}

export function TrainPanel() {
  const t = useT();
  const headingId = useId();
  const state = useTrain((s) => s);
  const workbench = useStore((s) => s.network);
  const [choice, setChoice] = useState<NetworkChoice>('default');
  const [draft, setDraft] = useState<Draft>(() => draftOf(DEFAULT_TRAIN_SETTINGS));
  const { settings, invalid } = parseDraft(draft);
  const { phase } = state;
  const running = phase === 'loading' || phase === 'training' || phase === 'paused';
  const started = phase !== 'idle' || state.batches.length > 0;

  const start = () => {
    if (!settings) return;
    const net = choice === 'workbench' && !trainingProblem(workbench) ? workbench : defaultTrainNetwork();
    startTraining(settings, net);
  };

  return (
    <section className="panel train-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('train.heading')}</h2>
      <p className="train-why">{t('train.why')}</p>
      <div className="train-setup">
        <NetworkPicker choice={choice} onChoice={setChoice} workbench={workbench} disabled={running} />
        <fieldset className="train-settings" disabled={running}>
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
      </div>
      {invalid.size > 0 && (
        <p className="train-error">
          {t('train.invalid', {
            fields: FIELDS.filter((f) => invalid.has(f.key))
              .map((f) => t(f.label))
              .join(', '),
          })}
        </p>
      )}
      <div className="train-controls">
        {!running && (
          <button type="button" className="primary" disabled={!settings} onClick={start}>
            {t(phase === 'done' ? 'train.restart' : 'train.start')}
          </button>
        )}
        {phase === 'training' && (
          <button type="button" onClick={pauseTraining}>
            {t('train.pause')}
          </button>
        )}
        {phase === 'paused' && (
          <button type="button" className="primary" onClick={resumeTraining}>
            {t('train.resume')}
          </button>
        )}
        {running && (
          <button type="button" onClick={stopTraining}>
            {t('train.stop')}
          </button>
        )}
        <span className="train-phase" aria-live="polite" data-phase={phase}>
          {phaseText(t, state)}
        </span>
      </div>
      {running && state.epochs.length === 0 && <p className="train-note">{t('train.stopNote')}</p>}
      {started && <Progress state={state} />}
      {state.result && (
        <div className="train-accuracy">
          <span className="train-accuracy-label">{t('train.accuracy')}</span>
          <span className="train-accuracy-value" data-accuracy={state.result.heldOutAccuracy}>
            {(state.result.heldOutAccuracy * 100).toFixed(1)}%
          </span>
          <span className="train-note">
            {state.importedFrom ? t('train.imported', { file: state.importedFrom }) : t('train.accuracyNote')}
          </span>
        </div>
      )}
      <ModelActions state={state} />
      {started && state.progress && (
        <div className="train-views">
          <TrainCurves
            batches={state.batches}
            epochs={state.epochs}
            epochsTotal={state.progress.epochs}
            batchesPerEpoch={state.progress.batchesPerEpoch}
          />
          <FilterGrid filters={state.filters} />
          <FollowedMaps followed={state.followed} choices={state.choices} onPick={followImage} />
        </div>
      )}
      {state.result && (
        <div className="train-end">
          <ConfusionMatrix confusion={state.result.confusion} />
          <Mistakes mistakes={state.result.mistakes} />
        </div>
      )}
    </section>
  );
}
