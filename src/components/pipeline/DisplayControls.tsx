import { useId } from 'react';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { MAP_DISPLAYS, setMapDisplay, useStore, type MapDisplay } from '../../store/index.ts';

const LABELS: Record<MapDisplay, MessageKey> = {
  symmetric: 'display.symmetric',
  minmax: 'display.minmax',
  abs: 'display.abs',
  raw: 'display.raw',
};

export function DisplayControls() {
  const t = useT();
  const id = useId();
  const mapDisplay = useStore((s) => s.mapDisplay);
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
      </div>
    </section>
  );
}
