import { useId } from 'react';
import { isDepthwise, type LayerSpec } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import {
  layerOf,
  MAP_DISPLAYS,
  type MapDisplay,
  setMagnitude,
  setMapDisplay,
  useStore,
} from '../../store/index.ts';

const LABELS: Record<MapDisplay, MessageKey> = {
  robust: 'display.robust',
  symmetric: 'display.symmetric',
  minmax: 'display.minmax',
  abs: 'display.abs',
  raw: 'display.raw',
};

/** Whether "Sobel magnitude" applies: two or more filters, each giving one map (not per channel). */
export function magnitudeApplies(spec: LayerSpec): boolean {
  return spec.filters.length >= 2 && !isDepthwise(spec);
}

export function DisplayControls() {
  const t = useT();
  const id = useId();
  const mapDisplay = useStore((s) => s.mapDisplay);
  const magnitude = useStore((s) => s.magnitude);
  const canMagnitude = useStore((s) => magnitudeApplies(layerOf(s, 0)));
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('display.heading')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('display.normalize')}</label>
        <select id={id} value={mapDisplay} onChange={(e) => setMapDisplay(e.target.value as MapDisplay)}>
          {MAP_DISPLAYS.map((mode) => (
            <option key={mode} value={mode}>
              {t(LABELS[mode])}
            </option>
          ))}
        </select>
        <span className="hint">{t('display.zeroHint')}</span>
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={magnitude}
            aria-describedby={`${id}-mag`}
            onChange={(e) => setMagnitude(e.target.checked)}
          />
          {t('display.magnitude')}
        </label>
        <span className="hint" id={`${id}-mag`}>
          {t(canMagnitude ? 'display.magnitudeHint' : 'display.magnitudeNeedsTwo')}
        </span>
      </div>
    </section>
  );
}
