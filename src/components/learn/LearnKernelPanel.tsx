/**
 * Learn a kernel (issue 14, part 1): pick a target (a preset or the filter you typed), hidden as a grid of
 * "?", and watch gradient descent in a worker (src/training/learn/) turn filter 1's random weights into
 * it. The learned weights go into the workbench's filter 1 as they change, so the real feature map
 * converges on the page; here are the controls, the step count, the loss curve and why it works.
 */
import { useId, useMemo } from 'react';
import { kernelShape, type LayerSpec, type Weights } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { PresetOptions } from '../kernel/PresetOptions.tsx';
import { editedSpec, useStore } from '../../store/index.ts';
import { OPTIMIZERS, type OptimizerName } from '../../train/defaults.ts';
import {
  pauseLearning,
  resetLearning,
  resumeLearning,
  revealTarget,
  setLearnSettings,
  setTargetChoice,
  startLearning,
  stopLearning,
  targetOf,
  TYPED_TARGET,
  useLearn,
} from '../../training/learn/learnStore.ts';
import type { LearnEnd } from '../../training/learn/protocol.ts';
import { LineChart } from '../train/LineChart.tsx';
import './learn.css';

const OPTIMIZER_LABELS: Record<OptimizerName, MessageKey> = {
  sgd: 'learn.optimizer.sgd',
  momentum: 'learn.optimizer.momentum',
  adam: 'learn.optimizer.adam',
};

const END_MESSAGES: Record<LearnEnd, MessageKey> = {
  matched: 'learn.matched',
  stalled: 'learn.stalled',
  stopped: 'learn.stopped',
};

/** A loss or a difference as a short number. */
function short(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential(1) : value.toFixed(3);
}

