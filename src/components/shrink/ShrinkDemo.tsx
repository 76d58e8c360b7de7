import { useId, useMemo, useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import { layerOf, setShrinkDemo, useStore } from '../../store/index.ts';
import { useScrollToDemo } from '../useScrollToDemo.ts';
import { MoveTest } from './MoveTest.tsx';
import { ShrinkCompare } from './ShrinkCompare.tsx';
import { shrinkWays } from './shrinkWays.ts';
import './shrink.css';

/**
 * Stride against pooling, and moving the picture (docs/demos.md): layer 1's map shrunk three ways side
 * by side, then the translation test. Its canvases exist only while its fold is open, so a closed fold
 * costs the engine nothing.
 */
export function ShrinkDemo() {
  const ref = useRef<HTMLElement>(null);
  useScrollToDemo('shrink', ref);
  const t = useT();
  const id = useId();
  const open = useStore((s) => s.openSections.includes('shrink'));
  const spec = useStore((s) => layerOf(s, 0));
  const image = useStore((s) => s.image);
  const chosen = useStore((s) => s.shrink.map);
  const outcomes = useMemo(() => (image ? shrinkWays(spec, image.height, image.width) : null), [spec, image]);
  if (!open || !image || !outcomes) return <section ref={ref} className="shrink-demo" />;
  const { height, width } = image;
  const ok = outcomes.find((o) => o.kind === 'ok');
  const maps = ok?.kind === 'ok' ? ok.cost.maps : spec.filters.length;
  const map = Math.min(Math.max(chosen, 0), Math.max(maps - 1, 0));
  return (
    <section ref={ref} className="shrink-demo" aria-label={t('fold.shrink')}>
      <p className="hint">{t('shrink.intro')}</p>
      {maps > 1 && (
        <div className="layer-group shrink-map">
          <label className="field-label" htmlFor={`${id}-map`}>
            {t('shrink.map')}
          </label>
          <select
            id={`${id}-map`}
            value={map}
            onChange={(event) => setShrinkDemo({ map: Number(event.currentTarget.value) })}
          >
            {Array.from({ length: maps }, (_, m) => (
              <option key={m} value={m}>
                {t('shrink.mapOption', { m: m + 1 })}
              </option>
            ))}
          </select>
        </div>
      )}
      <ShrinkCompare outcomes={outcomes} map={map} height={height} width={width} />
      <MoveTest outcomes={outcomes} map={map} height={height} width={width} active={open} />
    </section>
  );
}
