/**
 * Train a small CNN on Fashion-MNIST in the page (issue 14, docs/training.md): which network, the
 * settings, Start / Pause / Resume / Stop and the progress, then the training views (curves, the first
 * layer's filters, one image followed through every layer) and, at the end, the held-out accuracy, the
 * confusion matrix, the mistakes and the model's actions (use in the workbench, export, import). Light
 * until Start: the worker, its tfjs and the data load only then (src/training/store.ts).
 */
import { useId, useState } from 'react';
import { useT, type Translate } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import { DEFAULT_TRAIN_SETTINGS, defaultTrainNetwork } from '../../train/defaults.ts';
import { trainingProblem } from '../../train/trainable.ts';
import {
  followImage,
  pauseTraining,
  resumeTraining,
  startTraining,
  stopTraining,
  useTrain,
  type TrainState,
} from '../../training/store.ts';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { FilterGrid } from './FilterGrid.tsx';
import { FollowedMaps } from './FollowedMaps.tsx';
import { Mistakes } from './Mistakes.tsx';
import { ModelActions } from './ModelActions.tsx';
import { NetworkPicker, type NetworkChoice } from './NetworkPicker.tsx';
import { TrainCurves } from './TrainCurves.tsx';
import { TrainProgress } from './TrainProgress.tsx';
import { draftOf, InvalidSettings, parseDraft, TrainSettingsForm, type Draft } from './TrainSettingsForm.tsx';
import './train.css';

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
        <TrainSettingsForm draft={draft} setDraft={setDraft} invalid={invalid} disabled={running} />
      </div>
      <InvalidSettings invalid={invalid} />
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
      {started && <TrainProgress state={state} />}
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
