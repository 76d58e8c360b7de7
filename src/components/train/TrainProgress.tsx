/** How far training has come: a progress bar, epoch and batch, the time left, and the backend. */
import { useT, type Translate } from '../../i18n/index.ts';
import type { TrainState } from '../../training/store.ts';

function duration(t: Translate, ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? t('train.minutes', { m, s }) : t('train.seconds', { s });
}

export function TrainProgress({ state }: { state: TrainState }) {
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