/** The target as a grid: "?" while hidden, its numbers (first channel's, for a 3-D one) when revealed. */
function TargetGrid({ target, revealed }: { target: Weights; revealed: boolean }) {
  const t = useT();
  const { kh, kw } = kernelShape(target);
  return (
    <table className="learn-target" aria-label={t('learn.hidden')}>
      <tbody>
        {Array.from({ length: kh }, (_, r) => (
          <tr key={r}>
            {Array.from({ length: kw }, (_, c) => {
              const cell = (target as unknown[][])[r]?.[c];
              const value = Array.isArray(cell)
                ? (cell as number[]).map((v) => short(v)).join(' / ')
                : short(cell as number);
              return <td key={c}>{revealed ? value : '?'}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LearnKernelPanel() {
  const t = useT();
  const id = useId();
  const editing = useStore((s) => s.editing);
  const hasImage = useStore((s) => s.image !== null);
  const layer = useStore((s) => editedSpec(s)) as LayerSpec;
  const phase = useLearn((s) => s.phase);
  const choice = useLearn((s) => s.targetChoice);
  const runTarget = useLearn((s) => s.target);
  const revealed = useLearn((s) => s.revealed);
  const settings = useLearn((s) => s.settings);
  const step = useLearn((s) => s.step);
  const loss = useLearn((s) => s.loss);
  const curve = useLearn((s) => s.curve);
  const end = useLearn((s) => s.end);
  const difference = useLearn((s) => s.difference);
  const backend = useLearn((s) => s.backend);
  const imageSize = useLearn((s) => s.imageSize);
  const learnedSize = useLearn((s) => s.learnedSize);
  const error = useLearn((s) => s.error);

  const active = phase === 'starting' || phase === 'running' || phase === 'paused';
  // While a run goes on (and after it) the grid is the run's target; before, the one the choice names.
  const shown = useMemo(
    () => (phase !== 'idle' && runTarget ? runTarget : targetOf(choice, layer)),
    [phase, runTarget, choice, layer],
  );
  const series = useMemo(() => [{ label: t('learn.loss'), points: curve }], [curve, t]);
  const canStart = editing === 0 && hasImage && !active && shown !== null;
  const lastLoss = curve.length > 0 ? curve[curve.length - 1]![1] : null;

  let status = '';
  if (phase === 'starting') status = t('learn.starting');
  else if (phase === 'running') status = t('learn.progress', { step, loss: short(loss) });
  else if (phase === 'paused') status = t('learn.pausedAt', { step, loss: short(loss) });
  else if (phase === 'ended' && end) status = t(END_MESSAGES[end], { step, difference: short(difference) });
  else if (phase === 'error') status = t('learn.error', { message: error ?? '' });

  return (
    <section className="panel learn-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('learn.heading')}</h2>
      <p className="hint">{t('learn.intro')}</p>
      {editing !== 0 && <p className="hint">{t('learn.layerOnly')}</p>}
      {!hasImage && <p className="hint">{t('learn.noImage')}</p>}

      <label className="learn-field">
        <span>{t('learn.target')}</span>
        <select value={choice} disabled={active} onChange={(e) => setTargetChoice(e.target.value)}>
          <option value={TYPED_TARGET}>{t('learn.target.typed')}</option>
          <PresetOptions />
        </select>
      </label>

      {shown && (
        <div className="learn-hidden">
          <TargetGrid target={shown} revealed={revealed} />
          <button type="button" aria-pressed={revealed} onClick={() => revealTarget(!revealed)}>
            {revealed ? t('learn.hide') : t('learn.reveal')}
          </button>
        </div>
      )}

      <div className="learn-settings">
        <label className="learn-field">
          <span>{t('learn.optimizer')}</span>
          <select
            value={settings.optimizer}
            disabled={active}
            onChange={(e) => setLearnSettings({ optimizer: e.target.value as OptimizerName })}
          >
            {OPTIMIZERS.map((name) => (
              <option key={name} value={name}>
                {t(OPTIMIZER_LABELS[name])}
              </option>
            ))}
          </select>
        </label>
        <label className="learn-field">
          <span>{t('learn.learningRate')}</span>
          <input
            type="number"
            min={0.0001}
            max={10}
            step="any"
            value={settings.learningRate}
            disabled={active}
            onChange={(e) => {
              const value = Number(e.target.value);
              if (Number.isFinite(value) && value > 0) setLearnSettings({ learningRate: value });
            }}
          />
        </label>
        <label className="learn-field">
          <span>{t('learn.seed')}</span>
          <input
            type="number"
            min={0}
            step={1}
            value={settings.seed}
            disabled={active}
            onChange={(e) => {
              const value = Number(e.target.value);
              if (Number.isInteger(value) && value >= 0) setLearnSettings({ seed: value });
            }}
          />
        </label>
      </div>

      <div className="learn-buttons">
        {phase === 'running' ? (
          <button type="button" onClick={pauseLearning}>
            {t('learn.pause')}
          </button>
        ) : phase === 'paused' ? (
          <button type="button" onClick={resumeLearning}>
            {t('learn.resume')}
          </button>
        ) : (
          <button type="button" className="primary" disabled={!canStart} onClick={() => void startLearning()}>
            {t('learn.start')}
          </button>
        )}
        <button type="button" disabled={!active} onClick={stopLearning}>
          {t('learn.stop')}
        </button>
        <button type="button" disabled={phase === 'idle' && !runTarget} onClick={resetLearning}>
          {t('learn.reset')}
        </button>
      </div>
      <p className="hint">{t('learn.resetHint')}</p>

      <p className="learn-status" aria-live="polite" data-phase={phase} data-step={step}>
        {status}
      </p>
      {backend && phase !== 'idle' && (
        <p className="hint">
          {t('learn.where', { backend })}
          {learnedSize &&
            imageSize &&
            (learnedSize.height !== imageSize.height || learnedSize.width !== imageSize.width) &&
            ` ${t('learn.scaled', { ...learnedSize, imageWidth: imageSize.width, imageHeight: imageSize.height })}`}
        </p>
      )}
      {curve.length > 0 && (
        <LineChart
          series={series}
          yScale="log"
          xLabel={t('learn.step')}
          yLabel={t('learn.chart')}
          ariaLabel={t('learn.chartLabel', { step, loss: short(lastLoss) })}
          height={160}
        />
      )}

      <details className="learn-why">
        <summary>{t('learn.why')}</summary>
        <p>{t('learn.whyText')}</p>
      </details>
    </section>
  );
}
