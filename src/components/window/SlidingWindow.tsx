import { useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import { fits } from './gridValues.ts';
import { useInputValues } from '../inspector/useInputValues.ts';
import { useScrollToDemo } from '../useScrollToDemo.ts';
import { useWebcam } from '../../webcam/index.ts';
import { useNearView } from './useNearView.ts';
import { usePlayer, useReducedMotion } from './usePlayer.ts';
import { useWindowModel } from './useWindowModel.ts';
import './window.css';
import { goTo, togglePlay, WindowControls } from './WindowControls.tsx';
import { WindowDetails } from './WindowDetails.tsx';
import { WindowOverview } from './WindowOverview.tsx';
import { WindowPicture } from './WindowPicture.tsx';
import { WindowSource, type PoolKind } from './WindowSource.tsx';

/** Up to this many pixels the image is read back at once, seen or not (a 1024 × 1024 image, 4 MB). */
const CHEAP_READ_PIXELS = 1 << 20;

/** Keys that stay with their control: a list's or field's keys, the slider's arrows, a details button's Space. */
function ownsKey(target: EventTarget, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !(target.type === 'range' && key === ' ');
  // The details' own buttons (a deeper layer's map sums) are pressed with Space as usual.
  return key === ' ' && target instanceof HTMLButtonElement && target.closest('.sw-details') !== null;
}

/**
 * The sliding window (docs/demos.md): the filter's window stepping over the padded input of any layer
 * (or the pooling window over a map), the cell it writes, and that stop's multiply-add in real numbers.
 * Its state is the store's `window` slice, so a link reopens the same stop.
 */
export function SlidingWindow() {
  const t = useT();
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  useScrollToDemo('window', ref);
  const model = useWindowModel();
  const hasImage = useStore((s) => s.image !== null);
  const playing = useStore((s) => s.window.playing);
  const speed = useStore((s) => s.window.speed);
  const reduced = useReducedMotion();
  const [poolKind, setPoolKind] = useState<PoolKind>('maxPool');
  const [inputMap, setInputMap] = useState(0);
  const layer = model?.layer ?? 0;
  // Layer 1's input is the image, read back once per image (a large one only when the panel is seen);
  // a deeper layer's maps change with every edit.
  // Live video would mean a readback per video frame: the window waits for the webcam to stop.
  const near = useNearView(ref);
  const live = useWebcam((w) => w.status === 'live');
  const input0 = model?.geometry.input;
  const cheap = layer === 0 && !!input0 && input0.height * input0.width <= CHEAP_READ_PIXELS;
  const values = useInputValues(!live && (cheap || near), layer);
  const input = values && model && fits(values, model.geometry) ? values : null;
  const count = model?.count ?? 0;
  const stop = model?.current?.index ?? 0;
  usePlayer(count, reduced);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || ownsKey(e.target, e.key)) return;
    const move: Record<string, number> = {
      ArrowRight: stop + 1,
      ArrowLeft: stop - 1,
      Home: 0,
      End: count - 1,
    };
    if (e.key === ' ') togglePlay(count, reduced);
    else if (e.key in move) goTo(move[e.key] as number, count);
    else return;
    e.preventDefault();
  };

  return (
    <section
      ref={ref}
      className="panel sliding-window"
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      style={{ '--sw-step': `${Math.round(Math.min(150, 500 / speed))}ms` } as CSSProperties}
    >
      <h2 id={headingId}>{t('window.heading')}</h2>
      <p className="hint sw-intro">{t('window.intro')}</p>
      {!hasImage || !model ? (
        <p className="hint">{t(hasImage ? 'window.noOutput' : 'window.noImage')}</p>
      ) : (
        <>
          <WindowSource
            model={model}
            poolKind={poolKind}
            onPoolKind={setPoolKind}
            inputMap={inputMap}
            onInputMap={setInputMap}
            t={t}
          />
          <WindowControls stop={stop} count={count} reduced={reduced} t={t} />
          {reduced && <p className="hint sw-reduced">{t('window.reduced')}</p>}
          {count === 0 ? (
            <p className="hint">{t('window.noPool')}</p>
          ) : live ? (
            <p className="hint">{t('window.webcam')}</p>
          ) : !input ? (
            <p className="hint sw-reading">
              {t(layer > 0 ? 'window.readingMaps' : 'window.reading', { layer: layer + 1 })}
            </p>
          ) : (
            <>
              <div className="sw-stage" role="group" tabIndex={0} aria-label={t('window.picture')}>
                <WindowPicture model={model} input={input} poolKind={poolKind} inputMap={inputMap} t={t} />
              </div>
              <div className="sw-below">
                <WindowDetails model={model} input={input} poolKind={poolKind} playing={playing} t={t} />
                <WindowOverview model={model} poolKind={poolKind} inputMap={inputMap} t={t} />
              </div>
            </>
          )}
          <p className="hint sw-keys">{t('window.keys')}</p>
        </>
      )}
    </section>
  );
}
