/**
 * The Dense layer's units: a slider on a log scale (its stops 1, 2, 3, 4, 5, 6, 8, … 4096: most people
 * want 1..1024) and a number field for any whole number in range. Both write the store's `denseUnits`.
 */
import { useId, useMemo, useState } from 'react';
import { useLanguage, useT } from '../../i18n/index.ts';
import { MAX_DENSE_UNITS, setDenseUnits, useStore } from '../../store/index.ts';
import { nearestStop, unitStops } from './denseCounts.ts';

export function DenseUnits() {
  const t = useT();
  const language = useLanguage();
  const units = useStore((s) => s.denseUnits);
  const stops = useMemo(() => unitStops(MAX_DENSE_UNITS), []);
  const hintId = useId();
  // What is being typed: a whole number is applied at once (above the largest, the largest); anything else
  // waits, and is dropped on blur.
  const [draft, setDraft] = useState<string | null>(null);
  const fmt = (n: number) => n.toLocaleString(language === 'ko' ? 'ko-KR' : 'en-US');
  const onType = (text: string) => {
    setDraft(text);
    const n = /^\s*[0-9]{1,9}\s*$/.test(text) ? Number(text) : NaN;
    if (n >= 1) setDenseUnits(Math.min(n, MAX_DENSE_UNITS));
  };
  return (
    <div className="dense-units">
      <label className="dense-units-slider">
        <span>{t('dense.units')}</span>
        <input
          type="range"
          min={0}
          max={stops.length - 1}
          step={1}
          value={nearestStop(stops, units)}
          aria-valuetext={units === 1 ? t('dense.unitsOne') : t('dense.unitsValue', { n: fmt(units) })}
          aria-describedby={hintId}
          onChange={(e) => {
            setDraft(null);
            setDenseUnits(stops[Number(e.currentTarget.value)] ?? units);
          }}
        />
      </label>
      <input
        className="dense-units-number"
        type="number"
        min={1}
        max={MAX_DENSE_UNITS}
        step={1}
        inputMode="numeric"
        aria-label={t('dense.unitsTyped')}
        aria-describedby={hintId}
        value={draft ?? String(units)}
        onChange={(e) => onType(e.currentTarget.value)}
        onBlur={() => setDraft(null)}
      />
      <span className="dense-units-hint" id={hintId}>
        {t('dense.unitsRange', { max: fmt(MAX_DENSE_UNITS) })}
      </span>
    </div>
  );
}
