import { useId } from 'react';
import type { Translate } from '../../i18n/index.ts';
import { setWindowDemo, store, useStore, WINDOW_SPEEDS } from '../../store/index.ts';

/** Play from where the window stands, or from the first stop when it has reached the last. */
export function togglePlay(count: number, reduced: boolean): void {
  const { playing, stop } = store.getState().window;
  if (playing) setWindowDemo({ playing: false });
  else if (!reduced && count > 1) setWindowDemo({ playing: true, stop: stop >= count - 1 ? 0 : stop });
}

/** Moves the window to stop `index` (clamped), pausing it. */
export function goTo(index: number, count: number): void {
  setWindowDemo({ stop: Math.min(Math.max(index, 0), Math.max(count - 1, 0)), playing: false });
}

interface Props {
  /** The current stop (clamped) and how many there are. */
  stop: number;
  count: number;
  reduced: boolean;
  t: Translate;
}

/** Play / Pause, step back and forward, the position slider and the speed. */
export function WindowControls({ stop, count, reduced, t }: Props) {
  const playing = useStore((s) => s.window.playing);
  const speed = useStore((s) => s.window.speed);
  const speedId = useId();
  const none = count < 1;
  return (
    <div className="sw-controls">
      <div className="sw-transport">
        <button
          type="button"
          onClick={() => goTo(stop - 1, count)}
          disabled={none || stop <= 0}
          aria-label={t('window.stepBack')}
          title={t('window.stepBack')}
        >
          <span aria-hidden="true">|◀︎</span>
        </button>
        <button
          type="button"
          className="sw-play"
          onClick={() => togglePlay(count, reduced)}
          disabled={none || count < 2 || (reduced && !playing)}
        >
          <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
          {playing ? t('window.pause') : t('window.play')}
        </button>
        <button
          type="button"
          onClick={() => goTo(stop + 1, count)}
          disabled={none || stop >= count - 1}
          aria-label={t('window.stepForward')}
          title={t('window.stepForward')}
        >
          <span aria-hidden="true">▶︎|</span>
        </button>
      </div>
      <label className="sw-position">
        <span className="sw-label">{t('window.position')}</span>
        <input
          type="range"
          min={1}
          max={Math.max(count, 1)}
          step={1}
          value={none ? 1 : stop + 1}
          disabled={none}
          aria-valuetext={t('window.positionValue', { n: stop + 1, count })}
          onChange={(e) => goTo(Number(e.currentTarget.value) - 1, count)}
        />
        <span className="sw-count" aria-hidden="true">
          {none ? '—' : `${stop + 1} / ${count}`}
        </span>
      </label>
      <label className="sw-speed" htmlFor={speedId}>
        <span className="sw-label">{t('window.speed')}</span>
        <select
          id={speedId}
          value={speed}
          disabled={reduced}
          onChange={(e) => setWindowDemo({ speed: Number(e.currentTarget.value) })}
        >
          {WINDOW_SPEEDS.map((n) => (
            <option key={n} value={n}>
              {t('window.speedValue', { n })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
